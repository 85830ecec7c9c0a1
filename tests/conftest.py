import warnings

import pytest
from django.core.cache import cache
from django.db import connections
from pytest_django.plugin import blocking_manager_key
from wagtail.models import Page, Site

from caching.pagecache import recent_pages
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


@pytest.hookimpl(trylast=True)  # after pytest's own ordering by fixture, which would move them
def pytest_collection_modifyitems(items):
    """Run a module's tests on the shared demo site (`demo`) last in the module.

    The module's demo site is loaded when the first of them starts and rolled back
    when the module ends, so every other test of the module runs before, on an
    empty site. `make test` gives each module to one worker (`--dist loadfile`),
    which loads the site once.
    """
    modules = {}
    for item in items:
        modules.setdefault(item.path, len(modules))
    items.sort(key=lambda item: (modules[item.path], "module_demo" in item.fixturenames))


def commits(item):
    """Whether a test runs outside a rolled-back transaction (`transaction=True`)."""
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(item.fixturenames)
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that commits, put back what the migrations created.

    Django empties the database after such a test, and its serialized rollback
    restores the migrations' rows (Wagtail's root page, the default locale and
    site) only for a test that asks for it. `make test` runs a module's tests
    together on one worker (`--dist loadfile`), so the tests of the next module
    would otherwise find an empty database.
    """
    result = yield
    if commits(item):
        with item.config.stash[blocking_manager_key].unblock():
            database.reset_to_migrated()
    return result


@pytest.fixture(scope="module")
def module_demo(django_db_setup, django_db_blocker):
    """The demo site, loaded once for the tests of a module that use `demo`, then rolled back.

    Loading it takes seconds, and most tests only read it. Each test still runs in
    its own savepoint (through `db`), so what one test writes the next does not see.
    Files (images, documents, audio) stay in the test storage for the whole module:
    a test that deletes one loads its own demo site instead.
    """
    with django_db_blocker.unblock(), database.demo_rolled_back():
        yield


@pytest.fixture
def demo(module_demo, db):
    """The demo site, as `load_demo_content` builds it, for one test."""
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Every test starts with an empty cache.

    The database is rolled back between tests but the cache is not, and what it
    keeps (Wagtail's site root paths, our site data and pages) names page ids
    that the next test may not have. Nor does any process keep pages in memory.
    """
    cache.clear()
    recent_pages.clear()


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
