import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

from coalition_site.models import HomePage, StandardPage
from safety.models import SafetySettings
from tests.factories import HomePageFactory, StandardPageFactory


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_goes_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_go_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)
        self.assertCanNotCreateAt(StandardPage, StandardPage)

    def test_one_home_page_per_parent(self):
        root = Page.get_first_root_node()
        root.add_child(instance=HomePageFactory.build())
        self.assertFalse(HomePage.can_create_at(root))


def parse(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def assert_safe_layout(soup):
    """The skeleton every public page shares, in the order a keyboard reaches it."""
    focusable = soup.select("a[href], button, input, select, textarea")
    assert focusable[0].get_text(strip=True) == "Skip to main content"
    assert focusable[0]["href"] == "#main-content"
    assert "data-quick-exit" in focusable[1].attrs
    assert focusable[1]["href"] == "https://www.weather.gov/"
    assert soup.select_one("main#main-content") is not None
    assert len(soup.select("main")) == 1
    assert soup.select_one('a[href="tel:+18883737888"]') is not None
    assert soup.select_one('a[href="sms:233733"]') is not None
    assert soup.select_one('a[href="tel:911"]') is not None
    assert soup.select_one('nav[aria-label="Main"]') is not None
    assert soup.html["lang"] == "en"


@pytest.mark.django_db
def test_home_page_renders_with_hotline_quick_exit_and_skip_link(client, home):
    soup = parse(client.get("/en/"))
    assert_safe_layout(soup)
    assert soup.h1.get_text(strip=True) == "Together against human trafficking"


@pytest.mark.django_db
def test_standard_page_renders_its_body(client, home):
    page = StandardPageFactory.build(
        title="RESET Court",
        slug="reset-court",
        body=[
            ("heading", {"text": "What the program offers", "level": "h2"}),
            ("paragraph", RichText("<p>Peer mentoring.</p>")),
        ],
    )
    home.add_child(instance=page)
    soup = parse(client.get("/en/reset-court/"))
    assert_safe_layout(soup)
    assert soup.h1.get_text(strip=True) == "RESET Court"
    assert soup.select_one("main h2").get_text(strip=True) == "What the program offers"
    assert "Peer mentoring." in soup.select_one("main").get_text()


@pytest.mark.django_db
def test_menu_lists_live_pages_marked_for_menus(client, home):
    home.add_child(instance=StandardPageFactory.build(title="About", slug="about"))
    home.add_child(
        instance=StandardPageFactory.build(title="Hidden", slug="hidden", show_in_menus=False)
    )
    draft = StandardPageFactory.build(title="Draft", slug="draft", live=False)
    home.add_child(instance=draft)
    soup = parse(client.get("/en/"))
    labels = [a.get_text(strip=True) for a in soup.select('nav[aria-label="Main"] a')]
    assert labels == ["About"]  # the mark links home; the menu has no "Home"


@pytest.mark.django_db
def test_hotline_and_quick_exit_come_from_the_safety_settings(client, home):
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.hotline_phone = "1-800-555-0100"
    settings.hotline_text = "12345"
    settings.quick_exit_url = "https://example.com/forecast"
    settings.save()
    soup = parse(client.get("/en/"))
    assert soup.select_one('a[href="tel:+18005550100"]') is not None
    assert soup.select_one('a[href="sms:12345"]') is not None
    assert soup.select_one("[data-quick-exit]")["href"] == "https://example.com/forecast"


@pytest.mark.django_db
def test_anonymous_reader_gets_no_cookie(client, home):
    home.add_child(instance=StandardPageFactory.build(slug="about"))
    for url in ["/en/", "/en/about/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert response.cookies == {}, f"{url} set {list(response.cookies)}"


@pytest.mark.django_db
def test_pages_load_nothing_from_other_hosts(client, home):
    soup = parse(client.get("/en/"))
    # Canonical and alternate links only name addresses; these elements load them.
    loaded = [(el, "src") for el in soup.select("script[src], img, iframe, source")] + [
        (el, "href") for el in soup.select('link[rel~="stylesheet"], link[rel~="icon"]')
    ]
    assert loaded
    for element, attribute in loaded:
        url = element.get(attribute, "")
        assert not url.startswith(("http:", "https:", "//")), f"{element} loads {url}"


@pytest.mark.django_db
def test_reading_a_page_writes_nothing(client, home):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/").status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


@pytest.mark.django_db
def test_the_footer_links_partners_to_sign_in(client, home):
    footer = parse(client.get("/en/")).select_one("footer.site-footer")
    link = footer.select_one('a[href="/admin/login/"]')
    assert link is not None
    assert link.get_text(strip=True) == "Partner organizations: sign in to update your profile"
