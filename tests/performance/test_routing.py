"""Wagtail's routing and view restrictions, with the cached fragments and bulk links on top.

The header, footer and language links kept in the cache (base.html) and a
body's links read in bulk (coalition_site.rich_text, coalition_site.page_links)
must serve the same pages, refuse the same private pages and show the same
menu, settings, links and alt text as Wagtail's own way does.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.rich_text import RichText, expand_db_html

from safety.models import SafetySettings
from tests.factories import (
    DocumentFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
)

from .conftest import small_image


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def add(parent, factory=StandardPageFactory, **fields):
    page = factory.build(**fields)
    parent.add_child(instance=page)
    return page


def menu_titles(client):
    soup = soup_of(client.get("/en/"))
    return [a.get_text(strip=True) for a in soup.select("nav.primary-nav a")]


# ---------------------------------------------------------------- assumptions


def test_no_page_type_routes_or_builds_its_urls_its_own_way():
    """The one-query page links rely on this (coalition_site.page_links)."""
    for model in get_page_models():
        if model is Page:
            continue
        for method in ("get_url_parts", "get_url", "relative_url", "get_full_url"):
            assert getattr(model, method) is getattr(Page, method), (
                f"{model.__name__} overrides {method}()"
            )


# ---------------------------------------------------------------- routing


@pytest.mark.django_db
def test_pages_at_every_depth_are_served(client, home):
    about = add(home, slug="about", title="About us")
    news = add(home, NewsIndexPageFactory)
    item = add(news, NewsPageFactory, slug="first", title="First item")
    assert soup_of(client.get("/en/about/")).h1.get_text(strip=True) == "About us"
    assert soup_of(client.get("/en/news/first/")).h1.get_text(strip=True) == "First item"
    assert client.get(about.url).status_code == 200
    assert client.get(item.url).status_code == 200


@pytest.mark.django_db
def test_drafts_and_unknown_addresses_are_not_found(client, home):
    add(home, slug="draft", live=False)
    news = add(home, NewsIndexPageFactory)
    add(news, NewsPageFactory, slug="draft-item", live=False)
    for url in [
        "/en/draft/",
        "/en/news/draft-item/",
        "/en/nothing/",
        "/en/news/nothing/",
        "/en/a/b/c/d/",
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_a_page_of_an_unexpected_type_is_still_found(client, home):
    """The news index allows only news items, but code may put another page there."""
    news = add(home, NewsIndexPageFactory)
    add(news, slug="odd-one", title="An odd page")
    assert soup_of(client.get("/en/news/odd-one/")).h1.get_text(strip=True) == "An odd page"


@pytest.mark.django_db
def test_a_moved_page_answers_at_its_new_address(client, home):
    first = add(home, NewsIndexPageFactory, slug="news", title="News")
    second = add(home, NewsIndexPageFactory, slug="press", title="Press")
    item = add(first, NewsPageFactory, slug="moving", title="Moving item")
    assert client.get("/en/news/moving/").status_code == 200
    item.move(second, pos="last-child")
    assert client.get("/en/press/moving/").status_code == 200
    assert client.get("/en/news/moving/")["Location"] == "/en/press/moving/"  # Wagtail's redirect


@pytest.mark.django_db
def test_a_new_child_of_the_home_page_is_found_at_once(client, home):
    assert client.get("/en/late/").status_code == 404
    add(home, slug="late", title="Added late")
    assert client.get("/en/late/").status_code == 200


# ---------------------------------------------------------------- view restrictions


@pytest.mark.django_db
@pytest.mark.parametrize("restricted", ["the page", "its parent", "the home page"])
def test_private_pages_stay_private(client, home, restricted):
    news = add(home, NewsIndexPageFactory)
    item = add(news, NewsPageFactory, slug="item")
    target = {"the page": item, "its parent": news, "the home page": home}[restricted]
    PageViewRestriction.objects.create(page=target, restriction_type="login")
    response = client.get("/en/news/item/")
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.django_db
def test_a_password_protected_page_asks_for_the_password(client, home):
    page = add(home, slug="members", title="Members only")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="pw")
    response = client.get("/en/members/")
    assert response.status_code == 200
    assert b'name="password"' in response.content
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_an_alias_of_a_private_page_is_private(client, home):
    source = add(home, slug="source", title="Source")
    source.create_alias(update_slug="alias")
    PageViewRestriction.objects.create(page=source, restriction_type="login")
    assert client.get("/en/alias/").status_code == 302


@pytest.mark.django_db
def test_restricting_a_page_after_it_was_read_takes_effect_at_once(client, home):
    page = add(home, slug="soon-private")
    assert client.get("/en/soon-private/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert client.get("/en/soon-private/").status_code == 302
    PageViewRestriction.objects.filter(page=page).delete()
    assert client.get("/en/soon-private/").status_code == 200


@pytest.mark.django_db
def test_restricting_the_whole_site_after_it_was_read_takes_effect_at_once(client, home):
    assert client.get("/en/").status_code == 200
    PageViewRestriction.objects.create(page=home, restriction_type="login")
    assert client.get("/en/").status_code == 302


# ---------------------------------------------------------------- menu and settings


@pytest.mark.django_db
def test_menu_follows_publishing_at_once(client, home):
    page = add(home, slug="about", title="About", show_in_menus=True)
    assert menu_titles(client) == ["About"]
    add(home, slug="help", title="Help", show_in_menus=True)
    assert menu_titles(client) == ["About", "Help"]
    page.unpublish()
    assert menu_titles(client) == ["Help"]


@pytest.mark.django_db
def test_menu_leaves_out_private_pages(client, home):
    add(home, slug="about", title="About", show_in_menus=True)
    staff = add(home, slug="staff", title="Staff", show_in_menus=True)
    assert menu_titles(client) == ["About", "Staff"]
    PageViewRestriction.objects.create(page=staff, restriction_type="login")
    assert menu_titles(client) == ["About"]


@pytest.mark.django_db
def test_a_settings_change_shows_on_the_next_page(client, home):
    assert b"tel:+18883737888" in client.get("/en/").content
    site_settings = SafetySettings.objects.get()
    site_settings.hotline_phone = "1-800-555-0199"
    site_settings.save()
    assert b"tel:+18005550199" in client.get("/en/").content


@pytest.mark.django_db
def test_a_home_page_change_shows_on_the_next_read(client, home):
    assert b"Together against human trafficking" in client.get("/en/").content
    home.hero_heading = "A new heading"
    home.save_revision().publish()
    assert b"A new heading" in client.get("/en/").content


# ---------------------------------------------------------------- bodies


@pytest.mark.django_db
def test_links_in_a_body_match_wagtails_own_rendering(client, home):
    target = add(home, slug="target", title="Target")
    document = DocumentFactory(title="Guide")
    paragraphs = [
        f'<p>See <a linktype="page" id="{target.pk}">the target</a> and '
        f'<a linktype="document" id="{document.pk}">the guide</a> ({n}).</p>'
        for n in range(4)
    ] + ['<p>A <a linktype="page" id="999999">page that is gone</a>.</p>']
    add(
        home,
        slug="linking",
        body=[("paragraph", RichText(html)) for html in paragraphs],
    )
    soup = soup_of(client.get("/en/linking/"))
    rendered = [str(div.p) for div in soup.select(".stream .rich-text, .stream > div")]
    expected = [str(BeautifulSoup(expand_db_html(html), "html.parser").p) for html in paragraphs]
    assert [p for p in rendered if p != "None"] == expected
    assert soup.select(".stream a[href='/en/target/']")
    assert soup.select(f".stream a[href='{document.url}']")


@pytest.mark.django_db
def test_one_image_in_two_blocks_keeps_each_blocks_alt_text(client, home):
    image = small_image("Shared picture")
    views = []
    for alt_text in ["First view", "Second view"]:
        view = type(image).objects.get(pk=image.pk)
        view.contextual_alt_text = alt_text
        views.append(("image", {"image": view, "caption": ""}))
    add(home, slug="pictures", body=views)
    for _ in range(2):  # renditions are made on the first read, read back on the second
        soup = soup_of(client.get("/en/pictures/"))
        images = soup.select(".stream figure img")
        assert [img["alt"] for img in images] == ["First view", "Second view"]
        for img in images:
            assert img.get("width") and img.get("height")
            assert img["loading"] == "lazy"
