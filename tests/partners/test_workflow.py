"""A partner's change waits for a coalition editor: submit, approve or reject."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.models import WorkflowState

from accounts.roles import EDITORS_GROUP
from partners.admin_views import profiles_needing_attention
from partners.models import PartnerPage
from partners.roles import REVIEW_WORKFLOW, grant_partner_access
from tests.partners.test_permissions import edit_form_data

User = get_user_model()


@pytest.fixture
def own(directory, add_partner):
    return add_partner(title="Own Shelter", slug="own")


@pytest.fixture
def partner(client, own):
    user = User.objects.create_user("partner@example.org", "partner@example.org", "pw-1")
    grant_partner_access(own, user)
    return user


@pytest.fixture
def editor():
    user = User.objects.create_user("editor", "editor@example.org", "pw-2")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def submit_change(client, partner, page, title):
    client.force_login(partner)
    data = edit_form_data(client, page)
    data["title"] = title
    data["action-submit"] = "submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content[:2000]
    return WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))


def act(client, editor, page, state, action, comment=""):
    client.force_login(editor)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, action, state.current_task_state.pk],
    )
    return client.post(url, {"comment": comment})


@pytest.mark.django_db
def test_directory_uses_the_partner_review_workflow(directory):
    assert directory.get_workflow().name == REVIEW_WORKFLOW


@pytest.mark.django_db
def test_submitted_change_waits_then_approval_publishes_it(client, own, partner, editor):
    state = submit_change(client, partner, own, "Own Shelter (new name)")
    own.refresh_from_db()
    assert own.title == "Own Shelter"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "editor@example.org" in [address for m in mail.outbox for address in m.to]
    assert client.get("/en/partners/own/").content.decode().count("Own Shelter (new name)") == 0

    response = act(client, editor, own, state, "approve")
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title == "Own Shelter (new name)"
    client.logout()
    assert "Own Shelter (new name)" in client.get("/en/partners/own/").content.decode()


@pytest.mark.django_db
def test_rejected_change_stays_unpublished_with_the_comment(client, own, partner, editor):
    state = submit_change(client, partner, own, "Own Shelter (typo)")
    response = act(client, editor, own, state, "reject", comment="Please fix the spelling.")
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title == "Own Shelter"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = state.task_states.order_by("-started_at").first()
    assert task_state.get_comment() == "Please fix the spelling."
    assert own.get_latest_revision_as_object().title == "Own Shelter (typo)"


@pytest.mark.django_db
def test_partner_cannot_approve_its_own_change(client, own, partner):
    state = submit_change(client, partner, own, "Self-approved")
    response = act(client, partner, own, state, "approve")
    assert response.status_code in {302, 403}
    own.refresh_from_db()
    assert own.title == "Own Shelter"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


# ---------------------------------------------------------------- the review date

A_YEAR_AGO = datetime.timedelta(days=400)


@pytest.fixture
def stale(own):
    PartnerPage.objects.filter(pk=own.pk).update(last_reviewed=timezone.localdate() - A_YEAR_AGO)
    own.refresh_from_db()
    return own


@pytest.mark.django_db
def test_approving_a_partners_change_marks_the_profile_reviewed_today(
    client, stale, partner, editor
):
    today = timezone.localdate()
    state = submit_change(client, partner, stale, "Own Shelter (new hours)")
    stale.refresh_from_db()
    assert stale.last_reviewed == today - A_YEAR_AGO  # submitting is not a review
    assert stale in profiles_needing_attention(today)

    assert act(client, editor, stale, state, "approve").status_code == 302
    stale.refresh_from_db()
    assert stale.last_reviewed == today
    assert stale not in profiles_needing_attention(today)
    # The next draft starts from the reviewed revision, so it keeps the date.
    assert stale.get_latest_revision_as_object().last_reviewed == today
    client.logout()
    public = client.get("/en/partners/own/").content.decode()
    assert "Profile last reviewed" in public
    assert date_format(today, "DATE_FORMAT") in public


@pytest.mark.django_db
def test_a_rejected_change_is_not_a_review(client, stale, partner, editor):
    state = submit_change(client, partner, stale, "Own Shelter (typo)")
    act(client, editor, stale, state, "reject", comment="Please fix the spelling.")
    stale.refresh_from_db()
    assert stale.last_reviewed == timezone.localdate() - A_YEAR_AGO


@pytest.mark.django_db
def test_an_editor_publishing_a_profile_reviews_it(client, stale, editor, add_partner):
    other = add_partner(title="Other Clinic", slug="other")
    PartnerPage.objects.filter(pk=other.pk).update(last_reviewed=timezone.localdate() - A_YEAR_AGO)
    client.force_login(editor)
    data = edit_form_data(client, stale)
    data["action-publish"] = "publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[stale.pk]), data)
    assert response.status_code == 302
    stale.refresh_from_db()
    assert stale.last_reviewed == timezone.localdate()
    # Only the page published is reviewed.
    other.refresh_from_db()
    assert other.last_reviewed == timezone.localdate() - A_YEAR_AGO


@pytest.mark.django_db
def test_partner_cannot_set_its_own_review_date(client, stale, partner):
    client.force_login(partner)
    data = edit_form_data(client, stale)
    assert "last_reviewed" not in data  # shown, not editable
    data["last_reviewed"] = timezone.localdate().isoformat()
    data["action-submit"] = "submit"
    client.post(reverse("wagtailadmin_pages:edit", args=[stale.pk]), data)
    assert stale.get_latest_revision_as_object().last_reviewed == (
        timezone.localdate() - A_YEAR_AGO
    )


@pytest.mark.django_db
def test_in_the_demo_the_admin_gets_the_review_emails(client):
    """`make run`: the demo content, then ensure_admin; then a partner account submits."""
    call_command("load_demo_content", stdout=StringIO())
    call_command("ensure_admin", stdout=StringIO())
    admin = User.objects.get(username="admin")
    assert admin.email == "admin@example.org"
    assert admin.groups.filter(name=EDITORS_GROUP).exists()

    demo_partner = PartnerPage.objects.live().order_by("path").first()
    call_command(
        "create_partner_account", demo_partner.slug, "staff@example.org", stdout=StringIO()
    )
    partner_user = User.objects.get(email="staff@example.org")
    mail.outbox.clear()
    submit_change(client, partner_user, demo_partner, f"{demo_partner.title} (new hours)")
    assert ["admin@example.org"] in [message.to for message in mail.outbox]

    # The admin approves it, as an editor; the profile is reviewed today.
    state = WorkflowState.objects.get(
        object_id=str(demo_partner.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    assert act(client, admin, demo_partner, state, "approve").status_code == 302
    demo_partner.refresh_from_db()
    assert demo_partner.last_reviewed == timezone.localdate()
