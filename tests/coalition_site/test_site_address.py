"""`PORT=8101 make run`: every absolute address the site makes names port 8101.

The dev settings derive WAGTAILADMIN_BASE_URL from PORT (admin emails, partner
links); `make run` calls `set_site_address`, which moves the Wagtail Site record
there (canonical and hreflang links, sitemap, feeds).
"""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Site

from partners.models import PartnerPage
from podcasts.models import PodcastIndexPage

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8101"


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def dev_base_url(**env):
    """WAGTAILADMIN_BASE_URL as the dev settings compute it with `env`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PORT", "WAGTAILADMIN_BASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    environment.update(DJANGO_SETTINGS_MODULE="coalition_site.settings.dev", **env)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_dev_base_url_follows_port_unless_set():
    assert dev_base_url() == "http://127.0.0.1:8000"
    assert dev_base_url(PORT="8101") == BASE
    assert (
        dev_base_url(PORT="8101", WAGTAILADMIN_BASE_URL="https://sactogether.example")
        == "https://sactogether.example"
    )


def test_make_run_passes_port_to_set_site_address_and_runserver():
    result = subprocess.run(
        ["make", "-n", "run", "PORT=8101"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert any("PORT=8101" in line and "manage.py set_site_address" in line for line in lines)
    assert any("PORT=8101" in line and "runserver 127.0.0.1:8101" in line for line in lines)


@pytest.mark.django_db
def test_absolute_addresses_follow_the_site_address(client, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    run("load_demo_content")  # an earlier `make run` on the default port
    settings.WAGTAILADMIN_BASE_URL = BASE
    assert "now at http://127.0.0.1:8101" in run("set_site_address")
    assert Site.objects.get(is_default_site=True).root_url == BASE
    assert "already at" in run("set_site_address")

    def get(path):
        response = client.get(path, HTTP_HOST="127.0.0.1:8101")
        assert response.status_code == 200, path
        return response.content.decode()

    page = get("/en/about/")
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)
    assert canonical == f"{BASE}/en/about/"
    hreflangs = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', page)
    assert hreflangs and all(href.startswith(f"{BASE}/") for href in hreflangs)

    sitemap = get("/sitemap.xml")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(location.startswith(f"{BASE}/") for location in locations)

    news_feed = get(reverse("news:rss"))
    links = re.findall(r"<link>([^<]+)</link>", news_feed)
    assert links and all(link.startswith(f"{BASE}/") for link in links)

    show = PodcastIndexPage.objects.live().first()
    podcast_feed = get(reverse("podcasts:feed", args=[show.pk]))
    assert f"<link>{BASE}/" in podcast_feed
    assert "127.0.0.1:8000" not in podcast_feed + news_feed + sitemap + page

    partner = PartnerPage.objects.live().first()
    output = run("create_partner_account", partner.slug, "partner@example.org")
    assert f"{BASE}/admin/password_reset/" in output
