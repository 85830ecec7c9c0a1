"""The one listing stack of every content app: what a reader may see, its filters, one page of it.

An app declares what is its own (a `ListingQuerySet` that says how its cards are
fetched, a `ListingFilter`); `listing_context` does the rest the same way for
every listing.
"""

from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    Value,
)
from django.db.models.functions import Length, Substr
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

KEYWORD_MAX_LENGTH = 200
IGNORED_FILTERS_MESSAGE = _("Some filters were not recognized and have been ignored.")


def without_view_restrictions(queryset):
    """Wagtail's `.public()` as a subquery: no restriction on the page or an ancestor.

    `.public()` reads every restriction in a query of its own each time it is
    called; this keeps the check inside the listing's own query.
    """
    restriction_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restriction_above))


def visible(queryset):
    """The pages of `queryset` any visitor may see: live and public."""
    return without_view_restrictions(queryset.live())


def in_reader_language(queryset, limit):
    """Up to `limit` items of `queryset` in the reader's language, in one query.

    While that language has none of them (nothing translated yet), the site's
    default language's items stand in, so a slot never disappears for want of a
    translation; the items of two languages are never mixed.
    """
    reader, default = get_language(), settings.LANGUAGE_CODE
    is_reader = ExpressionWrapper(Q(locale__language_code=reader), output_field=BooleanField())
    ranked = (
        queryset.filter(locale__language_code__in={reader, default})
        .select_related("locale")
        .alias(is_reader=is_reader)
        .order_by("-is_reader", *queryset.query.order_by)
    )
    items = list(ranked[:limit])
    return [item for item in items if item.locale_id == items[0].locale_id] if items else []


def stand_in_language(items):
    """The language of `items` when it is not the reader's (they stand in), else ""."""
    code = items[0].locale.language_code if items else ""
    return "" if code in ("", get_language()) else code


class ListingQuerySet(PageQuerySet):
    """The pages of a content app, as its listings and home-page slots read them.

    Each app's queryset subclasses it and says in `cards()` what its cards need.
    """

    def visible(self):
        """The pages any visitor may see: live and public."""
        return visible(self)

    def cards(self):
        """These pages ready for cards (related objects, renditions, order)."""
        return self

    def in_reader_language(self, limit):
        """Up to `limit` of these pages in the reader's language (see `in_reader_language`)."""
        return in_reader_language(self, limit)

    def with_rendition(self, image_field, filter_spec):
        """These pages with their `image_field` image and its `filter_spec` rendition.

        The image comes in the same query (a join), the rendition in one more for
        all the pages, as Wagtail's documentation prefetches renditions; the
        `{% image %}` tag of a card with that filter then reads it without a query.
        """
        renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=filter_spec)
        return self.select_related(image_field).prefetch_related(
            Prefetch(
                f"{image_field}__renditions", queryset=renditions, to_attr="prefetched_renditions"
            )
        )


