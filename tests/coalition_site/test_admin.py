import importlib
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Site, Task, Workflow, WorkflowTask

from accounts.roles import EDITORS_GROUP
from partners.roles import REVIEW_WORKFLOW
from safety.models import SafetySettings
from tests.factories import PartnerIndexPageFactory, PartnerPageFactory, StandardPageFactory


@pytest.fixture
def admin_client(client, home):
    user = get_user_model().objects.create_superuser("admin", password="a-long-test-password")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_accepts_the_admin_account(client, home):
    get_user_model().objects.create_superuser("admin", password="a-long-test-password")
    assert client.login(username="admin", password="a-long-test-password")
    response = client.get("/admin/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_editors_change_the_hotline_in_the_safety_settings(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/safety/safetysettings/{site.pk}/"
    assert admin_client.get(url).status_code == 200
    data = {
        "hotline_phone": "1-888-373-7888",
        "hotline_text": "233733",
        "hotline_tty": "711",
        "emergency_number": "911",
        "quick_exit_url": "https://www.example.com/",
        "browse_safely_page": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert SafetySettings.for_site(site).quick_exit_url == "https://www.example.com/"
    page = admin_client.get("/en/").content.decode()
    assert 'href="https://www.example.com/"' in page


@pytest.mark.django_db
def test_a_coalition_editor_changes_the_hotline_and_the_quick_exit(client, home):
    editor = get_user_model().objects.create_user("editor", password="a-long-test-password")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(editor)
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/safety/safetysettings/{site.pk}/"
    response = client.post(
        url,
        {
            "hotline_phone": "1-888-373-7888",
            "hotline_text": "233733",
            "hotline_tty": "711",
            "emergency_number": "911",
            "quick_exit_url": "https://www.example.com/",
            "browse_safely_page": "",
        },
    )
    assert response.status_code == 302
    assert SafetySettings.for_site(site).quick_exit_url == "https://www.example.com/"


@pytest.mark.django_db
def test_a_bad_quick_exit_address_is_refused_and_nothing_changes(admin_client):
    site = Site.objects.get(is_default_site=True)
    url = f"/admin/settings/safety/safetysettings/{site.pk}/"
    response = admin_client.post(url, {"quick_exit_url": "javascript:alert(1)"})
    assert response.status_code == 200
    assert SafetySettings.for_site(site).quick_exit_url == "https://www.weather.gov/"


# ---------------------------------------------------------------- Wagtail's default roles

WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


@pytest.mark.django_db
def test_wagtail_default_moderation_workflow_and_groups_are_gone_after_migrating():
    assert not Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exists()
    assert not Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exists()
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert set(Workflow.objects.values_list("name", flat=True)) == {REVIEW_WORKFLOW}
    assert Group.objects.filter(name=EDITORS_GROUP).exists()


@pytest.mark.django_db
def test_editors_publish_without_being_offered_moderators_approval(client, home):
    editor = get_user_model().objects.create_user("editor", "editor@example.org", "pw-1")
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    about = StandardPageFactory.build(title="About", slug="about")
    home.add_child(instance=about)
    assert about.get_workflow() is None

    client.force_login(editor)
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[about.pk])).content.decode()
    assert WAGTAIL_DEFAULT_WORKFLOW not in editor_page
    assert 'name="action-submit"' not in editor_page
    assert 'name="action-publish"' in editor_page


@pytest.mark.django_db
def test_partner_changes_still_go_through_the_partner_review(home):
    directory = PartnerIndexPageFactory.build()
    home.add_child(instance=directory)
    partner = PartnerPageFactory.build()
    directory.add_child(instance=partner)
    assert partner.get_workflow().name == REVIEW_WORKFLOW


def remove_wagtail_defaults():
    migration = importlib.import_module(
        "coalition_site.migrations.0010_remove_wagtail_default_roles"
    )
    migration.remove_wagtail_defaults(django_apps, None)


@pytest.mark.django_db
def test_migration_keeps_a_default_group_someone_is_in_and_the_workflow_it_approves():
    moderators = Group.objects.create(name="Moderators")
    editors = Group.objects.create(name="Editors")
    task = GroupApprovalTask.objects.create(name=WAGTAIL_DEFAULT_WORKFLOW)
    task.groups.add(moderators)
    workflow = Workflow.objects.create(name=WAGTAIL_DEFAULT_WORKFLOW)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    someone = get_user_model().objects.create_user("someone", "someone@example.org", "pw-1")
    someone.groups.add(moderators, editors)

    remove_wagtail_defaults()
    assert Group.objects.filter(name__in=["Moderators", "Editors"]).count() == 2
    assert Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exists()

    someone.groups.clear()
    remove_wagtail_defaults()
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exists()
    assert not Task.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).exists()
    assert Workflow.objects.filter(name=REVIEW_WORKFLOW).exists()


# ---------------------------------------------------------------- the demo's admin account


@pytest.mark.django_db
def test_ensure_admin_gives_the_admin_an_address_and_the_editors_role(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-test-password")
    monkeypatch.delenv("ADMIN_EMAIL", raising=False)
    call_command("ensure_admin", stdout=StringIO())
    admin = get_user_model().objects.get(username="admin")
    assert admin.email == "admin@example.org"
    assert admin.groups.filter(name=EDITORS_GROUP).exists()


@pytest.mark.django_db
def test_ensure_admin_fills_in_an_existing_admin_without_an_address(monkeypatch):
    monkeypatch.setenv("ADMIN_EMAIL", "coordinator@example.org")
    User = get_user_model()
    User.objects.create_superuser("admin", email="", password="a-long-test-password")
    output = StringIO()
    call_command("ensure_admin", stdout=output)
    admin = User.objects.get(username="admin")
    assert admin.email == "coordinator@example.org"
    assert admin.check_password("a-long-test-password")
    assert admin.groups.filter(name=EDITORS_GROUP).exists()
    assert "coordinator@example.org" in output.getvalue()

    # An address someone chose is kept.
    User.objects.filter(pk=admin.pk).update(email="chosen@example.org")
    call_command("ensure_admin", stdout=StringIO())
    admin.refresh_from_db()
    assert admin.email == "chosen@example.org"
