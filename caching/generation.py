"""The cache generation: what makes every cached page and fragment stale at once.

Cached pages (caching.pagecache) and template fragments (the header,
footer and language links) live in Django's cache (Redis when `REDIS_URL` is
set, so every process and every server shares it) under keys that carry a
*generation*: a random token stored in the cache itself. Any change an
anonymous reader could see (a page published, unpublished, moved or deleted;
site settings, a managed list, an image, a document, a redirect or a view
restriction saved or deleted) moves the generation on, and from that moment
every process reads fresh data, because it looks for keys that do not exist yet.
Old entries are never read again and expire on their own.

With Redis, each process also keeps its own copy of the generation
(`GenerationWatch`), so that a page it keeps in memory (caching.pagecache)
is answered without asking Redis anything. The process that moves the
generation on knows at once. Every other process learns of it from a message
on a Redis channel, which wakes its watch to read the generation again: within
milliseconds (measured: about 1 ms in an idle process; 25 ms, at most 66 ms,
while another of its threads keeps the CPU busy, because the watch's thread
waits for Python's interpreter lock). The watch also reads the generation every
WATCH_INTERVAL, in case a message is lost, and pings the channel; when Redis
has not confirmed the copy for WATCH_TRUST, the copy is not used at all and the
process asks Redis on every request, as it does without a watch.
"""

import logging
import os
import threading
import time
import uuid
import weakref
from functools import cache as cache_results

from django.apps import apps
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.http.request import split_domain_port
from django_redis import get_redis_connection
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from coalition_site.models import ManagedList

GENERATION_KEY = "coalition:generation"
# Seconds between a watch's own reads of the generation, and how long its copy is
# trusted after Redis last confirmed it.
WATCH_INTERVAL = 0.25
WATCH_TRUST = 1.0

logger = logging.getLogger(__name__)

# Sent when a watch loses Redis, or finds no generation there: a generation this
# process knew may come back (Redis restored from a snapshot), and what was kept
# under it must not.
generation_lost = Signal()

# A page saved with only these fields changed a draft, a lock or a comment: what
# readers see is unchanged, so the caches stay (the editor's autosave does this
# every few seconds while someone types).
DRAFT_ONLY_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


# ---------------------------------------------------------------- generation


