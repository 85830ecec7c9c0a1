"""Every sitemap address has a `lastmod`, and every demo page shares an image.

The demo's pages carry realistic publication dates (demo/dates.py);
pages without an image of their own carry the site's share image in `og:image`
(demo/images.py), and a share image whose file has gone missing
does not break the page.
"""

import datetime
import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Site

from coalition_site.models import SiteSettings
from demo.content import relaunch_date
from demo.images import SHARE_IMAGE_TITLE
from news.models import NewsPage
from partners.models import PartnerPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def sitemap_entries(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = {}
    for url in re.findall(r"<url>(.*?)</url>", response.content.decode(), re.S):
        location = re.search(r"<loc>(.*?)</loc>", url).group(1)
        lastmod = re.search(r"<lastmod>(.*?)</lastmod>", url)
        entries[location] = lastmod.group(1) if lastmod else None
    return entries, response


def og_image(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    meta = soup.select_one('meta[property="og:image"]')
    return meta["content"] if meta else None


@pytest.fixture
def own_demo(db):
    """A demo site of the test's own, for a test that deletes one of its files."""
    call_command("load_demo_content", stdout=StringIO())


def test_every_demo_address_in_the_sitemap_has_a_realistic_lastmod(client, demo):
    entries, response = sitemap_entries(client)
    assert len(entries) > 50
    assert [location for location, lastmod in entries.items() if lastmod is None] == []
    today = timezone.localdate().isoformat()
    assert all(lastmod <= today for lastmod in entries.values())
    assert "Last-Modified" in response

    news = NewsPage.objects.get(slug="operation-hot-spots-2020-results")
    assert entries[news.full_url] == "2020-12-03"
    partner = PartnerPage.objects.live().first()
    assert entries[partner.full_url] == relaunch_date().isoformat()


def test_a_page_published_without_a_revision_date_falls_back_to_its_first_publication(client, home):
    first = timezone.make_aware(datetime.datetime(2024, 5, 6, 9))
    page = StandardPageFactory.build(title="Imported", slug="imported", first_published_at=first)
    home.add_child(instance=page)
    entries, _response = sitemap_entries(client)
    assert entries[page.full_url] == "2024-05-06"


def test_pages_without_an_image_share_the_demo_share_image(client, demo):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    assert site_settings.share_image.title == SHARE_IMAGE_TITLE
    assert (site_settings.share_image.width, site_settings.share_image.height) == (1200, 630)
    for path in ("/en/", "/en/about/", "/es/", "/en/partners/", "/en/resources/"):
        image = og_image(client, path)
        assert image and image.startswith("http://testserver/media/images/"), path
    assert client.get(og_image(client, "/en/about/")).status_code == 200


def test_a_missing_share_image_file_leaves_the_page_working(client, home):
    page = StandardPageFactory.build(title="About", slug="about")
    home.add_child(instance=page)
    share = Image.objects.create(
        title="Gone", width=1200, height=630, file="original_images/gone.png"
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.share_image = share
    site_settings.save()
    response = client.get("/en/about/")
    assert response.status_code == 200
    assert og_image(client, "/en/about/") is None


def test_the_demo_share_image_is_made_again_when_its_file_is_missing(own_demo):
    from demo.images import make_share_image

    image = Image.objects.get(title=SHARE_IMAGE_TITLE)
    image.file.storage.delete(image.file.name)
    again = make_share_image()
    assert again.pk != image.pk
    assert again.file.storage.exists(again.file.name)


def test_a_news_item_whose_image_file_is_missing_shares_the_site_image(client, own_demo):
    news = NewsPage.objects.get(slug="operation-hot-spots-2020-results")
    assert news.image is not None
    news.image.file.storage.delete(news.image.file.name)
    news.image.renditions.all().delete()
    assert client.get(news.url).status_code == 200
    shared = og_image(client, news.url)
    share = SiteSettings.for_site(Site.objects.get(is_default_site=True)).share_image
    assert shared == "http://testserver" + share.get_rendition("fill-1200x630|format-jpeg").url
