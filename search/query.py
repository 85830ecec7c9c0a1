"""Site search: every public page type, labelled, filterable by type, with editors' picks.

Search terms are never stored: a person at risk may be the one searching.
"""

from django.db import DatabaseError
from django.db.models import F, Value
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, get_page_models
from wagtail.search.utils import normalise_query_string

from coalition_site.listing import clean_keyword, paginate, without_view_restrictions

RESULTS_PER_PAGE = 10

# What a visitor calls each page type, on results and in the type filter, by
# "app_label.model_name". Types that share a name are one choice of the filter;
# a type not named here goes by its verbose name.
TYPE_LABELS = {
    "coalition_site.homepage": _("Page"),
    "coalition_site.standardpage": _("Page"),
    "coalition_site.formpage": _("Form"),
    "resources.gethelppage": _("Page"),
    "partners.partnerindexpage": _("Page"),
    "partners.partnerpage": _("Partner"),
    "news.newsindexpage": _("Page"),
    "news.newspage": _("News"),
    "podcasts.podcastindexpage": _("Podcast"),
    "podcasts.podcastepisodepage": _("Podcast episode"),
    "resources.resourceindexpage": _("Page"),
    "resources.resourcepage": _("Resource"),
}

# Page types whose results say what kind they are ("Press release", "Event")
# rather than their type's name: the field whose choices name the kind. Each
# kind is a choice of the type filter of its own.
KIND_FIELDS = {"news.newspage": "kind"}


def searchable_types():
    """{model name: model} for every page type a visitor can find."""
    return {
        model._meta.model_name: model
        for model in get_page_models()
        if model is not Page and not model._meta.abstract
    }


def model_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def plain_label(model):
    return TYPE_LABELS.get(model_key(model)) or capfirst(model._meta.verbose_name)


def kind_field(model):
    name = KIND_FIELDS.get(model_key(model))
    return model._meta.get_field(name) if name else None


class ResultType:
    """One choice of the type filter: page types, or one kind of one page type."""

    def __init__(self, value, label, models, kind=None):
        self.value = value
        self.label = label
        self.models = models
        self.kind = kind  # (field name, value) or None

    def filter(self, pages):
        pages = pages.exact_type(*self.models)
        if self.kind is None:
            return pages
        field, value = self.kind
        (model,) = self.models
        # A subquery on ids, which the search backends accept as a filter.
        return pages.filter(pk__in=model.objects.filter(**{field: value}).values("pk"))


def result_types():
    """{?type= value: ResultType}, in the order the filter offers them.

    A value is the label's untranslated slug ("page", "podcast-episode") or a
    kind's value ("press-release"): the same in every language.
    """
    types = {}
    for model in searchable_types().values():
        field = kind_field(model)
        if field is not None:
            for value, label in field.choices:
                types.setdefault(value, ResultType(value, label, [model], (field.name, value)))
            continue
        label = plain_label(model)
        with translation.override(None):
            value = slugify(str(label))
        if value in types:
            types[value].models.append(model)
        else:
            types[value] = ResultType(value, label, [model])
    return types


class TitleFirst:
    """The pages titled as the query, then the search results without them, to paginate.

    Relevance alone can put a page that only mentions a name above the page of
    that name; a reader who types a page's exact title is looking for that page.
    """

    def __init__(self, titled, results):
        self.titled = titled  # a list
        self.results = results  # search results, sliced lazily

    def count(self):
        return len(self.titled) + self.results.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("TitleFirst is read a page at a time, with a slice")
        start, stop = index.start or 0, index.stop
        head = self.titled[start:stop]
        rest_start = max(start - len(self.titled), 0)
        rest_stop = None if stop is None else max(stop - len(self.titled), 0)
        if rest_stop is not None and rest_stop <= rest_start:
            return head
        return head + list(self.results[rest_start:rest_stop])


