"""A partner account made from the admin, in a real browser: the editor invites, the
partner sets a password from the link in the email, signs in and sees only its page."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import expect

from accounts.roles import EDITORS_GROUP
from partners.models import PartnerPage

EDITOR_PASSWORD = "editor-Pass-2026-browser"
PARTNER_PASSWORD = "harbor-Light-2026-safe"
PARTNER_EMAIL = "director@harbor-light.example.org"
OWN = "Harbor Light Shelter (sample)"


def sign_in(page, site_url, username, password):
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(site_url + "/admin/")


def test_editor_invites_and_the_partner_signs_in_to_its_own_page_only(
    new_context, site_url, demo_site
):
    english = PartnerPage.objects.filter(locale__language_code="en")
    own = english.get(title=OWN)
    other = english.get(slug="community-against-sexual-harm")
    users = get_user_model().objects
    editor = users.create_user("invite-editor", "invite-editor@example.org", EDITOR_PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    mail.outbox = []

    # The editor opens the partner's page in the admin and uses "Invite" in its header.
    editor_context, _ = new_context()
    editor_page = editor_context.new_page()
    sign_in(editor_page, site_url, "invite-editor", EDITOR_PASSWORD)
    editor_page.goto(f"{site_url}/admin/pages/{own.pk}/edit/")
    invite = editor_page.locator(f"a[href='/admin/partners/{own.pk}/invite/']")
    if not invite.is_visible():  # the header's "…" menu holds it
        editor_page.locator("header [data-w-dropdown-target='toggle']").last.click()
    invite.click()
    expect(editor_page.locator("h1")).to_contain_text("Invite a partner account")
    editor_page.get_by_label("Email address").fill(PARTNER_EMAIL)
    editor_page.get_by_role("button", name="Send invitation").click()
    expect(editor_page.get_by_text(f"{PARTNER_EMAIL} is invited")).to_be_visible()
    cells = editor_page.locator("tr", has_text=PARTNER_EMAIL).locator("td")
    expect(cells.nth(1)).to_have_text("Invitation pending")
    expect(cells.nth(2)).to_have_text("Never")

    # The partner opens the link from the email and chooses a password.
    assert [message.to for message in mail.outbox] == [[PARTNER_EMAIL]]
    link = re.search(r"http://\S+/password_reset/\S+", mail.outbox[0].body).group(0)
    assert link.startswith(site_url)
    partner_context, network = new_context()
    partner_page = partner_context.new_page()
    partner_page.goto(link)
    partner_page.fill("#id_new_password1", PARTNER_PASSWORD)
    partner_page.fill("#id_new_password2", PARTNER_PASSWORD)
    partner_page.locator("form button[type=submit]").click()
    partner_page.wait_for_url(re.compile(r"/admin/password_reset/complete/"))

    # It signs in with its address and sees its own profile, and no other page.
    sign_in(partner_page, site_url, PARTNER_EMAIL, PARTNER_PASSWORD)
    panel = partner_page.locator(".own-profile-panel")
    expect(panel).to_contain_text(OWN)
    panel.get_by_role("link", name="Update your profile").click()
    partner_page.wait_for_url(f"{site_url}/admin/pages/{own.pk}/edit/")
    partner_page.goto(f"{site_url}/admin/pages/search/?q=shelter")
    expect(partner_page.locator("main")).to_contain_text(OWN)
    partner_page.goto(f"{site_url}/admin/pages/search/?q=sexual+harm")
    expect(partner_page.locator("main")).not_to_contain_text(other.title)
    partner_page.goto(f"{site_url}/admin/pages/{other.pk}/edit/")
    expect(partner_page.locator("main")).not_to_contain_text(other.title)
    assert network.offsite() == []

    # The editor now sees the account as active, with its sign-in time.
    editor_page.goto(f"{site_url}/admin/partners/accounts/")
    cells = editor_page.locator("tr", has_text=PARTNER_EMAIL).locator("td")
    expect(cells.nth(1)).to_have_text("Active")
    expect(cells.nth(2)).not_to_have_text("Never")
    # What the partner could not find, the editor can: the search above was a real one.
    editor_page.goto(f"{site_url}/admin/pages/search/?q=sexual+harm")
    expect(editor_page.locator("main")).to_contain_text(other.title)
