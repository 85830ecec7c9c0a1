"""A permission to invite partners from the admin and deactivate their accounts.

Coalition editors get it from accounts.roles.ensure_roles after every migrate.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_us_english_labels"),
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
    ]
