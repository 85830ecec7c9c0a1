import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site
from wagtail.rich_text import RichText

from partners.models import PartnerPage
from safety.help import help_partners
from safety.models import SafetySettings
from tests.factories import GetHelpPageFactory, StandardPageFactory


@pytest.fixture
def get_help(home):
    page = GetHelpPageFactory.build(
        body=[
            ("heading", {"text": "What happens when you call", "level": "h2"}),
            ("paragraph", RichText("<p>A trained advocate answers and listens.</p>")),
        ]
    )
    home.add_child(instance=page)
    return page


@pytest.fixture
def partners(add_partner):
    add_partner(
        title="Night Shelter",
        open_24_7=True,
        phone="(555) 010-0001",
        services=[("Emergency shelter", True)],
    )
    add_partner(title="Advocates United", services=[("Victim advocacy", True)], phone="555-0101")
    add_partner(title="Legal Aid", services=[("Legal services", False)], phone="555-0100")
    add_partner(title="Draft Shelter", open_24_7=True, phone="555-0102", live=False)
    add_partner(title="Open Line", open_24_7=True, phone="555-0103")
    add_partner(title="No Phone House", open_24_7=True)
    add_partner(
        title="Day Clinic",
        hours="Weekdays 9-5",
        services=[("Medical care", False)],
        phone="555-0104",
    )


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed(client):
    soup = soup_of(client.get("/en/get-help/"))
    return [a.get_text(strip=True) for a in soup.select(".get-help__partners .card__title a")]


@pytest.mark.django_db
def test_get_help_shows_the_hotline_from_settings_911_and_the_editable_text(client, get_help):
    settings = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    settings.hotline_phone = "1-800-555-0199"
    settings.emergency_number = "112"
    settings.save()

    soup = soup_of(client.get("/en/get-help/"))
    main = soup.main
    panel = main.select_one(".hotline--panel")
    assert panel is not None
    assert panel.select_one('a[href="tel:+18005550199"]')
    assert "233733" in panel.get_text()
    danger = main.select_one(".get-help__danger")
    assert danger.h2.get_text() == "In immediate danger"
    assert danger.a["href"] == "tel:112"
    assert "Call 112" in danger.get_text()
    # The hotline comes first, then 911.
    order = [element.get("class") for element in main.select(".hotline--panel, .get-help__danger")]
    assert order == [["hotline", "hotline--panel"], ["get-help__danger"]]
    assert "A trained advocate answers and listens." in main.select_one(".stream").get_text()
    assert main.select_one("[data-print-button]")


@pytest.mark.django_db
def test_day_and_night_lists_only_live_partners_open_24_hours_with_a_phone(
    client, get_help, partners
):
    # An emergency service alone is not "day and night"; nor is a 24-hour partner
    # nobody can call, nor a draft.
    assert listed(client) == ["Night Shelter", "Open Line"]
    soup = soup_of(client.get("/en/get-help/"))
    cards = soup.select(".get-help__partners .card")
    assert "Open 24/7" in cards[0].get_text()
    assert cards[0].select_one('a[href="tel:+15550100001"]')
    assert "Emergency help: Emergency shelter" in cards[0].get_text(" ", strip=True)
    assert soup.select_one('.get-help__partners a[href="/en/partners/"]')


@pytest.mark.django_db
def test_a_partner_that_stops_answering_at_night_leaves_the_page_when_published(
    client, get_help, partners
):
    shelter = PartnerPage.objects.get(title="Night Shelter")
    shelter.open_24_7 = False
    shelter.save_revision()
    # A draft change does not show until it is published.
    assert "Night Shelter" in listed(client)
    shelter.get_latest_revision().publish()
    assert listed(client) == ["Open Line"]

    clinic = PartnerPage.objects.get(title="Day Clinic")
    clinic.open_24_7 = True
    clinic.save_revision().publish()
    assert listed(client) == ["Day Clinic", "Open Line"]


@pytest.mark.django_db
def test_a_partner_that_removes_its_phone_leaves_the_page(client, get_help, partners):
    line = PartnerPage.objects.get(title="Open Line")
    line.phone = ""
    line.save_revision().publish()
    assert listed(client) == ["Night Shelter"]


@pytest.mark.django_db
def test_unpublished_partners_leave_the_page(client, get_help, partners):
    PartnerPage.objects.get(title="Open Line").unpublish()
    assert listed(client) == ["Night Shelter"]


@pytest.mark.django_db
def test_private_partners_are_not_listed(client, get_help, partners):
    PageViewRestriction.objects.create(
        page=PartnerPage.objects.get(title="Night Shelter"),
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    assert listed(client) == ["Open Line"]


@pytest.mark.django_db
def test_without_listed_partners_the_page_says_to_call_the_hotline(client, get_help, add_partner):
    add_partner(title="Office Hours Only", phone="555-0100", services=[("Victim advocacy", True)])
    soup = soup_of(client.get("/en/get-help/"))
    section = soup.select_one(".get-help__partners")
    assert section.select(".card") == []
    assert "Call the hotline above: it answers 24 hours a day" in section.get_text()


@pytest.mark.django_db
def test_help_partners_can_be_called_alone(partners, home):
    assert [partner.title for partner in help_partners(home.path)] == [
        "Night Shelter",
        "Open Line",
    ]
    assert list(help_partners("9999")) == []


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


# What the Get help page adds to a plain page's queries: the partners, their
# emergency services, their languages, and the directory's address.
GET_HELP_OWN_QUERIES = 4


@pytest.mark.django_db
def test_get_help_query_count_does_not_grow_with_the_partners_listed(
    client, home, get_help, add_partner
):
    home.add_child(instance=StandardPageFactory.build(slug="plain"))
    plain_page = count_queries(client, "/en/plain/")
    for number in range(2):
        add_partner(
            title=f"Few {number}",
            open_24_7=True,
            phone=f"555-01{number:02}",
            services=[("Emergency shelter", True), ("Housing", False)],
            languages=["English", "Spanish"],
        )
    few = count_queries(client, "/en/get-help/")
    for number in range(18):
        add_partner(
            title=f"Many {number}",
            open_24_7=True,
            phone=f"555-02{number:02}",
            services=[("Victim advocacy", True)],
            languages=["English", "Hmong"],
        )
    assert len(listed(client)) == 20
    many = count_queries(client, "/en/get-help/")
    assert few == many, f"{few} queries for 2 partners, {many} for 20"
    assert many - plain_page <= GET_HELP_OWN_QUERIES, f"{plain_page} for a plain page, {many} here"
    assert many <= 20  # the budget of every public page (tests/performance)
