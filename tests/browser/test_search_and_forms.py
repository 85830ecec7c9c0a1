"""Search results and the two forms, with errors shown, checked with axe (WCAG 2.2 A/AA)."""

import pytest

from tests.browser.test_accessibility import axe_violations, describe


@pytest.mark.parametrize("path", ["/en/search/", "/en/search/?q=help", "/en/search/?q=zzzzqqq"])
def test_search_pages_have_no_wcag_violations(page, visit, path):
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path}\n{describe(violations)}"


def test_header_search_finds_the_get_help_page_first(page, visit):
    visit(page, "/en/about/")
    page.locator(".site-search-toggle > summary").click()  # Search opens its panel
    page.get_by_label("Search the site").fill("hotline")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=hotline")
    first = page.locator(".search-result .card__title a").first
    assert first.inner_text().strip() == "Get help"


@pytest.mark.parametrize("path", ["/en/request-a-speaker/", "/en/contact/"])
def test_forms_have_no_wcag_violations_empty_and_with_errors(page, visit, path):
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path}\n{describe(violations)}"

    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state("networkidle")
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    # Focus moves to the list of errors so a screen reader announces it.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    violations = axe_violations(page)
    assert not violations, f"{path} with errors\n{describe(violations)}"


def test_a_person_can_send_the_contact_form(page, visit):
    visit(page, "/en/contact/")
    page.get_by_label("Your name").fill("Ana")
    page.get_by_label("Email").fill("ana@example.org")
    page.get_by_label("Message").fill("When is the next training?")
    page.wait_for_timeout(3100)  # the form refuses anything sent faster than a person types
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "Thank you"
