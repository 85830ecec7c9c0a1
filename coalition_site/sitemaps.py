from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap


class SiteSitemap(Sitemap):
    """Every live, public page, less those whose expiry date has passed.

    `publish_scheduled` unpublishes expired pages once a minute; until it
    runs, the sitemap already leaves them out.
    """

    def items(self):
        return super().items().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
