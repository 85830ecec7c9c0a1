"""The editors' translation permissions: made by accounts.roles.ensure_roles after every migrate.

This migration once made them with the project's live code; it is kept, empty,
so that the migration graph stays the same.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("coalition_site", "0007_site_text"),
        ("simple_translation", "0001_initial"),
    ]

    operations = []