def paginate(request, items, per_page=12):
    """The page of `items` that ?page= asks for.

    A missing, malformed or out-of-range page number gives the nearest real
    page (the first, or the last), never an error.
    """
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def term_choices(models):
    """(slug, name) choices of several managed lists, read in one query.

    `models` maps a filter name to a ManagedList model, e.g. {"topic": Topic};
    the result maps each name to its terms' choices, sorted by name. Terms are
    those of the reader's language; a list with no term in that language yet
    offers the default language's terms.
    """
    if not models:
        return {}
    wanted = {get_language(), settings.LANGUAGE_CODE}
    parts = [
        model.objects.order_by()
        .filter(locale__language_code__in=wanted)
        .annotate(kind=Value(kind, output_field=CharField()))
        .values_list("slug", "name", "kind", "locale__language_code")
        for kind, model in models.items()
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("kind", "name")
    by_locale = {kind: {} for kind in models}
    for slug, name, kind, locale in rows:
        by_locale[kind].setdefault(locale, []).append((slug, name))
    return {
        kind: terms.get(get_language()) or terms.get(settings.LANGUAGE_CODE, [])
        for kind, terms in by_locale.items()
    }


def clean_keyword(value):
    """A value safe for any database: NUL bytes removed, length capped."""
    return (value or "").replace("\x00", "").strip()[:KEYWORD_MAX_LENGTH]


def parent_url(url):
    """The URL of a page's parent, from the page's own URL, without a query.

    '/news/an-item/' gives '/news/'; an absolute URL keeps its scheme and host.
    """
    return url[: url.rstrip("/").rfind("/") + 1] if url else ""


class TermFilter(django_filters.ChoiceFilter):
    """One term of a managed list, named in the URL by its slug.

    `model` names the managed list as "app_label.ModelName", so that an app's
    filters need not import its models. The choices are the terms of the
    reader's language (set by `ListingFilter` in one query for all its lists).
    An item matches whatever the language of the term it carries: a translated
    term keeps its slug, and several terms sharing a slug never make an error
    or list an item twice.
    """

    def __init__(self, field_name, model, label, **kwargs):
        self.term_model = model
        super().__init__(field_name=field_name, label=label, empty_label=_("Any"), **kwargs)

    def filter(self, qs, value):
        if value in django_filters.constants.EMPTY_VALUES:
            return qs
        carrying = qs.model.objects.filter(**{f"{self.field_name}__slug": value})
        return qs.filter(pk__in=carrying.values("pk"))


class ListingFilter(django_filters.FilterSet):
    """The filters of a listing: a keyword (in `keyword_fields`), then the app's own.

    A value that is not one of a filter's choices is left out (the listing says
    some filters were ignored) rather than failing the page.
    """

    q = django_filters.CharFilter(
        label=_("Keyword"),
        method="filter_keyword",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": KEYWORD_MAX_LENGTH}),
    )
    keyword_fields = ("title", "summary")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        terms = {
            name: apps.get_model(spec.term_model)
            for name, spec in self.filters.items()
            if isinstance(spec, TermFilter)
        }
        for name, choices in term_choices(terms).items():
            self.filters[name].extra["choices"] = choices

    def filter_keyword(self, queryset, name, value):
        keyword = clean_keyword(value)
        if not keyword:
            return queryset
        found = reduce(or_, (Q(**{f"{f}__icontains": keyword}) for f in self.keyword_fields))
        return queryset.filter(pk__in=queryset.model.objects.filter(found).values("pk"))


def filter_data(request, names):
    """The filters asked for, by `names` only, without NUL bytes or overlong values.

    The page number and unrelated parameters (a tracking tag, say) neither count
    as filters nor trigger the "not recognized" notice.
    """
    data = request.GET.copy()
    for name in list(data.keys()):
        if name in names:
            data.setlist(name, [clean_keyword(value) for value in data.getlist(name)])
        else:
            del data[name]
    return data


def listing_context(request, items, filterset_class=None, per_page=12):
    """What a listing page shows: its filters, one page of `items` ready for cards, counts.

    `items` (a `ListingQuerySet`) are what a reader may see; once filtered, they
    are made ready for cards by their `cards()`.
    """
    names = filterset_class.base_filters if filterset_class else ()
    data = filter_data(request, names)
    is_filtered = any(data.values())
    filters = None
    if filterset_class:
        filters = filterset_class(data if is_filtered else None, queryset=items)
        items = filters.qs if is_filtered else items
    page_obj = paginate(request, items.cards(), per_page)
    return {
        "filters": filters,
        "page_obj": page_obj,
        "items": page_obj.object_list,
        "result_count": page_obj.paginator.count,
        "is_filtered": is_filtered,
        "ignored_filters_message": IGNORED_FILTERS_MESSAGE
        if is_filtered and filters.errors
        else "",
        "querystring": data.urlencode(),
    }


def querystring_without_page(request):
    """The current query string minus `page`, for pagination links that keep the search."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()
