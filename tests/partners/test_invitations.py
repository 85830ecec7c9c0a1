"""Coalition editors invite partners from the admin, resend invitations and deactivate accounts."""

import datetime
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale

from accounts.roles import EDITORS_GROUP
from partners.models import PartnerPage
from partners.roles import grant_partner_access

User = get_user_model()
PASSWORD = "a-Strong-pass-2026"

ACCOUNTS = "/admin/partners/accounts/"


@pytest.fixture
def harbor(add_partner):
    return add_partner(title="Harbor Shelter", slug="harbor")


@pytest.fixture
def bridge(add_partner):
    return add_partner(title="Bridge House", slug="bridge")


@pytest.fixture
def editor():
    user = User.objects.create_user("editor", "editor@example.org", "pw-editor-1")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def partner_user(harbor):
    user = User.objects.create_user("old@harbor.org", "old@harbor.org", "pw-partner-1")
    grant_partner_access(harbor, user)
    return user


def invite_url(page):
    return reverse("partner_invite", args=[page.pk])


def link_in(message):
    return re.search(r"https?://\S+/password_reset/\S+", message.body).group(0)


def set_password(client, link):
    """Open the invitation link and choose a password; returns the final response."""
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    assert response.context["validlink"], "the invitation link was refused"
    form_url = response.redirect_chain[-1][0]
    return client.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})


def snapshot():
    return (
        User.objects.count(),
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        Collection.objects.count(),
        len(mail.outbox),
    )


# ---------------------------------------------------------------- inviting


@pytest.mark.django_db
def test_editor_invites_from_the_page_and_the_partner_sets_a_password(editor_client, harbor):
    edit_page = editor_client.get(reverse("wagtailadmin_pages:edit", args=[harbor.pk]))
    assert invite_url(harbor) in edit_page.content.decode()
    assert editor_client.get(invite_url(harbor)).status_code == 200

    response = editor_client.post(invite_url(harbor), {"email": " New@Harbor.org "}, follow=True)
    assert "new@harbor.org is invited to keep the profile of Harbor Shelter current" in (
        response.content.decode()
    )

    history = editor_client.get(reverse("wagtailadmin_pages:history", args=[harbor.pk]))
    assert "Invited new@harbor.org" in history.content.decode()
    user = User.objects.get(email="new@harbor.org")
    assert user.username == "new@harbor.org"
    assert not user.has_usable_password()
    group = Group.objects.get(name="Partner: Harbor Shelter")
    assert list(user.groups.all()) == [group]
    perms = GroupPagePermission.objects.filter(group=group)
    assert [(p.page_id, p.permission.codename) for p in perms] == [(harbor.pk, "change_page")]
    assert GroupCollectionPermission.objects.filter(
        group=group, collection__name="Harbor Shelter"
    ).exists()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new@harbor.org"]
    assert "Harbor Shelter" in message.subject
    assert "expires in 3 days" in message.body  # PASSWORD_RESET_TIMEOUT's default
    assert "new@harbor.org" in message.body

    partner = Client()
    assert set_password(partner, link_in(message)).status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    # The link works once.
    path = link_in(message).split("testserver", 1)[1]
    assert partner.get(path, follow=True).context["validlink"] is False


