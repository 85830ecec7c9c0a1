"""HEAD is answered wherever GET is (RFC 9110, 9.3.2), on every public address of the demo site.

Link checkers, feed readers and podcast apps ask HEAD first; a 405 there reads as
a broken link. Every address in the sitemap, and the addresses that are not
pages (robots.txt, the sitemap, search, news and podcast feeds, transcripts,
audio, documents, image renditions), answer HEAD with GET's status and type.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model

from podcasts.models import AudioFile, PodcastEpisodePage, PodcastIndexPage
from tests import database

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def module_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site with its files on disk: Wagtail serves documents from a file path."""
    media = tmp_path_factory.mktemp("head-media")
    storages = {
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media)},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(MEDIA_ROOT=media, STORAGES=storages):
        with django_db_blocker.unblock(), database.demo_rolled_back():
            yield


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
    assert len(locations) > 20
    return [urlsplit(location).path for location in locations]


def other_paths(client):
    """Public addresses that are not pages, found in the demo content."""
    paths = [
        "/robots.txt",
        "/sitemap.xml",
        "/en/search/",
        "/en/search/?q=hotline",
        "/es/search/?q=ayuda",
    ]
    for name in ("rss", "atom"):
        paths.append(reverse(f"news:{name}"))
        paths.append(reverse(f"news:language-{name}", kwargs={"language": "es"}))
    for show in PodcastIndexPage.objects.live().public():
        paths.append(reverse("podcasts:feed", args=[show.pk]))
    for episode in PodcastEpisodePage.objects.live().public().exclude(transcript=""):
        paths.append(reverse("podcasts:transcript", args=[episode.pk]))
    for audio in AudioFile.objects.filter(episodes__live=True).distinct():
        paths.append(audio.url)
    for document in get_document_model().objects.filter(collection__depth=1):
        paths.append(document.url)
    home = client.get("/en/").content.decode()
    paths += sorted(set(re.findall(r'src="(/media/images/[^"]+)"', home)))[:3]
    paths += re.findall(r'property="og:image" content="https?://[^/]+(/media/[^"]+)"', home)
    return paths


def test_head_answers_like_get_on_every_public_address(client, demo):
    paths = sitemap_paths(client) + other_paths(client)
    refused = []
    for path in paths:
        get = client.get(path)
        head = client.head(path)
        if (head.status_code, head.get("Content-Type")) != (
            get.status_code,
            get.get("Content-Type"),
        ):
            refused.append((path, get.status_code, head.status_code))
        elif get.status_code != 200:
            refused.append((path, get.status_code, "GET"))
    assert refused == []


@pytest.mark.parametrize("path", ["/robots.txt", "/en/search/?q=help"])
def test_head_on_robots_and_search(client, demo, path):
    response = client.head(path)
    assert response.status_code == 200
    assert response.content == b""
