"""The Get help page's list: partners open 24/7 or offering an emergency service.

Read live from the partner directory at every request, so a partner that stops
answering at night disappears from the page as soon as its profile is published.
"""

from django.db.models import Prefetch, Q

from coalition_site.listing import without_view_restrictions
from partners.models import PartnerIndexPage, PartnerPage, Service


def help_partners(within_path=""):
    """Live, public partners under `within_path` that help day and night or in an emergency.

    A fixed number of queries however many partners there are; each partner
    carries its emergency services in `emergency_services`.
    """
    emergency = Service.objects.filter(emergency=True)
    offering_emergency = PartnerPage.objects.filter(services__in=emergency).values("pk")
    return (
        without_view_restrictions(PartnerPage.objects.live())
        .filter(path__startswith=within_path)
        .filter(Q(open_24_7=True) | Q(pk__in=offering_emergency))
        .defer_streamfields()
        .prefetch_related(
            Prefetch("services", queryset=emergency, to_attr="emergency_services"),
            "languages",
        )
        .order_by("-open_24_7", "title")
    )


def site_root_path(page):
    """The tree path of `page`'s parent (the home page), without a query."""
    return page.path[: -page.steplen] if page.depth > 1 else page.path


def help_context(page):
    root_path = site_root_path(page)
    return {
        "help_partners": list(help_partners(root_path)),
        "partner_directory": PartnerIndexPage.objects.live()
        .filter(path__startswith=root_path)
        .first(),
    }
