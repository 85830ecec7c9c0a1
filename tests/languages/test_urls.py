"""Language prefixes, the root redirect, old addresses and the language switcher."""

import pytest
from wagtail.models import Page

from tests.factories import StandardPageFactory

from .conftest import translate

pytestmark = pytest.mark.django_db


def add_page(parent, **fields):
    page = StandardPageFactory.build(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_root_redirects_by_accept_language(client, es_home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5")
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert "Accept-Language" in response["Vary"]
    assert not response.cookies

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.8")
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(
    "header", ["", "xx", "🙂;q=abc", "de-DE,fr;q=0.8", "*", "es;q=nonsense" * 50]
)
def test_garbage_accept_language_goes_to_english(client, es_home, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirect_only_to_public_languages(client, home):
    """Spanish without a Spanish home page is not offered: the reader goes to English."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es")
    assert response["Location"] == "/en/"


def test_both_home_pages_render_in_their_language(client, es_home):
    english = client.get("/en/")
    spanish = client.get("/es/")
    assert english.status_code == spanish.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="es">' in spanish.content.decode()
    assert "Juntos contra la trata de personas" in spanish.content.decode()
    assert not english.cookies and not spanish.cookies


def test_unknown_and_unpublished_language_prefixes_are_404(client, home):
    assert client.get("/xx/").status_code == 404
    assert client.get("/es/").status_code == 404  # no Spanish home yet
    assert client.get("/vi/").status_code == 404  # a known language, not public


def test_old_page_addresses_redirect_permanently(client, home, es_home):
    page = add_page(home, slug="about", title="About")
    response = client.get("/about/?utm_source=x")
    assert response.status_code == 301
    assert response["Location"] == "/en/about/?utm_source=x"
    # A Spanish reader goes to the Spanish page when there is one.
    translate(page, es_home, title="Quiénes somos")
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="es")
    assert response["Location"] == "/es/about/"
    assert client.get("/no-such-page/").status_code == 404


def test_search_is_in_each_language_and_old_search_redirects(client, es_home):
    assert client.get("/es/search/?q=ayuda").status_code == 200
    assert '<html lang="es">' in client.get("/es/search/").content.decode()
    response = client.get("/search/?q=help")
    assert response.status_code == 301
    assert response["Location"] == "/en/search/?q=help"


@pytest.mark.parametrize("path", ["/sitemap.xml", "/robots.txt", "/health/", "/health/ready/"])
def test_addresses_that_are_not_pages_keep_working(client, home, path):
    assert client.get(path).status_code == 200


def test_switcher_links_to_the_translation(client, home, es_home):
    page = add_page(home, slug="get-help", title="Get help")
    translate(page, es_home, title="Obtener ayuda", slug="obtener-ayuda")
    html = client.get("/en/get-help/").content.decode()
    assert 'href="/es/obtener-ayuda/" lang="es" hreflang="es" rel="alternate"' in html
    assert '<link rel="alternate" hreflang="es" href="http://localhost/es/obtener-ayuda/">' in html
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://localhost/en/get-help/">' in html
    )
    spanish = client.get("/es/obtener-ayuda/").content.decode()
    assert 'href="/en/get-help/" lang="en" hreflang="en" rel="alternate"' in spanish
    assert '<span class="language-switcher__current" lang="es"' in spanish


def test_switcher_goes_to_the_spanish_home_without_a_translation(client, home, es_home):
    add_page(home, slug="only-english", title="Only English")
    html = client.get("/en/only-english/").content.decode()
    assert 'href="/es/" lang="es" hreflang="es">' in html
    assert 'hreflang="es" href=' not in html  # no alternate in the head


def test_no_switcher_while_the_site_has_one_language(client, home):
    html = client.get("/en/").content.decode()
    assert "language-switcher" not in html


def test_unpublished_translation_is_not_linked(client, home, es_home):
    page = add_page(home, slug="draft-es", title="Draft")
    translated = translate(page, es_home, title="Borrador")
    translated.unpublish()
    html = client.get("/en/draft-es/").content.decode()
    assert 'href="/es/draft-es/"' not in html
    assert client.get("/es/draft-es/").status_code == 404


def test_menu_is_per_language(client, home, es_home):
    add_page(home, slug="english-only", title="English menu item")
    spanish = add_page(es_home, slug="solo-es", title="Elemento del menú")
    assert spanish.locale.language_code == "es"
    english_html = client.get("/en/").content.decode()
    spanish_html = client.get("/es/").content.decode()
    assert "English menu item" in english_html and "Elemento del menú" not in english_html
    assert "Elemento del menú" in spanish_html and "English menu item" not in spanish_html


def test_spanish_tree_is_a_sibling_of_the_english_one(home, es_home):
    assert es_home.get_parent().pk == Page.get_first_root_node().pk
    assert es_home.translation_key == home.translation_key


def test_sitemap_lists_both_languages_with_hreflang_alternates(client, home, es_home):
    page = add_page(home, slug="about", title="About")
    translate(page, es_home, title="Sobre nosotros", slug="sobre-nosotros")
    add_page(home, slug="only-english", title="Only English")
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/es/sobre-nosotros/</loc>" in xml
    assert "<loc>http://localhost/es/</loc>" in xml
    assert (
        '<xhtml:link rel="alternate" hreflang="es" href="http://localhost/es/sobre-nosotros/"/>'
        in xml
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://localhost/en/about/"/>'
        in xml
    )
    only = xml.split("<loc>http://localhost/en/only-english/</loc>")[1].split("</url>")[0]
    assert "xhtml:link" not in only


def test_news_feeds_per_language(client, home, es_home):
    from tests.factories import NewsIndexPageFactory, NewsPageFactory

    english_news = NewsIndexPageFactory.build(slug="news")
    home.add_child(instance=english_news)
    spanish_news = NewsIndexPageFactory.build(slug="noticias", title="Noticias")
    spanish_news.translation_key = english_news.translation_key
    es_home.add_child(instance=spanish_news)
    english_news.add_child(instance=NewsPageFactory.build(title="English item", slug="en-item"))
    spanish_news.add_child(instance=NewsPageFactory.build(title="Noticia en español", slug="es-1"))

    english = client.get("/news/feeds/rss/").content.decode()
    spanish_response = client.get("/news/feeds/es/rss/")
    assert spanish_response.status_code == 200
    spanish = spanish_response.content.decode()
    assert "English item" in english and "Noticia en español" not in english
    assert "Noticia en español" in spanish and "English item" not in spanish
    assert "<title>Sacramento Together: Noticias</title>" in spanish
    assert "http://localhost/es/noticias/" in spanish
    assert client.get("/news/feeds/es/atom/").status_code == 200
    assert client.get("/news/feeds/es/press-release/rss/").status_code == 200
    assert client.get("/news/feeds/vi/rss/").status_code == 404  # not a public language
    # Spanish pages point feed readers at the Spanish feeds.
    html = client.get("/es/").content.decode()
    assert 'href="/news/feeds/es/rss/"' in html
    assert 'href="/news/feeds/rss/"' in client.get("/en/").content.decode()


def test_page_cache_keeps_each_language_apart(client, es_home, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first = client.get("/es/")
    assert first["X-Page-Cache"] == "miss"
    again = client.get("/es/", HTTP_ACCEPT_LANGUAGE="en")
    assert again["X-Page-Cache"] == "hit"
    assert '<html lang="es">' in again.content.decode()
    english = client.get("/en/", HTTP_ACCEPT_LANGUAGE="es")
    assert english["X-Page-Cache"] == "miss"
    assert '<html lang="en">' in english.content.decode()
    assert not first.cookies and not again.cookies and not english.cookies


def test_no_language_cookie_and_no_set_language_view(client, es_home):
    for path in ("/", "/es/", "/en/", "/es/search/?q=ayuda", "/sitemap.xml"):
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="es")
        assert "django_language" not in response.cookies, path
        assert not response.cookies, path
    assert client.post("/i18n/setlang/", {"language": "es"}).status_code == 404
    assert client.get("/i18n/setlang/").status_code == 404
    # A language cookie someone else set changes nothing: the address decides.
    client.cookies["django_language"] = "es"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"
