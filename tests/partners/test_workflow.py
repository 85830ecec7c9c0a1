"""A partner's change waits for a coalition editor: submit, approve or reject."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from partners.roles import EDITORS_GROUP, REVIEW_WORKFLOW, grant_partner_access
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
