"""The demo news: written from the public facts, linked to partners, idempotent."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.template.defaultfilters import filesizeformat
from wagtail.documents import get_document_model

from demo import news as demo_news
from news.models import NewsIndexPage, NewsKind, NewsPage


@pytest.fixture
def demo_site(demo):
    return NewsIndexPage.objects.get(locale__language_code="en")


@pytest.mark.django_db
def test_demo_news_builds_a_listing_with_every_kind_of_item(client, demo_site):
    index = demo_site
    assert index.slug == "news" and index.show_in_menus
    items = NewsPage.objects.child_of(index).live()
    kinds = set(items.values_list("kind", flat=True))
    assert {NewsKind.PRESS_RELEASE, NewsKind.ANNOUNCEMENT, NewsKind.EVENT} <= kinds
    years = {item.publication_date.year for item in items}
    assert len(years) >= 4, "the year filter needs several years to mean something"
    assert client.get("/en/news/").status_code == 200
    for item in items:
        assert client.get(item.url).status_code == 200, item.url


@pytest.mark.django_db
def test_demo_news_states_the_public_facts(demo_site):
    hot_spots = NewsPage.objects.get(slug="operation-hot-spots-2020-results")
    text = str(hot_spots.body)
    assert "103 arrests" in text and "backpacks" in text
    for agency in ["Elk Grove Police Department", "The FBI", "California Highway Patrol"]:
        assert agency in text
    partner_slugs = set(hot_spots.related_partners.values_list("slug", flat=True))
    assert {"sacramento-county-sheriffs-office", "fbi", "california-highway-patrol"} <= (
        partner_slugs
    )
    reset = NewsPage.objects.get(slug="reset-court-a-fresh-start")
    assert "community-against-sexual-harm" in reset.related_partners.values_list("slug", flat=True)
    sentencings = NewsPage.objects.filter(topics__name="Sentencing")
    assert sentencings.count() == 3
    assert any("more than 18 years" in item.summary for item in sentencings)
    # Invented specifics say so.
    for item in NewsPage.objects.filter(locale__language_code="en"):
        assert "Sample content" in str(item.body), item.title
    event = NewsPage.objects.get(kind=NewsKind.EVENT)
    assert event.event_start < event.event_end
    assert event.event_location.startswith("Sample venue")
    assert "(sample)" in event.title


@pytest.mark.django_db
def test_demo_pdf_attachment_is_a_real_pdf_with_its_size_recorded(client, demo_site):
    item = NewsPage.objects.get(slug="operation-hot-spots-2020-results")
    attachment = item.attachments.get()
    document = attachment.document
    data = document.file.open("rb").read()
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    assert document.file_size == len(data)
    # The cross-reference table points at each object.
    xref_at = int(data.rsplit(b"startxref", 1)[1].split()[0])
    assert data[xref_at:].startswith(b"xref")
    for line in data[xref_at:].split(b"\n")[3:8]:
        offset = int(line.split()[0])
        assert data[offset:].split(b" ", 2)[1] == b"0"
    page = client.get(item.url).content.decode()
    assert f"(PDF, {filesizeformat(document.file_size)})" in page


@pytest.mark.django_db
def test_demo_news_is_loaded_once_and_rebuilt_by_a_reset(demo_site):
    count = NewsPage.objects.count()
    documents = get_document_model().objects.count()
    demo_news.load(demo_site.get_parent().specific)
    assert NewsPage.objects.count() == count
    call_command("load_demo_content", reset=True, stdout=StringIO())
    assert NewsPage.objects.count() == count
    # The generated PDF is reused, not made again.
    assert get_document_model().objects.count() == documents


@pytest.mark.django_db
def test_demo_press_releases_read_like_press_releases(client, demo_site):
    releases = NewsPage.objects.filter(kind=NewsKind.PRESS_RELEASE, locale=demo_site.locale)
    titles = list(releases.values_list("title", flat=True))
    assert len(titles) >= 4 and len(set(titles)) == len(titles), titles
    # No two headlines start alike: each says what is new in its own words.
    assert len({title.split()[0] for title in titles}) == len(titles), titles
    assert demo_site.boilerplate.startswith("Sacramento Together is a coalition")
    assert demo_site.has_media_contact and "sample" in demo_site.media_contact_role
    for release in releases:
        body = str(release.body)
        # FACTS.md quotes nobody, so the demo releases quote nobody.
        assert "quote" not in [block.block_type for block in release.body], release.title
        words = BeautifulSoup(body, "html.parser").get_text()
        assert not any(mark in words for mark in ['"', "\u201c", "\u201d"]), release.title
        assert "Sample content" in body, release.title
        soup = BeautifulSoup(client.get(release.url).content, "html.parser")
        header = soup.select_one("article header").get_text(" ", strip=True)
        assert "For immediate release" in header and "Sacramento, California" in header
        assert "press@example.org" in header
        assert "Sacramento Together is a coalition" in soup.select_one(".news__boilerplate").text


@pytest.mark.django_db
def test_demo_fact_sheet_fits_on_one_page(client, demo_site):
    response = client.get("/en/news/fact-sheet/")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.count(b"/Type /Page\n") + response.content.count(b"/Type /Page ") == 1
