"""The partner directory's filters and cards; the featured partners of the home page."""

import django_filters
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from coalition_site.listing import (
    ListingFilter,
    TermFilter,
    in_reader_language,
    listing_context,
    visible,
)
from coalition_site.models import Language

from .models import SURVIVOR_FIRST, PartnerPage, Population, Sector, Service, ServiceArea

# Must match the {% image %} tag in partners/partner_card.html.
LOGO_FILTER = "max-160x160|format-webp"
PER_PAGE = 24


class PartnerFilter(ListingFilter):
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("Any")
    )
    service = TermFilter("services", Service, _("Service"))
    population = TermFilter("populations", Population, _("Population served"))
    language = TermFilter("languages", Language, _("Language spoken"))
    area = TermFilter("service_areas", ServiceArea, _("Service area"))
    keyword_fields = ("title", "summary", "services__name")

    class Meta:
        model = PartnerPage
        fields = []


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


def directory_listing(directory, request):
    partners = visible(PartnerPage.objects.child_of(directory))
    return listing_context(request, partners, PartnerFilter, partner_cards, PER_PAGE)


def featured_partners(limit):
    """The partners editors chose for the home page, in the reader's language."""
    return in_reader_language(
        partner_cards(visible(PartnerPage.objects.filter(featured=True))), limit
    )
