"""Site search: every public page type, labelled, filterable by type, with editors' picks.

Search terms are never stored: a person at risk may be the one searching.
"""

from django.db import DatabaseError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from .i18n import active_locale_id
from .listing import clean_keyword, paginate, without_view_restrictions

RESULTS_PER_PAGE = 10


def searchable_types():
    """{model name: model} for every page type a visitor can find."""
    return {
        model._meta.model_name: model
        for model in get_page_models()
        if model is not Page and not model._meta.abstract
    }


def type_label(page):
    return page.specific_class._meta.verbose_name.capitalize() if page.specific_class else ""


class SiteSearch:
    def __init__(self, request):
        self.request = request
        self.query = clean_keyword(request.GET.get("q"))
        self.types = searchable_types()
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
        # summaries are read for the page of results only (`summaries`).
        public = without_view_restrictions(Page.objects.all()).values("pk")
        pages = Page.objects.live().filter(pk__in=public)
        if self.locale_id is not None:
            # Results in the reader's language only (and one text-search configuration).
            pages = pages.filter(locale_id=self.locale_id)
        if self.page_type:
            pages = pages.exact_type(self.types[self.page_type])
        promoted = [p.page_id for p in self.promotions if p.page_id]
        if promoted:
            pages = pages.exclude(pk__in=promoted)
        results = pages.search(self.query, operator="and")
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
        return sorted(
            ((name, model._meta.verbose_name.capitalize()) for name, model in self.types.items()),
            key=lambda choice: choice[1],
        )

    def results(self):
        pages = list(self.page_obj.object_list) if self.page_obj else []
        found = summaries(pages)
        return [
            {
                "page": page,
                "label": type_label(page),
                "summary": page.search_description or found.get(page.pk, ""),
                "date": getattr(page, "listing_date", None) or page.last_published_at,
            }
            for page in pages
        ]


def summaries(pages):
    """{page id: summary} for these pages, whatever their types, in one query."""
    ids_by_model = {}
    for page in pages:
        model = page.specific_class
        if model is not None and any(f.name == "summary" for f in model._meta.concrete_fields):
            ids_by_model.setdefault(model, []).append(page.pk)
    parts = [
        model.objects.filter(pk__in=ids).order_by().values_list("pk", "summary")
        for model, ids in ids_by_model.items()
    ]
    if not parts:
        return {}
    return dict(parts[0].union(*parts[1:], all=True))


HELP_TEXT = _(
    "Search for a partner, a service, news or a resource, for example “shelter”, "
    "“RESET Court” or “signs”."
)
