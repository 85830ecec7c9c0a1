"""Point the default Wagtail site at WAGTAILADMIN_BASE_URL's host and port.

Canonical and hreflang links, the sitemap and the feeds build absolute
addresses from the Site record; workflow emails and create_partner_account's
link from WAGTAILADMIN_BASE_URL. `make run` calls this with PORT in the
environment, which the dev settings turn into WAGTAILADMIN_BASE_URL
(http://127.0.0.1:$PORT) unless that is set, so both agree with where
runserver listens.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site


def site_address():
    """Host and port of WAGTAILADMIN_BASE_URL, so links point where the site runs."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port


class Command(BaseCommand):
    help = (
        "Set the default site's host name and port from WAGTAILADMIN_BASE_URL "
        "(in development: http://127.0.0.1:$PORT)."
    )

    def handle(self, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No default site yet: nothing to change (make demo makes one).")
            return
        hostname, port = site_address()
        if (site.hostname, site.port) == (hostname, port):
            self.stdout.write(f"The site is already at {site.root_url}.")
            return
        site.hostname, site.port = hostname, port
        site.save()
        self.stdout.write(
            f"The site is now at {site.root_url} "
            f"(WAGTAILADMIN_BASE_URL: {settings.WAGTAILADMIN_BASE_URL})."
        )
