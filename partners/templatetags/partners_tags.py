from django import template

from coalition_site.listing import stand_in_language
from partners.models import PartnerPage

register = template.Library()


@register.inclusion_tag("partners/featured_partners.html")
def featured_partners(limit=4):
    """The partners editors chose for the home page, in its language; nothing when none."""
    partners = PartnerPage.objects.featured().cards().in_reader_language(limit)
    return {"partners": partners, "lang": stand_in_language(partners)}
