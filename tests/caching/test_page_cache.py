"""The anonymous page cache: fast for readers, never wrong, never personal.

Every test that takes `page_cache` runs on each cache backend, read by Django
alone and through the WSGI application that answers hits before Django
(tests/caching/conftest.py).
"""

import gzip
import threading
import time

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_redis import get_redis_connection
from redis.connection import AbstractConnection
from wagtail.models import PageViewRestriction

from caching import generation as site_cache
from caching import pagecache
from coalition_site.models import FormField, FormPage
from partners.models import Service
from safety.models import SafetySettings
from tests.caching.conftest import REDIS_KEY_PREFIX, REDIS_TEST_URL
from tests.factories import StandardPageFactory
from tests.performance.conftest import SiteBuilder


def read(client, url="/en/about/", **headers):
    """(response, number of queries) for one GET."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def body_of(response):
    content = response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    return content.decode()


# ---------------------------------------------------------------- hits


@pytest.mark.django_db
def test_a_hit_touches_no_database(client, page_cache, page):
    first, first_queries = read(client)
    assert first["X-Page-Cache"] == "miss"
    assert first_queries > 0
    second, queries = read(client)
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert queries == 0
    assert body_of(second) == body_of(first)


@pytest.mark.django_db
def test_head_requests_are_answered_from_the_cache(client, page_cache, page):
    client.get("/en/about/")
    with CaptureQueriesContext(connection) as queries:
        response = client.head("/en/about/")
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "hit"
    assert len(queries) == 0


@pytest.mark.django_db
def test_cached_pages_say_so_to_shared_caches_and_set_no_cookie(client, page_cache, page):
    for response in [client.get("/en/about/"), client.get("/en/about/")]:
        assert response.cookies == {}
        assert "Set-Cookie" not in response
        control = response["Cache-Control"]
        assert control.startswith("public")
        assert "s-maxage=300" in control and "max-age=0" in control
        assert response["ETag"]


@pytest.mark.django_db
def test_a_browser_asking_again_gets_not_modified(client, page_cache, page):
    etag = client.get("/en/about/")["ETag"]
    response, queries = read(client, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert queries == 0


@pytest.mark.django_db
def test_hits_are_compressed_for_browsers_that_accept_it(client, page_cache, page):
    plain = client.get("/en/about/")
    zipped = client.get("/en/about/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert zipped["X-Page-Cache"] == "hit"
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert body_of(zipped) == body_of(plain)
    unzipped = client.get("/en/about/")
    assert "Content-Encoding" not in unzipped
    assert body_of(unzipped) == body_of(plain)


@pytest.mark.django_db
def test_each_address_has_its_own_entry(client, page_cache, home):
    home.add_child(instance=StandardPageFactory.build(slug="one", title="Page one"))
    home.add_child(instance=StandardPageFactory.build(slug="two", title="Page two"))
    assert "Page one" in body_of(client.get("/en/one/"))
    assert "Page two" in body_of(client.get("/en/two/"))
    assert "Page one" in body_of(client.get("/en/one/"))


@pytest.mark.django_db
def test_listing_filters_are_cached_but_keywords_and_unknown_parameters_are_not(
    client, page_cache, home
):
    site = SiteBuilder(home)
    site.grow("partner directory", 3)
    client.get("/en/partners/?service=housing&page=1")
    assert client.get("/en/partners/?service=housing&page=1")["X-Page-Cache"] == "hit"
    for url in ["/en/partners/?q=shelter", "/en/search/?q=shelter", "/en/partners/?utm_source=x"]:
        client.get(url)
        response, queries = read(client, url)
        assert response["X-Page-Cache"] == "bypass", url
        assert queries > 0
        assert "private" in response["Cache-Control"]
    assert not any(b"shelter" in value for value in stored_values(page_cache))


def stored_values(backend):
    """Every value the page cache's backend holds, as bytes."""
    if backend == "redis":
        import redis

        client = redis.Redis.from_url(REDIS_TEST_URL)
        return [client.get(key) or b"" for key in client.scan_iter(f"{REDIS_KEY_PREFIX}:*")]
    return list(caches["default"]._cache.values())


# ---------------------------------------------------------------- invalidation


