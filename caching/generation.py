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
is answered without asking Redis anything. Every new generation is published
on a Redis channel, and each process's watch takes it from there the moment it
arrives (and at once in the process that made it). The watch also reads the
generation again every WATCH_INTERVAL, in case a message was lost, and when
Redis has not confirmed the copy for WATCH_TRUST the copy is not used at all:
the process asks Redis on every request, as it does without a watch.
"""

import logging
import os
import threading
import time
import uuid
import weakref
from collections import deque
from functools import cache as cache_results

from django.apps import apps
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
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
    watch = watch_of_this_process(start=False)
    if watch is None:
        cache.set(GENERATION_KEY, value, timeout=None)
        announce(value)
        return
    # The watch's own reads wait, so that none read before this can overwrite it.
    with watch.lock:
        cache.set(GENERATION_KEY, value, timeout=None)
        announce(value)
        watch.heard(value, announced=True)


def announce(value):
    """Publish a new generation to every process's watch (nothing to do without Redis)."""
    channel = watch_channel()
    if channel is not None:
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
    """The Redis channel new generations are published on; None when the cache is not Redis."""
    try:
        get_redis_connection()
    except NotImplementedError:
        return None
    return cache.make_key(GENERATION_KEY)


# (process id, channel) -> GenerationWatch: a forked process starts its own.
WATCHES = {}
WATCHES_LOCK = threading.Lock()
# Each thread's cache object -> (process id, its watch or None), to find it quickly.
WATCH_OF_CACHE = weakref.WeakKeyDictionary()


def watch_of_this_process(start=True):
    """This process's watch of the generation (started if need be); None without Redis."""
    shared_cache = caches["default"]
    pid, watch = WATCH_OF_CACHE.get(shared_cache, (None, None))
    if pid == os.getpid():
        return watch
    channel = watch_channel()
    if channel is None:
        WATCH_OF_CACHE[shared_cache] = (os.getpid(), None)
        return None
    key = (os.getpid(), channel)
    watch = WATCHES.get(key)
    if watch is None and start:
        with WATCHES_LOCK:
            watch = WATCHES.get(key)
            if watch is None:
                watch = GenerationWatch(shared_cache, get_redis_connection(), channel)
                watch.start()
                WATCHES[key] = watch
    if watch is not None:
        WATCH_OF_CACHE[shared_cache] = (os.getpid(), watch)
    return watch


def known_generation():
    """The current generation as this process knows it without asking; None when it cannot tell."""
    watch = watch_of_this_process()
    return None if watch is None else watch.current()


class GenerationWatch:
    """This process's copy of the generation, kept current by a thread (module docstring)."""

    def __init__(self, shared_cache, redis, channel):
        # The cache and Redis client of the thread that made the watch: both may be shared.
        self.cache = shared_cache
        self.redis = redis
        self.channel = channel
        self.lock = threading.Lock()
        self.known = (None, float("-inf"))  # (generation, when Redis last confirmed it)
        # What this process published itself: heard at once, so its message is passed over.
        self.announced = deque(maxlen=64)

    def start(self):
        threading.Thread(target=self.run, name="generation watch", daemon=True).start()

    def current(self):
        value, confirmed = self.known
        return value if time.monotonic() - confirmed < WATCH_TRUST else None

    def heard(self, value, announced=False):
        self.known = (value, time.monotonic())
        if announced:
            self.announced.append(value)

    def run(self):
        while True:
            try:
                self.follow()
            except Exception:  # Redis went away: trust nothing until it answers again
                self.known = (None, float("-inf"))
                logger.warning("Lost the page cache's generation channel; retrying", exc_info=True)
                time.sleep(WATCH_INTERVAL)

    def follow(self):
        pubsub = self.redis.pubsub()
        try:
            pubsub.subscribe(self.channel)
            while pubsub.get_message(timeout=WATCH_TRUST) is None:
                pass  # until Redis confirms the subscription: nothing published after is missed
            while True:
                with self.lock:
                    self.heard(self.cache.get(GENERATION_KEY))
                until = time.monotonic() + WATCH_INTERVAL
                while (left := until - time.monotonic()) > 0:
                    message = pubsub.get_message(ignore_subscribe_messages=True, timeout=left)
                    if message is not None:
                        self.take(message["data"].decode())
        finally:
            pubsub.close()

    def take(self, value):
        if value in self.announced:
            self.announced.remove(value)
        else:
            self.heard(value)
