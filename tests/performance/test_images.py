"""Images: sized so the page does not jump, lazy below the fold, renditions read in bulk.

Every `{% image %}` and `{% picture %}` writes width and height; images in
cards and page bodies load lazily; the few at the top of a page (a partner's
logo, a news item's picture, a show's artwork) load at once, since the reader
sees them first. Listings prefetch the renditions of exactly the size their
cards show: the constants in each app's querysets module must match the tags.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Filter

from news.querysets import CARD_IMAGE_FILTER
from partners.querysets import LOGO_FILTER
from podcasts.querysets import EPISODE_IMAGE_FILTER

from .conftest import SCENARIOS

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
IMAGE_TAG = re.compile(r"{%\s*(image|picture)\s+(\S+)\s+(.*?)%}")
# Shown at the top of their page, so they load at once (no loading="lazy").
ABOVE_THE_FOLD = {
    ("partners/partner_page.html", "page.logo"),
    ("news/news_page.html", "page.image"),
    ("podcasts/podcast_index_page.html", "page.artwork"),
}


def image_tags():
    for path in sorted(TEMPLATES.rglob("*.html")):
        for kind, variable, rest in IMAGE_TAG.findall(path.read_text()):
            yield str(path.relative_to(TEMPLATES)), kind, variable, rest


def specs(rest):
    """The filter specs of a tag, brace patterns expanded, in Wagtail's pipe form."""
    without_attributes = re.sub(r'\w[\w-]*=("[^"]*"|\S+)', "", rest)
    return set(Filter.expand_spec(" ".join(without_attributes.split())))


def test_every_image_below_the_fold_loads_lazily():
    found = list(image_tags())
    assert len(found) >= 8
    for template, _kind, variable, rest in found:
        lazy = 'loading="lazy"' in rest
        if (template, variable) in ABOVE_THE_FOLD:
            assert not lazy, f"{template}: {variable} is the first thing readers see"
        else:
            assert lazy, f'{template}: {variable} should have loading="lazy"'


def test_every_image_tag_says_what_the_image_shows():
    """Alt text from a field, empty for decoration, or from the image block's own alt text."""
    for template, _kind, variable, rest in image_tags():
        assert "alt=" in rest or variable == "value.image", f"{template}: {variable} has no alt"


def test_listings_prefetch_the_renditions_their_cards_show():
    tags = {(template, variable): rest for template, _kind, variable, rest in image_tags()}
    assert specs(tags[("partners/partner_card.html", "partner.logo")]) == {LOGO_FILTER}
    assert specs(tags[("news/news_card.html", "item.image")]) == {CARD_IMAGE_FILTER}
    assert specs(tags[("podcasts/episode_card.html", "episode.listing_image")]) == {
        EPISODE_IMAGE_FILTER
    }


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", [name for name in SCENARIOS if name != "search results"])
def test_every_rendered_image_has_its_size_and_alt_text(client, site, page_type):
    url = site.grow(page_type, 3)
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    images = soup.select("main img")
    # Their cards have no image, and a form has none of its own.
    if page_type not in {"get help", "resource library", "resource library, filtered", "form page"}:
        assert images, f"{page_type} shows no image"
    for img in images:
        assert img.get("width") and img.get("height"), f"{page_type}: {img}"
        assert img.has_attr("alt"), f"{page_type}: {img}"
