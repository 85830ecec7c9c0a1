"""Purging a CDN or caching proxy on publish: configured by the environment, off without it."""

from unittest import mock

import pytest
from django.conf import settings
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

from coalition_site.settings import base
from tests.factories import StandardPageFactory

FRONTEND_CACHE_VARIABLES = [
    "FRONTEND_CACHE_CLOUDFLARE_TOKEN",
    "FRONTEND_CACHE_CLOUDFLARE_ZONEID",
    "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID",
    "FRONTEND_CACHE_PURGE_URL",
]


@pytest.fixture
def environment(monkeypatch):
    for name in FRONTEND_CACHE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_nothing_is_purged_without_configuration(environment):
    assert base.frontend_cache_from_env() == {}
    assert "wagtail.contrib.frontend_cache" not in settings.INSTALLED_APPS


def test_cloudflare_needs_both_token_and_zone(environment):
    environment.setenv("FRONTEND_CACHE_CLOUDFLARE_TOKEN", "token")
    assert base.frontend_cache_from_env() == {}
    environment.setenv("FRONTEND_CACHE_CLOUDFLARE_ZONEID", "zone")
    assert base.frontend_cache_from_env() == {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "token",
            "ZONEID": "zone",
        }
    }


def test_cloudfront_and_a_purging_proxy(environment):
    environment.setenv("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", "E123")
    environment.setenv("FRONTEND_CACHE_PURGE_URL", "http://varnish:6081")
    backends = base.frontend_cache_from_env()
    assert backends["cloudfront"]["DISTRIBUTION_ID"] == "E123"
    assert backends["proxy"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://varnish:6081",
    }


@pytest.mark.django_db
def test_a_configured_proxy_is_asked_to_purge_the_page(environment, home):
    environment.setenv("FRONTEND_CACHE_PURGE_URL", "http://varnish:6081")
    page = StandardPageFactory.build(slug="about")
    home.add_child(instance=page)
    with mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen") as urlopen:
        purge_page_from_cache(page, backend_settings=base.frontend_cache_from_env())
    purged = [call.args[0] for call in urlopen.call_args_list]
    sent = [(request.get_method(), request.full_url) for request in purged]
    # Wagtail purges the page's address under every language prefix.
    assert sent[0] == ("PURGE", "http://varnish:6081/en/about/")
    assert all(
        method == "PURGE" and url.startswith("http://varnish:6081/") and url.endswith("/about/")
        for method, url in sent
    )
    assert purged[0].headers["Host"] == "localhost"


@pytest.mark.django_db
def test_publishing_sends_nothing_anywhere_without_configuration(home):
    page = StandardPageFactory.build(slug="about")
    home.add_child(instance=page)
    with (
        mock.patch("urllib.request.urlopen") as urlopen,
        mock.patch("requests.post") as post,
    ):
        page.save_revision().publish()
    urlopen.assert_not_called()
    post.assert_not_called()