def active_locale_id():
    """The id of the active language's Locale, or None; one query."""
    try:
        return Locale.objects.get_for_language(translation.get_language()).pk
    except (Locale.DoesNotExist, LookupError):
        return None


class SiteSearch:
    def __init__(self, request):
        self.request = request
        self.query = clean_keyword(request.GET.get("q"))
        self.types = result_types()
        requested = request.GET.get("type", "")
        self.page_type = requested if requested in self.types else ""
        self.failed = False
        self.locale_id = active_locale_id()

    @cached_property
    def promotions(self):
        if not self.query or self.page_type:
            return []
        return [
            promotion
            for promotion in SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(self.query)
            )
            .select_related("page")
            .order_by("sort_order")
            if promotion.page is None
            or (promotion.page.live and self.locale_id in (None, promotion.page.locale_id))
        ]

    @cached_property
    def page_obj(self):
        if not self.query:
            return None
        # Wagtail's `.public()` costs a query of its own; the same test as a subquery
        # on ids is one the search backends accept. Pages stay generic: their
        # summaries are read for the page of results only (`details`).
        public = without_view_restrictions(Page.objects.all()).values("pk")
        pages = Page.objects.live().filter(pk__in=public)
        if self.locale_id is not None:
            # Results in the reader's language only (and one text-search configuration).
            pages = pages.filter(locale_id=self.locale_id)
        if self.page_type:
            pages = self.types[self.page_type].filter(pages)
        promoted = [p.page_id for p in self.promotions if p.page_id]
        if promoted:
            pages = pages.exclude(pk__in=promoted)
        title = " ".join(self.query.split())
        titled = list(pages.filter(title__iexact=title).order_by("depth", "path"))
        if titled:
            pages = pages.exclude(pk__in=[page.pk for page in titled])
        results = TitleFirst(titled, pages.search(self.query, operator="and"))
        try:
            return paginate(self.request, results, RESULTS_PER_PAGE)
        except DatabaseError:
            # A query the full-text engine cannot parse is answered as "no results".
            self.failed = True
            return paginate(self.request, [], RESULTS_PER_PAGE)

    @property
    def result_count(self):
        found = self.page_obj.paginator.count if self.page_obj else 0
        return found + len(self.promotions)

    def type_choices(self):
        return [(value, kind.label) for value, kind in self.types.items()]

    def results(self):
        pages = list(self.page_obj.object_list) if self.page_obj else []
        found = details(pages)
        results = []
        for page in pages:
            summary, kind = found.get(page.pk, ("", ""))
            results.append(
                {
                    "page": page,
                    "label": result_label(page.specific_class, kind),
                    "summary": page.search_description or summary,
                    "date": getattr(page, "listing_date", None) or page.last_published_at,
                }
            )
        return results


def result_label(model, kind=""):
    """ "Page", "Partner", "Press release": what a result is, in plain words."""
    if model is None:
        return ""
    field = kind_field(model)
    if field is not None and kind:
        return dict(field.flatchoices).get(kind, plain_label(model))
    return plain_label(model)


def details(pages):
    """{page id: (summary, kind)} for these pages, whatever their types, in one query."""
    ids_by_model = {}
    for page in pages:
        model = page.specific_class
        if model is not None and any(f.name == "summary" for f in model._meta.concrete_fields):
            ids_by_model.setdefault(model, []).append(page.pk)
    parts = []
    for model, ids in ids_by_model.items():
        field = kind_field(model)
        kind = F(field.name) if field is not None else Value("")
        parts.append(
            model.objects.filter(pk__in=ids)
            .order_by()
            .annotate(result_kind=kind)
            .values_list("pk", "summary", "result_kind")
        )
    if not parts:
        return {}
    rows = parts[0].union(*parts[1:], all=True)
    return {pk: (summary, kind or "") for pk, summary, kind in rows}


HELP_TEXT = _(
    "Search for a partner, a service, news or a resource, for example “shelter”, "
    "“RESET Court” or “signs”."
)
