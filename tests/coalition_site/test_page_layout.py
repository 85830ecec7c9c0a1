"""The page header component and the content page sidebar, as the server sends them.

"On this page" is built on the server from the article's level-two headings (heading
blocks, rich text and the template's own sections), so its links work without JavaScript.
"""

import pytest
from bs4 import BeautifulSoup

from tests.factories import StandardPageFactory


def parse(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def long_page(home):
    page = StandardPageFactory.build(
        title="RESET Court",
        slug="reset-court",
        introduction="A diversion program.",
        body=[
            ("heading", {"text": "Who it is for", "level": "h2"}),
            ("paragraph", "<p>Young adult women.</p><h2>What it offers</h2><p>Services.</p>"),
            ("paragraph", "<h2>Who it is for</h2><p>The same words twice.</p>"),
            ("heading", {"text": "A smaller heading", "level": "h3"}),
            ("heading", {"text": "Main content", "level": "h2"}),
        ],
    )
    home.add_child(instance=page)
    return page


@pytest.mark.django_db
def test_on_this_page_links_every_level_two_heading_of_the_article(client, long_page):
    soup = parse(client.get(long_page.url))
    toc = soup.select_one('aside nav[aria-labelledby="on-this-page-heading"]')
    assert toc is not None
    links = [(a.get_text(strip=True), a["href"]) for a in toc.select("a")]
    assert [label for label, _ in links] == [
        "Who it is for",
        "What it offers",
        "Who it is for",
        "Main content",
    ]
    targets = [href.removeprefix("#") for _, href in links]
    assert len(set(targets)) == 4, "two headings with the same words share an id"
    assert "main-content" not in targets, "a heading took the skip link's target"
    assert soup.find(id="main-content").name == "main"
    article = soup.select_one("main article")
    for (label, _), target in zip(links, targets, strict=True):
        heading = article.find(id=target)
        assert heading is not None and heading.name == "h2", target
        assert heading.get_text(strip=True) == label
    assert "A smaller heading" not in toc.get_text()
    assert len(soup.find_all(id=True)) == len({tag["id"] for tag in soup.find_all(id=True)})


@pytest.mark.django_db
def test_a_page_with_one_heading_has_no_on_this_page_but_keeps_the_hotline_box(client, home):
    page = StandardPageFactory.build(
        slug="short", body=[("heading", {"text": "Only one", "level": "h2"})]
    )
    home.add_child(instance=page)
    soup = parse(client.get(page.url))
    assert soup.select_one("#on-this-page-heading") is None
    box = soup.select_one("aside .hotline--aside")
    assert box is not None
    assert box.select_one('a[href="tel:+18883737888"]') is not None
    assert box.select_one('a[href="sms:233733"]') is not None


@pytest.mark.django_db
def test_the_page_header_comes_first_with_the_title_and_lead(client, long_page):
    article = parse(client.get(long_page.url)).select_one("main article")
    header = article.find(True)
    assert header.name == "header"
    assert header.h1.get_text(strip=True) == "RESET Court"
    assert header.select_one("p.lead").get_text(strip=True) == "A diversion program."


@pytest.mark.django_db
def test_the_hotline_lead_promises_day_and_night_only_for_calls(client, home):
    soup = parse(client.get("/en/"))
    lead = soup.select_one(".hotline--strip .hotline__lead").get_text(" ", strip=True)
    assert "24 hours" not in lead
    assert "Call any time, day or night, or text" in lead
    region = soup.select_one(".hotline--strip")
    assert region["aria-labelledby"] == soup.select_one(".hotline--strip .hotline__lead")["id"]
