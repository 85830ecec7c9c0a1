"""Production queues background work and mail for the worker; development runs it inline."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json, django; django.setup();"
    "from django.conf import settings; from django_tasks import task_backends;"
    "print(json.dumps([type(task_backends['default']).__name__,"
    " settings.EMAIL_BACKEND, settings.EMAIL_DELIVERY_BACKEND]))"
)


def configured(module, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "EMAIL_")) and key != "DATABASE_URL"
    }
    environment.update(env, DJANGO_SETTINGS_MODULE=f"coalition_site.settings.{module}")
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_queues_tasks_in_the_database_and_mail_goes_through_the_queue():
    assert configured(
        "production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="sactogether.example",
        DATABASE_URL="postgres://user@db.example:5432/site",
    ) == [
        "DatabaseBackend",
        "coalition_site.mail.QueuedEmailBackend",
        "django.core.mail.backends.smtp.EmailBackend",
    ]


def test_development_runs_tasks_inline_and_prints_mail():
    assert configured("dev") == [
        "ImmediateBackend",
        "coalition_site.mail.QueuedEmailBackend",
        "django.core.mail.backends.console.EmailBackend",
    ]


def test_the_email_backend_variable_chooses_how_the_worker_delivers():
    backend = "django.core.mail.backends.filebased.EmailBackend"
    assert configured("dev", EMAIL_BACKEND=backend)[1:] == [
        "coalition_site.mail.QueuedEmailBackend",
        backend,
    ]
