"""The resource library's filters: a keyword, audience, topic, type and language."""

import django_filters
from django.utils.translation import gettext_lazy as _

from coalition_site.listing import ListingFilter, TermFilter

from .choices import ResourceType


class ResourceFilter(ListingFilter):
    audience = TermFilter("audiences", "resources.Audience", _("For"))
    topic = TermFilter("topics", "resources.Topic", _("Topic"))
    type = django_filters.ChoiceFilter(
        field_name="resource_type",
        label=_("Type"),
        choices=ResourceType.choices,
        empty_label=_("Any"),
    )
    language = TermFilter("languages", "coalition_site.Language", _("Language"))
    keyword_fields = ("title", "summary", "topics__name", "audiences__name")
