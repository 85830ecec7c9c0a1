"""What the site leaves in a reader's browser, and that the site says so truthfully.

Reading sets no cookie. A page with a form sets the CSRF cookie, and only for as long as
the browser stays open: on a shared phone a cookie kept for a year would show that this
site was opened. The footer, the "Browse safely" page and the form's privacy note say
exactly that.
"""

import importlib
from http.cookies import SimpleCookie

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import override_settings
from wagtail.models import Page

from coalition_site.models import FormPage

FORM_PAGES = ["/en/contact/", "/en/request-a-speaker/"]


def assert_ends_with_the_browser(response):
    cookie = response.cookies[settings.CSRF_COOKIE_NAME]
    header = cookie.OutputString()
    assert "expires" not in header.lower() and "max-age" not in header.lower(), (
        f"the form's cookie outlives the browser: Set-Cookie: {header}"
    )
    parsed = SimpleCookie(header)[settings.CSRF_COOKIE_NAME]
    assert parsed["expires"] == "" and parsed["max-age"] == ""


@pytest.mark.parametrize("path", FORM_PAGES)
def test_a_form_page_sets_only_a_csrf_cookie_that_ends_with_the_browser(client, demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert list(response.cookies) == [settings.CSRF_COOKIE_NAME]
    assert_ends_with_the_browser(response)


def test_sending_a_form_sets_no_lasting_cookie(client, demo):
    shown = client.get("/en/contact/")
    form = BeautifulSoup(shown.content, "html.parser").select_one("form.site-form")
    data = {field["name"]: field.get("value", "") for field in form.select("input[name]")}
    data.update({"your_name": "Ana", "email": "", "message": "Hello"})  # missing email
    answered = client.post("/en/contact/", data)
    assert answered.status_code == 400  # shown again with the error
    for name, cookie in answered.cookies.items():
        header = cookie.OutputString().lower()
        assert "expires" not in header and "max-age" not in header, f"{name}: {header}"


def test_the_form_cookie_ends_with_the_browser_in_production_too(client, demo, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "production-like-test-key-" + "k" * 40)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/unused.sqlite3")
    production = importlib.reload(importlib.import_module("coalition_site.settings.production"))
    names = [name for name in dir(production) if name.startswith(("CSRF_", "SECURE_"))]
    with override_settings(**{name: getattr(production, name) for name in names}):
        response = client.get("/en/contact/", secure=True)
    assert response.status_code == 200
    assert_ends_with_the_browser(response)


def test_no_reading_page_sets_a_cookie(client, demo):
    reading = [
        page.url
        for page in Page.objects.live().public().exclude(depth=1).specific()
        if not isinstance(page, FormPage)
    ]
    reading += ["/en/search/", "/en/search/?q=help", "/es/search/?q=ayuda"]
    assert len(reading) > 20, reading
    for url in reading:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies, f"{url} set {response.cookies.output()}"


# ---------------------------------------------------------------- what the site says


def text_of(response, selector):
    found = BeautifulSoup(response.content, "html.parser").select_one(selector)
    assert found is not None, selector
    return " ".join(found.get_text(" ").split())


def test_the_footer_says_which_cookie_a_form_sets_and_when_it_ends(client, demo):
    footer = text_of(client.get("/en/about/"), ".site-footer__safety")
    assert "Reading this site sets no cookies." in footer
    assert "A page with a form sets one cookie" in footer
    assert "It is deleted when you close your browser" in footer
    assert "closing a private window always deletes it" in footer
    assert "no cookies for readers" not in footer


def test_the_spanish_footer_says_the_same(client, demo):
    footer = text_of(client.get("/es/"), ".site-footer__safety")
    assert "Al leer este sitio no se guarda ninguna cookie." in footer
    assert "Una página con un formulario deja una cookie en su navegador" in footer
    assert "Se borra cuando usted cierra el navegador" in footer
    assert "al cerrar una ventana privada, siempre se borra" in footer


@pytest.mark.parametrize(
    "path, claims",
    [
        (
            "/en/browse-safely/",
            [
                "Reading this site sets no cookies.",
                "A page with a form, such as the contact form, sets one cookie.",
                "It is deleted when you close your browser, unless the browser is set to "
                "reopen your tabs",
                "Closing a private or incognito window always deletes it.",
                "Coalition staff who sign in to edit the site get a sign-in cookie.",
            ],
        ),
        (
            "/es/navegar-con-seguridad/",
            [
                "Al leer este sitio no se guarda ninguna cookie.",
                "Una página con un formulario, como el de contacto, deja una cookie",
                "Se borra cuando usted cierra el navegador",
                "Al cerrar una ventana privada o de incógnito, siempre se borra.",
            ],
        ),
    ],
)
def test_browse_safely_says_which_cookies_there_are(client, demo, path, claims):
    body = text_of(client.get(path), "main")
    for claim in claims:
        assert claim in body, f"{path} does not say: {claim}"
    assert "no cookies for readers" not in body
    assert "no pone cookies a los lectores" not in body


def test_the_form_privacy_note_says_the_cookie_ends_with_the_browser(client, demo):
    note = text_of(client.get("/en/contact/"), ".privacy-note")
    assert "This page sets one cookie" in note
    assert "it is deleted when you close your browser" in note
