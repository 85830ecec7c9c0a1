"""The partner directory's filters: a keyword, the sector, services, people, languages, areas."""

import django_filters
from django.utils.translation import gettext_lazy as _

from coalition_site.listing import ListingFilter, TermFilter

from .choices import Sector


class PartnerFilter(ListingFilter):
    sector = django_filters.ChoiceFilter(
        label=_("Sector"), choices=Sector.choices, empty_label=_("Any")
    )
    service = TermFilter("services", "partners.Service", _("Service"))
    population = TermFilter("populations", "partners.Population", _("Population served"))
    language = TermFilter("languages", "coalition_site.Language", _("Language spoken"))
    area = TermFilter("service_areas", "partners.ServiceArea", _("Service area"))
    keyword_fields = ("title", "summary", "services__name")
