"""The editors' permissions on the library's lists: made by accounts.roles.ensure_roles after every migrate.

This migration once made them with the project's live code; it is kept, empty,
so that the migration graph stays the same.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0001_initial"),
        ("coalition_site", "0003_coalition_editors"),
    ]

    operations = []
