"""The show page's episode list, and the latest episode for the home page."""

from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Length, Substr
from wagtail.images import get_image_model

from coalition_site.listing import paginate, without_view_restrictions

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


def show_episodes(show):
    """The published episodes of a show a visitor is looking at.

    The visitor has passed any view restriction on the show and above it, so only
    restrictions on the episodes themselves (which have no children) still apply:
    a join does the work of `.public()` without its extra query.
    """
    return PodcastEpisodePage.objects.child_of(show).live().filter(view_restrictions__isnull=True)


def show_context(show, request):
    page_obj = paginate(request, episode_cards(show_episodes(show)), per_page=EPISODES_PER_PAGE)
    return {
        "page_obj": page_obj,
        "episodes": page_obj.object_list,
        "episode_count": page_obj.paginator.count,
        "feed_address": request.build_absolute_uri(show.feed_url),
    }


def latest_episode(home):
    """The most recent published episode of any show below `home`, or None.

    The show's title comes with it as `show_title` (a subquery of the same query).
    """
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - PodcastIndexPage.steplen)
    show_title = PodcastIndexPage.objects.filter(path=parent_path).values("title")[:1]
    episodes = without_view_restrictions(PodcastEpisodePage.objects.descendant_of(home).live())
    return episode_cards(episodes).annotate(show_title=Subquery(show_title)).first()
