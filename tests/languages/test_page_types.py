"""Every public page type renders in Spanish once an editor translates it.

The English site of each scenario in tests/performance is built small, the page
is translated the way the admin's "Translate" action does it (its parents too),
and the Spanish address must answer 200 in Spanish: `lang="es"`, the Spanish
interface, the hotline and the quick exit.
"""

import pytest
from wagtail.models import Locale, Page

from tests.performance.conftest import SCENARIOS, SiteBuilder

pytestmark = pytest.mark.django_db

SEARCH = "search results"


def translate_with_parents(page, locale):
    """What "Translate" in the admin does, published: the page and any untranslated parent."""
    existing = page.get_translation_or_none(locale)  # the home page is translated already
    if existing is not None:
        return existing.specific
    translation = page.copy_for_translation(locale, copy_parents=True)
    # Missing parents come as aliases of the English ones, which follow their source.
    for ancestor in translation.get_ancestors(inclusive=True).filter(
        depth__gt=1, alias_of__isnull=True
    ):
        ancestor.specific.save_revision().publish()
    return translation.specific_class.objects.get(pk=translation.pk)


def english_page_at(home, url):
    path = url.split("?")[0].removeprefix("/en")
    if path == "/":
        return home
    return Page.objects.get(
        url_path=home.url_path + path.lstrip("/"), locale__language_code="en"
    ).specific


def assert_in_spanish(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert "1-888-373-7888" in html
    assert "data-quick-exit" in html
    assert "Salida rápida" in html  # the quick exit, in Spanish


@pytest.mark.parametrize("page_type", [name for name in SCENARIOS if name != SEARCH])
def test_page_type_renders_in_spanish(client, home, es_home, page_type):
    site = SiteBuilder(home)
    url = site.grow(page_type, 3)
    query = url.partition("?")[2]
    spanish = translate_with_parents(
        english_page_at(home, url), Locale.objects.get(language_code="es")
    )

    assert spanish.url.startswith("/es/")
    assert_in_spanish(client.get(spanish.url + (f"?{query}" if query else "")))
    # The English page is still there, in English.
    assert '<html lang="en"' in client.get(url).content.decode()


def test_search_results_render_in_spanish(client, home, es_home):
    SiteBuilder(home).grow(SEARCH, 3)
    assert_in_spanish(client.get("/es/search/?q=partner"))
