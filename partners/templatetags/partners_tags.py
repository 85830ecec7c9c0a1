from django import template

from coalition_site.listing import without_view_restrictions
from partners.listing import partner_cards
from partners.models import PartnerPage

register = template.Library()


@register.inclusion_tag("partners/featured_partners.html")
def featured_partners(limit=4):
    """The partners editors chose for the home page; renders nothing when there are none."""
    public = without_view_restrictions(PartnerPage.objects.live())
    partners = partner_cards(public.filter(featured=True))
    return {"partners": list(partners[:limit])}
