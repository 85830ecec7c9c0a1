"""Checks across every public page type, on the demo site."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from search.query import searchable_types

# For a choice of the search's type filter: a word from the body of a demo page
# of that type, and the label results carry.
WORD_IN_BODY = {
    "page": ("erase", "Page"),
    "partner": ("wrap-around", "Partner"),
    "press-release": ("backpacks", "Press release"),
    "podcast-episode": ("tone", "Podcast episode"),
    "resource": ("1193", "Resource"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("type_name", sorted(WORD_IN_BODY))
def test_search_finds_each_page_type_by_a_word_in_its_body(client, demo, type_name):
    word, label = WORD_IN_BODY[type_name]
    soup = BeautifulSoup(client.get(f"/en/search/?q={word}").content, "html.parser")
    labels = [
        meta.get_text(" ", strip=True).split(" · ")[0]
        for meta in soup.select(".search-result:not(.search-result--promoted) .card__meta")
    ]
    assert label in labels, f"{word!r} found only {labels}"
    only = BeautifulSoup(
        client.get(f"/en/search/?q={word}&type={type_name}").content, "html.parser"
    )
    assert only.select(".search-result")
    assert {m.get_text(" ", strip=True).split(" · ")[0] for m in only.select(".card__meta")} == {
        label
    }


@pytest.mark.django_db
def test_every_public_page_type_has_canonical_description_and_open_graph(client, demo):
    for model in searchable_types().values():
        page = Page.objects.type(model).live().filter(content_type__model=model._meta.model_name)
        page = page.first()
        if page is None:
            continue
        url = page.get_url()
        soup = BeautifulSoup(client.get(url).content, "html.parser")
        assert soup.select_one('link[rel="canonical"]')["href"] == page.get_full_url(), url
        description = soup.select_one('meta[name="description"]')
        assert description is not None and description["content"].strip(), url
        assert soup.select_one('meta[property="og:title"]')["content"].strip(), url
        assert soup.select_one('meta[property="og:url"]')["content"] == page.get_full_url(), url
        assert len(soup.select('link[rel="canonical"]')) == 1, url
