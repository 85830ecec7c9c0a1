"""Back up and restore the site: the database and the local media folder in one archive.

PostgreSQL is dumped with `pg_dump --format=custom` and restored with
`pg_restore`; SQLite is copied with SQLite's own online backup. Media stored on
S3 is not included (back up the bucket with its own tools). The archive is a
`.tar.gz` holding `manifest.json`, `database.dump` or `database.sqlite3`, and
`media/`.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import django
import wagtail
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections
from django.utils import timezone

POSTGRES = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"


class BackupError(Exception):
    pass


def database_settings(alias="default"):
    return connections[alias].settings_dict


def postgres_command(program, db, *args):
    """argv and environment for a PostgreSQL client program aimed at `db`."""
    argv = [program, "--no-password"]
    if db.get("HOST"):
        argv += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        argv += ["--port", str(db["PORT"])]
    if db.get("USER"):
        argv += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return [*argv, *args], env


def run(argv, env=None):
    try:
        subprocess.run(argv, env=env, check=True, capture_output=True, text=True)
    except FileNotFoundError as error:
        raise BackupError(f"{argv[0]} is not installed") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{argv[0]} failed: {error.stderr.strip()}") from error


def local_media_root():
    """The media folder, or None when media is not on this machine's disk."""
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location)
    return None


def backup(output_dir):
    """Write a backup archive into `output_dir` and return its path."""
    db = database_settings()
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"sacramento-together-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        if db["ENGINE"] == POSTGRES:
            database_file = "database.dump"
            argv, env = postgres_command(
                "pg_dump",
                db,
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(work / database_file),
                str(db["NAME"]),
            )
            run(argv, env)
        elif db["ENGINE"] == SQLITE:
            database_file = "database.sqlite3"
            source = sqlite3.connect(str(db["NAME"]))
            target = sqlite3.connect(str(work / database_file))
            with target:
                source.backup(target)
            source.close()
            target.close()
        else:
            raise BackupError(f"no backup method for {db['ENGINE']}")

        media_root = local_media_root()
        manifest = {
            "created": timezone.now().isoformat(),
            "engine": db["ENGINE"],
            "database_file": database_file,
            "media": media_root is not None,
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(work / "manifest.json", arcname="manifest.json")
            tar.add(work / database_file, arcname=database_file)
            if media_root is not None and media_root.exists():
                tar.add(media_root, arcname="media")
    return archive


def restore(archive):
    """Replace the database (and local media) with what `archive` holds."""
    db = database_settings()
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        with tarfile.open(archive, "r:gz") as tar:
            # The "data" filter refuses absolute paths, "..", links out and devices.
            tar.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest["engine"] != db["ENGINE"]:
            raise BackupError(
                f"the archive holds a {manifest['engine']} database; this site uses {db['ENGINE']}"
            )
        connections.close_all()
        if db["ENGINE"] == POSTGRES:
            argv, env = postgres_command(
                "pg_restore",
                db,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--dbname",
                str(db["NAME"]),
                str(work / manifest["database_file"]),
            )
            run(argv, env)
        else:
            source = sqlite3.connect(str(work / manifest["database_file"]))
            target = sqlite3.connect(str(db["NAME"]))
            with target:
                source.backup(target)
            source.close()
            target.close()

        restored_media = False
        media_root = local_media_root()
        if (work / "media").exists() and media_root is not None:
            media_root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(work / "media", media_root, dirs_exist_ok=True)
            restored_media = True
    return manifest, restored_media
