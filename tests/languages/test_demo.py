"""The demo site in Spanish: real translations of the English safety pages."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from coalition_site.models import HomePage

pytestmark = pytest.mark.django_db

SPANISH_PAGES = {
    # English address: Spanish address of its translation
    "/en/": "/es/",
    "/en/get-help/": "/es/obtener-ayuda/",
    "/en/browse-safely/": "/es/navegar-con-seguridad/",
    "/en/about/": "/es/sobre-la-coalicion/",
    "/en/reset-court/": "/es/reset-court/",
    "/en/resources/": "/es/recursos/",
    "/en/resources/national-human-trafficking-hotline/": (
        "/es/recursos/linea-nacional-contra-la-trata/"
    ),
    "/en/recognize-the-signs/": "/es/reconozca-las-senales/",
    "/en/report-a-tip/": "/es/reporte-una-sospecha/",
    "/en/contact/": "/es/contacto/",
    "/en/news/": "/es/noticias/",
    "/en/partners/": "/es/organizaciones-aliadas/",
    "/en/partners/community-against-sexual-harm/": (
        "/es/organizaciones-aliadas/community-against-sexual-harm/"
    ),
    "/en/news/operation-hot-spots-2020-results/": "/es/noticias/operacion-hot-spots-2020/",
}
# Spain's Spanish where Sacramento's Spanish speakers say otherwise.
SPAIN_ONLY = re.compile(r"\b(pulse|pulsa|pulsar|Mayús|añada|añadir|ordenador|vosotros)\b", re.I)


def soup(response):
    assert response.status_code == 200, response
    return BeautifulSoup(response.content, "html.parser")


def test_spanish_pages_are_translations_of_the_english_ones(client, demo):
    spanish = Locale.objects.get(language_code="es")
    for english_path, spanish_path in SPANISH_PAGES.items():
        page = soup(client.get(spanish_path))
        assert page.html["lang"] == "es", spanish_path
        english = Page.find_for_request(client.get(english_path).wsgi_request, english_path[3:])
        translated = english.get_translation(spanish)
        assert translated.live
        assert translated.get_url() == spanish_path
        # The switcher on the English page goes to the Spanish one, and back.
        switch = soup(client.get(english_path)).select_one('.language-switcher a[hreflang="es"]')
        assert switch["href"] == spanish_path
        back = page.select_one('.language-switcher a[hreflang="en"]')
        assert back["href"] == english_path


def test_spanish_safety_pages_say_what_matters(client, demo):
    browse = soup(client.get("/es/navegar-con-seguridad/")).get_text()
    assert "No borra su historial de navegación" in browse
    assert "con presionar Atrás una vez verá la anterior" in browse
    assert "presionar la tecla Shift" in browse
    help_page = soup(client.get("/es/obtener-ayuda/"))
    text = help_page.get_text()
    assert "1-888-373-7888" in text and "233733" in text and "911" in text
    assert "Qué pasa cuando llama" in text
    reset = soup(client.get("/es/reset-court/")).get_text()
    assert "Community Against Sexual Harm (CASH)" in reset


def test_spanish_footer_and_menu(client, demo):
    page = soup(client.get("/es/"))
    footer = page.select_one(".site-footer")
    assert "coalición dirigida por la Oficina del Fiscal de Distrito" in footer.get_text()
    assert footer.select_one('a[href="/es/navegar-con-seguridad/"]')
    menu = [a.get_text(strip=True) for a in page.select(".primary-nav a")]
    # The English menu's order and items, in Spanish; no English titles.
    assert menu == [
        "Obtener ayuda",
        "Reconozca las señales",
        "Reporte una sospecha",
        "Organizaciones aliadas",
        "Noticias y prensa",
        "Recursos",
        "Sobre nosotros",
    ]
    # English is unchanged.
    english_footer = soup(client.get("/en/")).select_one(".site-footer").get_text()
    assert "coalition led by the Sacramento County District Attorney" in english_footer


def test_spanish_library_filters_use_spanish_terms(client, demo):
    page = soup(client.get("/es/recursos/"))
    options = {option.get_text(strip=True) for option in page.select("select option")}
    assert "Sobrevivientes" in options and "Español" in options
    assert "Survivors" not in options
    english = soup(client.get("/en/resources/"))
    options = {option.get_text(strip=True) for option in english.select("select option")}
    assert "Survivors" in options and "Sobrevivientes" not in options


def test_loader_stays_idempotent_and_reset_rebuilds_spanish(client, demo):
    # Translations are made with their Spanish slugs: no redirect from an English slug.
    assert not Redirect.objects.exists()
    count = Page.objects.count()
    call_command("load_demo_content", stdout=StringIO())
    assert Page.objects.count() == count
    call_command("load_demo_content", reset=True, stdout=StringIO())
    assert Page.objects.count() == count
    assert HomePage.objects.filter(locale__language_code="es").count() == 1
    assert client.get("/es/obtener-ayuda/").status_code == 200


def test_spanish_search_puts_get_help_first(client, demo):
    page = soup(client.get("/es/search/?q=ayuda"))
    first = page.select_one(".search-results .card__title a")
    assert first["href"] == "/es/obtener-ayuda/"
    english = soup(client.get("/en/search/?q=help"))
    assert english.select_one(".search-results .card__title a")["href"] == "/en/get-help/"


def test_spanish_is_the_spanish_of_sacramento(client, demo):
    for path in [*SPANISH_PAGES.values(), "/es/navegar-con-seguridad/"]:
        text = soup(client.get(path)).get_text(" ")
        assert not SPAIN_ONLY.search(text), (path, SPAIN_ONLY.search(text).group())


def test_spanish_contact_form_is_in_spanish(client, demo):
    page = soup(client.get("/es/contacto/"))
    labels = [label.get_text(" ", strip=True) for label in page.select("form label")]
    assert any(label.startswith("Su nombre") for label in labels), labels
    assert any(label.startswith("Mensaje") for label in labels), labels
    assert "nadie revisa este formulario a toda hora" in page.get_text()


def test_spanish_press_room_and_release(client, demo):
    news = soup(client.get("/es/noticias/"))
    room = news.select_one("#press-room")
    assert room.h2.get_text() == "Sala de prensa"
    assert "Sacramento Together es una coalición" in room.get_text()
    assert "Noticias y prensa" in [a.get_text(strip=True) for a in news.select(".primary-nav a")]
    sheet = client.get("/es/noticias/fact-sheet/")
    assert sheet["Content-Type"] == "application/pdf"
    release = soup(client.get("/es/noticias/operacion-hot-spots-2020/"))
    header = release.select_one("article header").get_text(" ", strip=True)
    assert "Para publicación inmediata" in header and "press@example.org" in header
    assert "Acerca de Sacramento Together" in release.select_one(".news__boilerplate").get_text()


def test_spanish_directory_uses_spanish_terms_and_only_the_facts(client, demo):
    directory = soup(client.get("/es/organizaciones-aliadas/"))
    options = {option.get_text(strip=True) for option in directory.select("select option")}
    assert "Refugio de emergencia" in options and "Emergency shelter" not in options
    menu = [a.get_text(strip=True) for a in directory.select(".primary-nav a")]
    assert "Organizaciones aliadas" in menu
    real = soup(client.get("/es/organizaciones-aliadas/sacramento-police-department/"))
    assert real.select_one(".partner__offer, .partner__reviewed") is None
    help_page = soup(client.get("/es/obtener-ayuda/"))
    listed = [
        a.get_text(strip=True) for a in help_page.select(".get-help__partners .card__title a")
    ]
    assert listed and all("(ejemplo)" in title for title in listed)