@pytest.mark.django_db
def test_the_accounts_view_invites_for_the_partner_chosen(editor_client, harbor, bridge):
    response = editor_client.post(
        ACCOUNTS, {"partner": bridge.pk, "email": "team@bridge.org"}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"{ACCOUNTS}#partner-{bridge.pk}"
    user = User.objects.get(email="team@bridge.org")
    assert [p.title for p in PartnerPage.objects.filter(group_permissions__group__user=user)] == [
        "Bridge House"
    ]
    assert mail.outbox[0].to == ["team@bridge.org"]


@pytest.mark.django_db
def test_the_command_and_the_admin_make_the_same_link(harbor, editor_client):
    out = StringIO()
    call_command(
        "create_partner_account", "harbor", "cmd@harbor.org", "--send-invitation", stdout=out
    )
    assert mail.outbox[0].to == ["cmd@harbor.org"]
    assert link_in(mail.outbox[0]) == out.getvalue().strip().splitlines()[-1]
    # The admin sees the command's account as a pending invitation.
    listing = editor_client.get(ACCOUNTS).content.decode()
    assert "cmd@harbor.org" in listing and "Invitation pending" in listing


# ---------------------------------------------------------------- refusals


@pytest.mark.django_db
@pytest.mark.parametrize(
    "email, message",
    [
        ("not-an-email", "is not a valid email address"),
        ("", "This field is required"),
        ("old@bridge.org", "already has an account for another organization (Bridge House)"),
        ("EDITOR@example.org", "belongs to an administrator or a coalition editor"),
        ("boss@example.org", "belongs to an administrator or a coalition editor"),
        ("old@harbor.org", "already has an account for Harbor Shelter and can sign in"),
        ("gone@harbor.org", "The account of gone@harbor.org is deactivated; reactivate it"),
    ],
)
def test_refusals_are_form_errors_and_change_nothing(
    editor_client, harbor, bridge, partner_user, email, message
):
    other = User.objects.create_user("old@bridge.org", "old@bridge.org", "pw-3")
    grant_partner_access(bridge, other)
    User.objects.create_superuser("boss", "boss@example.org", "pw-boss-1")
    gone = User.objects.create_user("gone@harbor.org", "gone@harbor.org", is_active=False)
    grant_partner_access(harbor, gone)
    before = snapshot()
    for url, data in [
        (invite_url(harbor), {"email": email}),
        (ACCOUNTS, {"partner": harbor.pk, "email": email}),
    ]:
        response = editor_client.post(url, data)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert snapshot() == before
    assert list(other.groups.values_list("name", flat=True)) == ["Partner: Bridge House"]


@pytest.mark.django_db
def test_a_page_that_is_not_a_partner_page_is_refused(editor_client, directory, harbor):
    before = snapshot()
    response = editor_client.post(ACCOUNTS, {"partner": directory.pk, "email": "a@b.org"})
    assert response.status_code == 200
    assert "Choose a partner page from the list." in response.content.decode()
    assert editor_client.post(invite_url(directory), {"email": "a@b.org"}).status_code == 404
    edit_page = editor_client.get(reverse("wagtailadmin_pages:edit", args=[directory.pk]))
    assert invite_url(directory) not in edit_page.content.decode()
    assert snapshot() == before


# ---------------------------------------------------------------- permissions


@pytest.fixture
def plain_admin_user():
    """Can use the admin, but has not been given the right to manage partner accounts."""
    user = User.objects.create_user("helper", "helper@example.org", "pw-helper-1")
    group = Group.objects.create(name="Helpers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["partner", "plain"])
def test_without_the_permission_every_account_view_is_forbidden(
    client, harbor, partner_user, plain_admin_user, who
):
    pending = User.objects.create_user("new@harbor.org", "new@harbor.org")
    pending.set_unusable_password()
    pending.save()
    grant_partner_access(harbor, pending)
    client.force_login(partner_user if who == "partner" else plain_admin_user)
    before = snapshot()

    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert ACCOUNTS not in home and "Partner accounts" not in home
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[harbor.pk])).content.decode()
    assert invite_url(harbor) not in edit_page

    requests = [
        ("get", ACCOUNTS, {}),
        ("post", ACCOUNTS, {"partner": harbor.pk, "email": "x@harbor.org"}),
        ("get", invite_url(harbor), {}),
        ("post", invite_url(harbor), {"email": "x@harbor.org"}),
        ("post", reverse("partner_account_resend", args=[pending.pk]), {}),
        ("get", reverse("partner_account_deactivate", args=[pending.pk]), {}),
        ("post", reverse("partner_account_deactivate", args=[pending.pk]), {}),
        ("post", reverse("partner_account_deactivate", args=[partner_user.pk]), {}),
        ("post", reverse("partner_account_reactivate", args=[pending.pk]), {}),
    ]
    for method, url, data in requests:
        response = getattr(client, method)(url, data)
        if who == "plain" and url == invite_url(harbor):
            # The admin's scope refuses an address naming a page the user cannot see
            # before the view runs, with a redirect to the dashboard.
            assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
        else:
            assert response.status_code == 403, (method, url)
    assert snapshot() == before
    pending.refresh_from_db()
    partner_user.refresh_from_db()
    assert pending.is_active and partner_user.is_active