@pytest.mark.django_db
def test_publishing_shows_at_once(client, page_cache, page):
    assert "First words." in body_of(client.get("/en/about/"))
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    page.introduction = "Second words."
    page.save_revision().publish()
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "miss"
    assert "Second words." in body_of(response)


@pytest.mark.django_db
def test_a_draft_changes_nothing_readers_see(client, page_cache, page):
    client.get("/en/about/")
    page.introduction = "Not yet."
    page.save_revision()
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "hit"
    assert "First words." in body_of(response)


@pytest.mark.django_db
def test_unpublishing_and_deleting_take_pages_away_at_once(client, page_cache, home, page):
    other = StandardPageFactory.build(slug="other")
    home.add_child(instance=other)
    for url in ["/en/about/", "/en/other/"]:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    page.unpublish()
    assert client.get("/en/about/").status_code == 404
    other.delete()
    assert client.get("/en/other/").status_code == 404


@pytest.mark.django_db
def test_a_move_shows_at_once(client, page_cache, home, page):
    parent = StandardPageFactory.build(slug="parent", title="Parent")
    home.add_child(instance=parent)
    client.get("/en/about/")
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    page.move(parent, pos="last-child")
    old_address = client.get("/en/about/")
    assert old_address.status_code == 301  # Wagtail adds a redirect for a moved page
    assert old_address["Location"] == "/en/parent/about/"
    assert client.get("/en/parent/about/").status_code == 200


@pytest.mark.django_db
def test_site_settings_changes_show_at_once(client, page_cache, page):
    assert "tel:+18883737888" in body_of(client.get("/en/about/"))
    site_settings = SafetySettings.objects.get()
    site_settings.hotline_phone = "1-800-555-0199"
    site_settings.save()
    assert "tel:+18005550199" in body_of(client.get("/en/about/"))


@pytest.mark.django_db
def test_managed_list_changes_show_at_once(client, page_cache, home):
    site = SiteBuilder(home)
    site.grow("partner directory", 2)
    assert "Housing" in body_of(client.get("/en/partners/"))
    service = Service.objects.get(name="Housing")
    service.name = "Shelter and housing"
    service.save()
    assert "Shelter and housing" in body_of(client.get("/en/partners/"))


@pytest.mark.django_db
def test_making_a_page_private_takes_it_out_of_the_cache(client, page_cache, page):
    client.get("/en/about/")
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get("/en/about/")
    assert response.status_code == 302


def served_from_memory_until(client, seconds):
    """Read the page until it is built again; False if it was still a hit after `seconds`."""
    deadline = time.monotonic() + seconds
    while client.get("/en/about/")["X-Page-Cache"] == "hit":
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def wait_for_the_watch():
    """This process's copy of the generation, once Redis has confirmed it (up to 2 s)."""
    deadline = time.monotonic() + 2
    while site_cache.known_generation() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    return site_cache.known_generation()


def redis_commands(monkeypatch):
    """The commands this thread sends to Redis from now on (the watch's thread not counted)."""
    thread = threading.get_ident()
    sent = []
    send_command = AbstractConnection.send_command

    def counted(connection, *args, **kwargs):
        if threading.get_ident() == thread:
            sent.append(args[0])
        return send_command(connection, *args, **kwargs)

    monkeypatch.setattr(AbstractConnection, "send_command", counted)
    return sent


def served_from_memory_alone(client, monkeypatch):
    """Whether a hit now is answered without a single command to Redis."""
    with monkeypatch.context() as patch:
        sent = redis_commands(patch)
        hit = client.get("/en/about/")
    return hit["X-Page-Cache"] == "hit" and sent == []


@pytest.fixture
def watch_hears_only_messages(page_cache, monkeypatch):
    """The watch neither reads on its own nor stops trusting its copy while the test runs.

    So a change only reaches it through the channel. Afterwards, a message wakes
    it, so that it goes back to its usual interval at once.
    """
    monkeypatch.setattr(site_cache, "WATCH_INTERVAL", 60)
    monkeypatch.setattr(site_cache, "WATCH_TRUST", 60)
    time.sleep(0.3)  # the watch's current wait, begun with the usual interval, ends
    yield
    monkeypatch.undo()
    if page_cache == "redis":
        get_redis_connection().publish(site_cache.watch_channel(), "wake up")


