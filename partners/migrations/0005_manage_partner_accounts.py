"""Coalition editors may invite partners from the admin and deactivate their accounts."""

from django.db import migrations

from coalition_site.roles import EDITORS_GROUP, ensure_permissions_exist

CODENAME = "manage_partner_accounts"


def grant_to_editors(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="partners", codename=CODENAME)
    )


def revoke_from_editors(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="partners", codename=CODENAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_us_english_labels"),
        ("coalition_site", "0003_coalition_editors"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="partnerpage",
            options={
                "permissions": [
                    ("feature_partner", "Can feature a partner on the home page"),
                    (
                        "manage_partner_accounts",
                        "Can invite, resend and deactivate partner accounts",
                    ),
                ],
                "verbose_name": "partner",
            },
        ),
        migrations.RunPython(grant_to_editors, revoke_from_editors),
    ]
