"""Coalition editors manage the library's lists: audiences and topics."""

from django.db import migrations

from coalition_site.roles import EDITORS_GROUP, grant_model_permissions


def grant_list_permissions(apps, schema_editor):
    grant_model_permissions(
        apps,
        EDITORS_GROUP,
        "resources",
        ["audience", "topic"],
        ["add", "change", "delete", "view"],
    )


def revoke_list_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=EDITORS_GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="resources", content_type__model__in=["audience", "topic"]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("coalition_site", "0003_coalition_editors"),
    ]

    operations = [migrations.RunPython(grant_list_permissions, revoke_list_permissions)]
