"""Page-cache hits answered before Django: the same answer, and only where Django would give one.

`coalition_site/wsgi.py` puts `caching.pagecache.CachedPagesApplication` in front of
Django (through `operations.static_files.serve_before_django`). These tests call
WSGI applications with an environ, as gunicorn does: Django's own handler, and the
same handler behind the application that answers hits first.
"""

from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from caching import generation as site_cache
from caching.pagecache import recent_pages
from operations.static_files import serve_before_django
from tests import wsgi
from tests.factories import StandardPageFactory
from tests.wsgi import environ_for


class Recorder:
    """A stand-in for Django that notes each environ it is passed."""

    def __init__(self):
        self.environs = []

    def __call__(self, environ, start_response):
        self.environs.append(dict(environ))
        start_response("418 I'm a teapot", [("Content-Type", "text/plain")])
        return [b"Django answered"]


@contextmanager
def inside_the_test_transaction():
    """As Django's test client does: a request must not close the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def call(application, environ):
    """(status line, [(header, value)…], body), inside the test's transaction."""
    with inside_the_test_transaction():
        return wsgi.call(application, environ)


@pytest.fixture
def django_app(cache_backend, settings):
    """Django's WSGI handler, over HTTPS behind the load balancer as in production."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SECURE_SSL_REDIRECT = False
    return WSGIHandler()


@pytest.fixture
def stored(django_app, page):
    """/en/about/, stored by a first reading through Django."""
    status, headers, _body = call(django_app, environ_for("/en/about/"))
    assert status == "200 OK"
    assert ("X-Page-Cache", "miss") in headers
    return "/en/about/"


def etag_of(headers):
    return dict(headers)["ETag"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "request_headers",
    [
        {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"},
        {},
        {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_ACCEPT_ENCODING": "gzip"},
        {"HTTP_X_FORWARDED_PROTO": "https"},
    ],
    ids=["gzip", "plain", "https gzip", "https plain"],
)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_a_hit_before_django_is_django_s_hit_byte_for_byte(
    django_app, stored, request_headers, method
):
    environ = environ_for(stored, method, **request_headers)
    call(django_app, environ.copy())  # stored for HTTPS too (the scheme is part of the key)
    django = call(django_app, environ.copy())
    assert ("X-Page-Cache", "hit") in django[1]
    before = Recorder()
    first = call(serve_before_django(before), environ.copy())
    assert before.environs == []
    status, headers, body = first
    assert (status, headers) == django[:2]
    assert ("Strict-Transport-Security" in dict(headers)) == ("HTTP_X_FORWARDED_PROTO" in environ)
    if method == "GET":
        assert body == django[2]
        assert int(dict(headers)["Content-Length"]) == len(body)
    else:
        assert body == b""  # and the length of the page a GET gets
        assert int(dict(headers)["Content-Length"]) == len(django[2])


@pytest.mark.django_db
def test_a_browser_that_has_the_page_gets_not_modified_before_django(django_app, stored):
    etag = etag_of(call(django_app, environ_for(stored))[1])
    environ = environ_for(stored, HTTP_IF_NONE_MATCH=etag)
    django = call(django_app, environ.copy())
    before = Recorder()
    status, headers, body = call(serve_before_django(before), environ.copy())
    assert before.environs == []
    assert (status, headers, body) == django
    assert status == "304 Not Modified"
    assert body == b""
    assert "Content-Length" not in dict(headers)


@pytest.mark.django_db
def test_pages_are_served_first_through_the_real_application(django_app, home):
    """A Spanish address with an accent: Django must read the address the server gave."""
    home.add_child(instance=StandardPageFactory.build(slug="niños", title="Niños"))
    application = serve_before_django(django_app)
    first = call(application, environ_for("/en/niños/"))
    assert first[0] == "200 OK"
    assert ("X-Page-Cache", "miss") in first[1]
    second = call(application, environ_for("/en/niños/"))
    assert second[0] == "200 OK"
    assert ("X-Page-Cache", "hit") in second[1]
    assert second[2] == first[2]


def passed_on(environ):
    """Whether the application before Django passed `environ` on to Django, untouched."""
    django = Recorder()
    status, _headers, body = call(serve_before_django(django), environ.copy())
    if not django.environs:
        return False
    assert (status, body) == ("418 I'm a teapot", b"Django answered")
    assert django.environs == [environ]
    return True


@pytest.mark.django_db
def test_a_hit_is_the_only_thing_answered_before_django(django_app, stored, settings):
    assert not passed_on(environ_for(stored))
    for environ in [
        environ_for("/en/no-such-page/"),  # never stored
        environ_for(stored, "POST"),
        environ_for(stored, HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc"),
        environ_for(stored, HTTP_COOKIE="messages=abc"),
        environ_for(stored, HTTP_AUTHORIZATION="Basic YTpi"),
        environ_for(stored, query="q=shelter"),
        environ_for(stored, query="utm_source=x"),
        environ_for(stored, host="evil.example"),  # not in ALLOWED_HOSTS: Django says 400
        environ_for("/admin/"),
        environ_for("/health/live/"),
    ]:
        assert passed_on(environ), environ


@pytest.mark.django_db
def test_a_page_from_an_older_generation_goes_to_django(django_app, stored):
    assert not passed_on(environ_for(stored))
    site_cache.bump_generation()
    assert passed_on(environ_for(stored))


@pytest.mark.django_db
def test_with_the_cache_off_everything_goes_to_django(django_app, stored, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert passed_on(environ_for(stored))


@pytest.mark.django_db
def test_plain_http_goes_to_django_which_redirects_it(django_app, stored, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert passed_on(environ_for(stored))
    status, headers, _body = call(serve_before_django(WSGIHandler()), environ_for(stored))
    assert status.startswith("301")
    assert dict(headers)["Location"] == f"https://localhost{stored}"
    secure = environ_for(stored, HTTP_X_FORWARDED_PROTO="https")
    call(WSGIHandler(), secure.copy())  # stored over HTTPS too
    assert not passed_on(secure)


@pytest.mark.django_db
def test_when_the_cache_fails_django_answers_and_health_checks_never_wait_on_it(
    django_app, stored, monkeypatch
):
    reads = []

    def broken(*args, **kwargs):
        reads.append(args)
        raise ConnectionError("the cache does not answer")

    for read in ("get", "get_many"):
        monkeypatch.setattr(caches["default"], read, broken)
    # A process that does not keep the page in memory (one that does serves it from
    # there until its watch of the generation finds Redis gone; see caching.generation).
    recent_pages.clear()
    assert passed_on(environ_for(stored))
    assert len(reads) == 1
    for path in ["/health/", "/health/live/", "/health/ready/"]:
        assert passed_on(environ_for(path))
    assert len(reads) == 1
