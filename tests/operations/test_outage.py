"""Health checks, and what readers see while the database is down."""

import socket
import threading
import time
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.core.cache.backends.locmem import LocMemCache
from django.db import OperationalError, close_old_connections, connections
from django.template.loader import get_template
from django.test import Client

from operations.outage import server_error
from tests.factories import StandardPageFactory

DB_DOWN = mock.patch(
    "django.db.backends.utils.CursorWrapper.execute",
    side_effect=OperationalError("connection refused"),
)


def assert_outage_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    soup = BeautifulSoup(response.content, "html.parser")
    assert "briefly unavailable" in soup.h1.get_text()
    assert soup.select_one('a[href="tel:+18883737888"]') is not None
    assert soup.select_one('a[href="sms:233733"]') is not None
    assert soup.select_one("[data-quick-exit]")["href"].startswith("https://")
    # The outage page is still covered by the site's headers.
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def about(home):
    page = StandardPageFactory.build(title="About", slug="about")
    home.add_child(instance=page)
    return page


# ---------------------------------------------------------------- health


@pytest.mark.parametrize("path", ["/health/live/", "/health/"])
def test_liveness_needs_no_database(client, path):
    # No database fixture: any query here would fail the test.
    response = client.get(path, HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_liveness_stays_up_while_the_database_is_down(client):
    with DB_DOWN:
        assert client.get("/health/live/").status_code == 200


@pytest.mark.django_db
def test_readiness_asks_the_database_and_the_cache(client):
    response = client.get("/health/ready/")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_readiness_fails_when_the_database_is_down(client):
    with DB_DOWN:
        response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.content == b"database unavailable"


@pytest.mark.django_db
def test_readiness_fails_when_the_cache_is_down(client):
    with mock.patch.object(LocMemCache, "set", side_effect=ConnectionError("redis is down")):
        response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.content == b"cache unavailable: default"


@pytest.mark.django_db
def test_readiness_fails_when_the_cache_forgets(client):
    with mock.patch.object(LocMemCache, "get", return_value=None):
        response = client.get("/health/ready/")
    assert response.status_code == 503


# ---------------------------------------------------------------- 503 page


def test_outage_page_renders_without_request_or_database():
    html = get_template("503.html").render({})
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one('a[href="tel:+18883737888"]') is not None
    assert soup.select("a")[0]["href"] == "#main-content"
    assert not soup.select("script:not([src])"), "inline script would break under the CSP"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/about/", "/en/search/?q=help", "/en/no-such-page/"])
def test_public_pages_answer_503_while_the_database_is_down(about, path):
    client = Client(raise_request_exception=False)
    with DB_DOWN:
        started = time.monotonic()
        response = client.get(path)
        elapsed = time.monotonic() - started
    assert_outage_page(response)
    assert elapsed < 2


@pytest.mark.django_db
def test_pages_come_back_once_the_database_does(about):
    client = Client(raise_request_exception=False)
    with DB_DOWN:
        assert client.get("/en/about/").status_code == 503
    assert client.get("/en/about/").status_code == 200


@pytest.mark.django_db
def test_a_signed_in_editor_gets_the_outage_page_too(about, django_user_model):
    client = Client(raise_request_exception=False)
    client.force_login(django_user_model.objects.create_superuser("ed", password="e" * 16))
    with DB_DOWN:
        response = client.get("/en/about/")
    assert_outage_page(response)


class DatabaseDownInMiddleware:
    """Stands for any middleware that queries (a session, a cache lookup) during an outage."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.django_db
def test_an_outage_met_in_middleware_gets_the_outage_page(about, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.DatabaseDownInMiddleware"]
    response = Client(raise_request_exception=False).get("/en/about/")
    assert_outage_page(response)


class BrokenMiddleware(DatabaseDownInMiddleware):
    def __call__(self, request):
        raise ValueError("a bug, not an outage")


@pytest.mark.django_db
def test_other_errors_still_get_the_500_page(about, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, f"{__name__}.BrokenMiddleware"]
    response = Client(raise_request_exception=False).get("/en/about/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert b"Something went wrong" in response.content


def test_the_500_handler_tells_an_outage_from_a_bug(rf):
    request = rf.get("/en/")
    try:
        raise OperationalError("no connection")
    except OperationalError:
        assert server_error(request).status_code == 503
    try:
        raise KeyError("bug")
    except KeyError:
        assert server_error(request).status_code == 500


def test_postgres_connections_give_up_quickly():
    from coalition_site.settings.base import database_from_url

    config = database_from_url("postgres://postgres@127.0.0.1:5432/site")
    assert config["OPTIONS"]["connect_timeout"] <= 2
    assert config["OPTIONS"]["pool"]["timeout"] <= 2
    assert config["CONN_HEALTH_CHECKS"] is True


# ---------------------------------------------------------------- a real outage


class TcpProxy:
    """A small TCP proxy in front of PostgreSQL that a test can cut and restore.

    Cut, it drops every open connection and accepts new ones without ever
    answering, like a network that has gone dark. Everything stays on 127.0.0.1.
    """

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.is_cut = threading.Event()
        self.closed = threading.Event()
        self.lock = threading.Lock()
        self.open_sockets = []
        self.hanging = []
        self.accepted = 0
        self.thread = threading.Thread(target=self.accept_loop, daemon=True)
        self.thread.start()

    def accept_loop(self):
        while not self.closed.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self.lock:
                self.accepted += 1
                if self.is_cut.is_set():
                    self.hanging.append(client)
                    continue
            try:
                upstream = socket.create_connection(self.target, timeout=2)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.open_sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    @staticmethod
    def drop(sockets):
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()

    def cut(self):
        with self.lock:
            self.is_cut.set()
            sockets, self.open_sockets = self.open_sockets, []
        self.drop(sockets)

    def restore(self):
        with self.lock:
            self.is_cut.clear()
            sockets, self.hanging = self.hanging, []
        self.drop(sockets)

    def close(self):
        self.closed.set()
        self.listener.close()
        self.cut()
        self.restore()
        self.thread.join(timeout=2)


def is_postgres():
    return connections["default"].vendor == "postgresql"


@pytest.fixture
def through_proxy(django_db_blocker):
    """Point the default database connection at a TcpProxy in front of the real server."""
    if not is_postgres():
        pytest.skip("a real outage needs PostgreSQL: set DATABASE_URL=postgres://...")
    connection = connections["default"]
    original = connection.settings_dict["PORT"]
    proxy = TcpProxy(int(original or 5432), connection.settings_dict["HOST"] or "127.0.0.1")

    def reconnect(port):
        connection.close()
        connection.close_pool()
        connection.settings_dict["PORT"] = port

    reconnect(proxy.port)
    try:
        yield proxy
    finally:
        proxy.restore()
        reconnect(original)
        proxy.close()


def get(client, path):
    """A request as a WSGI server makes it: connections are tidied when it finishes.

    Django's test client leaves `close_old_connections` out of the request
    signals so that test transactions survive; a real server runs it, and that
    is what hands a broken connection back to the pool.
    """
    try:
        return client.get(path)
    finally:
        close_old_connections()


def get_until(client, path, status, within):
    deadline = time.monotonic() + within
    while True:
        response = get(client, path)
        if response.status_code == status or time.monotonic() > deadline:
            return response
        time.sleep(0.5)


# Serialized rollback: earlier transactional tests (the browser ones) flush the
# database, Wagtail's root page included; this brings it back first.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_database_outage_and_recovery(through_proxy, home):
    page = StandardPageFactory.build(title="About", slug="about")
    home.add_child(instance=page)
    client = Client(raise_request_exception=False)

    assert get(client, "/en/about/").status_code == 200
    assert through_proxy.accepted > 0, "the site did not go through the proxy"

    through_proxy.cut()
    started = time.monotonic()
    response = get(client, "/en/about/")
    elapsed = time.monotonic() - started
    assert_outage_page(response)
    assert elapsed < 2.5, f"the outage page took {elapsed:.1f}s"
    assert get(client, "/health/ready/").status_code == 503
    assert get(client, "/health/live/").status_code == 200

    through_proxy.restore()
    # Nothing is restarted: the connection pool finds the database again by itself.
    response = get_until(client, "/en/about/", 200, within=30)
    assert response.status_code == 200
    assert get(client, "/health/ready/").status_code == 200