@pytest.mark.django_db
def test_a_change_published_by_another_process_is_seen_at_once(
    client, page_cache, page, watch_hears_only_messages, monkeypatch
):
    """Another process or server moves the generation the cache holds, and announces it."""
    client.get("/en/about/")
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    if page_cache == "redis":
        assert wait_for_the_watch() is not None
        assert served_from_memory_alone(client, monkeypatch)
    cache.set(site_cache.GENERATION_KEY, "moved-on-by-another-server", timeout=None)
    if page_cache == "redis":
        get_redis_connection().publish(site_cache.watch_channel(), "moved-on-by-another-server")
    # Without Redis every read asks the cache; with Redis, the message wakes the watch.
    assert served_from_memory_until(client, seconds=0.2)


@pytest.mark.django_db
@pytest.mark.parametrize("cache_backend", ["redis"], indirect=True)
def test_a_change_nobody_announced_is_seen_within_the_watch_interval(
    client, page_cache, page, monkeypatch
):
    """A lost message costs at most WATCH_INTERVAL: each process reads the generation again."""
    client.get("/en/about/")
    assert wait_for_the_watch() is not None
    assert served_from_memory_alone(client, monkeypatch)
    cache.set(site_cache.GENERATION_KEY, "moved-on-unannounced", timeout=None)
    assert served_from_memory_until(client, seconds=site_cache.WATCH_INTERVAL + 0.25)


@pytest.mark.django_db
@pytest.mark.parametrize("cache_backend", ["redis"], indirect=True)  # publish and subscribe
def test_with_redis_a_hit_on_a_page_kept_in_memory_asks_redis_nothing(
    client, page_cache, page, monkeypatch
):
    stored = client.get("/en/about/")
    assert wait_for_the_watch() == cache.get(site_cache.GENERATION_KEY)
    assert served_from_memory_alone(client, monkeypatch)
    assert body_of(client.get("/en/about/")) == body_of(stored)


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class ReadWhileAnotherBumps:
    """A cache whose read of the generation sees the old value, as one begun before a bump."""

    def __init__(self, watch, old, new):
        self.watch, self.old, self.new = watch, old, new

    def get(self, key):
        self.watch.made(self.new)  # the bump lands while the read is on its way
        return self.old


def test_the_watch_trusts_its_copy_only_while_redis_confirms_it():
    clock = Clock()
    watch = site_cache.GenerationWatch(redis_cache=None, redis=None, channel="-", clock=clock)
    assert watch.current() is None
    watch.made("made here")
    assert watch.current() == "made here"
    clock.now += site_cache.WATCH_TRUST
    assert watch.current() is None


def test_a_read_begun_before_this_process_made_a_generation_does_not_undo_it():
    watch = site_cache.GenerationWatch(redis_cache=None, redis=None, channel="-")
    watch.cache = ReadWhileAnotherBumps(watch, old="before", new="after")
    watch.read()
    assert watch.current() == "after"


class SlowAnswer:
    """A cache whose answer comes back after `seconds` on `clock`, as to a thread kept waiting."""

    def __init__(self, clock, seconds):
        self.clock, self.seconds = clock, seconds

    def get(self, key):
        self.clock.now += self.seconds
        return "answered late"


def test_a_generation_read_counts_as_confirmed_when_it_was_asked_for():
    clock = Clock()
    watch = site_cache.GenerationWatch(redis_cache=None, redis=None, channel="-", clock=clock)
    watch.cache = SlowAnswer(clock, seconds=site_cache.WATCH_TRUST)
    watch.read()
    assert watch.current() is None


def test_pages_kept_in_memory_are_forgotten_when_the_generation_is_lost():
    pagecache.recent_pages.put("kept", entry(10))
    watch = site_cache.GenerationWatch(redis_cache=cache, redis=None, channel="-")
    cache.delete(site_cache.GENERATION_KEY)  # Redis emptied, or restored from a snapshot
    watch.read()
    assert pagecache.recent_pages.get("kept") is None


# ---------------------------------------------------------------- never cached


