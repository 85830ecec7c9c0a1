"""Which news items a visitor sees, and how they are fetched for cards."""

from django.db.models import F, Q
from django.utils import timezone

from coalition_site.listing import ListingQuerySet

# Must match the {% image %} tag in news/news_card.html.
CARD_IMAGE_FILTER = "fill-640x360|format-webp"


class NewsPageQuerySet(ListingQuerySet):
    def published(self):
        """News a visitor may see now, newest first.

        Live and public, and inside its publishing window even before the
        `publish_scheduled` command has caught up with `go_live_at` / `expire_at`.
        """
        now = timezone.now()
        return (
            self.visible()
            .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
            .order_by("-publication_date", F("first_published_at").desc(nulls_last=True), "-pk")
        )

    def cards(self, topics=True):
        """News ready for cards, in a fixed number of queries however many there are.

        The image comes with the item (select_related) and its card rendition in one
        more query, as `prefetch_renditions` would fetch it. With `topics=False` the
        caller fetches the cards' topics itself (with other items', in one query).
        """
        cards = self.defer_streamfields().with_rendition("image", CARD_IMAGE_FILTER)
        return cards.prefetch_related("topics") if topics else cards

    def related_to(self, item, topics=None):
        """Published items other than `item` sharing a topic with it, newest first.

        `topics` are the item's topics when they are at hand (in a preview, the
        ones being edited); without them, the item's saved topics are read
        inside the same query.
        """
        if topics is None:
            chosen = self.model.topics.through.objects.filter(newspage_id=item.pk)
            topics = chosen.values("topic_id")
        else:
            topics = [topic.pk for topic in topics]
        sharing = self.model.objects.filter(topics__in=topics).values("pk")
        related = self.filter(pk__in=sharing).published()
        return related.exclude(pk=item.pk) if item.pk else related
