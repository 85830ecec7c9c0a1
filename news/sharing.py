"""What a news item tells link previews and search engines.

The canonical link, Open Graph and Twitter-card tags come from the site-wide
`social_meta` tag (coalition_site), fed through the `share_image` and `og_type`
context variables; this module adds the schema.org data for the `json_ld` tag.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from coalition_site.templatetags.site_tags import share_rendition


def iso(value):
    """ISO 8601; date-times in the site's time zone, with its offset."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
    return value.isoformat() if value else None


def structured_data(page, canonical_url, image_url=None, home_url=None, topics=None):
    """schema.org data for `page`: a NewsArticle, or an Event for events.

    Pass `topics` when the page's topics are already at hand, to save a query.
    """
    publisher = {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}
    if home_url:
        publisher["url"] = home_url
    if page.is_event:
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "description": page.meta_description,
            "startDate": iso(page.event_start),
            "endDate": iso(page.event_end),
            "organizer": publisher,
        }
        if page.event_location:
            data["location"] = {
                "@type": "Place",
                "name": page.event_location,
                "address": page.event_location,
            }
    else:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "description": page.meta_description,
            "datePublished": iso(page.publication_date),
            "dateModified": iso(page.last_published_at),
            "articleSection": str(page.get_kind_display()),
            "publisher": publisher,
            "author": publisher,
            "mainEntityOfPage": canonical_url,
            "keywords": [topic.name for topic in (page.topics.all() if topics is None else topics)],
        }
    data["url"] = canonical_url
    if image_url:
        data["image"] = [image_url]
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def sharing_context(page, request, topics=None):
    """`share_image` and `og_type` for `social_meta`, and `structured_data` for `json_ld`."""
    # An image whose file has gone missing is skipped: the site's share image stands in.
    image, rendition = share_rendition([page.listing_image or page.image])
    image_url = request.build_absolute_uri(rendition.url) if rendition else None
    canonical_url = page.get_full_url(request)
    # The site serving the request is known already (Wagtail keeps it on the request); no query.
    site = Site.find_for_request(request) or page.get_site()
    home_url = site.root_url.rstrip("/") + "/" if site else None
    return {
        "share_image": image,
        "og_type": "article",
        "structured_data": structured_data(page, canonical_url, image_url, home_url, topics),
    }
