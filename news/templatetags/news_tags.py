from django import template
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from coalition_site.listing import parent_url, stand_in_language
from news.feeds import feed_address
from news.models import NewsKind, NewsPage

register = template.Library()


@register.inclusion_tag("news/latest_news.html", takes_context=True)
def latest_news(context, limit=3):
    """The latest news in the home page's language; nothing while there is none."""
    request = context.get("request")
    items = NewsPage.objects.published().cards().in_reader_language(limit)
    return {
        "items": items,
        # A news item's parent is the news index: its address comes without a query.
        "news_index_url": parent_url(items[0].get_url(request)) if items else "",
        "request": request,
        "lang": stand_in_language(items),
    }


@register.inclusion_tag("news/partner_news.html", takes_context=True)
def news_naming_partner(context, partner, limit=5):
    """The latest news that names `partner`, for its page; nothing while there is none."""
    items = partner.news_items.published().defer_streamfields()[:limit]
    return {"items": list(items), "request": context.get("request")}


@register.inclusion_tag("news/feed_links.html")
def news_feed_links():
    """<link rel="alternate"> to the news feeds in the reader's language. No database query."""
    site = settings.WAGTAIL_SITE_NAME
    return {
        "feeds": [
            ("application/rss+xml", f"{site}: {_('News')}", feed_address("rss")),
            ("application/atom+xml", f"{site}: {_('News')} (Atom)", feed_address("atom")),
            (
                "application/rss+xml",
                f"{site}: {_('Press releases')}",
                feed_address("rss", NewsKind.PRESS_RELEASE),
            ),
        ]
    }


@register.simple_tag
def news_feed_url(name, kind=None):
    """`{% news_feed_url "rss" %}`: a news feed's address in the reader's language."""
    return feed_address(name, kind)
