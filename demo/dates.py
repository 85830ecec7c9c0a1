"""Realistic publication dates for demo pages that were added without publishing a revision.

The loaders build most demo pages with `add_child`, which leaves their
`first_published_at` and `last_published_at` empty, so the sitemap had no
`lastmod` for them. A dated page (a podcast episode, a news item) keeps its own
date; the others date from the website's relaunch in January (FACTS.md), the
day of the demo's "our website is new" announcement.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from .content import relaunch_date


def at_nine(day):
    """9am on `day`, in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def own_date(page):
    """The page's own publication date as an aware datetime, or None."""
    value = getattr(page, "publication_date", None)
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        return at_nine(value)
    return value if timezone.is_aware(value) else timezone.make_aware(value)


def date_undated_pages(homes):
    """Give every page under `homes` that was never published with a revision a date."""
    undated = Page.objects.none()
    for home in homes:
        undated |= home.get_descendants(inclusive=True)
    fallback = at_nine(relaunch_date())
    for page in undated.filter(live=True, last_published_at__isnull=True).specific():
        when = min(own_date(page) or fallback, timezone.now())
        Page.objects.filter(pk=page.pk).update(
            first_published_at=page.first_published_at or when, last_published_at=when
        )
