"""The content security policies in a real browser: public pages, the click-to-load video,
the admin's page editor with its preview, and the userbar, with no violation reported.

Belongs to the security work (tests/security, docs/security.md);
it lives here to share this folder's single Playwright session.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

PASSWORD = "a-long-browser-test-password"
PLAYER_PAGE = "<!doctype html><title>Player</title><p>player</p>"


def record_violations(page):
    """Chromium reports each CSP violation as a console error; keep them."""
    violations = []

    def on_console(message):
        if "Content Security Policy" in message.text:
            violations.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return violations


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/en/about/",
        "/en/get-help/",
        "/en/partners/",
        "/en/news/",
        "/en/resources/",
        "/en/contact/",
    ],
)
def test_public_pages_break_no_rule_of_the_policy(page, visit, path):
    violations = record_violations(page)
    visit(page, path, wait_until="networkidle")
    assert violations == []


def test_the_video_player_is_allowed_to_load_after_the_click(page, network, visit):
    network.serve("https://www.youtube-nocookie.com/**", body=PLAYER_PAGE)
    violations = record_violations(page)
    visit(page, "/en/justice-journal/human-trafficking-part-1/", wait_until="networkidle")
    page.locator("a[data-video-play]").click()
    player = page.frame_locator("[data-video] iframe")
    expect(player.locator("p")).to_have_text("player")
    assert violations == []


@pytest.fixture
def editor_page(page, site_url, demo_site):
    users = get_user_model().objects
    if not users.filter(username="csp-editor").exists():  # one site per module
        users.create_superuser("csp-editor", password=PASSWORD)
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", "csp-editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site_url + "/admin/")
    return page


def test_the_page_editor_and_its_preview_work_under_the_admin_policy(
    editor_page, site_url, demo_site
):
    violations = record_violations(editor_page)
    editor_page.goto(f"{site_url}/admin/pages/{demo_site.pk}/edit/", wait_until="networkidle")
    editor_page.locator("[data-side-panel-toggle='preview']").first.click()
    preview = editor_page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1").first).to_be_visible()
    expect(preview.locator("[data-quick-exit]")).to_be_visible()
    for path in ("/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/"):
        editor_page.goto(site_url + path, wait_until="networkidle")
    assert violations == []


def test_the_userbar_works_for_editors_on_public_pages(editor_page, site_url):
    violations = record_violations(editor_page)
    editor_page.goto(site_url + "/en/about/", wait_until="networkidle")
    editor_page.locator("#wagtail-userbar-trigger").click()
    expect(editor_page.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    assert violations == []
