"""A graceful reload (SIGHUP) and worker recycling (`max_requests`) lose no request.

gunicorn runs with the project's gunicorn.conf.py and the production settings,
its workers recycled after a few requests each (GUNICORN_MAX_REQUESTS); threads
read a page without pause, each request on a new connection as a load balancer
opens them, while the master is sent SIGHUP. Every request must answer 200.
Runs on SQLite or, with DATABASE_URL=postgres://..., on a throwaway PostgreSQL
database (tests/scale/conftest.py).
"""

import re
import signal
import threading
import time

import pytest

from .servers import (
    Browser,
    Gunicorn,
    django_json,
    production_environment,
)

pytestmark = pytest.mark.scale

READERS = 4
MAX_REQUESTS = 10  # per worker, plus up to JITTER
JITTER = 3


@pytest.fixture(scope="module")
def server(site_database, static_root, tmp_path_factory):
    env = production_environment(
        site_database,
        static_root,
        GUNICORN_MAX_REQUESTS=MAX_REQUESTS,
        GUNICORN_MAX_REQUESTS_JITTER=JITTER,
        GUNICORN_THREADS=2,
    )
    path = django_json(
        env,
        "import json\nfrom coalition_site.models import StandardPage\n"
        "print(json.dumps(StandardPage.objects.live().order_by('path').first().url))",
    )
    log = tmp_path_factory.mktemp("reload-logs") / "gunicorn.log"
    gunicorn = Gunicorn(env, log, workers=2).start()
    yield gunicorn, path
    gunicorn.stop()


class Readers:
    """Threads that read `path` until stopped, keeping every status and error."""

    def __init__(self, port, path):
        self.port, self.path = port, path
        self.statuses, self.errors = [], []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.read, daemon=True) for _ in range(READERS)]

    def read(self):
        browser = Browser(self.port)
        while not self.stopping.is_set():
            try:
                status = browser.get(self.path).status
            except OSError as error:  # refused, reset, closed before answering
                with self.lock:
                    self.errors.append(repr(error))
                continue
            with self.lock:
                self.statuses.append(status)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=70)

    def count(self):
        with self.lock:
            return len(self.statuses) + len(self.errors)


def wait_for_requests(readers, more, timeout=60):
    target = readers.count() + more
    deadline = time.monotonic() + timeout
    while readers.count() < target and time.monotonic() < deadline:
        time.sleep(0.05)


def test_graceful_reload_and_recycling_lose_no_request(server):
    gunicorn, path = server
    assert Browser(gunicorn.port).get(path).status == 200
    workers_before = gunicorn.worker_pids()

    with Readers(gunicorn.port, path) as readers:
        wait_for_requests(readers, 20)
        gunicorn.process.send_signal(signal.SIGHUP)
        # Long enough for new workers to start, the old ones to finish, and the
        # new ones to be recycled in turn.
        wait_for_requests(readers, 60)

    log = gunicorn.log_text()
    assert readers.errors == [], f"{len(readers.errors)} failed: {readers.errors[:5]}"
    assert readers.statuses and set(readers.statuses) == {200}
    assert "Handling signal: hup" in log, log[-2000:]
    assert re.search(r"Autorestarting worker after current request", log), log[-2000:]
    assert set(gunicorn.worker_pids()).isdisjoint(workers_before)
    print(f"{len(readers.statuses)} requests, all 200, through a reload and recycling")
