"""Collected static files are answered before Django, with the headers Django gave them."""

import pytest

from operations.static_files import StaticFilesApplication, serve_before_django
from tests import wsgi
from tests.wsgi import environ_for

STYLESHEET = b"body { color: #111; }\n"


class Recorder:
    """A stand-in for Django that notes each address it is asked for."""

    def __init__(self):
        self.paths = []

    def __call__(self, environ, start_response):
        self.paths.append(environ["PATH_INFO"])
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"Django answered"]


@pytest.fixture
def collected(tmp_path, settings):
    """A collected stylesheet, served as production serves it (no live lookups)."""
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "collected.css").write_bytes(STYLESHEET)
    settings.STATIC_ROOT = tmp_path
    settings.WHITENOISE_AUTOREFRESH = False
    settings.WHITENOISE_USE_FINDERS = False
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SECURE_SSL_REDIRECT = False
    return "/static/css/collected.css"


def call(application, path, protocol="https"):
    """(status, {header: value}, body) for a GET as the load balancer passes it on."""
    environ = environ_for(path, host="testserver", HTTP_X_FORWARDED_PROTO=protocol)
    status, headers, body = wsgi.call(application, environ)
    return status, dict(headers), body


def test_a_static_file_never_enters_django(collected):
    django = Recorder()
    status, _headers, body = call(StaticFilesApplication(django), collected)
    assert status == "200 OK"
    assert body == STYLESHEET
    assert django.paths == []


SECURITY_HEADERS = [
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Resource-Policy",
    "Permissions-Policy",
    "Content-Security-Policy",
    "Strict-Transport-Security",
]


@pytest.mark.django_db
@pytest.mark.parametrize("protocol", ["https", "http"])
def test_a_static_file_carries_the_security_headers_of_every_other_answer(
    client, collected, protocol
):
    from_django = client.get("/static/css/missing.css", HTTP_X_FORWARDED_PROTO=protocol)
    assert from_django.status_code == 404
    _status, static, _body = call(StaticFilesApplication(Recorder()), collected, protocol)
    for name in SECURITY_HEADERS:
        assert static.get(name) == from_django.headers.get(name), name
    assert static["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in static["Content-Security-Policy"]
    assert ("Strict-Transport-Security" in static) == (protocol == "https")
    assert "max-age" in static["Cache-Control"]  # WhiteNoise's own


def test_plain_http_goes_to_django_which_redirects_it_to_https(collected, settings):
    settings.SECURE_SSL_REDIRECT = True
    django = Recorder()
    application = StaticFilesApplication(django)
    call(application, collected, "http")
    assert django.paths == [collected]
    status, _headers, body = call(application, collected, "https")
    assert (status, body) == ("200 OK", STYLESHEET)


def test_pages_and_unknown_files_go_to_django(collected):
    django = Recorder()
    application = StaticFilesApplication(django)
    for path in ["/en/", "/static/css/missing.css", "/static/../manage.py"]:
        status, _headers, body = call(application, path)
        assert (status, body) == ("404 Not Found", b"Django answered")
    assert django.paths == ["/en/", "/static/css/missing.css", "/static/../manage.py"]


def test_in_production_static_files_are_answered_before_django(collected):
    django = Recorder()
    status, _headers, body = call(serve_before_django(django), collected)
    assert (status, body) == ("200 OK", STYLESHEET)
    assert django.paths == []


def test_files_looked_up_live_in_dev_and_tests_are_left_to_the_middleware(collected, settings):
    settings.WHITENOISE_AUTOREFRESH = True
    django = Recorder()
    status, _headers, body = call(serve_before_django(django), collected)
    assert (status, body) == ("404 Not Found", b"Django answered")
    assert django.paths == [collected]
