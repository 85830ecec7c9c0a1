"""Safety features, checked in a real browser.

Some visitors are at risk and on a phone someone else may check. The quick exit
must leave at once and leave no Back-button trail; the site must call no other
site and store nothing in the browser; the hotline must be one tap away on every page.
"""

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from safety.models import SafetySettings

DEFAULT_QUICK_EXIT_URL = "https://www.weather.gov/"
NEUTRAL_PAGE = "<title>Weather</title>neutral"


def quick_exit_link(page):
    # The accessible name also carries the visually hidden explanation.
    return page.get_by_role("link", name="Quick exit")


def on_site(page, site_url):
    return page.url.startswith(site_url + "/")


# ---------------------------------------------------------------- quick exit


def test_quick_exit_click_replaces_the_page_in_history(page, network, visit, site_url):
    network.serve("https://www.weather.gov/**", body=NEUTRAL_PAGE)
    visit(page, "/")
    history_before = page.evaluate("history.length")

    quick_exit_link(page).click()
    page.wait_for_url(DEFAULT_QUICK_EXIT_URL)

    assert page.url == DEFAULT_QUICK_EXIT_URL
    assert page.title() == "Weather"
    history_after = page.evaluate("history.length")
    assert history_after == history_before, (
        f"history grew from {history_before} to {history_after}: the quick exit added an "
        "entry, so Back brings the site up again (use location.replace)"
    )
    page.go_back()
    assert not on_site(page, site_url), (
        f"Back after the quick exit returned to the site: {page.url}"
    )


def test_two_shift_presses_do_not_leave(page, network, visit, site_url):
    network.serve("https://www.weather.gov/**", body=NEUTRAL_PAGE)
    visit(page, "/en/browse-safely/")
    url_before = page.url

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(1000)

    assert page.url == url_before, f"two Shift presses left the page for {page.url}"
    assert network.served == [], f"two Shift presses requested {network.served}"


def test_three_shift_presses_leave(page, network, visit, site_url):
    network.serve("https://www.weather.gov/**", body=NEUTRAL_PAGE)
    visit(page, "/en/browse-safely/")
    history_before = page.evaluate("history.length")

    # Three presses well inside two seconds.
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(DEFAULT_QUICK_EXIT_URL)

    assert page.title() == "Weather"
    assert page.evaluate("history.length") == history_before, (
        "the Shift quick exit added a history entry (use location.replace)"
    )


@pytest.fixture
def site_settings(demo_site):
    """The site settings, put back as they were after the test (the site is shared)."""
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    original = settings.quick_exit_url
    yield settings
    settings.quick_exit_url = original
    settings.save()


def test_quick_exit_goes_where_the_site_settings_say(page, network, visit, site_settings):
    target = "https://example.com/weather"
    site_settings.quick_exit_url = target
    site_settings.save()
    network.serve("https://example.com/**", body=NEUTRAL_PAGE)
    network.serve("https://www.weather.gov/**", body=NEUTRAL_PAGE)

    visit(page, "/")
    expect(quick_exit_link(page)).to_have_attribute("href", target)
    quick_exit_link(page).click()
    page.wait_for_url(target)

    assert page.title() == "Weather"
    assert network.served == [target], (
        f"expected one visit to the configured {target}, got {network.served}"
    )


def test_quick_exit_works_without_javascript(new_context, visit, quick_exit_url):
    context, network = new_context(java_script_enabled=False)
    network.serve("https://www.weather.gov/**", body=NEUTRAL_PAGE)
    page = context.new_page()
    visit(page, "/")

    link = quick_exit_link(page)
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", quick_exit_url)
    link.click()
    page.wait_for_url(quick_exit_url)
    assert page.title() == "Weather"


def test_tab_reaches_skip_link_then_quick_exit(page, visit, quick_exit_url):
    visit(page, "/")

    page.keyboard.press("Tab")
    first = page.evaluate(
        "({text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href'),"
        " tag: document.activeElement.tagName})"
    )
    assert first == {"text": "Skip to main content", "href": "#main-content", "tag": "A"}, (
        f"first Tab focused {first}, not the skip link"
    )

    page.keyboard.press("Tab")
    second = page.evaluate(
        "({quickExit: document.activeElement.hasAttribute('data-quick-exit'),"
        " text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert second["quickExit"] and second["href"] == quick_exit_url, (
        f"second Tab focused {second}, not the quick exit link"
    )
    assert second["text"].startswith("Quick exit"), second


# ---------------------------------------------------------------- privacy


def test_no_request_leaves_the_site(page, network, visit, site_url, demo_paths):
    offenders = {}
    for path in demo_paths:
        start = len(network.requests)
        visit(page, path, wait_until="networkidle")
        offsite = [url for url in network.requests[start:] if not network.is_site(url)]
        if offsite:
            offenders[path] = offsite

    site_host = urlsplit(site_url).netloc
    assert not offenders, f"pages requested other sites than {site_host}: " + "; ".join(
        f"{path} -> {', '.join(urls)}" for path, urls in offenders.items()
    )
    # The guard saw the pages' assets too, so an empty offender list means something.
    assert len(network.requests) > len(demo_paths), network.requests


def test_reading_the_site_stores_nothing(page, context, visit, site_url, demo_paths):
    for path in demo_paths:
        visit(page, path, wait_until="networkidle")

    cookies = context.cookies()
    assert cookies == [], "cookies set for a reader: " + ", ".join(
        f"{c['name']} ({c['domain']}{c['path']})" for c in cookies
    )
    state = context.storage_state()
    stored = [origin for origin in state["origins"] if origin.get("localStorage")]
    assert stored == [], f"localStorage written: {stored}"


def test_a_form_page_cookie_ends_with_the_browser(page, context, visit):
    visit(page, "/en/contact/")
    cookies = context.cookies()
    assert [cookie["name"] for cookie in cookies] == ["csrftoken"], cookies
    # -1: a session cookie, dropped when the browser closes, not kept on the device for a year.
    assert cookies[0]["expires"] == -1, f"the form's cookie is kept until {cookies[0]['expires']}"


def test_hotline_is_on_every_page(page, visit, demo_paths):
    missing = []
    for path in demo_paths:
        visit(page, path)
        for href in ("tel:+18883737888", "sms:233733"):
            links = page.locator(f'a[href="{href}"]')
            if not any(links.nth(i).is_visible() for i in range(links.count())):
                missing.append(f"{path}: no visible link to {href}")
    assert not missing, "; ".join(missing)
