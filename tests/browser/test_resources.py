"""The resource library, a resource and the Get help page in a real browser:
WCAG 2.2 A/AA with axe, and what a printed page leaves out."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations, describe

RESOURCE_PAGES = [
    "/en/resources/",
    "/en/resources/?audience=survivors&language=spanish",
    "/en/resources/?type=nonsense&q=%00",  # the "filters ignored" notice
    "/en/resources/signs-of-trafficking/",
    "/en/resources/linea-nacional-contra-la-trata/",
    "/en/get-help/",
    "/en/recognize-the-signs/",
    "/en/report-a-tip/",
]


@pytest.mark.parametrize("path", RESOURCE_PAGES)
def test_resource_pages_have_no_wcag_violations(page, visit, path):
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path}\n{describe(violations)}"


def test_the_library_filters_without_javascript(new_context, visit):
    context, _ = new_context(java_script_enabled=False)
    page = context.new_page()
    visit(page, "/en/resources/")
    form = page.get_by_role("search", name="Filter resources")
    form.get_by_label("For").select_option("parents-and-caregivers")
    form.get_by_label("Language").select_option("spanish")
    form.get_by_role("button", name="Show results").click()
    page.wait_for_url("**/resources/?*")
    assert "audience=parents-and-caregivers" in page.url and "language=spanish" in page.url
    expect(page.locator(".listing__count")).to_have_text("1 resource")
    spanish_hotline = "Línea Nacional contra la Trata de Personas"
    expect(page.locator(".card__title")).to_have_text([spanish_hotline])


@pytest.mark.parametrize(
    "path",
    ["/en/resources/", "/en/resources/signs-of-trafficking/", "/en/get-help/", "/en/report-a-tip/"],
)
def test_printing_leaves_out_the_quick_exit_navigation_and_controls(page, visit, path):
    visit(page, path, wait_until="networkidle")
    # On screen, with JavaScript, the controls are there.
    expect(page.locator(".quick-exit__link")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("button", name="Print this page")).to_be_visible()

    page.emulate_media(media="print")
    expect(page.locator(".quick-exit__link")).not_to_be_visible()
    expect(page.locator(".quick-exit")).not_to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).not_to_be_visible()
    expect(page.get_by_role("button", name="Print this page")).not_to_be_visible()
    expect(page.locator(".filter-form")).not_to_be_visible()
    # What matters on paper stays: the title and the hotline.
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".hotline >> visible=true").first).to_be_visible()
