"""The partner directory's filters and query."""

import django_filters
from django import forms
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from coalition_site.listing import (
    IGNORED_FILTERS_MESSAGE,
    KEYWORD_MAX_LENGTH,
    clean_keyword,
    paginate,
    querystring_without_page,
    term_choices,
    without_view_restrictions,
)
from coalition_site.models import Language

from .models import SURVIVOR_FIRST, PartnerPage, Population, Sector, Service, ServiceArea

# Must match the {% image %} tag in partners/partner_card.html.
LOGO_FILTER = "max-160x160|format-webp"


# The managed lists the directory filters by, read together in one query.
TERM_FILTERS = {
    "service": Service,
    "population": Population,
    "language": Language,
    "area": ServiceArea,
}


def term_filter(field_name, label):
    """A select of one managed-list term, named in the URL by its slug.

    Its choices are set when the filter set is made, from one query for all lists.
    """
    return django_filters.ChoiceFilter(
        field_name=f"{field_name}__slug", label=label, empty_label=_("Any")
    )


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Keyword"),
        method="filter_keyword",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": KEYWORD_MAX_LENGTH}),
    )
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("Any")
    )
    service = term_filter("services", _("Service"))
    population = term_filter("populations", _("Population served"))
    language = term_filter("languages", _("Language spoken"))
    area = term_filter("service_areas", _("Service area"))

    class Meta:
        model = PartnerPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = term_choices(TERM_FILTERS)
        for name in TERM_FILTERS:
            self.filters[name].extra["choices"] = choices[name]

    def filter_keyword(self, queryset, name, value):
        keyword = clean_keyword(value)
        if not keyword:
            return queryset
        matching = PartnerPage.objects.filter(
            Q(title__icontains=keyword)
            | Q(summary__icontains=keyword)
            | Q(services__name__icontains=keyword)
        ).values("pk")
        return queryset.filter(pk__in=matching)


SECTOR_RANK = Case(
    *(When(sector=sector, then=Value(rank)) for rank, sector in enumerate(SURVIVOR_FIRST)),
    default=Value(len(SURVIVOR_FIRST)),
    output_field=IntegerField(),
)


def partner_cards(queryset):
    """Partners ready for cards, survivor services first, in a fixed number of queries.

    Logos come with the partners (a join) and their card renditions in one more query.
    """
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec=LOGO_FILTER)
    return (
        queryset.select_related("logo")
        .prefetch_related(
            Prefetch("logo__renditions", queryset=renditions, to_attr="prefetched_renditions"),
            "services",
            "languages",
        )
        .alias(sector_rank=SECTOR_RANK)
        .order_by("sector_rank", "title")
    )


def directory_context(directory, request):
    partners = without_view_restrictions(PartnerPage.objects.child_of(directory).live())
    data = request.GET.copy()
    data.pop("page", None)
    if "q" in data:
        data["q"] = clean_keyword(data["q"])
    filters = PartnerFilter(data or None, queryset=partners)
    results = filters.qs if filters.is_bound else partners
    page_obj = paginate(request, partner_cards(results), per_page=24)
    return {
        "filters": filters,
        "page_obj": page_obj,
        "partners": page_obj.object_list,
        "result_count": page_obj.paginator.count,
        "is_filtered": filters.is_bound and any(v for v in data.values()),
        "ignored_filters_message": IGNORED_FILTERS_MESSAGE if filters.errors else "",
        "querystring": querystring_without_page(request),
    }
