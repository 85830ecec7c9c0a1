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
- the primary navigation (the home page's live, public children shown in menus);
- the home page's live translations, one per public language, each with its own
  navigation (`homes`, `menus`; see coalition_site.i18n).

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
    homes: dict = field(default_factory=dict)  # language code → live HomePage, default first
    menus: dict = field(default_factory=dict)  # language code → its home's menu
    # language code → the site settings' "browse safely" page in that language
    browse_safely: dict = field(default_factory=dict)

    def home_for(self, language):
        return self.homes.get(language, self.site.root_page)

    def menu_for(self, language):
        return self.menus.get(language, self.menu)


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
    """Five queries: the site, its home pages, their restrictions, their children, settings."""
    from django.core.cache import cache as django_cache
    from django.db.models import Q, Subquery
    from wagtail.models import Page, Site

    from .models import HomePage, SiteSettings
    from .queries import restriction_flags

    site = Site._find_for_request(request)
    if site is None:
        return None
    i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
    # The home page and, in the same query, its live translations.
    same_home = (
        Q(
            translation_key=Subquery(
                Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1]
            ),
            live=True,
        )
        if i18n
        else Q(pk__in=[])
    )
    found = list(
        HomePage.objects.filter(Q(pk=site.root_page_id) | same_home)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    home = next((each for each in found if each.pk == site.root_page_id), None)
    if home is None:  # the root is not a HomePage (a bare install)
        home = site.root_page.specific
        found = [home]
    site.root_page = home
    homes = {home.locale.language_code: home}
    for each in found:
        homes.setdefault(each.locale.language_code, each)
    restricted = restricted_paths([each.path for each in homes.values()])
    for each in homes.values():
        each._no_view_restrictions = not any(each.path.startswith(p) for p in restricted)
        # HomePage.localized reads this instead of asking the database.
        each._localized_homes = homes
    in_any_home = Q()
    for each in homes.values():
        in_any_home |= Q(path__startswith=each.path, depth=each.depth + 1)
    children = list(
        Page.objects.filter(in_any_home)
        .annotate(**restriction_flags())
        .order_by("path")
        .only(
            "id",
            "title",
            "url_path",
            "live",
            "show_in_menus",
            "content_type_id",
            "path",
            "depth",
            "translation_key",
            "locale_id",
        )
    )
    menus = {}
    for language, each in homes.items():
        menus[language] = [
            child
            for child in children
            if child.path.startswith(each.path)
            and child.live
            and child.show_in_menus
            and not child.route_restricted
        ]
    # Which locale each public language is, for links in rich text (coalition_site.i18n).
    django_cache.set(
        f"coalition:locales:{generation(request)}",
        {language: each.locale_id for language, each in homes.items()},
        site_cache_seconds() or None,
    )
    site_settings = SiteSettings.for_site(site)
    return SiteData(
        site=site,
        site_settings=site_settings,
        menu=menus[home.locale.language_code],
        child_types={child.url_path: child.content_type_id for child in children},
        homes=homes,
        menus=menus,
        browse_safely=localized_pages(site_settings.browse_safely_page, homes, children),
    )


def restricted_paths(paths):
    """The paths of pages with a view restriction that applies to any of `paths`."""
    from django.db.models import Q
    from wagtail.models import PageViewRestriction

    ancestors = {path[:end] for path in paths for end in range(4, len(path) + 1, 4)}
    rows = PageViewRestriction.objects.filter(
        Q(page__path__in=ancestors) | Q(page__aliases__path__in=ancestors)
    ).values_list("page__path", "page__aliases__path")
    found = set()
    for own, alias in rows:
        found.update(path for path in (own, alias) if path)
    return found


def localized_pages(page, homes, children):
    """{language code: live translation} of `page`, read from the home pages' children.

    The "browse safely" page is a child of the home page; a page elsewhere in the
    tree is shown in the default language.
    """
    if page is None:
        return {}
    by_locale = {each.locale_id: language for language, each in homes.items()}
    found = {
        by_locale[child.locale_id]: child
        for child in children
        if child.translation_key == page.translation_key
        and child.live
        and child.locale_id in by_locale
    }
    return found or ({next(iter(homes)): page} if page.live else {})
