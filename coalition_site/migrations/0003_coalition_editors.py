"""The "Coalition editors" group: made by accounts.roles.ensure_roles after every migrate.

This migration once made them with the project's live code; it is kept, empty,
so that the migration graph stays the same.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("coalition_site", "0002_language"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = []
