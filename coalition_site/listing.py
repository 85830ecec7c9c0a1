"""Helpers the listing pages of every content app share: pagination and filter forms."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Length, Substr
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

KEYWORD_MAX_LENGTH = 200


def paginate(request, items, per_page=12):
    """The page of `items` that ?page= asks for.

    A missing, malformed or out-of-range page number gives the nearest real
    page (the first, or the last), never an error.
    """
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


def without_view_restrictions(queryset):
    """Wagtail's `.public()` as a subquery: no restriction on the page or an ancestor.

    `.public()` reads every restriction in a query of its own each time it is
    called; this keeps the check inside the listing's own query.
    """
    restriction_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restriction_above))


def term_choices(models):
    """(slug, name) choices of several managed lists, read in one query.

    `models` maps a filter name to a ManagedList model, e.g. {"topic": Topic};
    the result maps each name to its terms' choices, sorted by name. Terms are
    those of the reader's language; a list with no term in that language yet
    offers the default language's terms.
    """
    wanted = {get_language(), settings.LANGUAGE_CODE}
    parts = [
        model.objects.order_by()
        .filter(locale__language_code__in=wanted)
        .annotate(kind=Value(kind, output_field=CharField()))
        .values_list("slug", "name", "kind", "locale__language_code")
        for kind, model in models.items()
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("kind", "name") if parts else []
    by_locale = {kind: {} for kind in models}
    for slug, name, kind, locale in rows:
        by_locale[kind].setdefault(locale, []).append((slug, name))
    choices = {}
    for kind, terms in by_locale.items():
        choices[kind] = terms.get(get_language()) or terms.get(settings.LANGUAGE_CODE, [])
    return choices


def parent_url(url):
    """The URL of a page's parent, from the page's own URL, without a query.

    '/news/an-item/' gives '/news/'; an absolute URL keeps its scheme and host.
    """
    return url[: url.rstrip("/").rfind("/") + 1] if url else ""


def clean_keyword(value):
    """A keyword safe for any database: NUL bytes removed, length capped."""
    return (value or "").replace("\x00", "").strip()[:KEYWORD_MAX_LENGTH]


def querystring_without_page(request):
    """The current query string minus `page`, for pagination links that keep the filters."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


IGNORED_FILTERS_MESSAGE = _("Some filters were not recognized and have been ignored.")
