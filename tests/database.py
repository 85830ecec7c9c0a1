"""What the migrations put in the test databases, kept to put it back.

Browser tests share one demo site per test module (tests/browser/conftest.py):
they commit it to the database, so that the live server's thread sees it, and
afterwards the database must hold exactly what the migrations left (Wagtail's
root page, the default locale and site, our groups and workflow) for the tests
that run next. Django's serialized rollback does the same per test; this does it
per module, from a snapshot taken once, right after the databases are created.

Other modules share one demo site among their tests without committing it: it is
loaded in a transaction that is rolled back when the module ends (`demo_rolled_back`).
"""

from contextlib import contextmanager
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.db import connections, transaction

# alias -> the serialized rows the migrations created
MIGRATED = {}


def take_snapshot():
    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is None:
            contents = connection.creation.serialize_db_to_string()
        MIGRATED[connection.alias] = contents


def reset_to_migrated():
    """Empty every test database and put back what the migrations created."""
    for alias, contents in MIGRATED.items():
        # No post_migrate: the snapshot already holds the content types and
        # permissions it would create. Sequences go on from where they were, so
        # new rows never take the ids of the rows put back.
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            database=alias,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connections[alias].creation.deserialize_db_from_string(contents)


@contextmanager
def demo_rolled_back():
    """The demo site, loaded in a transaction that is rolled back when the block ends.

    For a module-scoped fixture; the caller unblocks the database. The cache is
    emptied on both sides: Wagtail's site root paths name the demo's page ids.
    """
    cache.clear()
    with transaction.atomic():
        call_command("load_demo_content", stdout=StringIO())
        yield
        transaction.set_rollback(True)
    cache.clear()
