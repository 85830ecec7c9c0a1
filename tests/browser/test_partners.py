"""The partner directory in a real browser: filtering, and axe's WCAG 2.2 A/AA checks."""

import pytest

from tests.browser.test_accessibility import axe_violations, describe


def card_names(page):
    return [name.strip() for name in page.locator(".card__title a").all_inner_texts()]


def test_directory_filters_combine_and_give_a_shareable_address(page, visit):
    visit(page, "/en/partners/")
    everyone = card_names(page)
    assert "Harbor Light Shelter (sample)" in everyone and len(everyone) > 10

    page.select_option("select[name=service]", label="Emergency shelter")
    page.select_option("select[name=language]", label="Spanish")
    page.get_by_role("button", name="Show results").click()
    page.wait_for_load_state()
    assert "service=emergency-shelter" in page.url and "language=spanish" in page.url
    assert card_names(page) == ["Harbor Light Shelter (sample)"]
    assert page.locator(".listing__count").inner_text().strip() == "1 partner"

    page.select_option("select[name=sector]", label="Law enforcement")
    page.get_by_role("button", name="Show results").click()
    page.wait_for_load_state()
    assert card_names(page) == []
    assert "No partner matches" in page.locator(".empty-result").inner_text()
    page.get_by_role("link", name="Clear filters and show every partner").click()
    page.wait_for_load_state()
    assert card_names(page) == everyone


@pytest.mark.parametrize(
    "path",
    [
        "/en/partners/",
        "/en/partners/?service=emergency-shelter",
        "/en/partners/?service=no-such-thing",
        "/en/partners/?sector=faith&language=hmong",
        "/en/partners/community-against-sexual-harm/",
        "/en/partners/sample-harbor-light-shelter/",
    ],
)
def test_directory_and_partner_pages_have_no_wcag_violations(page, visit, network, path):
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path}\n{describe(violations)}"
    assert network.offsite() == []
