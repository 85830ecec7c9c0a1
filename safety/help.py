"""The Get help page's list: partners open 24 hours a day that have a phone number.

Read live from the partner directory at every request, so a partner that stops
answering at night disappears from the page as soon as its profile is published.
"""

from django.db.models import Prefetch

from coalition_site.listing import without_view_restrictions
from partners.models import PartnerIndexPage, PartnerPage, Service


def help_partners(within_path=""):
    """Live, public partners under `within_path` that someone can call day and night.

    Only partners marked open 24 hours that give a phone number: a page that
    promises help "day and night" must not list an office that closes, or one
    nobody can call. A fixed number of queries however many partners there
    are; each partner carries its emergency services in `emergency_services`.
    """
    emergency = Service.objects.filter(emergency=True)
    return (
        without_view_restrictions(PartnerPage.objects.live())
        .filter(path__startswith=within_path, open_24_7=True)
        .exclude(phone="")
        .defer_streamfields()
        .prefetch_related(
            Prefetch("services", queryset=emergency, to_attr="emergency_services"),
            "languages",
        )
        .order_by("title")
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
