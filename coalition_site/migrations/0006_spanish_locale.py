"""Spanish is one of the site's languages from the start (issue #10).

Further languages need no migration: editors add them under Settings → Locales.
"""

from django.db import migrations


def add_spanish(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="es")


class Migration(migrations.Migration):
    dependencies = [
        ("coalition_site", "0005_form_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_spanish, migrations.RunPython.noop)]
