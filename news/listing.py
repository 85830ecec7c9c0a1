"""Which news a visitor sees, and how: the filterable listing, cards, related items."""

import django_filters
from django import forms
from django.db.models import F, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from coalition_site.listing import (
    IGNORED_FILTERS_MESSAGE,
    KEYWORD_MAX_LENGTH,
    clean_keyword,
    paginate,
    parent_url,
    querystring_without_page,
    term_choices,
    without_view_restrictions,
)

from .models import NewsKind, NewsPage, Topic

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
        without_view_restrictions(queryset.live())
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


class NewsFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Keyword"),
        method="filter_keyword",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": KEYWORD_MAX_LENGTH}),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=NewsKind.choices, empty_label=_("Any")
    )
    # By slug, among the topics of the reader's language: a translated topic keeps its slug.
    topic = django_filters.ChoiceFilter(
        field_name="topics__slug", label=_("Topic"), empty_label=_("Any")
    )
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

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["year"].extra["choices"] = [(str(year), str(year)) for year in years]
        self.filters["topic"].extra["choices"] = term_choices({"topic": Topic})["topic"]

    def filter_keyword(self, queryset, name, value):
        keyword = clean_keyword(value)
        if not keyword:
            return queryset
        return queryset.filter(Q(title__icontains=keyword) | Q(summary__icontains=keyword))


def without_nul_bytes(querydict):
    """A copy of the query string with NUL bytes taken out of every value.

    PostgreSQL refuses them in any text it is asked to compare.
    """
    data = querydict.copy()
    for key in list(data.keys()):
        data.setlist(key, [value.replace("\x00", "") for value in data.getlist(key)])
    return data


def news_listing_context(index, request):
    news = published_news(NewsPage.objects.child_of(index))
    years = [day.year for day in news.dates("publication_date", "year", order="DESC")]
    data = without_nul_bytes(request.GET)
    data.pop("page", None)
    if "q" in data:
        data["q"] = clean_keyword(data["q"])
    filters = NewsFilter(data or None, queryset=news, years=years)
    results = filters.qs if filters.is_bound else news
    page_obj = paginate(request, news_cards(results), per_page=PER_PAGE)
    return {
        "filters": filters,
        "page_obj": page_obj,
        "news_items": page_obj.object_list,
        "result_count": page_obj.paginator.count,
        "is_filtered": filters.is_bound and any(v for v in data.values()),
        "ignored_filters_message": IGNORED_FILTERS_MESSAGE if filters.errors else "",
        "querystring": querystring_without_page(request),
    }


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
    from .models import NewsIndexPage

    if not page.path:
        return None
    return NewsIndexPage.objects.filter(path=page.path[: -page.steplen]).first()


def news_naming_partner(partner, limit=5):
    """The latest news items that name `partner`, for its page."""
    return list(published_news(partner.news_items.all()).defer_streamfields()[:limit])
