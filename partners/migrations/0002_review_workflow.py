"""The partner review workflow and the editors' rights on the partner lists.

Both are made by accounts.roles.ensure_roles after every migrate.
This migration once made them with the project's live code; it is kept, empty,
so that the migration graph stays the same.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("coalition_site", "0003_coalition_editors"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = []
