"""The press room: media contact, boilerplate, fact sheet, the mark; press releases that
open with "For immediate release", the dateline and the media contact."""

import re
import zlib

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from wagtail.models import Locale

from news.models import NewsIndexPage, NewsPage

PRESS_ROOM = {
    "media_contact_name": "Pat Example",
    "media_contact_role": "Communications lead",
    "media_contact_email": "press@example.org",
    "media_contact_phone": "(555) 010-0199",
    "boilerplate": "Sacramento Together is a coalition against human trafficking.",
    "key_facts": "Started in 2015.\n\nMore than 30 members.",
}


@pytest.fixture
def press_room(news_index):
    for name, value in PRESS_ROOM.items():
        setattr(news_index, name, value)
    news_index.save_revision().publish()
    return NewsIndexPage.objects.get(pk=news_index.pk)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ", strip=True).split())


def pdf_text(data):
    """The text shown by a PDF's content streams (fpdf2 compresses them)."""
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            stream = zlib.decompress(stream)
        except zlib.error:
            pass
        shown += re.findall(rb"\((.*?)\)\s*Tj", stream)
    return " ".join(part.decode("latin-1") for part in shown)


@pytest.mark.django_db
def test_press_room_shows_contact_boilerplate_facts_and_downloads(client, press_room):
    soup = soup_of(client.get("/en/news/"))
    room = soup.select_one("#press-room")
    assert room.h2.get_text() == "Press room"
    assert soup.select_one('a[href="#press-room"]'), "the top of the page points to it"
    words = text(room)
    assert "Pat Example, Communications lead" in words
    assert room.select_one('a[href="mailto:press@example.org"]')
    assert room.select_one('a[href="tel:+15550100199"]')
    assert "Sacramento Together is a coalition against human trafficking." in words
    assert [li.get_text() for li in room.select(".press-room__facts li")] == [
        "Started in 2015.",
        "More than 30 members.",
    ]
    links = {a.get_text(" ", strip=True): a["href"] for a in room.select(".document-link a")}
    assert links["Fact sheet"] == "/en/news/fact-sheet/"
    marks = room.select("a[download]")
    assert [a["download"] for a in marks] == [
        "sacramento-together-mark.svg",
        "sacramento-together-mark.png",
    ]
    for mark in marks:
        assert finders.find(mark["href"].removeprefix("/static/")), mark["href"]
    assert room.select_one('a[href="?kind=press-release"]')


@pytest.mark.django_db
def test_fact_sheet_is_a_one_page_pdf_made_from_the_press_room(client, press_room):
    response = client.get("/en/news/fact-sheet/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "sacramento-together-fact-sheet.pdf" in response["Content-Disposition"]
    data = response.content
    assert data.startswith(b"%PDF-")
    assert re.search(rb"/Type /Pages\s*/Kids \[[^\]]*\]\s*/Count 1\b", data) or (
        data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") == 1
    )
    shown = pdf_text(data)
    for expected in [
        "fact sheet",
        "Started in 2015.",
        "More than 30 members.",
        "Pat Example, Communications lead",
        "press@example.org",
        "1-888-373-7888",
        "233733",
        "911",
    ]:
        assert expected in shown, expected

    # Editors change the facts; the sheet follows.
    press_room.key_facts = "Relaunched in January."
    press_room.save_revision().publish()
    shown = pdf_text(client.get("/en/news/fact-sheet/").content)
    assert "Relaunched in January." in shown and "Started in 2015." not in shown


@pytest.mark.django_db
def test_an_item_cannot_take_the_fact_sheet_address(news_index):
    from django.core.exceptions import ValidationError

    item = NewsPage(title="Fact sheet", slug="fact-sheet")
    with pytest.raises(ValidationError) as error:
        item.full_clean(exclude=["path", "depth"])
    assert "slug" in error.value.message_dict


@pytest.mark.django_db
def test_press_release_opens_with_release_line_dateline_and_press_room_contact(
    client, press_room, add_news
):
    item = add_news(
        title="A sentencing",
        kind="press-release",
        dateline="Sacramento, California",
        body=[("paragraph", "<p>The lead of the release.</p>")],
    )
    article = soup_of(client.get(item.url)).select_one("article")
    header = article.select_one("header")
    assert "For immediate release" in text(header)
    assert "Sacramento, California —" in text(header.select_one(".news__meta"))
    contact = header.select_one(".news__contact")
    assert contact is not None, "the media contact comes before the body"
    assert "Pat Example" in text(contact)
    order = [el.get("class")[0] for el in article.select("header, .stream, .news__boilerplate")]
    assert order == ["article__header", "stream", "news__boilerplate"]
    boilerplate = article.select_one(".news__boilerplate")
    assert boilerplate.h2.get_text() == "About Sacramento Together"
    assert "a coalition against human trafficking" in text(boilerplate)


@pytest.mark.django_db
def test_a_release_with_its_own_contact_shows_it_instead(client, press_room, add_news):
    item = add_news(kind="press-release", media_contact_name="Sam Own")
    header = soup_of(client.get(item.url)).select_one("article header")
    assert "Sam Own" in text(header) and "Pat Example" not in text(header)


@pytest.mark.django_db
def test_other_news_is_not_dressed_as_a_release(client, press_room, add_news):
    item = add_news(kind="announcement")
    soup = soup_of(client.get(item.url))
    assert "For immediate release" not in text(soup.main)
    assert soup.select_one(".news__boilerplate") is None
    assert soup.select_one(".news__contact") is None


@pytest.mark.django_db
def test_each_language_has_its_own_press_room(client, press_room, home):
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    es_home = home.copy_for_translation(spanish)
    es_home.save_revision().publish()
    es_index = press_room.copy_for_translation(spanish)
    es_index.boilerplate = "Sacramento Together es una coalición contra la trata de personas."
    es_index.save_revision().publish()
    room = soup_of(client.get(es_index.url)).select_one("#press-room")
    assert "es una coalición contra la trata" in text(room)
    assert room.h2.get_text() == "Sala de prensa"
    shown = pdf_text(client.get(es_index.url + "fact-sheet/").content)
    assert "es una coalici" in shown
