"""The coalition's roles are made after every migrate, from the apps' declarations."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupApprovalTask, Workflow

from accounts.roles import EDITORS_GROUP, ensure_roles
from partners.roles import REVIEW_WORKFLOW

pytestmark = pytest.mark.django_db


def editor_rights():
    editors = Group.objects.get(name=EDITORS_GROUP)
    return (
        sorted(editors.permissions.values_list("content_type__app_label", "codename")),
        sorted(editors.page_permissions.values_list("page_id", "permission__codename")),
        sorted(editors.collection_permissions.values_list("permission__codename", flat=True)),
    )


def test_editors_can_manage_each_apps_lists_and_publish_everywhere():
    model_rights, page_rights, collection_rights = editor_rights()
    for app_label, codename in [
        ("news", "delete_topic"),
        ("resources", "add_audience"),
        ("partners", "change_servicearea"),
        ("partners", "feature_partner"),
        ("partners", "manage_partner_accounts"),
        ("podcasts", "add_audiofile"),
        ("coalition_site", "change_sitesettings"),
        ("safety", "change_safetysettings"),
        ("coalition_site", "change_footertext"),
        ("wagtailredirects", "add_redirect"),
        ("simple_translation", "submit_translation"),
        ("wagtailadmin", "access_admin"),
    ]:
        assert (app_label, codename) in model_rights
    assert ("coalition_site", "delete_sitesettings") not in model_rights
    assert {codename for _, codename in page_rights} >= {"publish_page", "change_page"}
    assert "delete_document" in collection_rights


def test_partner_changes_wait_for_the_editors():
    workflow = Workflow.objects.get(name=REVIEW_WORKFLOW)
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert list(task.groups.values_list("name", flat=True)) == [EDITORS_GROUP]


def test_running_again_changes_nothing():
    before = editor_rights()
    ensure_roles()
    ensure_roles()
    assert editor_rights() == before
    assert Workflow.objects.filter(name=REVIEW_WORKFLOW).count() == 1
    assert (
        GroupApprovalTask.objects.filter(workflow_tasks__workflow__name=REVIEW_WORKFLOW).count()
        == 1
    )


def test_migrate_puts_back_a_deleted_role():
    before = editor_rights()
    Group.objects.filter(name=EDITORS_GROUP).delete()
    call_command("migrate", verbosity=0, stdout=StringIO())
    assert editor_rights() == before
