"""The page cache switched on, on each cache backend, and read the way each server reads it.

The cache is off in the test settings; `page_cache` turns it on. The tests run
on Django's local-memory cache, and again on Redis when a Redis server answers
at REDIS_TEST_URL; on CI, where Redis always runs, a missing server fails
instead of skipping. Each runs twice more: through Django alone, as the test
client reads, and with the test client behind the WSGI application that
answers hits before Django (`coalition_site/wsgi.py`), as gunicorn reads.
"""

import os

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.test.client import ClientHandler

from operations.static_files import serve_before_django
from tests.factories import StandardPageFactory

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
# Keys of this test run only, so that runs at the same time (SQLite and PostgreSQL,
# say) neither see nor delete each other's entries.
REDIS_KEY_PREFIX = f"coalition-test-{os.getpid()}"


def on_ci():
    return os.environ.get("CI", "").strip().lower() == "true"


def redis_answers():
    try:
        import redis

        return redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=1).ping()
    except Exception:  # noqa: BLE001 - no redis package or no server: both mean "skip"
        return False


class CachedPagesFirstHandler(ClientHandler):
    """The test client's handler behind `serve_before_django`, as production serves.

    What the WSGI application passes on, Django answers as the test client always
    does; what it answers itself becomes the client's response. Django never sends
    a hit here: each one it would have sent is one the application before it
    should have answered.
    """

    def __call__(self, environ):
        passed_on = []

        def django(environ, start_response):
            passed_on.append(environ)
            return []

        started = []
        chunks = serve_before_django(django)(
            environ, lambda status, headers, exc_info=None: started.append((status, headers))
        )
        if passed_on:
            response = super().__call__(passed_on[0])
            assert response.get("X-Page-Cache") != "hit", "a hit was left to Django"
            return response
        status, headers = started[0]
        response = HttpResponse(b"".join(chunks), status=int(status.split()[0]), headers=headers)
        response.wsgi_request = WSGIRequest(environ)
        return response


@pytest.fixture(params=["locmem", "redis"])
def cache_backend(request, settings):
    """The page cache on, on local memory and then on Redis."""
    settings.PAGE_CACHE_SECONDS = 300
    if request.param == "redis":
        if not redis_answers():
            message = f"Redis does not answer at {REDIS_TEST_URL}"
            if on_ci():
                pytest.fail(message)
            pytest.skip(message)
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": REDIS_TEST_URL,
                "KEY_PREFIX": REDIS_KEY_PREFIX,
            }
        }
    empty(request.param)
    yield request.param
    empty(request.param)


@pytest.fixture(params=["django", "before django"])
def page_cache(request, cache_backend, client):
    """The page cache on (see `cache_backend`), read by Django alone, then as gunicorn reads."""
    if request.param == "before django":
        client.handler = CachedPagesFirstHandler(client.handler.enforce_csrf_checks)
    return cache_backend


def empty(backend):
    if backend == "redis":
        caches["default"].delete_pattern("*")  # this run's keys only, unlike clear()
    else:
        caches["default"].clear()


@pytest.fixture
def page(home):
    page = StandardPageFactory.build(slug="about", title="About us", introduction="First words.")
    home.add_child(instance=page)
    return page
