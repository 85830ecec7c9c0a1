"""The show page's episode list, and the latest episode for the home page."""

from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Length, Substr
from wagtail.images import get_image_model

from coalition_site.listing import in_reader_language, listing_context, visible

from .models import PodcastEpisodePage, PodcastIndexPage

EPISODE_IMAGE_FILTER = "fill-320x180|format-webp"
EPISODES_PER_PAGE = 12


def episode_cards(queryset):
    """Episodes ready for cards, newest first, in a fixed number of queries.

    Card images come with the episodes (a join) and their renditions in one more
    query. The long text fields are left out; `has_transcript` says whether there is one.
    """
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec=EPISODE_IMAGE_FILTER)
    )
    return (
        queryset.select_related("audio", "listing_image")
        .prefetch_related(
            Prefetch(
                "listing_image__renditions", queryset=renditions, to_attr="prefetched_renditions"
            )
        )
        .annotate(has_transcript=ExpressionWrapper(~Q(transcript=""), output_field=BooleanField()))
        .defer("transcript", "show_notes")
        .order_by("-publication_date", "-pk")
    )


def show_listing(show, request):
    context = listing_context(
        request,
        visible(PodcastEpisodePage.objects.child_of(show)),
        None,
        episode_cards,
        EPISODES_PER_PAGE,
    )
    context["feed_address"] = request.build_absolute_uri(show.feed_url)
    return context


def latest_episode():
    """The most recent published episode of any show in the reader's language, or None.

    The show's title comes with it as `show_title` (a subquery of the same query).
    """
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - PodcastIndexPage.steplen)
    show_title = PodcastIndexPage.objects.filter(path=parent_path).values("title")[:1]
    episodes = episode_cards(visible(PodcastEpisodePage.objects.all()))
    found = in_reader_language(episodes.annotate(show_title=Subquery(show_title)), 1)
    return found[0] if found else None
