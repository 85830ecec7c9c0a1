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
"""

import uuid
from functools import cache as cache_results

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from coalition_site.models import ManagedList

GENERATION_KEY = "coalition:generation"

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
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY) or value
    return value


def bump_generation():
    """Make every cached page and site entry stale, in every process at once."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


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
