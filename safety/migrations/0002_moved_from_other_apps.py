"""Carry an existing database's hotline settings and Get help page into this app.

The hotline and quick-exit fields were on the site settings, and the Get help
page was a page type of the resources app. The migrations after this one remove
them there; this one copies what they hold first, so nothing saved is lost.
"""

from django.db import migrations

SETTINGS_FIELDS = [
    "hotline_phone",
    "hotline_text",
    "hotline_tty",
    "emergency_number",
    "quick_exit_url",
    "browse_safely_page_id",
]
PAGE_FIELDS = ["summary", "listing_image_id", "introduction", "body"]


def copy_settings(apps):
    SiteSettings = apps.get_model("coalition_site", "SiteSettings")
    SafetySettings = apps.get_model("safety", "SafetySettings")
    for old in SiteSettings.objects.all():
        values = {name: getattr(old, name) for name in SETTINGS_FIELDS}
        SafetySettings.objects.update_or_create(site_id=old.site_id, defaults=values)


def move_help_pages(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    OldHelp = apps.get_model("resources", "GetHelpPage")
    NewHelp = apps.get_model("safety", "GetHelpPage")
    old_type = ContentType.objects.filter(app_label="resources", model="gethelppage").first()
    if old_type is None:
        return
    new_type, _ = ContentType.objects.get_or_create(app_label="safety", model="gethelppage")
    for old in OldHelp.objects.all():
        page = NewHelp(page_ptr_id=old.page_ptr_id, **{f: getattr(old, f) for f in PAGE_FIELDS})
        # The page row exists already: write only this page type's own row.
        page.save_base(raw=True)
    Page.objects.filter(content_type=old_type).update(content_type=new_type)
    Revision.objects.filter(content_type=old_type).update(content_type=new_type)


def forwards(apps, schema_editor):
    copy_settings(apps)
    move_help_pages(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("safety", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
