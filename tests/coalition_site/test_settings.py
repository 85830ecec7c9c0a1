"""Production settings must refuse to start rather than guess."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coalition_site.settings.base import database_from_url

ROOT = Path(__file__).resolve().parents[2]
COMPLETE = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "sactogether.example",
    "DATABASE_URL": "postgres://user@db.example:5432/site",
}


def start_production(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in COMPLETE}
    env.update({k: v for k, v in {**COMPLETE, **overrides}.items() if v is not None})
    env["DJANGO_SETTINGS_MODULE"] = "coalition_site.settings.production"
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_names_the_missing_variable_in_one_line(missing):
    result = start_production(**{missing: None})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert missing in lines[0]


def test_production_names_every_missing_variable_at_once():
    result = start_production(SECRET_KEY=None, DATABASE_URL=None)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr and "DATABASE_URL" in result.stderr


def test_production_refuses_wildcard_hosts():
    result = start_production(ALLOWED_HOSTS="*")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_starts_with_everything_set():
    result = start_production()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"


def test_postgres_url_uses_psycopg_pool():
    config = database_from_url("postgres://postgres@127.0.0.1:5432/test")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "test"
    assert config["CONN_MAX_AGE"] == 0
    assert config["OPTIONS"]["pool"]["max_size"] >= 1


def test_sqlite_url_has_no_pool():
    config = database_from_url("sqlite:////tmp/site.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "pool" not in config.get("OPTIONS", {})
