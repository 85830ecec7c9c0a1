"""Site search: every public page type, labelled, filterable by type, with editors' picks.

Search terms are never stored: a person at risk may be the one searching.
"""

from django.db import DatabaseError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search.utils import normalise_query_string

from .listing import clean_keyword, paginate

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
            if promotion.page is None or promotion.page.live
        ]

    @cached_property
    def page_obj(self):
        if not self.query:
            return None
        pages = Page.objects.live().public().specific()
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
        return [
            {
                "page": page,
                "label": type_label(page),
                "summary": getattr(page, "meta_description", "") or page.search_description,
                "date": getattr(page, "listing_date", None) or page.last_published_at,
            }
            for page in (self.page_obj.object_list if self.page_obj else [])
        ]


HELP_TEXT = _(
    "Search for a partner, a service, news or a resource, for example “shelter”, "
    "“RESET Court” or “signs”."
)
