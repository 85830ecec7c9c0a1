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

from .servers import (
    BIN,
    ThrowawayDatabase,
    manage,
    postgres_url_from_environment,
    production_environment,
)


def worker_number():
    """0, or N for pytest-xdist's worker gwN."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


# A Redis database of its own per pytest-xdist worker (13, 12, 11…): the servers of
# one worker empty it and must not empty another's. The page-cache tests use 15.
REDIS_URL = os.environ.get(
    "SCALE_REDIS_URL", f"redis://127.0.0.1:6379/{(13 - worker_number()) % 15}"
)


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


@pytest.fixture(scope="session")
def demo_media(tmp_path_factory):
    """The demo site's local media folder (MEDIA_ROOT), never inside the work tree."""
    return tmp_path_factory.mktemp("scale-media")


@pytest.fixture(scope="session")
def site_database(static_root, demo_media, tmp_path_factory):
    """A migrated database with the demo site, shared by the scale tests of a run.

    On PostgreSQL (DATABASE_URL=postgres://...) a throwaway `scale_<random>`
    database on that server, dropped at the end; otherwise a SQLite file.
    """
    server = postgres_url_from_environment()
    database = None
    if server is None:
        url = f"sqlite:///{tmp_path_factory.mktemp('scale-db') / 'site.sqlite3'}"
    else:
        try:
            database = ThrowawayDatabase(server).create()
        except Exception as error:  # noqa: BLE001 - the server is down, or refuses us
            missing(f"cannot create a database on {server}: {error}")
        url = database.url
    try:
        env = production_environment(url, static_root, MEDIA_ROOT=demo_media)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "load_demo_content")
        yield url
    finally:
        if database is not None:
            database.drop()
