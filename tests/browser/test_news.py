"""The news listing and a news item, checked with axe-core in a real browser (WCAG 2.2 A/AA).

The demo content supplies the pages: a listing with cards (one with an image),
and an item with an image, a PDF download, a media contact and partner links.
"""

import pytest

from tests.browser.test_accessibility import axe_violations, describe

PHONE = {"width": 390, "height": 844}

NEWS_PATHS = [
    "/en/news/",
    "/en/news/?kind=press-release&topic=sentencing",
    "/en/news/?kind=%3Cscript%3E",  # the ignored-filter notice
    "/en/news/operation-hot-spots-2020-results/",
    "/en/news/sample-training-recognizing-trafficking/",
]


@pytest.mark.parametrize("path", NEWS_PATHS)
def test_news_pages_have_no_wcag_violations(page, visit, network, path):
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path}\n{describe(violations)}"
    assert network.offsite() == [], "a news page called another site"


@pytest.mark.parametrize("path", ["/en/news/", "/en/news/operation-hot-spots-2020-results/"])
def test_news_pages_have_no_wcag_violations_on_a_phone(new_context, visit, path):
    context, network = new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path} at {PHONE['width']}px\n{describe(violations)}"


def test_news_filters_work_without_javascript(new_context, visit):
    context, _ = new_context(java_script_enabled=False)
    page = context.new_page()
    visit(page, "/en/news/")
    page.get_by_label("Kind").select_option("press-release")
    page.get_by_label("Topic").select_option("sentencing")
    page.get_by_role("button", name="Show results").click()
    page.wait_for_url("**/news/?*kind=press-release*")
    topics = page.locator(".card .card__detail", has_text="Topics:").all_inner_texts()
    assert len(page.locator(".card__title a").all_inner_texts()) == 3
    assert len(topics) == 3 and all("Sentencing" in line for line in topics), topics
