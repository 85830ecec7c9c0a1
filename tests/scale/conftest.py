"""What the scale tests need outside Python: PostgreSQL, Redis and moto's S3 server.

Outside CI a missing piece skips the tests with one line saying what to set or
install; in CI (CI=true) it fails them, so they cannot silently stop running.
The two-server tests need PostgreSQL (two servers cannot share a SQLite file in
production); on a SQLite run they skip even in CI, and run on the PostgreSQL run.
"""

import os
import tempfile
from pathlib import Path

import pytest

from .servers import BIN, manage, production_environment

REDIS_URL = os.environ.get("SCALE_REDIS_URL", "redis://127.0.0.1:6379/13")


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(reason):
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the scale tests must run)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def redis_url():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        missing(f"Redis does not answer at {REDIS_URL}: start redis-server")
    return REDIS_URL


@pytest.fixture(scope="session")
def moto_installed():
    if not (BIN / "moto_server").exists():
        missing("moto_server is missing: pip install -r requirements-dev.txt")


@pytest.fixture(scope="session")
def static_root():
    """Static files collected once, as the container's build step does."""
    folder = Path(tempfile.mkdtemp(prefix="scale-static-"))
    env = production_environment("sqlite:///:memory:", folder)
    manage(env, "collectstatic", "--no-input", "-v", "0")
    return folder
