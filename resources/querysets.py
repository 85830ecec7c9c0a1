"""How the library's resources are fetched for cards."""

from coalition_site.listing import ListingQuerySet


class ResourcePageQuerySet(ListingQuerySet):
    def cards(self):
        """Resources ready for cards, in a fixed number of queries however many there are."""
        return (
            self.select_related("document")
            .prefetch_related("audiences", "languages")
            .defer_streamfields()
            .order_by("title")
        )
