"""RSS 2.0 and Atom feeds of the news: everything, or one kind (press releases for the press)."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from coalition_site.feeds import AtomFeed, RssFeed
from languages.i18n import site_homes

from .models import NewsIndexPage, NewsKind, NewsPage

FEED_LIMIT = 30

FEED_TITLES = {
    None: _("News"),
    NewsKind.PRESS_RELEASE: _("Press releases"),
    NewsKind.ANNOUNCEMENT: _("Announcements"),
    NewsKind.EVENT: _("Events"),
    NewsKind.IN_THE_NEWS: _("In the news"),
}


@dataclass
class FeedScope:
    """What one request asks of a feed (feed objects are shared between requests)."""

    request: HttpRequest
    site: Site
    kind: str | None
    home: object = None  # the home page in the feed's language


def publication_datetime(item):
    """When the item was published, as readers know it: its publication date.

    The time of first publication is kept when it falls on that date, so items
    of the same day keep their order.
    """
    published = item.first_published_at
    if published and timezone.localdate(published) == item.publication_date:
        return published
    return timezone.make_aware(datetime.datetime.combine(item.publication_date, datetime.time()))


def tag_uri(item, hostname):
    """A permanent id (RFC 4151) that survives changes of title, slug or host name."""
    first = item.first_published_at
    day = timezone.localdate(first) if first else item.publication_date
    return f"tag:{hostname},{day.isoformat()}:news/{item.pk}"


class NewsRssFeed(Feed):
    feed_type = RssFeed
    item_guid_is_permalink = False

    def get_object(self, request, kind=None, language=None):
        if kind is not None and kind not in NewsKind.values:
            raise Http404("No such kind of news.")
        site = Site.find_for_request(request)
        if site is None:
            raise Http404("No site here.")
        home = site.root_page
        if language is not None and language != settings.LANGUAGE_CODE:
            homes = site_homes(request)
            if language not in homes:
                raise Http404("No news in this language.")
            home = homes[language]
            # Titles and categories in the feed's language.
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return FeedScope(request=request, site=site, kind=kind, home=home)

    def title(self, scope):
        return f"{settings.WAGTAIL_SITE_NAME}: {FEED_TITLES[scope.kind]}"

    def description(self, scope):
        if scope.kind:
            return _(
                "%(kind)s from %(site)s, the Sacramento County coalition against human trafficking."
            ) % {
                "kind": FEED_TITLES[scope.kind],
                "site": settings.WAGTAIL_SITE_NAME,
            }
        return _(
            "Press releases, announcements and events from %(site)s, "
            "the Sacramento County coalition against human trafficking."
        ) % {"site": settings.WAGTAIL_SITE_NAME}

    subtitle = description  # Atom's name for it

    def link(self, scope):
        index = NewsIndexPage.objects.live().descendant_of(scope.home).first()
        page = index or scope.home
        return page.get_full_url(scope.request)

    def feed_url(self, scope):
        # The same host as the links, which come from the site's settings.
        return scope.site.root_url + scope.request.path

    def feed_guid(self, scope):
        # Atom's feed id: each feed its own (language, kind and format), never
        # the news page that all of them link to.
        return self.feed_url(scope)

    def author_name(self, scope):
        # Atom needs an author for the feed or for every entry: the coalition.
        return settings.WAGTAIL_SITE_NAME

    def items(self, scope):
        news = NewsPage.objects.descendant_of(scope.home).published()
        if scope.kind:
            news = news.filter(kind=scope.kind)
        items = list(news.defer_streamfields().prefetch_related("topics")[:FEED_LIMIT])
        for item in items:
            # Items are all the per-item methods receive; give them what they need.
            item.feed_link = item.get_full_url(scope.request)
            item.feed_guid = tag_uri(item, scope.site.hostname)
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description

    def item_link(self, item):
        return item.feed_link

    def item_guid(self, item):
        return item.feed_guid

    def item_pubdate(self, item):
        return publication_datetime(item)

    def item_updateddate(self, item):
        return item.last_published_at or publication_datetime(item)

    def item_categories(self, item):
        return [str(item.get_kind_display())] + [topic.name for topic in item.topics.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = AtomFeed


def feed_address(name, kind=None):
    """The address of a news feed ("rss" or "atom") in the active language."""
    language = translation.get_language()
    args = [kind] if kind else []
    prefix = "kind-" if kind else ""
    if language and language != settings.LANGUAGE_CODE:
        return reverse(f"news:language-{prefix}{name}", args=[language, *args])
    return reverse(f"news:{prefix}{name}", args=args)