@pytest.mark.django_db
def test_signed_in_people_are_never_served_or_stored(client, page_cache, page, django_user_model):
    user = django_user_model.objects.create_user("editor", password="long-enough-password")
    client.force_login(user)
    for _ in range(2):
        response, queries = read(client)
        assert response["X-Page-Cache"] == "bypass"
        assert queries > 0
        assert "private" in response["Cache-Control"]
    client.logout()
    response = client.get("/en/about/")
    assert response["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_what_an_editor_sees_is_never_shown_to_a_reader(client, page_cache, page, admin_user):
    client.force_login(admin_user)
    editor_view = body_of(client.get("/en/about/"))
    assert "wagtail-userbar" in editor_view
    client.logout()
    reader_view = body_of(client.get("/en/about/"))
    assert "wagtail-userbar" not in reader_view


@pytest.mark.django_db
def test_previews_are_never_stored(client, page_cache, page, admin_user):
    client.force_login(admin_user)
    page.introduction = "Draft words."
    page.save_revision()
    preview = client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    assert "Draft words." in body_of(preview)
    assert preview.get("X-Page-Cache") not in ("hit", "miss")
    client.logout()
    response = client.get("/en/about/")
    assert "First words." in body_of(response)
    assert "Draft words." not in body_of(response)


@pytest.mark.django_db
def test_pages_with_a_form_are_never_stored(client, page_cache, home):
    form = FormPage(
        title="Contact us",
        slug="contact",
        to_address="staff@example.org",
        from_address="site@example.org",
        subject="Message",
    )
    form.form_fields = [FormField(label="Message", field_type="multiline", required=True)]
    home.add_child(instance=form)
    for _ in range(2):
        response, queries = read(client, "/en/contact/")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "bypass"
        assert queries > 0
        assert "csrftoken" in response.cookies
        assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_not_found_is_not_stored(client, page_cache, home):
    for _ in range(2):
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        assert response["X-Page-Cache"] == "bypass"


@pytest.mark.django_db
def test_with_the_cache_off_every_read_is_fresh(client, settings, page):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/about/")
    response, queries = read(client)
    assert response["X-Page-Cache"] == "bypass"
    assert queries > 0
    assert "private" in response["Cache-Control"]


# ---------------------------------------------------------------- what a hit costs


class Counting:
    """Wraps a function and counts its calls."""

    def __init__(self, function):
        self.function, self.calls = function, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.function(*args, **kwargs)


class ReadsCounted:
    """The reads this thread makes of the default cache, as lists of keys.

    A read made inside another (local memory's `get_many` calls its `get`) is not
    counted again, nor are the reads of the generation watch's thread.
    """

    def __init__(self, monkeypatch):
        self.reads = []
        self.thread = threading.get_ident()
        self.inside = False
        backend = caches["default"]
        for name in ("get", "get_many"):
            monkeypatch.setattr(backend, name, self.counted(getattr(backend, name)))

    def counted(self, read):
        def counted_read(keys, *args, **kwargs):
            if threading.get_ident() != self.thread or self.inside:
                return read(keys, *args, **kwargs)
            self.reads.append(list(keys) if isinstance(keys, list | tuple) else [keys])
            self.inside = True
            try:
                return read(keys, *args, **kwargs)
            finally:
                self.inside = False

        return counted_read


def count_reads(monkeypatch):
    """The reads the page cache makes of the shared cache from now on, as lists of keys."""
    return ReadsCounted(monkeypatch).reads


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["gzip, br", ""])
def test_a_hit_is_one_cache_read_and_no_compression(
    client, page_cache, page, monkeypatch, encoding
):
    """Compressed once when stored; a hit, gzip accepted or not, only reads and sends."""
    stored = client.get("/en/about/")
    assert stored["X-Page-Cache"] == "miss"
    pagecache.recent_pages.clear()  # as in a process that has not read the page yet
    reads = count_reads(monkeypatch)
    squeezes = {name: Counting(getattr(gzip, name)) for name in ("compress", "decompress")}
    for name, counter in squeezes.items():
        monkeypatch.setattr(pagecache.gzip, name, counter)

    response = client.get("/en/about/", HTTP_ACCEPT_ENCODING=encoding)
    compressions = sum(counter.calls for counter in squeezes.values())

    assert response["X-Page-Cache"] == "hit"
    assert response.get("Content-Encoding") == ("gzip" if encoding else None)
    assert body_of(response) == body_of(stored)
    assert len(reads) == 1
    assert compressions == 0


