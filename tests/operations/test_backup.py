"""`make backup` / `make restore`: a populated PostgreSQL site, backed up and restored into
a new database, comes back whole."""

import os
import subprocess
import sys
import tarfile
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connections
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, Revision

ROOT = Path(__file__).resolve().parents[2]
# A name of its own per run, so that two runs at once (SQLite and PostgreSQL, two
# checkouts) never drop each other's copy.
RESTORED_DB = f"sec_restore_check_{os.getpid()}"

TABLES = {
    "pages": "wagtailcore_page",
    "revisions": "wagtailcore_revision",
    "submissions": "wagtailforms_formsubmission",
    "users": "auth_user",
}


def admin_connection(db):
    return psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture
def restored_database():
    db = connections["default"].settings_dict
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.skip("the backup round trip uses pg_dump: set DATABASE_URL=postgres://...")
    with admin_connection(db) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{RESTORED_DB}"')
        conn.execute(f'CREATE DATABASE "{RESTORED_DB}"')
    yield db
    with admin_connection(db) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{RESTORED_DB}" WITH (FORCE)')


def counts_in(db, name):
    with psycopg.connect(
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
        dbname=name,
    ) as conn:
        return {
            label: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for label, table in TABLES.items()
        }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_and_restore_into_a_new_database(restored_database, file_storage, tmp_path):
    call_command("load_demo_content", stdout=StringIO())
    get_user_model().objects.create_user("partner", password="p" * 16)
    form_page = Page.objects.get(slug="contact").specific
    FormSubmission.objects.create(page=form_page, form_data={"message": "Please call me"})
    expected = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "submissions": FormSubmission.objects.count(),
        "users": get_user_model().objects.count(),
    }
    assert all(expected.values()), expected
    media = sorted(
        path.relative_to(file_storage).as_posix()
        for path in Path(file_storage).rglob("*")
        if path.is_file()
    )
    assert media, "the demo content wrote no media files"

    out = StringIO()
    call_command("backup_site", output=str(tmp_path / "backups"), stdout=out)
    archive = Path(out.getvalue().strip())
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and "database.dump" in names
    assert all(f"media/{name}" in names for name in media)

    restored_media = tmp_path / "restored-media"
    db = restored_database
    url = f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "coalition_site.settings.dev",
        "DATABASE_URL": f"{url}/{RESTORED_DB}",
        "DATABASE_POOL": "false",
        "MEDIA_ROOT": str(restored_media),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "restore_site", str(archive), "--no-input"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "and the media files" in result.stdout

    assert counts_in(db, RESTORED_DB) == expected
    restored = sorted(
        path.relative_to(restored_media).as_posix()
        for path in restored_media.rglob("*")
        if path.is_file()
    )
    assert restored == media


def test_restore_refuses_an_archive_that_climbs_out_of_its_folder(tmp_path, settings):
    from operations.backup import restore

    evil = tmp_path / "evil.tar.gz"
    payload = tmp_path / "payload.txt"
    payload.write_text("overwritten")
    with tarfile.open(evil, "w:gz") as tar:
        tar.add(payload, arcname="../../escaped.txt")
    with pytest.raises(tarfile.FilterError):
        restore(evil)
    assert not (tmp_path.parent / "escaped.txt").exists()
