"""The resource library's filters and cards."""

import django_filters
from django.utils.translation import gettext_lazy as _

from coalition_site.listing import ListingFilter, TermFilter, listing_context, visible
from coalition_site.models import Language

from .models import Audience, ResourcePage, ResourceType, Topic

PER_PAGE = 24


class ResourceFilter(ListingFilter):
    audience = TermFilter("audiences", Audience, _("For"))
    topic = TermFilter("topics", Topic, _("Topic"))
    type = django_filters.ChoiceFilter(
        field_name="resource_type",
        label=_("Type"),
        choices=ResourceType.choices,
        empty_label=_("Any"),
    )
    language = TermFilter("languages", Language, _("Language"))
    keyword_fields = ("title", "summary", "topics__name", "audiences__name")

    class Meta:
        model = ResourcePage
        fields = []


def resource_cards(queryset):
    """Resources ready for cards, in a fixed number of queries however many there are."""
    return (
        queryset.select_related("document")
        .prefetch_related("audiences", "languages")
        .defer_streamfields()
        .order_by("title")
    )


def library_listing(library, request):
    resources = visible(ResourcePage.objects.child_of(library))
    return listing_context(request, resources, ResourceFilter, resource_cards, PER_PAGE)
