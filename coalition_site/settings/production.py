"""Production: refuses to start without the variables it cannot guess."""

import os
import sys

REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL")
missing = [name for name in REQUIRED if not os.environ.get(name, "").strip()]
if missing:
    # One plain line rather than a traceback: whoever starts the container
    # needs to know exactly which variables to set.
    sys.exit(
        "Sacramento Together production settings: missing environment variable(s): "
        + ", ".join(missing)
    )

from .base import *  # noqa: E402, F403
from .base import env_bool, env_list  # noqa: E402

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if "*" in ALLOWED_HOSTS:
    sys.exit("Sacramento Together production settings: ALLOWED_HOSTS must name hosts, not '*'")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Superusers and coalition editors sign in with a code from an app as well.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)

# Background work and every email wait in a queue in PostgreSQL, run by
# `manage.py db_worker`, a process of its own (compose.yaml's `worker`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
