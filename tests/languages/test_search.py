"""Search in Spanish finds Spanish pages, stemmed as Spanish on PostgreSQL."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from tests.factories import StandardPageFactory

from .conftest import translate

pytestmark = pytest.mark.django_db


def titles(client, path):
    response = client.get(path)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-results h2 a, .card__title a")]


@pytest.fixture
def pages(home, es_home):
    english = StandardPageFactory.build(
        slug="shelter", title="Emergency shelter", introduction="Shelter tonight, any hour."
    )
    home.add_child(instance=english)
    english.save_revision().publish()
    spanish = translate(
        english,
        es_home,
        title="Refugio de emergencia",
        slug="refugio",
        introduction="Le ayudamos a encontrar refugio esta noche, a cualquier hora.",
    )
    return english, spanish


def test_spanish_search_finds_spanish_pages_only(client, pages):
    found = titles(client, "/es/search/?q=refugio")
    assert "Refugio de emergencia" in found
    assert "Emergency shelter" not in found
    english = titles(client, "/en/search/?q=shelter")
    assert "Emergency shelter" in english
    assert "Refugio de emergencia" not in titles(client, "/en/search/?q=refugio")


def test_search_results_page_is_in_spanish(client, pages):
    html = client.get("/es/search/?q=refugio").content.decode()
    assert '<html lang="es">' in html
    assert "1 resultado" in html


def switcher_links(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a")}


def test_switching_language_on_results_keeps_the_query(client, pages):
    links = switcher_links(client, "/en/search/?q=help&type=page&page=2")
    assert links == {"es": "/es/search/?q=help&type=page"}
    assert switcher_links(client, "/es/search/?q=refugio") == {"en": "/en/search/?q=refugio"}
    assert switcher_links(client, "/en/search/") == {"es": "/es/search/"}


def test_results_are_labelled_in_spanish(client, pages):
    soup = BeautifulSoup(client.get("/es/search/?q=refugio").content, "html.parser")
    assert soup.select_one(".search-result .card__meta").get_text(strip=True).startswith("Página")
    offered = [option.get_text(strip=True) for option in soup.select("#search-type option")]
    assert "Página" in offered and "Comunicado de prensa" in offered


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL text search only")
def test_spanish_is_stemmed_as_spanish_on_postgresql(client, pages):
    # "ayuda" and "ayudamos" share the Spanish stem "ayud"; the English stemmer keeps them apart.
    assert "Refugio de emergencia" in titles(client, "/es/search/?q=ayuda")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector('spanish', 'ayudamos') @@ plainto_tsquery('spanish', 'ayuda'),"
            " to_tsvector('english', 'ayudamos') @@ plainto_tsquery('english', 'ayuda')"
        )
        assert cursor.fetchone() == (True, False)
