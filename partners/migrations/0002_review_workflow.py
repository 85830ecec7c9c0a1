"""Editors manage the partner lists; partner changes wait for an editor's approval."""

from django.db import migrations

from coalition_site.roles import EDITORS_GROUP, grant_model_permissions
from partners.roles import REVIEW_WORKFLOW

TASK_NAME = "Coalition editors approve"


def create_review_workflow(apps, schema_editor):
    editors = grant_model_permissions(
        apps,
        EDITORS_GROUP,
        "partners",
        ["service", "population", "servicearea"],
        ["add", "change", "delete", "view"],
    )
    Permission = apps.get_model("auth", "Permission")
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="partners", codename="feature_partner")
    )
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type)
    task.groups.add(editors)
    workflow, _ = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


def remove_review_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=REVIEW_WORKFLOW).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("coalition_site", "0003_coalition_editors"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_review_workflow, remove_review_workflow)]
