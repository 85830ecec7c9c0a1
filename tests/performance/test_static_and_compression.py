"""Static files fingerprinted and pre-compressed; HTML compressed unless it holds a secret.

Compression and BREACH: an attacker who can make a victim's browser send
requests and can see the size of the compressed answers may, byte by byte,
recover a secret that the page shows next to something the attacker put in
the request. Our only such secret is the CSRF token of a form, so a response
that used one (which sets the CSRF cookie) is sent uncompressed. Pages from
the page cache never hold one. Files (documents, audio with range requests)
are never compressed on the fly; static files are compressed once, ahead of
time, by WhiteNoise.
"""

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from coalition_site.models import FormField, FormPage
from tests.factories import DocumentFactory, StandardPageFactory, document_file

ROOT = Path(__file__).resolve().parents[2]


def production_settings(*names):
    """{name: repr(value)} of production settings, read in a fresh process."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coalition_site.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "sactogether.example",
        "DATABASE_URL": "postgres://user@db.example:5432/site",
        "REDIS_URL": "redis://redis.example:6379/0",
    }
    code = (
        "import django; django.setup(); from django.conf import settings; "
        f"print(repr({{n: getattr(settings, n) for n in {list(names)!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout)  # our own subprocess printed the repr of the settings


def test_production_serves_fingerprinted_precompressed_static_files_and_caches_pages():
    found = production_settings("STORAGES", "MIDDLEWARE", "PAGE_CACHE_SECONDS", "CACHES")
    assert (
        found["STORAGES"]["staticfiles"]["BACKEND"]
        == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert found["PAGE_CACHE_SECONDS"] == 300  # on by default with Redis
    assert found["CACHES"]["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert found["CACHES"]["renditions"]["TIMEOUT"] >= 24 * 3600


def test_middleware_order_lets_a_hit_skip_sessions_and_see_their_cookies():
    order = settings.MIDDLEWARE
    position = {name.rsplit(".", 1)[-1]: index for index, name in enumerate(order)}
    assert position["WhiteNoiseMiddleware"] < position["PageCacheMiddleware"]
    assert position["CsrfSafeGZipMiddleware"] < position["PageCacheMiddleware"]
    for inner in ["SessionMiddleware", "CsrfViewMiddleware", "AuthenticationMiddleware"]:
        assert position["PageCacheMiddleware"] < position[inner], inner


def test_dev_and_test_settings_need_no_collectstatic():
    assert settings.STORAGES["staticfiles"]["BACKEND"].endswith(".StaticFilesStorage")


@pytest.mark.django_db
def test_html_is_compressed_for_browsers_that_accept_it(client, home):
    home.add_child(instance=StandardPageFactory.build(slug="about"))
    response = client.get("/en/about/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"</html>" in gzip.decompress(response.content)
    assert "Accept-Encoding" in response["Vary"]
    assert "Content-Encoding" not in client.get("/en/about/")


@pytest.mark.django_db
def test_a_page_with_a_csrf_token_is_never_compressed(client, home):
    form = FormPage(
        title="Contact us",
        slug="contact",
        to_address="staff@example.org",
        from_address="site@example.org",
        subject="Message",
    )
    form.form_fields = [FormField(label="Message", field_type="multiline", required=True)]
    home.add_child(instance=form)
    response = client.get("/en/contact/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content
    assert "Content-Encoding" not in response


@pytest.mark.django_db
def test_documents_are_sent_as_they_are(client, home, tmp_path):
    storages = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    with override_settings(STORAGES=storages, MEDIA_ROOT=tmp_path):
        document_is_sent_as_it_is(client)


def document_is_sent_as_it_is(client):
    document = DocumentFactory(file=document_file("guide.pdf", b"%PDF-1.4\n" + b"a" * 5000))
    response = client.get(document.url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response.get("Content-Encoding") != "gzip"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_static_files_are_not_compressed_on_the_fly(client):
    response = client.get("/static/css/site.css", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    # WhiteNoise answers before the compressing middleware and the page cache; in
    # production it sends the .gz or .br file made by collectstatic instead.
    assert "Content-Encoding" not in response
    assert "X-Page-Cache" not in response
