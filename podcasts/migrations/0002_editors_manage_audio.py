"""Coalition editors upload and manage the audio files of podcast episodes."""

from django.db import migrations

from coalition_site.roles import EDITORS_GROUP, grant_model_permissions


def grant_audio_permissions(apps, schema_editor):
    grant_model_permissions(
        apps, EDITORS_GROUP, "podcasts", ["audiofile"], ["add", "change", "delete", "view"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("podcasts", "0001_initial"),
        ("coalition_site", "0003_coalition_editors"),
    ]

    operations = [migrations.RunPython(grant_audio_permissions, migrations.RunPython.noop)]
