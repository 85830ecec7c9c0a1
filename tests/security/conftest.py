from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, loaded once per test module and rolled back after it.

    Loading it takes seconds; the header and hostile-input modules make many
    requests against the same content. Each test still runs in its own
    savepoint (through `db`), so what one test writes, the next does not see.
    """
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            call_command("load_demo_content", stdout=StringIO())
            yield
            transaction.set_rollback(True)
        cache.clear()


@pytest.fixture
def demo(demo_site, db):
    """Use in tests: the demo site plus the per-test database access."""
    cache.clear()
    return demo_site
