"""The Spanish site in a real browser: WCAG checks, lang, no cookies, the quick exit."""

import pytest

from tests.browser.test_accessibility import axe_violations, describe

SPANISH_PATHS = [
    "/es/",
    "/es/obtener-ayuda/",
    "/es/navegar-con-seguridad/",
    "/es/sobre-la-coalicion/",
    "/es/reset-court/",
    "/es/recursos/",
    "/es/recursos/linea-nacional-contra-la-trata/",
    "/es/search/?q=ayuda",
]
NEUTRAL_PAGE = "<title>Weather</title>neutral"


@pytest.mark.parametrize("path", SPANISH_PATHS)
def test_spanish_page_has_no_wcag_violations_and_says_it_is_spanish(page, visit, path):
    visit(page, path, wait_until="networkidle")
    assert page.evaluate("document.documentElement.lang") == "es"
    violations = axe_violations(page)
    assert not violations, f"{path}\n{describe(violations)}"


def test_a_spanish_browser_lands_on_the_spanish_home_and_stores_nothing(new_context, site_url):
    context, network = new_context(locale="es-MX")
    page = context.new_page()
    response = page.goto(site_url + "/", wait_until="networkidle")
    assert response.status == 200
    assert page.url == site_url + "/es/"
    for path in SPANISH_PATHS:
        page.goto(site_url + path, wait_until="networkidle")
    # The switcher to English and back.
    page.goto(site_url + "/es/obtener-ayuda/")
    page.locator('.language-switcher a[hreflang="en"]').click()
    page.wait_for_url(site_url + "/en/get-help/")
    assert context.cookies() == [], context.cookies()
    stored = [o for o in context.storage_state()["origins"] if o.get("localStorage")]
    assert stored == []
    assert network.offsite() == [], network.offsite()


def test_quick_exit_works_and_speaks_spanish(page, network, visit):
    network.serve("https://www.weather.gov/**", body=NEUTRAL_PAGE)
    visit(page, "/es/navegar-con-seguridad/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    status = page.locator("[data-quick-exit-status]")
    assert status.text_content() == "Presione Shift una vez más para salir de este sitio."
    page.keyboard.press("Shift")
    page.wait_for_url("https://www.weather.gov/")
    assert page.title() == "Weather"