@pytest.mark.django_db
def test_signed_out_visitors_are_sent_to_sign_in(client, harbor):
    response = client.get(ACCOUNTS)
    assert response.status_code == 302 and "/admin/login/" in response.url


@pytest.mark.django_db
def test_only_partner_accounts_can_be_acted_on(editor_client, editor, harbor):
    boss = User.objects.create_superuser("boss", "boss@example.org", "pw-boss-1")
    for user in (boss, editor):
        url = reverse("partner_account_deactivate", args=[user.pk])
        assert editor_client.post(url).status_code == 404
        user.refresh_from_db()
        assert user.is_active
    assert editor_client.post(reverse("partner_account_resend", args=[999_999])).status_code == 404


# ---------------------------------------------------------------- resend, deactivate


@pytest.mark.django_db
def test_resend_sends_a_new_link_and_the_new_link_works(editor_client, harbor):
    editor_client.post(invite_url(harbor), {"email": "new@harbor.org"})
    user = User.objects.get(email="new@harbor.org")
    response = editor_client.post(reverse("partner_account_resend", args=[user.pk]), follow=True)
    assert "The invitation to new@harbor.org for Harbor Shelter was sent again." in (
        response.content.decode()
    )
    assert [m.to for m in mail.outbox] == [["new@harbor.org"], ["new@harbor.org"]]
    assert set_password(Client(), link_in(mail.outbox[1])).status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

    # Once a password is set there is nothing to resend.
    response = editor_client.post(reverse("partner_account_resend", args=[user.pk]), follow=True)
    assert "has no pending invitation" in response.content.decode()
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_inviting_a_pending_address_again_resends(editor_client, harbor):
    editor_client.post(invite_url(harbor), {"email": "new@harbor.org"})
    before = snapshot()[:-1]
    response = editor_client.post(invite_url(harbor), {"email": "new@harbor.org"}, follow=True)
    assert "was sent again" in response.content.decode()
    assert snapshot()[:-1] == before
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_deactivated_partner_cannot_sign_in_and_the_page_stays(editor_client, harbor, partner_user):
    partner = Client()
    partner.force_login(partner_user)
    assert partner.get(reverse("wagtailadmin_home")).status_code == 200

    url = reverse("partner_account_deactivate", args=[partner_user.pk])
    confirm = editor_client.get(url)
    assert confirm.status_code == 200 and "old@harbor.org" in confirm.content.decode()
    response = editor_client.post(url, follow=True)
    assert "old@harbor.org can no longer sign in" in response.content.decode()

    partner_user.refresh_from_db()
    assert not partner_user.is_active
    # The open session ends, and signing in again fails.
    assert partner.get(reverse("wagtailadmin_home")).status_code == 302
    response = Client().post(
        reverse("wagtailadmin_login"), {"username": "old@harbor.org", "password": "pw-partner-1"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in Client().session
    assert PartnerPage.objects.filter(pk=harbor.pk, live=True).exists()
    assert GroupPagePermission.objects.filter(
        page=harbor.page_ptr, group__name="Partner: Harbor Shelter"
    ).exists()

    listing = editor_client.get(ACCOUNTS).content.decode()
    assert "Deactivated" in listing
    # Reactivating gives the same account back.
    response = editor_client.post(
        reverse("partner_account_reactivate", args=[partner_user.pk]), follow=True
    )
    assert "old@harbor.org can sign in again and edit Harbor Shelter." in (
        response.content.decode()
    )
    assert Client().login(username="old@harbor.org", password="pw-partner-1")
    history = editor_client.get(reverse("wagtailadmin_pages:history", args=[harbor.pk]))
    text = history.content.decode()
    assert "Deactivated the account of old@harbor.org" in text
    assert "Reactivated the account of old@harbor.org" in text


@pytest.mark.django_db
def test_deactivating_a_pending_invitation_kills_its_link(editor_client, harbor):
    editor_client.post(invite_url(harbor), {"email": "new@harbor.org"})
    user = User.objects.get(email="new@harbor.org")
    editor_client.post(reverse("partner_account_deactivate", args=[user.pk]))
    path = link_in(mail.outbox[0]).split("testserver", 1)[1]
    assert Client().get(path, follow=True).context["validlink"] is False


# ---------------------------------------------------------------- listing


@pytest.mark.django_db
def test_listing_shows_accounts_last_sign_in_and_pending(
    editor_client, harbor, bridge, partner_user, directory
):
    signed_in = timezone.make_aware(datetime.datetime(2026, 3, 14, 9, 30))
    User.objects.filter(pk=partner_user.pk).update(last_login=signed_in)
    editor_client.post(invite_url(harbor), {"email": "new@harbor.org"})

    response = editor_client.get(ACCOUNTS)
    assert response.status_code == 200
    text = response.content.decode()
    rows = {row.page.title: row.accounts for row in response.context["rows"]}
    assert list(rows) == ["Bridge House", "Harbor Shelter"]
    assert rows["Bridge House"] == []
    assert [(u.email, u.pending) for u in rows["Harbor Shelter"]] == [
        ("new@harbor.org", True),
        ("old@harbor.org", False),
    ]
    assert "Mar. 14, 2026" in text or "March 14, 2026" in text
    assert "Invitation pending" in text and "Never" in text
    assert "1 invitation is pending" in text
    assert "No account: nobody from this organization can update its profile." in text
    assert invite_url(bridge) in text


@pytest.mark.django_db
def test_menu_item_is_shown_to_editors(editor_client):
    home = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Partner accounts" in home and ACCOUNTS in home


@pytest.mark.django_db
def test_a_mail_server_failure_leaves_the_account_and_says_to_resend(
    editor_client, harbor, monkeypatch
):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    response = editor_client.post(invite_url(harbor), {"email": "new@harbor.org"}, follow=True)
    assert response.status_code == 200
    assert "the invitation could not be sent" in response.content.decode()
    assert User.objects.filter(email="new@harbor.org", is_active=True).exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_translated_profile_invites_for_its_original(editor_client, harbor):
    spanish = harbor.copy_for_translation(Locale.objects.get(language_code="es"), copy_parents=True)
    response = editor_client.post(invite_url(spanish), {"email": "new@harbor.org"}, follow=True)
    assert "keep the profile of Harbor Shelter current" in response.content.decode()
    user = User.objects.get(email="new@harbor.org")
    assert list(
        GroupPagePermission.objects.filter(group__user=user).values_list("page_id", flat=True)
    ) == [harbor.pk]
    rows = editor_client.get(ACCOUNTS).context["rows"]
    assert [row.page.pk for row in rows] == [harbor.pk]


@pytest.mark.django_db
def test_account_actions_need_the_csrf_token(editor, harbor, partner_user):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(editor)
    before = snapshot()
    for url, data in [
        (invite_url(harbor), {"email": "new@harbor.org"}),
        (reverse("partner_account_deactivate", args=[partner_user.pk]), {}),
    ]:
        assert csrf_client.post(url, data).status_code == 403
    assert snapshot() == before
    partner_user.refresh_from_db()
    assert partner_user.is_active
