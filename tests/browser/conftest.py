"""Real-browser tests: a headless Chromium driven by Playwright against pytest-django's live server.

Every test in this folder is marked `browser`. Chromium comes from the system
(`apt-get install chromium`), never from `playwright install`. Without it the
tests are skipped, except on CI (`CI=true`) where they fail, because CI must run them.

The network is closed off: each browser context routes every request through
`NetworkGuard`, which lets requests to the live server through, aborts anything
else and records every URL either way. A test that needs an off-site page (the
quick exit target) serves it from the guard with `guard.serve(...)`.
"""

import os
import shutil
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.core.management import call_command

from tests import database

# Playwright's sync API keeps an event loop running in the main thread; Django's
# async-safety check would refuse ORM calls made by the tests (or by pytest-django's
# database setup and flush) while it runs.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

HERE = Path(__file__).resolve().parent

CHROMIUM_MISSING = "Chromium not installed: apt-get install chromium"

CHROMIUM_ARGS = [
    "--no-sandbox",  # we run as root
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium calls Google on start-up, whatever the page does.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# A safety net behind the route guard: anything Chromium sends that is not
# intercepted by a route (a speculative preconnect, say) goes to a closed local
# port instead of the internet, and no DNS lookup is made for it. The live
# server on loopback is reached directly.
BLACKHOLE_PROXY = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1,localhost"}

LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def find_chromium():
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def on_ci():
    return os.environ.get("CI", "").strip().lower() == "true"


def pytest_collection_modifyitems(config, items):
    """Mark every test collected from this folder (and only those) `browser`.

    Without Chromium they are skipped here, before any fixture runs, so the
    summary shows the reason once per file. On CI they are left to fail in the
    `browser` fixture instead.
    """
    missing = find_chromium() is None and not on_ci()
    for item in items:
        if HERE == item.path.parent or HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)
            if missing:
                item.add_marker(pytest.mark.skip(reason=CHROMIUM_MISSING))


# ---------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    executable = find_chromium()
    if executable is None:
        if on_ci():
            pytest.fail(CHROMIUM_MISSING, pytrace=False)
        pytest.skip(CHROMIUM_MISSING)

    from playwright.sync_api import sync_playwright

    serialized = serialized_test_databases()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=CHROMIUM_ARGS,
            proxy=BLACKHOLE_PROXY,
        )
        restore_serialized_test_databases(serialized)
        yield chromium
        chromium.close()


# Between its calls, Playwright's sync API leaves an asyncio loop marked as running
# in the main thread. Django then keeps database connections per context instead of
# per thread, so once the browser has started the tests get new connection objects.
# If other tests had already set up the test database, the new objects lack the
# snapshot that serialized rollback restores from, and the second browser test would
# find no Wagtail root page. Carry the snapshot over to the new connections.


def serialized_test_databases():
    from django.db import connections

    return {
        conn.alias: conn._test_serialized_contents
        for conn in connections.all(initialized_only=True)
        if hasattr(conn, "_test_serialized_contents")
    }


def restore_serialized_test_databases(serialized):
    from django.db import connections

    for alias, contents in serialized.items():
        if not hasattr(connections[alias], "_test_serialized_contents"):
            connections[alias]._test_serialized_contents = contents


# ---------------------------------------------------------------- site


@pytest.fixture(scope="module")
def live_site(browser, django_db_setup, django_db_blocker):
    """A live server and the demo site, shared by the tests of one module.

    Loading the demo site and emptying the database again take seconds, so each
    module does it once rather than each test: the site is committed (the live
    server's thread must see it), and afterwards the database is put back as
    the migrations left it (tests/database.py) for the tests that run next.
    A test that changes what others read (a setting) puts it back itself; what
    only adds (a form entry, an editor account) may stay until the module ends.
    `browser` comes first so that a missing Chromium skips before any database work.
    """
    from pytest_django.live_server_helper import LiveServer

    from coalition_site.models import HomePage

    with django_db_blocker.unblock():
        database.reset_to_migrated()
        cache.clear()  # Wagtail caches site root paths; page ids change between modules
        call_command("load_demo_content", stdout=StringIO())
        home = HomePage.objects.get(locale__language_code="en")
        server = LiveServer("localhost:0")
    yield server.url.rstrip("/"), home
    # Stop the server but leave the in-memory SQLite connection shareable
    # (`server.stop()` would undo that): a request thread of the last test may
    # still be closing its connections.
    server.thread.terminate()
    with django_db_blocker.unblock():
        database.reset_to_migrated()
    cache.clear()


