"""Production settings with local media (no S3 bucket): what pages link under /media/ is served.

One gunicorn runs the production settings with MEDIA_ROOT on its disk and no
AWS_* variable, over the demo site (tests/scale/conftest.py). Every image a
page shows, the podcast artwork in the feed and the `og:image` of the home page
answer 200 with their type; originals, documents and audio are not served
from /media/. Runs on SQLite or, with DATABASE_URL=postgres://..., PostgreSQL.
"""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from .servers import Browser, Gunicorn, django_json, production_environment

pytestmark = pytest.mark.scale

ADDRESSES = """
import json
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from podcasts.models import AudioFile, PodcastIndexPage
show = PodcastIndexPage.objects.live().first()
document = get_document_model().objects.first()
print(json.dumps({
    "show": show.url,
    "feed": reverse("podcasts:feed", args=[show.pk]),
    "original": get_image_model().objects.first().file.url,
    "audio": "/media/" + AudioFile.objects.first().file.name,
    "document": "/media/" + document.file.name if document else None,
}))
"""


@pytest.fixture(scope="module")
def server(site_database, static_root, demo_media, tmp_path_factory):
    env = production_environment(site_database, static_root, MEDIA_ROOT=demo_media)
    addresses = django_json(env, ADDRESSES)
    log = tmp_path_factory.mktemp("local-media") / "gunicorn.log"
    gunicorn = Gunicorn(env, log, workers=1).start()
    yield Browser(gunicorn.port), addresses
    gunicorn.stop()


def local_path(url):
    parts = urlsplit(url)
    assert parts.path.startswith("/media/images/"), url
    return parts.path


def assert_served_image(browser, url):
    response = browser.get(local_path(url))
    assert response.status == 200, url
    assert response.header("Content-Type").startswith("image/")
    assert "immutable" in response.header("Cache-Control")
    assert int(response.header("Content-Length")) == len(response.body) > 0


def test_og_image_of_a_page_without_its_own_image_is_served(server):
    browser, _addresses = server
    page = BeautifulSoup(browser.get("/en/").body, "html.parser")
    og_image = page.find("meta", property="og:image")
    assert og_image is not None
    assert_served_image(browser, og_image["content"])


def test_images_on_the_podcast_page_and_artwork_in_the_feed_are_served(server):
    browser, addresses = server
    page = BeautifulSoup(browser.get(addresses["show"]).body, "html.parser")
    sources = [img["src"] for img in page.find_all("img") if "/media/" in img["src"]]
    assert sources
    for src in sources:
        assert_served_image(browser, src)

    feed = browser.get(addresses["feed"])
    assert feed.status == 200
    artwork = re.search(r'<itunes:image href="([^"]+)"', feed.text).group(1)
    assert_served_image(browser, artwork)


def test_a_range_of_a_rendition_and_a_head(server):
    browser, addresses = server
    page = BeautifulSoup(browser.get(addresses["show"]).body, "html.parser")
    src = local_path(next(img["src"] for img in page.find_all("img") if "/media/" in img["src"]))
    whole = browser.get(src).body
    assert browser.request("HEAD", src).header("Content-Length") == str(len(whole))
    part = browser.get(src, Range="bytes=0-15")
    assert part.status == 206
    assert part.body == whole[:16]


def test_nothing_else_under_media_is_served(server):
    browser, addresses = server
    for key in ("original", "audio", "document"):
        if addresses[key]:
            assert browser.get(addresses[key]).status == 404, key
    assert browser.get("/media/images/..%2f..%2fmanage.py").status == 404