def generation():
    """The current generation token."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        # Another process may have started a generation meanwhile: keep theirs.
        if cache.add(GENERATION_KEY, value, timeout=None):
            announce(value)
        else:
            value = cache.get(GENERATION_KEY) or value
    return value


def bump_generation():
    """Make every cached page and site entry stale, in every process at once."""
    value = uuid.uuid4().hex
    cache.set(GENERATION_KEY, value, timeout=None)
    announce(value)


def announce(value):
    """Tell this process's watch of a new generation, and every other process's (with Redis)."""
    channel = watch_channel()
    if channel is None:
        return
    watch = watch_of_this_process(start=False)
    if watch is not None:
        watch.made(value)
    get_redis_connection().publish(channel, value)


def invalidate():
    """Bump now, and again once the current transaction commits.

    The first bump hides the change from nobody: a reader who arrives between it
    and the commit may cache what the database still holds, so the second bump,
    after the commit, throws that away too.
    """
    bump_generation()
    transaction.on_commit(bump_generation)


# ---------------------------------------------------------------- invalidation


@cache_results
def content_models():
    """Models other than pages whose rows readers see on some page."""
    models = {
        Site,
        Locale,
        PageViewRestriction,
        Redirect,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
    }
    for model in apps.get_models():
        if issubclass(model, ManagedList | BaseSiteSetting | BaseGenericSetting):
            models.add(model)
    return frozenset(models)


def changes_what_readers_see(instance, update_fields=None):
    if isinstance(instance, Page):
        return not (update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS)
    return type(instance) in content_models()


def on_save(sender, instance, update_fields=None, **kwargs):
    if changes_what_readers_see(instance, update_fields):
        invalidate()


def on_delete(sender, instance, **kwargs):
    if changes_what_readers_see(instance):
        invalidate()


def on_page_change(sender, **kwargs):
    invalidate()


def connect_signals():
    """Called from the app's `ready()`."""
    post_save.connect(on_save, dispatch_uid="coalition_cache_save")
    post_delete.connect(on_delete, dispatch_uid="coalition_cache_delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_change, dispatch_uid=f"coalition_cache_{id(signal)}")


# ---------------------------------------------------------------- keys


def request_host(request):
    """(hostname, port) as Wagtail matches sites; the Host header is validated first."""
    hostname = split_domain_port(request.get_host())[0]
    return hostname.lower(), request.get_port()


# ---------------------------------------------------------------- this process's copy


def watch_channel():
    """The Redis channel new generations are published on; None when the cache is not Redis.

    Channels are shared by all of a server's databases: the channel names the database too.
    """
    try:
        redis = get_redis_connection()
    except NotImplementedError:
        return None
    return f"{cache.make_key(GENERATION_KEY)}:db{redis.connection_pool.connection_kwargs.get('db')}"


def redis_server():
    kwargs = get_redis_connection().connection_pool.connection_kwargs
    return kwargs.get("path") or f"{kwargs.get('host')}:{kwargs.get('port')}"


# (process id, Redis server, channel) -> GenerationWatch: a forked process starts its own.
WATCHES = {}
WATCHES_LOCK = threading.Lock()
# Each thread's cache object -> (process id, its watch or None), to find it quickly.
WATCH_OF_CACHE = weakref.WeakKeyDictionary()


def watch_of_this_process(start=True):
    """This process's watch of the generation (started if need be); None without Redis."""
    thread_cache = caches["default"]
    pid, watch = WATCH_OF_CACHE.get(thread_cache, (None, None))
    if pid == os.getpid():
        return watch
    channel = watch_channel()
    if channel is None:
        WATCH_OF_CACHE[thread_cache] = (os.getpid(), None)
        return None
    key = (os.getpid(), redis_server(), channel)
    watch = WATCHES.get(key)
    if watch is None and start:
        with WATCHES_LOCK:
            watch = WATCHES.get(key)
            if watch is None:
                watch = GenerationWatch(thread_cache, get_redis_connection(), channel)
                watch.start()
                WATCHES[key] = watch
    if watch is not None:
        WATCH_OF_CACHE[thread_cache] = (os.getpid(), watch)
    return watch


def known_generation():
    """The current generation as this process knows it without asking; None when it cannot tell."""
    watch = watch_of_this_process()
    return None if watch is None else watch.current()


class GenerationWatch:
    """This process's copy of the generation, kept current by a thread (module docstring).

    `redis_cache` and `redis` are the cache object and Redis client of the thread
    that made the watch: django-redis's may be shared between threads. `clock`
    is a monotonic clock, in seconds.
    """

    def __init__(self, redis_cache, redis, channel, clock=time.monotonic):
        self.cache = redis_cache
        self.redis = redis
        self.channel = channel
        self.clock = clock
        self.lock = threading.Lock()  # over `known` and `made_here`, never over a call to Redis
        self.known = (None, float("-inf"))  # (generation, when Redis last confirmed it)
        self.made_here = 0  # generations this process made: a read begun before one is old

    def start(self):
        threading.Thread(target=self.run, name="generation watch", daemon=True).start()

    def current(self):
        """The generation, if Redis confirmed it less than WATCH_TRUST ago; else None."""
        value, confirmed = self.known
        return value if self.clock() - confirmed < WATCH_TRUST else None

    def made(self, value):
        """This process has just made `value` the generation: it is current from now."""
        with self.lock:
            self.made_here += 1
            self.known = (value, self.clock())

    def read(self):
        """Read the generation from Redis, and keep it unless this process made one meanwhile.

        It counts as confirmed when it was asked for, not when the answer was
        kept: a thread kept waiting in between must not stretch its trust.
        """
        with self.lock:
            made_before = self.made_here
        asked = self.clock()
        value = self.cache.get(GENERATION_KEY)
        with self.lock:
            if self.made_here == made_before:
                self.known = (value, asked)
        if value is None:
            generation_lost.send(sender=GenerationWatch)

    def run(self):
        """Follow the channel for as long as the process lives, starting again after a failure."""
        while True:
            try:
                self.follow()
            except Exception:  # Redis went away: trust nothing until it answers again
                with self.lock:
                    self.known = (None, float("-inf"))
                generation_lost.send(sender=GenerationWatch)
                logger.warning("Lost the page cache's generation channel; retrying", exc_info=True)
                time.sleep(WATCH_INTERVAL)

    def follow(self):
        """Read the generation after every message, and at least every WATCH_INTERVAL.

        A message only says that the generation moved; what Redis holds after it
        is the truth, so a late or repeated message never moves the copy back.
        The channel is pinged every WATCH_TRUST: when the previous ping went
        unanswered, the connection is dead, even if it was not closed.
        """
        pubsub = self.redis.pubsub()
        try:
            pubsub.subscribe(self.channel)
            if pubsub.get_message(timeout=WATCH_TRUST) is None:
                raise ConnectionError("Redis did not confirm the subscription")
            pinged = answered = self.clock()
            while True:
                self.read()
                until = self.clock() + WATCH_INTERVAL
                while (left := until - self.clock()) > 0:
                    message = pubsub.get_message(timeout=left)
                    if message is None:
                        continue
                    if message["type"] == "pong":
                        answered = self.clock()
                    elif message["type"] == "message":
                        break
                if self.clock() - pinged >= WATCH_TRUST:
                    if answered < pinged:
                        raise ConnectionError("the generation channel stopped answering")
                    pubsub.ping()
                    pinged = self.clock()
        finally:
            pubsub.close()
