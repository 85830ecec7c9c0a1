from django import template

from partners.listing import partner_cards
from partners.models import PartnerPage

register = template.Library()


@register.inclusion_tag("partners/featured_partners.html")
def featured_partners(limit=4):
    """The partners editors chose for the home page; renders nothing when there are none."""
    partners = partner_cards(PartnerPage.objects.live().public().filter(featured=True))
    return {"partners": list(partners[:limit])}
