"""What every page of a site needs, read once per change instead of once per request.

Everything here lives in Django's cache (Redis when `REDIS_URL` is set, so
every process and every server shares it) under keys that carry a
*generation*: a random token stored in the cache itself. Any change an
anonymous reader could see (a page published, unpublished, moved or deleted;
site settings, a managed list, an image, a document, a redirect or a view
restriction saved or deleted) moves the generation on, and from that moment
every process reads fresh data, because it looks for keys that do not exist yet.
Old entries are never read again and expire on their own.

The page cache (`coalition_site.pagecache`) keys its entries the same way.

What is kept per site (`SiteData`):
- the Site, with its home page as the specific `HomePage` (routing starts there);
- whether the home page (or the tree root above it) has a view restriction;
- the site settings, with the pages and images they point at;
- the primary navigation (the home page's live, public children shown in menus).

Without Redis each process has its own cache: fine for one process (`runserver`,
the tests), but a change made through one process is only seen by another once
its entries expire (`SITE_CACHE_SECONDS`). Production runs several processes and
must set `REDIS_URL`.
"""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port

GENERATION_KEY = "coalition:generation"
SITE_CACHE_SECONDS_DEFAULT = 300

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


def generation(request=None):
    """The current generation token; read from the cache once per request."""
    if request is not None and hasattr(request, "_coalition_generation"):
        return request._coalition_generation
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        # Another process may have started a generation meanwhile: keep theirs.
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY) or value
    if request is not None:
        request._coalition_generation = value
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


_content_models = None


def content_models():
    """Models other than pages whose rows readers see on some page."""
    global _content_models
    if _content_models is None:
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import Locale, PageViewRestriction, Site
        from wagtail.snippets.models import get_snippet_models

        from .models import ManagedList

        models = {
            Site,
            Locale,
            PageViewRestriction,
            Redirect,
            get_image_model(),
            get_document_model(),
            *get_snippet_models(),
        }
        from django.apps import apps

        for model in apps.get_models():
            if issubclass(model, ManagedList | BaseSiteSetting | BaseGenericSetting):
                models.add(model)
        _content_models = frozenset(models)
    return _content_models


def changes_what_readers_see(instance, update_fields=None):
    from wagtail.models import Page

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
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(on_save, dispatch_uid="coalition_cache_save")
    post_delete.connect(on_delete, dispatch_uid="coalition_cache_delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_change, dispatch_uid=f"coalition_cache_{id(signal)}")


# ---------------------------------------------------------------- per-site data


@dataclass
class SiteData:
    site: object
    site_settings: object
    menu: list = field(default_factory=list)
    child_types: dict = field(default_factory=dict)  # URL path of a home child → content type id


def site_cache_seconds():
    return getattr(settings, "SITE_CACHE_SECONDS", SITE_CACHE_SECONDS_DEFAULT)


def request_host(request):
    """(hostname, port) as Wagtail matches sites; the Host header is validated first."""
    hostname = split_domain_port(request.get_host())[0]
    return hostname.lower(), request.get_port()


def site_data(request):
    """The SiteData of the request's site, or None if no site answers for its host.

    Read at most once per request; built with five queries when the cache has
    nothing for this site and generation.
    """
    if request is None:
        return None
    if hasattr(request, "_coalition_site_data"):
        return request._coalition_site_data
    hostname, port = request_host(request)
    key = f"coalition:site:{generation(request)}:{hostname}:{port}"
    data = cache.get(key)
    if data is None:
        data = load_site_data(request)
        if data is not None and site_cache_seconds() > 0:
            cache.set(key, data, site_cache_seconds())
    request._coalition_site_data = data
    return data


def load_site_data(request):
    from wagtail.models import Site

    from .models import SiteSettings
    from .queries import restriction_flags

    site = Site._find_for_request(request)
    if site is None:
        return None
    home = site.root_page.specific
    home._no_view_restrictions = not has_view_restrictions(home)
    site.root_page = home
    children = list(
        home.get_children()
        .annotate(**restriction_flags())
        .only("id", "title", "url_path", "live", "show_in_menus", "content_type_id")
    )
    return SiteData(
        site=site,
        site_settings=SiteSettings.for_site(site),
        menu=[
            child
            for child in children
            if child.live and child.show_in_menus and not child.route_restricted
        ],
        child_types={child.url_path: child.content_type_id for child in children},
    )


def has_view_restrictions(page):
    """Whether a restriction applies to `page` (on it, an ancestor, or an alias's source)."""
    from django.db.models import Q
    from wagtail.models import PageViewRestriction

    paths = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
    ).exists()