@pytest.fixture(autouse=True)
def _database_open(django_db_blocker):
    """Tests here read and change the live site's database directly, outside any transaction."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def demo_site(live_site):
    """The demo site's home page."""
    return live_site[1]


@pytest.fixture
def site_url(live_site):
    """Base URL of the live server, without the trailing slash."""
    return live_site[0]


@pytest.fixture
def demo_paths(demo_site):
    """Paths of the home page and every demo standard page."""
    from demo.content import read

    return ["/"] + [f"/{spec['slug']}/" for spec in read("en", "site")["standard_pages"]]


@pytest.fixture
def quick_exit_url(demo_site):
    """The quick-exit URL the site settings hold now."""
    from wagtail.models import Site

    from safety.models import SafetySettings

    return SafetySettings.for_site(Site.objects.get(is_default_site=True)).quick_exit_url


# ---------------------------------------------------------------- network guard


class NetworkGuard:
    """Lets requests to the live server through, aborts the rest, records them all."""

    def __init__(self, context, site_url):
        parts = urlsplit(site_url)
        self.context = context
        self.site_scheme = parts.scheme
        self.site_port = parts.port
        self.site_hosts = LOCAL_HOSTS | {parts.hostname}
        self.requests = []  # every URL the pages asked for, in order
        self.blocked = []  # URLs aborted
        self.served = []  # off-site URLs answered with a canned page
        context.route("**/*", self._handle)

    def is_site(self, url):
        parts = urlsplit(url)
        return (
            parts.scheme == self.site_scheme
            and parts.hostname in self.site_hosts
            and parts.port == self.site_port
        )

    def offsite(self):
        """Every recorded URL that is not on the live server."""
        return [url for url in self.requests if not self.is_site(url)]

    def _handle(self, route, request):
        url = request.url
        self.requests.append(url)
        if self.is_site(url):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def serve(self, url_glob, body="<title>Weather</title>neutral", status=200):
        """Answer requests matching `url_glob` with a small HTML page instead of blocking them.

        Routes added later take precedence, so this wins over the catch-all guard.
        """

        def fulfill(route, request):
            self.requests.append(request.url)
            self.served.append(request.url)
            route.fulfill(status=status, content_type="text/html", body=body)

        self.context.route(url_glob, fulfill)


@pytest.fixture
def new_context(browser, site_url):
    """Factory for fresh, guarded browser contexts: `context, guard = new_context(**options)`.

    Options go to `browser.new_context` (viewport, java_script_enabled, ...).
    Every context made is closed at the end of the test.
    """
    made = []

    def make(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        made.append(context)
        return context, NetworkGuard(context, site_url)

    yield make
    for context in made:
        context.close()


@pytest.fixture
def guarded(new_context):
    return new_context()


@pytest.fixture
def context(guarded):
    """A fresh browser context with no stored state."""
    return guarded[0]


@pytest.fixture
def network(guarded):
    """The `NetworkGuard` of `context`."""
    return guarded[1]


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def visit(site_url):
    """Open a site path in a page and check that the page really rendered.

    `visit(page, "/en/about/", wait_until="networkidle")` returns the response.
    """

    def go(page, path, **options):
        url = site_url + path
        response = page.goto(url, **options)
        assert response is not None, f"no response for {url}"
        assert response.status == 200, f"{url} answered {response.status}"
        headings = page.locator("h1")
        assert headings.count() >= 1, f"{url} has no <h1>: did the demo page render?"
        return response

    return go
