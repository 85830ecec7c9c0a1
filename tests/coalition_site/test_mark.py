"""The mark: our own SVG, the favicons drawn from it, and the lockup line in the header."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from PIL import Image

IMAGES = Path(settings.BASE_DIR) / "static" / "images"


@pytest.mark.django_db
def test_every_page_links_the_favicons_and_shows_the_lockup(client, home):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    icons = {link["href"].rsplit("/", 1)[-1] for link in soup.select('link[rel~="icon"]')}
    assert icons == {"favicon.ico", "favicon.svg"}
    assert soup.select_one('link[rel="apple-touch-icon"]')["href"].endswith("apple-touch-icon.png")
    header = soup.select_one("header.site-header")
    assert header.select_one("img.site-brand__mark")["src"].endswith("images/logo.svg")
    lockup = "Led by the Sacramento County District Attorney's Office"
    assert header.select_one(".site-brand__lockup").get_text(strip=True) == lockup


def test_the_favicons_are_drawn_at_the_sizes_browsers_ask_for():
    with Image.open(IMAGES / "favicon.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48)} <= set(ico.info["sizes"])
    with Image.open(IMAGES / "apple-touch-icon.png") as touch:
        assert touch.size == (180, 180) and touch.mode == "RGB"  # no transparency on iOS


@pytest.mark.parametrize("name", ["logo.svg", "favicon.svg"])
def test_the_mark_is_self_contained(name):
    """No reference to anything outside the file: no fonts, images or links fetched."""
    svg = (IMAGES / name).read_text()
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<image" not in svg and "@import" not in svg
