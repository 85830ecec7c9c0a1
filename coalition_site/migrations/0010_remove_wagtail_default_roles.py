"""Remove the groups and the workflow that Wagtail sets up for a generic site.

Wagtail's migrations create the groups "Moderators" and "Editors" and a
"Moderators approval" workflow on the root page, so every page offered editors
"Submit to Moderators approval", which went to a group nobody is in. The
coalition's roles are "Coalition editors" (who publish) and one group per
partner, whose changes go through "Partner profile review"; those stay.

A group someone has been put in is kept, and so is the workflow if its
approvers' group has members: an administrator decides about those.
"""

from django.db import migrations

WAGTAIL_WORKFLOW = "Moderators approval"
WAGTAIL_GROUPS = ["Moderators", "Editors"]


def remove_wagtail_defaults(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    tasks = GroupApprovalTask.objects.filter(name=WAGTAIL_WORKFLOW)
    if not tasks.filter(groups__user__isnull=False).exists():
        Workflow.objects.filter(name=WAGTAIL_WORKFLOW).delete()
        tasks.filter(workflow_tasks__isnull=True).delete()
    Group.objects.filter(name__in=WAGTAIL_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("coalition_site", "0009_form_privacy_note_cookie"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(remove_wagtail_defaults, migrations.RunPython.noop)]
