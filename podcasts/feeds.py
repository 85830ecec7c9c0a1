"""A show's podcast feed: RSS 2.0 with the iTunes tags that podcast apps read,
and the Podcast Index namespace (show guid, transcripts, lock)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Enclosure
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.rich_text import expand_db_html

from coalition_site.feeds import RssFeed

from .audio import FEED_AUDIO_TYPES
from .models import ARTWORK_FEED_FILTER, PodcastEpisodePage, PodcastIndexPage

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
FEED_EPISODE_LIMIT = 300


def yes_no(value):
    return "true" if value else "false"


def yes_no_word(value):
    return "yes" if value else "no"


class PodcastRssFeed(RssFeed):
    """RSS 2.0 plus the `itunes:` and `podcast:` namespaces and their elements."""

    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        attributes = super().rss_attributes()
        attributes["xmlns:itunes"] = ITUNES_NS
        attributes["xmlns:podcast"] = PODCAST_NS
        return attributes

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        if feed.get("itunes_image"):
            handler.addQuickElement("itunes:image", attrs={"href": feed["itunes_image"]})
        handler.startElement("itunes:category", {"text": feed["itunes_category"]})
        if feed.get("itunes_subcategory"):
            handler.addQuickElement("itunes:category", attrs={"text": feed["itunes_subcategory"]})
        handler.endElement("itunes:category")
        handler.addQuickElement("itunes:explicit", yes_no(feed["itunes_explicit"]))
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", feed["itunes_owner_name"])
        handler.addQuickElement("itunes:email", feed["itunes_owner_email"])
        handler.endElement("itunes:owner")
        handler.addQuickElement("itunes:type", "episodic")
        if feed.get("podcast_guid"):
            handler.addQuickElement("podcast:guid", str(feed["podcast_guid"]))
        handler.addQuickElement(
            "podcast:locked",
            yes_no_word(feed["podcast_locked"]),
            attrs={"owner": feed["itunes_owner_email"]} if feed["itunes_owner_email"] else {},
        )

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("itunes_duration") is not None:
            handler.addQuickElement("itunes:duration", str(item["itunes_duration"]))
        if item.get("itunes_episode"):
            handler.addQuickElement("itunes:episode", str(item["itunes_episode"]))
        if item.get("itunes_season"):
            handler.addQuickElement("itunes:season", str(item["itunes_season"]))
        handler.addQuickElement("itunes:episodeType", item["itunes_episode_type"])
        handler.addQuickElement("itunes:explicit", yes_no(item["itunes_explicit"]))
        if item.get("transcript_url"):
            attrs = {"url": item["transcript_url"], "type": "text/html"}
            if item.get("transcript_language"):
                attrs["language"] = item["transcript_language"]
            handler.addQuickElement("podcast:transcript", attrs=attrs)


class PodcastFeed(Feed):
    feed_type = PodcastRssFeed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=900"
        return response

    def get_object(self, request, show_id):
        return get_object_or_404(
            PodcastIndexPage.objects.live().public().select_related("artwork"), pk=show_id
        )

    def get_feed(self, obj, request):
        self.show = obj  # for the items' transcript language
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language
        return feed

    def title(self, show):
        return show.title

    def link(self, show):
        return show.get_url(request=self.request)

    def description(self, show):
        return show.description

    def feed_copyright(self, show):
        return show.copyright or None

    def author_name(self, show):
        return show.author

    def feed_extra_kwargs(self, show):
        image_url = None
        if show.artwork:
            rendition = show.artwork.get_rendition(ARTWORK_FEED_FILTER)
            image_url = self.request.build_absolute_uri(rendition.url)
        return {
            "itunes_image": image_url,
            "itunes_category": show.category,
            "itunes_subcategory": show.subcategory,
            "itunes_explicit": show.explicit,
            "itunes_author": show.author,
            "itunes_owner_name": show.owner_name,
            "itunes_owner_email": show.owner_email,
            "podcast_guid": show.get_podcast_guid(),
            "podcast_locked": show.podcast_locked,
        }

    def items(self, show):
        """Published episodes with audio podcast apps take; the others are on the site only."""
        return (
            PodcastEpisodePage.objects.child_of(show)
            .live()
            .public()
            .filter(audio__isnull=False, audio__mime_type__in=FEED_AUDIO_TYPES)
            .select_related("audio")
            .order_by("-publication_date", "-pk")[:FEED_EPISODE_LIMIT]
        )

    def item_title(self, episode):
        return episode.title

    def item_link(self, episode):
        return episode.get_url(request=self.request)

    def item_description(self, episode):
        if episode.summary:
            return episode.summary
        notes = strip_tags(expand_db_html(episode.show_notes)).strip()
        return Truncator(notes).words(80) or episode.title

    def item_guid(self, episode):
        return str(episode.guid)

    def item_guid_is_permalink(self, episode):
        return False

    def item_pubdate(self, episode):
        return episode.publication_date

    def item_enclosures(self, episode):
        audio = episode.audio
        return [
            Enclosure(
                url=self.request.build_absolute_uri(audio.url),
                length=str(audio.file_size or 0),
                mime_type=audio.mime_type,
            )
        ]

    def item_extra_kwargs(self, episode):
        transcript_url = None
        if episode.transcript:
            transcript_url = self.request.build_absolute_uri(episode.transcript_url)
        return {
            "transcript_url": transcript_url,
            "transcript_language": self.show.language,
            "itunes_duration": episode.audio.duration_seconds,
            "itunes_episode": episode.episode_number,
            "itunes_season": episode.season_number,
            "itunes_episode_type": episode.episode_type,
            "itunes_explicit": episode.explicit,
        }
