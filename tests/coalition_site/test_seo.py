import datetime
import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def site_pages(home):
    pages = {}
    for slug, extra in [
        ("public", {}),
        ("draft", {"live": False}),
        ("private", {}),
        ("expired", {"expire_at": timezone.now() - datetime.timedelta(hours=1)}),
        ("expiring-later", {"expire_at": timezone.now() + datetime.timedelta(days=3)}),
    ]:
        page = StandardPageFactory.build(title=slug.title(), slug=slug, **extra)
        home.add_child(instance=page)
        page.save_revision().publish() if extra.get("live", True) else None
        pages[slug] = page
    PageViewRestriction.objects.create(
        page=pages["private"], restriction_type=PageViewRestriction.LOGIN
    )
    return pages


@pytest.mark.django_db
def test_sitemap_lists_exactly_the_live_public_pages(client, home, site_pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert locations == [
        "http://localhost/en/",
        "http://localhost/en/public/",
        "http://localhost/en/expiring-later/",
    ]
    lastmods = root.findall("s:url/s:lastmod", SITEMAP_NS)
    assert len(lastmods) >= 2  # published pages carry their date


@pytest.mark.django_db
def test_robots_txt_names_the_sitemap_and_keeps_admin_and_search_out(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.django_db
def test_every_page_has_canonical_description_and_open_graph(client, home, site_pages):
    page = site_pages["public"]
    page.search_description = "What the page is about."
    page.save_revision().publish()
    soup = BeautifulSoup(client.get("/en/public/").content, "html.parser")
    assert soup.select_one('link[rel="canonical"]')["href"] == "http://localhost/en/public/"
    assert soup.select_one('meta[name="description"]')["content"] == "What the page is about."
    assert soup.select_one('meta[property="og:title"]')["content"] == "Public"
    assert soup.select_one('meta[property="og:url"]')["content"] == "http://localhost/en/public/"
    assert soup.select_one('meta[name="twitter:card"]') is not None


@pytest.mark.django_db
def test_description_falls_back_to_the_summary(client, home, site_pages):
    page = site_pages["public"]
    page.summary = "A short summary."
    page.save_revision().publish()
    soup = BeautifulSoup(client.get("/en/public/").content, "html.parser")
    assert soup.select_one('meta[name="description"]')["content"] == "A short summary."


@pytest.mark.django_db
def test_shared_pages_use_the_default_image_from_settings(client, home, site_pages):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Site

    from coalition_site.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.share_image = Image.objects.create(title="Share", file=get_test_image_file())
    settings.save()
    soup = BeautifulSoup(client.get("/en/public/").content, "html.parser")
    image = soup.select_one('meta[property="og:image"]')["content"]
    assert image.startswith("http://testserver/")
    assert soup.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"


@pytest.mark.django_db
def test_home_page_describes_the_organisation_in_json_ld(client, home):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Organization"
    assert data["name"] == "Sacramento Together"
    assert data["contactPoint"][0]["telephone"] == "+18883737888"


def test_json_ld_cannot_close_its_script_element():
    from coalition_site.templatetags.site_tags import json_ld

    html = json_ld({"name": "</script><script>alert(1)</script>"})
    assert html.count("</script>") == 1
    body = html.split(">", 1)[1].rsplit("<", 1)[0]
    assert json.loads(body)["name"] == "</script><script>alert(1)</script>"
