"""The news listing's filters: a keyword, the kind, a topic, the year."""

import django_filters
from django.utils.translation import gettext_lazy as _

from coalition_site.listing import ListingFilter, TermFilter

from .choices import NewsKind


class NewsFilter(ListingFilter):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=NewsKind.choices, empty_label=_("Any")
    )
    topic = TermFilter("topics", "news.Topic", _("Topic"))
    year = django_filters.ChoiceFilter(
        field_name="publication_date",
        lookup_expr="year",
        label=_("Year"),
        empty_label=_("Any"),
        choices=[],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = self.queryset.dates("publication_date", "year", order="DESC")
        self.filters["year"].extra["choices"] = [(str(day.year), str(day.year)) for day in years]
