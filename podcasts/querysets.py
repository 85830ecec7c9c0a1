"""How a show's episodes are fetched for cards, and the latest episode for the home page."""

from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from coalition_site.listing import ListingQuerySet

# Must match the {% image %} tag in podcasts/episode_card.html.
EPISODE_IMAGE_FILTER = "fill-320x180|format-webp"


class PodcastEpisodePageQuerySet(ListingQuerySet):
    def cards(self):
        """Episodes ready for cards, newest first, in a fixed number of queries.

        Card images come with the episodes (a join) and their renditions in one more
        query. The long text fields are left out; `has_transcript` says whether there is one.
        """
        return (
            self.with_rendition("listing_image", EPISODE_IMAGE_FILTER)
            .select_related("audio")
            .annotate(
                has_transcript=ExpressionWrapper(~Q(transcript=""), output_field=BooleanField())
            )
            .defer("transcript", "show_notes")
            .order_by("-publication_date", "-pk")
        )

    def with_show_title(self):
        """Each episode with its show's title as `show_title` (a subquery of the same query)."""
        parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        return self.annotate(
            show_title=Subquery(Page.objects.filter(path=parent_path).values("title")[:1])
        )

    def newest(self):
        """The most recent episode a visitor may see, of any show, in the reader's language.

        None while there is none. The show's title comes with it (`show_title`).
        """
        found = self.visible().cards().with_show_title().in_reader_language(1)
        return found[0] if found else None