@pytest.mark.django_db
def test_a_page_this_process_keeps_costs_at_most_the_generation_read(
    client, page_cache, page, monkeypatch
):
    """The shared cache sends a few bytes, not the page, for a page read here before.

    With Redis, not even those once this process's watch knows the generation
    (the test above).
    """
    stored = client.get("/en/about/")
    reads = count_reads(monkeypatch)
    hit = client.get("/en/about/", HTTP_ACCEPT_ENCODING="")
    assert hit["X-Page-Cache"] == "hit"
    assert body_of(hit) == body_of(stored)
    assert reads in ([[site_cache.GENERATION_KEY]], [])

    # Another process reads the page from the shared cache once, then keeps it.
    pagecache.recent_pages.clear()
    reads.clear()
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    assert len(reads) == 1
    assert len(reads[0]) == 2
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    assert reads[1:] in ([[site_cache.GENERATION_KEY]], [])


@pytest.mark.django_db
def test_a_page_kept_in_memory_expires_when_the_shared_entry_does(
    client, page_cache, page, monkeypatch, settings
):
    client.get("/en/about/")
    later = time.time() + settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(pagecache.recent_pages, "clock", lambda: later)
    reads = count_reads(monkeypatch)
    client.get("/en/about/")
    # Not from memory: the entry is asked of the shared cache again (which, on Redis,
    # still has it here, because its clock was not moved on).
    assert reads[0][-1] != site_cache.GENERATION_KEY


@pytest.mark.django_db
def test_a_page_kept_in_memory_is_never_served_after_an_unpublish(client, page_cache, page):
    assert client.get("/en/about/")["X-Page-Cache"] == "miss"
    assert client.get("/en/about/")["X-Page-Cache"] == "hit"
    page.unpublish()
    assert client.get("/en/about/").status_code == 404


def entry(size, expires_in=300):
    return {"body": b"x" * size, "gzip": None, "expires": time.time() + expires_in}


def test_pages_kept_in_memory_stay_within_their_bytes(settings):
    settings.PAGE_CACHE_MEMORY_BYTES = 250
    pages = pagecache.RecentPages()
    pages.put("first", entry(100))
    pages.put("second", entry(100))
    assert pages.get("first") is not None  # read lately: the second goes first
    pages.put("third", entry(100))
    assert pages.get("second") is None
    assert pages.get("first") is not None
    assert pages.get("third") is not None
    assert pages.size == 200

    pages.put("too big", entry(251))
    assert pages.get("too big") is None
    pages.put("gone", entry(10, expires_in=-1))
    assert pages.get("gone") is None

    settings.PAGE_CACHE_MEMORY_BYTES = 0
    pages.put("none kept", entry(1))
    assert pages.get("none kept") is None


@pytest.mark.django_db
def test_a_hit_carries_the_same_security_headers_without_building_the_policy(
    client, page_cache, page, monkeypatch
):
    from operations import headers as security

    stored = client.get("/en/about/")
    builds = Counting(security.build_policy)
    monkeypatch.setattr(security, "build_policy", builds)
    hit = client.get("/en/about/")
    assert hit["X-Page-Cache"] == "hit"
    for header in (
        "Content-Security-Policy",
        "Permissions-Policy",
        "Cross-Origin-Resource-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ):
        assert hit[header] == stored[header], header
    assert builds.calls == 0


@pytest.mark.django_db
def test_a_hit_sends_the_headers_of_the_miss_that_stored_it_byte_for_byte(
    client, page_cache, page, monkeypatch
):
    """Another process builds the same policy with its directives in another order.

    The stored page keeps the headers it was sent with, so a hit from any process
    repeats them exactly.
    """
    from operations.headers import ContentSecurityPolicyMiddleware

    stored = client.get("/en/about/")
    assert stored["X-Page-Cache"] == "miss"
    directives = stored["Content-Security-Policy"].split("; ")
    other_process = "; ".join(reversed(directives))
    monkeypatch.setitem(ContentSecurityPolicyMiddleware.built_policies, "public", other_process)
    assert client.get("/en/no-such-page/")["Content-Security-Policy"] == other_process

    hit = client.get("/en/about/")
    assert hit["X-Page-Cache"] == "hit"
    unstored = {"X-Page-Cache", "Content-Length"}
    assert {k: v for k, v in hit.items() if k not in unstored} == {
        k: v for k, v in stored.items() if k not in unstored
    }
