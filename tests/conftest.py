import warnings

import pytest
from django.core.cache import cache
from django.db import connections
from wagtail.models import Page, Site

from tests import database
from tests.factories import (
    HomePageFactory,
    LanguageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    ServiceFactory,
)


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """The test database, always created, with a snapshot of what the migrations put in it.

    pytest-django's own fixture creates the databases that the collected tests
    ask for through `db`, `transactional_db` or `live_server`. The browser tests
    ask for none of these (they share one live site per module, see
    tests/browser/conftest.py), so run on their own they would reach the
    database named in the settings. Here the default database is always created
    (with pytest-xdist, one per worker) and serialized as it comes out of the
    migrations, for serialized rollback and for tests/database.py.
    """
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        config = setup_databases(
            verbosity=request.config.option.verbose,
            interactive=False,
            aliases={"default"},
            serialized_aliases={"default"},
        )
        database.take_snapshot()
    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            # Pooled PostgreSQL connections would keep the test database busy.
            connection.close()
            if hasattr(connection, "close_pool"):
                connection.close_pool()
        try:
            teardown_databases(config, verbosity=request.config.option.verbose)
        except Exception as error:  # noqa: BLE001 - a leftover database must not fail the run
            warnings.warn(f"could not drop the test database: {error}", stacklevel=1)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache.

    The database is rolled back between tests but the cache is not, and what it
    keeps (Wagtail's site root paths, our site data and pages) names page ids
    that the next test may not have.
    """
    cache.clear()


@pytest.fixture
def home(db):
    """A published home page as the default site's root, like a fresh install."""
    root = Page.get_first_root_node()
    page = HomePageFactory.build()
    root.add_child(instance=page)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": page},
    )
    return page


@pytest.fixture
def directory(home):
    """The partner directory under the home page."""
    page = PartnerIndexPageFactory.build()
    home.add_child(instance=page)
    return page


@pytest.fixture
def add_partner(directory):
    """Add a live partner: `add_partner(title=…, services=[…], languages=[names], **fields)`.

    A service is a name, or (name, emergency) for one the Get help page lists.
    """

    def service(spec):
        name, emergency = (spec, False) if isinstance(spec, str) else spec
        return ServiceFactory(name=name, emergency=emergency)

    def add(**fields):
        services = fields.pop("services", [])
        languages = fields.pop("languages", [])
        partner = PartnerPageFactory.build(**fields)
        partner.services = [service(spec) for spec in services]
        partner.languages = [LanguageFactory(name=name) for name in languages]
        directory.add_child(instance=partner)
        return partner

    return add


@pytest.fixture
def file_storage(settings, tmp_path):
    """Files on disk in a temporary folder: Wagtail serves documents from a file path."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path
