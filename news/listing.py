"""Which news a visitor sees, and how: the filterable listing, cards, related items."""

import django_filters
from django.db.models import F, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from coalition_site.listing import (
    ListingFilter,
    TermFilter,
    in_reader_language,
    listing_context,
    parent_url,
    visible,
)

from .models import NewsIndexPage, NewsKind, NewsPage, Topic

CARD_IMAGE_FILTER = "fill-640x360|format-webp"
PER_PAGE = 10
RELATED_LIMIT = 3


def published_news(queryset=None):
    """News a visitor may see now, newest first.

    Live and public, and inside its publishing window even before the
    `publish_scheduled` command has caught up with `go_live_at` / `expire_at`.
    """
    now = timezone.now()
    queryset = NewsPage.objects.all() if queryset is None else queryset
    return (
        visible(queryset)
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .order_by("-publication_date", F("first_published_at").desc(nulls_last=True), "-pk")
    )


def news_cards(queryset, topics=True):
    """News ready for cards, in a fixed number of queries however many there are.

    The image comes with the item (select_related) and its card rendition in one
    more query, as `prefetch_renditions` would fetch it. With `topics=False` the
    caller fetches the cards' topics itself (with other items', in one query).
    """
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec=CARD_IMAGE_FILTER)
    )
    prefetches = [
        Prefetch("image__renditions", queryset=renditions, to_attr="prefetched_renditions")
    ]
    return (
        queryset.defer_streamfields()
        .select_related("image")
        .prefetch_related(*prefetches, *(["topics"] if topics else []))
    )


class NewsFilter(ListingFilter):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=NewsKind.choices, empty_label=_("Any")
    )
    topic = TermFilter("topics", Topic, _("Topic"))
    year = django_filters.ChoiceFilter(
        field_name="publication_date",
        lookup_expr="year",
        label=_("Year"),
        empty_label=_("Any"),
        choices=[],
    )

    class Meta:
        model = NewsPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = self.queryset.dates("publication_date", "year", order="DESC")
        self.filters["year"].extra["choices"] = [(str(day.year), str(day.year)) for day in years]


def news_listing(index, request):
    news = published_news(NewsPage.objects.child_of(index))
    return listing_context(request, news, NewsFilter, news_cards, PER_PAGE)


def latest_news(limit):
    """The latest news in the reader's language, for the home page."""
    return in_reader_language(news_cards(published_news()), limit)


def related_news(page, limit=RELATED_LIMIT, topics=None):
    """Up to `limit` other news items sharing a topic with `page`, newest first.

    Pass `topics` when the page's topics are already at hand, to save a query.
    """
    topic_ids = [topic.pk for topic in (page.topics.all() if topics is None else topics)]
    if not topic_ids:
        return []
    sharing_a_topic = NewsPage.objects.filter(topics__in=topic_ids).values("pk")
    others = published_news(NewsPage.objects.filter(pk__in=sharing_a_topic))
    if page.pk:
        others = others.exclude(pk=page.pk)
    return list(news_cards(others)[:limit])


def related_news_and_topics(page, limit=RELATED_LIMIT):
    """(related news, the item's topics) for a saved item: its topics and theirs in one query."""
    chosen = NewsPage.topics.through.objects.filter(newspage_id=page.pk).values("topic_id")
    sharing_a_topic = NewsPage.objects.filter(topics__in=chosen).values("pk")
    others = published_news(NewsPage.objects.filter(pk__in=sharing_a_topic)).exclude(pk=page.pk)
    related = list(news_cards(others, topics=False)[:limit])
    prefetch_related_objects([page, *related], "topics")
    return related, list(page.topics.all())


def detail_context(page, request):
    """What a news item's page shows besides its own fields."""
    if page.pk and not getattr(request, "is_preview", False):
        related, topics = related_news_and_topics(page)
    else:  # a preview: the topics being edited are on the page, not in the database
        topics = list(page.topics.all())
        related = related_news(page, topics=topics)
    return {
        "topics": topics,
        "attachments": list(page.attachments.all().select_related("document")),
        "related_partners": [partner for partner in page.related_partners.all() if partner.live],
        "related_news": related,
        # The item's parent is the news index: its address, without asking the database.
        "news_index_url": parent_url(page.get_url(request)) if page.path else "",
        "press_room": press_room_of(page) if page.is_press_release else None,
    }


def press_room_of(page):
    """The news index above `page`, whose media contact and boilerplate a press release shows."""
    if not page.path:
        return None
    return NewsIndexPage.objects.filter(path=page.path[: -page.steplen]).first()


def news_naming_partner(partner, limit=5):
    """The latest news items that name `partner`, for its page."""
    return list(published_news(partner.news_items.all()).defer_streamfields()[:limit])
