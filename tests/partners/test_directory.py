import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file


def names(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".card__title a")]


@pytest.fixture
def partners(add_partner):
    add_partner(
        title="Harbor Shelter",
        sector="community",
        services=["Emergency shelter", "Housing"],
        languages=["English", "Spanish"],
        open_24_7=True,
    )
    add_partner(
        title="City Legal Aid",
        sector="community",
        services=["Legal services"],
        languages=["English", "Punjabi"],
    )
    add_partner(
        title="County Sheriff",
        sector="law-enforcement",
        services=["Investigation"],
        languages=["English"],
    )


@pytest.mark.django_db
def test_directory_lists_every_live_partner_with_a_count(client, directory, partners, add_partner):
    add_partner(title="Draft Org", live=False)
    logo = Image.objects.create(title="Logo", file=get_test_image_file())
    add_partner(title="Zeta Logo Org", logo=logo, logo_alt_text="Zeta logo")
    response = client.get("/en/partners/")
    assert names(response) == [
        "City Legal Aid",
        "Harbor Shelter",
        "Zeta Logo Org",
        "County Sheriff",
    ]
    assert "4 partners" in response.content.decode()
    logo_img = BeautifulSoup(response.content, "html.parser").select_one("img.card__logo")
    assert logo_img["alt"] == "Zeta logo" and logo_img["loading"] == "lazy"


@pytest.mark.django_db
def test_survivor_services_come_before_agencies_by_default(client, add_partner):
    """A survivor opening the directory sees places to turn to before police and agencies."""
    add_partner(title="Alpha Highway Patrol", sector="law-enforcement")
    add_partner(title="Beta County Agency", sector="local-agency")
    add_partner(title="Delta District Attorney", sector="prosecution")
    add_partner(title="Omega Clinic", sector="health")
    add_partner(title="Riverside Patrol", sector="law-enforcement")
    add_partner(title="Riverside Women's Clinic", sector="health")
    add_partner(title="Yellow House Shelter", sector="community")
    assert names(client.get("/en/partners/")) == [
        "Yellow House Shelter",
        "Omega Clinic",
        "Riverside Women's Clinic",
        "Beta County Agency",
        "Delta District Attorney",
        "Alpha Highway Patrol",
        "Riverside Patrol",
    ]
    # A keyword narrows the list and keeps the order.
    assert names(client.get("/en/partners/?q=riverside")) == [
        "Riverside Women's Clinic",
        "Riverside Patrol",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("sector=law-enforcement", ["County Sheriff"]),
        ("service=emergency-shelter", ["Harbor Shelter"]),
        ("language=spanish", ["Harbor Shelter"]),
        ("language=english&sector=community", ["City Legal Aid", "Harbor Shelter"]),
        ("language=punjabi&service=legal-services", ["City Legal Aid"]),
        ("language=spanish&service=legal-services", []),
        ("q=legal", ["City Legal Aid"]),
        ("q=shelter&sector=community", ["Harbor Shelter"]),
        ("q=HOUSING", ["Harbor Shelter"]),
    ],
)
def test_filters_alone_and_combined(client, partners, query, expected):
    assert names(client.get(f"/en/partners/?{query}")) == expected


@pytest.mark.django_db
def test_empty_result_says_so_and_offers_to_clear(client, partners):
    response = client.get("/en/partners/?language=spanish&service=legal-services")
    soup = BeautifulSoup(response.content, "html.parser")
    assert "No partner matches" in soup.select_one(".empty-result").get_text()
    assert soup.select_one(".empty-result a")["href"] == "/en/partners/"
    assert "0 partners" in soup.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "service=999",
        "service=%3Cscript%3E",
        "sector=nonsense",
        "language=1' OR '1'='1",
        "area=%00",
        "q=%00%00abc",
        "q=" + "x" * 10_000,
        "page=abc",
        "page=-1",
        "page=99999",
        "service=emergency-shelter&service=housing&service=",
        "population[]=1",
        "q=%F0%9F%98%80 \u202eevil",
    ],
)
def test_hostile_query_strings_never_give_a_server_error(client, partners, query):
    response = client.get(f"/en/partners/?{query}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_unknown_filter_values_are_ignored_with_a_notice(client, partners):
    response = client.get("/en/partners/?service=no-such-service&sector=community")
    assert names(response) == ["City Legal Aid", "Harbor Shelter"]
    assert "not recognized" in response.content.decode()


@pytest.mark.django_db
def test_filter_form_keeps_choices_in_the_shareable_url(client, partners):
    response = client.get("/en/partners/?service=emergency-shelter")
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form.filter-form")
    assert form["method"] == "get"
    assert form.select_one('select[name="service"] option[selected]')["value"] == (
        "emergency-shelter"
    )


def directory_queries(client):
    client.get("/en/partners/")  # warm Wagtail's per-process site cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/partners/")
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_directory_queries_do_not_grow_with_the_number_of_partners(client, add_partner):
    def add(n):
        logo = Image.objects.create(title=f"Logo {n}", file=get_test_image_file())
        add_partner(
            title=f"Org {n}",
            services=["Housing", f"S{n}"],
            languages=["English"],
            logo=logo,
            logo_alt_text=f"Org {n}",
        )

    for n in range(5):
        add(n)
    few = directory_queries(client)
    for n in range(5, 50):
        add(n)
    many = directory_queries(client)
    assert few == many
    assert many <= 20  # the budget of every public page (tests/performance)


@pytest.mark.django_db
def test_partner_page_shows_contact_links_and_no_map(client, add_partner):
    add_partner(
        title="Harbor Shelter",
        slug="harbor",
        phone="(916) 555-0100",
        email="help@example.org",
        address="1 Example Street\nSacramento",
        open_24_7=True,
        services=["Emergency shelter"],
    )
    response = client.get("/en/partners/harbor/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('a[href="tel:+19165550100"]') is not None
    assert soup.select_one('a[href="mailto:help@example.org"]') is not None
    assert "1 Example Street" in soup.select_one("address").get_text()
    assert "Open 24 hours" in soup.get_text()
    assert soup.find("iframe") is None
    assert "Emergency shelter" in soup.select_one(".tag-list").get_text()
