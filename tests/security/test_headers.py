"""Every public page type answers with the same protective headers, and the admin
with its own, looser content security policy."""

import importlib

import pytest
from django.apps import apps
from django.test import override_settings

EXPECTED_CSP = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "media-src": {"'self'"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "frame-src": {"https://www.youtube-nocookie.com"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "frame-ancestors": {"'none'"},
    "form-action": {"'self'"},
}

TURNED_OFF = [
    "camera",
    "microphone",
    "geolocation",
    "payment",
    "usb",
    "interest-cohort",
    "browsing-topics",
    "display-capture",
    "serial",
]

# One live page of each public type, found in the demo content.
PAGE_TYPES = [
    "coalition_site.HomePage",
    "coalition_site.StandardPage",
    "coalition_site.FormPage",
    "partners.PartnerIndexPage",
    "partners.PartnerPage",
    "news.NewsIndexPage",
    "news.NewsPage",
    "podcasts.PodcastIndexPage",
    "podcasts.PodcastEpisodePage",
    "resources.ResourceIndexPage",
    "resources.ResourcePage",
    "safety.GetHelpPage",
]


def parse_csp(header):
    policy = {}
    for directive in filter(None, (part.strip() for part in header.split(";"))):
        name, *sources = directive.split()
        policy[name] = set(sources)
    return policy


def permissions(header):
    return dict(item.strip().split("=", 1) for item in header.split(","))


def page_url(label):
    model = apps.get_model(label)
    page = model.objects.live().public().order_by("path").first()
    assert page is not None, f"the demo content has no live {label}"
    return page.url


def inline_scripts(soup):
    """Inline <script> elements a browser would run (JSON data blocks are not run)."""
    return [
        script
        for script in soup.find_all("script")
        if not script.get("src")
        and script.get("type", "text/javascript") in ("text/javascript", "module")
    ]


def assert_public_headers(response):
    csp = response.headers.get("Content-Security-Policy")
    assert csp, "no Content-Security-Policy header"
    assert parse_csp(csp) == EXPECTED_CSP
    assert "nonce-" not in csp and "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    features = permissions(response["Permissions-Policy"])
    for feature in TURNED_OFF:
        assert features.get(feature) == "()", f"{feature} is not turned off"
    assert features["fullscreen"] == '(self "https://www.youtube-nocookie.com")'
    # Readers get no cookie, whatever the page.
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_public_page_types_send_the_security_headers(client, demo, label):
    response = client.get(page_url(label))
    assert response.status_code == 200
    assert_public_headers(response)


@pytest.mark.parametrize(
    "path",
    ["/en/search/?q=hotline", "/en/search/", "/en/no-such-page/", "/sitemap.xml", "/robots.txt"],
)
def test_other_public_responses_send_the_security_headers(client, demo, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert_public_headers(response)


def test_no_page_carries_inline_script_or_style(client, demo):
    """The policy forbids inline code; a page that needed it would break."""
    from bs4 import BeautifulSoup

    for label in PAGE_TYPES:
        soup = BeautifulSoup(client.get(page_url(label)).content, "html.parser")
        assert not inline_scripts(soup), f"inline script on {label}"
        assert not soup.find_all("style"), f"<style> element on {label}"
        assert not soup.select("[style]"), f"style attribute on {label}"
        handlers = [
            attr for tag in soup.find_all(True) for attr in tag.attrs if attr.startswith("on")
        ]
        assert not handlers, f"inline event handlers on {label}: {handlers}"


def test_feeds_and_podcast_audio_may_be_loaded_by_other_sites(client, demo):
    """Web podcast players and feed readers load these from their own origin."""
    from bs4 import BeautifulSoup

    episodes = apps.get_model("podcasts.PodcastEpisodePage").objects.live()
    audio = [
        source["src"]
        for episode in episodes
        for source in BeautifulSoup(client.get(episode.url).content, "html.parser").select(
            "audio source[src]"
        )
    ]
    assert audio, "no demo episode has an audio player"
    show = BeautifulSoup(client.get(page_url("podcasts.PodcastIndexPage")).content, "html.parser")
    feeds = [link["href"] for link in show.select('link[type="application/rss+xml"]')]
    podcast_feeds = [href for href in feeds if "/podcasts/feeds/" in href]
    assert podcast_feeds, "the show page links no podcast feed"
    for url in ["/news/feeds/rss/", *podcast_feeds, *audio]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cross-Origin-Resource-Policy"] == "cross-origin", url
        assert response["X-Content-Type-Options"] == "nosniff"


def test_served_documents_keep_their_stricter_policy(client, demo, file_storage):
    from django.core.files.base import ContentFile

    document = apps.get_model("wagtaildocs.Document")(title="Leaflet")
    document.file.save("leaflet.pdf", ContentFile(b"%PDF-1.4 sample"), save=False)
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_admin_gets_its_own_looser_policy(client, demo):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = parse_csp(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == {"'self'"}  # the page editor's preview frame
    assert policy["object-src"] == {"'none'"}
    # Public pages never get the admin's policy, even with a similar path.
    public = client.get("/administration-is-not-the-admin/")
    assert parse_csp(public["Content-Security-Policy"]) == EXPECTED_CSP


def test_the_userbar_loads_only_files_the_public_policy_allows(client, demo, django_user_model):
    """A signed-in editor sees the Wagtail userbar on public pages: external files only."""
    from bs4 import BeautifulSoup

    editor = django_user_model.objects.create_superuser("editor", password="x" * 16)
    client.force_login(editor)
    response = client.get("/en/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("wagtail-userbar") is not None
    assert soup.select('script[src*="wagtailadmin/js/userbar"]')
    assert not inline_scripts(soup)
    assert parse_csp(response["Content-Security-Policy"]) == EXPECTED_CSP


# ---------------------------------------------------------------- production


@pytest.fixture
def production(monkeypatch):
    """The security settings exactly as coalition_site.settings.production makes them."""
    monkeypatch.setenv("SECRET_KEY", "production-like-test-key-" + "k" * 40)
    monkeypatch.setenv("ALLOWED_HOSTS", "testserver")
    monkeypatch.setenv("DATABASE_URL", "sqlite:////tmp/unused.sqlite3")
    module = importlib.import_module("coalition_site.settings.production")
    module = importlib.reload(module)
    names = [
        name
        for name in dir(module)
        if name.startswith(("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_"))
        or name in ("X_FRAME_OPTIONS", "CONTENT_SECURITY_POLICY", "PERMISSIONS_POLICY")
    ]
    with override_settings(**{name: getattr(module, name) for name in names}):
        yield module


def test_production_sends_hsts_for_a_year_with_subdomains_and_preload(client, demo, production):
    response = client.get(page_url("coalition_site.HomePage"), secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert_public_headers(response)


def test_production_redirects_plain_http_to_https(client, demo, production):
    response = client.get("/en/about/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/en/about/"


def test_production_cookies_are_secure_httponly_and_samesite(client, demo, production):
    response = client.get("/admin/login/", secure=True)
    csrf = response.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    assert production.SESSION_COOKIE_SECURE is True
    assert production.SESSION_COOKIE_HTTPONLY is True
    assert production.SESSION_COOKIE_SAMESITE == "Lax"
