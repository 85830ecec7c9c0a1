"""Which partners the directory and the home page show, and how they are fetched for cards."""

from django.db.models import Case, IntegerField, Value, When

from coalition_site.listing import ListingQuerySet

from .choices import SURVIVOR_FIRST

# Must match the {% image %} tag in partners/partner_card.html.
LOGO_FILTER = "max-160x160|format-webp"

SECTOR_RANK = Case(
    *(When(sector=sector, then=Value(rank)) for rank, sector in enumerate(SURVIVOR_FIRST)),
    default=Value(len(SURVIVOR_FIRST)),
    output_field=IntegerField(),
)


class PartnerPageQuerySet(ListingQuerySet):
    def featured(self):
        """The partners editors chose for the home page that a visitor may see."""
        return self.visible().filter(featured=True)

    def cards(self):
        """Partners ready for cards, survivor services first, in a fixed number of queries.

        Logos come with the partners (a join) and their card renditions in one more query.
        """
        return (
            self.with_rendition("logo", LOGO_FILTER)
            .prefetch_related("services", "languages")
            .alias(sector_rank=SECTOR_RANK)
            .order_by("sector_rank", "title")
        )
