"""Coalition editors translate pages and snippets and write the site text in other languages."""

from django.db import migrations

from coalition_site.roles import EDITORS_GROUP, ensure_permissions_exist, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(
        apps, EDITORS_GROUP, "coalition_site", ["sitetext"], ["add", "change", "delete", "view"]
    )
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.get(name=EDITORS_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="simple_translation", codename="submit_translation"
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("coalition_site", "0007_site_text"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
