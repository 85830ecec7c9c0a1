"""Nothing is lost when mail fails (issue #17, item 4).

A visitor sends the Contact form while the mail server is down: the submission is
saved and its notification waits in the task queue. The worker tries, fails, and
schedules another attempt. Once the mail server is back, the worker sends the
notification, exactly once.

The first test runs django-tasks-db's worker loop in this process, on SQLite and on
PostgreSQL. The second runs the real `manage.py db_worker` as a process of its own
with the production settings, as the container does; it needs the PostgreSQL run
(DATABASE_URL=postgres://...), because the SQLite test database lives in this
process's memory where no other process can open it.
"""

import sys
import time

import pytest
from django.db import connection
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.forms.models import FormSubmission

from tests.mail.smtp import MailServer
from tests.scale.servers import Process, production_environment

QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
RETRY_DELAY = 2  # seconds, instead of a minute


@pytest.fixture
def mail_server():
    server = MailServer()
    yield server
    server.stop()


def statuses():
    return sorted(DBTaskResult.objects.values_list("status", flat=True))


def wait_for(check, timeout, what):
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} within {timeout}s (queue: {statuses()})")
        time.sleep(0.2)


def run_worker_once():
    """django-tasks-db's worker: run every task that is due, then stop."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def submit(client, answer, contact):
    response = client.post("/en/contact/", answer)
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert FormSubmission.objects.filter(page=contact).count() == 1


def assert_sent_once(mail_server, answer):
    [(sender, recipients, message)] = mail_server.received
    assert sender == "site@example.org"
    assert recipients == ["staff@example.org"]
    assert message["Subject"] == "Message from the website"
    assert answer["message"] in message.get_body(("plain",)).get_content()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_submission_waits_for_the_mail_server_and_is_sent_once(
    client, contact, answer, mail_server
):
    settings = override_settings(
        EMAIL_BACKEND="coalition_site.mail.QueuedEmailBackend",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=mail_server.port,
        EMAIL_TIMEOUT=5,
        EMAIL_RETRY_DELAY=RETRY_DELAY,
        TASKS=QUEUE,
    )
    with settings:
        submit(client, answer, contact)
        # Nothing was sent from the request: the notification waits in the queue.
        assert statuses() == ["READY"]

        run_worker_once()  # the mail server is down
        assert mail_server.received == []
        assert statuses() == ["FAILED", "READY"]  # the attempt, and the next one
        retry = DBTaskResult.objects.get(status="READY")
        assert retry.args_kwargs["kwargs"] == {"attempt": 2}

        mail_server.start()
        run_worker_once()  # the retry is not due yet
        assert mail_server.received == []

        time.sleep(RETRY_DELAY + 0.5)
        run_worker_once()
        assert_sent_once(mail_server, answer)
        assert statuses() == ["FAILED", "SUCCESSFUL"]

        time.sleep(RETRY_DELAY + 0.5)
        run_worker_once()  # nothing left to do
        assert len(mail_server.received) == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_process_sends_it_once_the_mail_server_is_back(
    client, contact, answer, mail_server, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "the worker process needs the PostgreSQL run (DATABASE_URL=postgres://...): "
            "the SQLite test database lives in this process's memory"
        )
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )
    env = production_environment(
        url,
        tmp_path,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=mail_server.port,
        EMAIL_TIMEOUT=5,
        EMAIL_RETRY_DELAY=RETRY_DELAY,
        LOG_LEVEL="INFO",
    )
    worker = Process(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2"],
        env,
        tmp_path / "worker.log",
    )
    with override_settings(EMAIL_BACKEND="coalition_site.mail.QueuedEmailBackend", TASKS=QUEUE):
        submit(client, answer, contact)
    assert statuses() == ["READY"]

    worker.start()
    try:
        wait_for(
            lambda: statuses() == ["FAILED", "READY"],
            90,
            "the worker did not try once and schedule a retry",
        )
        assert mail_server.received == []

        mail_server.start()
        wait_for(lambda: mail_server.received, 60, "the worker did not send the message")
        wait_for(
            lambda: statuses() == ["FAILED", "SUCCESSFUL"],
            10,
            "the sent message was not marked done",
        )
        time.sleep(RETRY_DELAY * 2)
        assert_sent_once(mail_server, answer)
        assert statuses() == ["FAILED", "SUCCESSFUL"]
        assert worker.process.poll() is None, worker.log_text()
    finally:
        worker.stop()
