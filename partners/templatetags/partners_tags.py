from django import template

from coalition_site.listing import without_view_restrictions
from partners.listing import partner_cards
from partners.models import PartnerPage

register = template.Library()


@register.inclusion_tag("partners/featured_partners.html", takes_context=True)
def featured_partners(context, limit=4):
    """The partners editors chose for the home page, in its language; nothing when none."""
    public = without_view_restrictions(PartnerPage.objects.descendant_of(context["page"]).live())
    partners = partner_cards(public.filter(featured=True))
    return {"partners": list(partners[:limit])}
