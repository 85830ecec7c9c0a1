"""The footer text becomes a translatable snippet (FooterText).

It was a site setting in the default language plus a SiteText row per other
language; both are copied into the snippet, as translations of one text.
"""

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


def copy_footer_texts(apps, schema_editor):
    SiteSettings = apps.get_model("coalition_site", "SiteSettings")
    SiteText = apps.get_model("coalition_site", "SiteText")
    FooterText = apps.get_model("coalition_site", "FooterText")
    Locale = apps.get_model("wagtailcore", "Locale")
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    key = uuid.uuid4()
    for site_settings in SiteSettings.objects.exclude(footer_text="")[:1]:
        if default is not None:
            FooterText.objects.create(
                translation_key=key, locale=default, text=site_settings.footer_text
            )
    for site_text in SiteText.objects.exclude(footer_text=""):
        if not FooterText.objects.filter(locale=site_text.locale_id).exists():
            FooterText.objects.create(
                translation_key=key, locale_id=site_text.locale_id, text=site_text.footer_text
            )


class Migration(migrations.Migration):

    dependencies = [
        ('coalition_site', '0011_safety_settings_moved'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='FooterText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('text', models.TextField(verbose_name='text')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'footer text',
                'verbose_name_plural': 'footer texts',
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.RunPython(copy_footer_texts, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='sitesettings',
            name='footer_text',
        ),
        migrations.DeleteModel(
            name='SiteText',
        ),
    ]
