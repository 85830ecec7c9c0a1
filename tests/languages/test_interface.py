"""The interface (not the content) in Spanish: quick exit, hotline, dates."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.formats import date_format

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_quick_exit_speaks_spanish_on_spanish_pages(client, es_home):
    page = soup(client.get("/es/"))
    link = page.select_one("[data-quick-exit]")
    assert link.get_text(" ", strip=True).startswith("Salida rápida")
    assert link["data-leaving-message"] == "Saliendo de este sitio ahora."
    assert link["data-one-more-message"] == "Presione Shift una vez más para salir de este sitio."
    assert page.select_one(".skip-link").get_text() == "Saltar al contenido principal"
    assert "¿Necesita ayuda ahora?" in page.get_text()


def test_quick_exit_stays_english_on_english_pages(client, es_home):
    link = soup(client.get("/en/")).select_one("[data-quick-exit]")
    assert link["data-leaving-message"] == "Leaving this site now."


def test_hotline_numbers_are_the_same_in_both_languages(client, es_home):
    english, spanish = (
        {a["href"] for a in soup(client.get(path)).select(".hotline a")}
        for path in ("/en/", "/es/")
    )
    assert {"tel:+18883737888", "sms:233733"} <= english
    assert english == spanish


def test_hotline_buttons_are_verbs_in_both_languages(client, es_home):
    # "Text" as a button is the verb; the same English word labels the rich-text block.
    for path, call, text in (("/en/", "Call", "Text"), ("/es/", "Llame", "Escriba")):
        actions = [
            span.get_text()
            for span in soup(client.get(path)).select(".hotline--strip .hotline__action")
        ]
        assert actions == [call, text], path
    with translation.override("es"):
        assert translation.gettext("Text") == "Texto"


def test_dates_are_written_the_spanish_way():
    day = datetime.date(2026, 1, 14)
    with translation.override("es"):
        assert date_format(day) == "14 de enero de 2026"
    with translation.override("en"):
        assert date_format(day) == "January 14, 2026"


def test_outage_and_error_pages_carry_the_hotline_in_spanish(client):
    from django.template import loader

    for name in ("503.html", "500.html"):
        html = loader.get_template(name).render()
        assert 'lang="es"' in html and "¿Necesita ayuda ahora?" in html
        assert "1-888-373-7888" in html
