"""In the admin: an editor's "Mark as reviewed", and the review dates on a partner's dashboard."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import Revision

from accounts.roles import EDITORS_GROUP
from partners.models import PartnerPage
from partners.roles import grant_partner_access
from tests.partners.test_workflow import submit_change

User = get_user_model()


@pytest.fixture
def stale(add_partner):
    return add_partner(
        title="Own Shelter",
        slug="own",
        last_reviewed=timezone.localdate() - datetime.timedelta(days=400),
    )


@pytest.fixture
def partner(stale):
    user = User.objects.create_user("partner@example.org", "partner@example.org", "pw-1")
    grant_partner_access(stale, user)
    return user


@pytest.fixture
def editor():
    user = User.objects.create_user("editor", "editor@example.org", "pw-2")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def mark_url(page):
    return reverse("partner_mark_reviewed", args=[page.pk])


@pytest.mark.django_db
def test_editor_marks_a_profile_reviewed_without_a_new_revision(client, stale, editor):
    client.force_login(editor)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[stale.pk])).content.decode()
    assert mark_url(stale) in edit_page and "Mark as reviewed" in edit_page

    confirm = client.get(mark_url(stale))
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.content.decode()
    revisions = Revision.objects.count()

    response = client.post(mark_url(stale), follow=True)
    today = timezone.localdate()
    stale.refresh_from_db()
    assert stale.last_reviewed == today
    assert Revision.objects.count() == revisions
    text = response.content.decode()
    assert "marked as reviewed" in text
    assert date_format(today + datetime.timedelta(days=365)) in text
    # The next draft starts from the latest revision, which carries the date too.
    assert stale.get_latest_revision_as_object().last_reviewed == today
    history = client.get(reverse("wagtailadmin_pages:history", args=[stale.pk])).content.decode()
    assert "Marked as reviewed" in history


@pytest.mark.django_db
def test_mark_as_reviewed_needs_the_csrf_token(stale, editor):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(editor)
    assert csrf_client.post(mark_url(stale)).status_code == 403
    stale.refresh_from_db()
    assert stale.last_reviewed != timezone.localdate()


@pytest.mark.django_db
def test_partner_cannot_mark_its_own_profile_reviewed(client, stale, partner):
    client.force_login(partner)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[stale.pk])).content.decode()
    assert mark_url(stale) not in edit_page
    # The admin turns PermissionDenied into a redirect to its home with an error message.
    for response in [client.get(mark_url(stale)), client.post(mark_url(stale))]:
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response.url == reverse("wagtailadmin_home")
    stale.refresh_from_db()
    assert stale.last_reviewed != timezone.localdate()


@pytest.mark.django_db
def test_not_offered_on_other_pages(client, directory, editor):
    client.force_login(editor)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[directory.pk])).content.decode()
    assert "Mark as reviewed" not in edit_page
    response = client.get(reverse("partner_mark_reviewed", args=[directory.pk]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_partner_dashboard_shows_review_dates_and_the_update_button(client, stale, partner):
    client.force_login(partner)
    home = client.get("/admin/").content.decode()
    reviewed = stale.last_reviewed
    due = reviewed + datetime.timedelta(days=365)
    assert f"Last reviewed {date_format(reviewed)}, next review due {date_format(due)}." in home
    assert "Update your profile" in home
    assert reverse("wagtailadmin_pages:edit", args=[stale.pk]) in home
    assert "waiting for the editors" not in home


@pytest.mark.django_db
def test_partner_dashboard_says_a_change_is_waiting_for_approval(client, stale, partner):
    submit_change(client, partner, stale, "Own Shelter (new hours)")
    client.force_login(partner)
    home = client.get("/admin/").content.decode()
    assert "A change is waiting for the editors" in home
    assert PartnerPage.objects.get(pk=stale.pk).title == "Own Shelter"
