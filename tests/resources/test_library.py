import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coalition_site.listing import IGNORED_FILTERS_MESSAGE
from resources.models import ResourceIndexPage, ResourcePage
from tests.factories import DocumentFactory, StandardPageFactory, document_file

NOTICE = str(IGNORED_FILTERS_MESSAGE)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def names(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".card__title a")]


@pytest.fixture
def resources(add_resource):
    add_resource(
        title="Hotline",
        resource_type="hotline",
        audiences=["Survivors", "General public"],
        topics=["Reporting", "Services and shelter"],
        languages=["English", "Spanish"],
    )
    add_resource(
        title="Employer guide",
        resource_type="guide",
        link_url="",
        document=DocumentFactory(
            title="Employer guide", file=document_file("employers.pdf"), file_size=245760
        ),
        audiences=["Employers and businesses"],
        topics=["Labor trafficking", "Legal rights"],
        languages=["English"],
    )
    add_resource(
        title="Guía para familias",
        resource_type="guide",
        entry_language="es",
        summary="Cómo proteger a sus hijos en internet.",
        audiences=["Parents and caregivers"],
        topics=["Online safety"],
        languages=["Spanish"],
    )
    add_resource(
        title="Training video",
        resource_type="video",
        audiences=["Educators", "Parents and caregivers"],
        topics=["Recognising the signs"],
        languages=["English"],
    )


@pytest.mark.django_db
def test_library_lists_every_live_resource_with_a_count(client, library, resources, add_resource):
    add_resource(title="Draft resource", live=False)
    response = client.get("/en/resources/")
    assert names(response) == ["Employer guide", "Guía para familias", "Hotline", "Training video"]
    assert "4 resources" in soup_of(response).select_one(".listing__count").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("audience=parents-and-caregivers", ["Guía para familias", "Training video"]),
        ("topic=labor-trafficking", ["Employer guide"]),
        ("type=guide", ["Employer guide", "Guía para familias"]),
        ("language=spanish", ["Guía para familias", "Hotline"]),
        ("type=guide&language=spanish", ["Guía para familias"]),
        ("audience=parents-and-caregivers&type=video", ["Training video"]),
        (
            "audience=parents-and-caregivers&language=english&topic=recognising-the-signs",
            ["Training video"],
        ),
        ("audience=survivors&type=guide", []),
        ("q=hotline", ["Hotline"]),
        ("q=SURVIVORS", ["Hotline"]),
        ("q=legal rights", ["Employer guide"]),
        ("q=internet&language=spanish", ["Guía para familias"]),
        ("q=internet&language=english", []),
    ],
)
def test_filters_alone_and_combined(client, resources, query, expected):
    assert names(client.get(f"/en/resources/?{query}")) == expected


@pytest.mark.django_db
def test_filters_are_plain_get_selects_named_by_slug(client, resources):
    soup = soup_of(client.get("/en/resources/"))
    form = soup.select_one("form.filter-form")
    assert form["method"] == "get"
    assert {field["name"] for field in form.select("input, select")} == {
        "q",
        "audience",
        "topic",
        "type",
        "language",
    }
    audiences = [option["value"] for option in form.select("select[name=audience] option")]
    assert "parents-and-caregivers" in audiences
    types = [option["value"] for option in form.select("select[name=type] option")]
    assert types == ["", "guide", "video", "website", "hotline", "training", "toolkit", "poster"]
    # The chosen filters stay chosen on the result page.
    soup = soup_of(client.get("/en/resources/?type=video&language=english"))
    assert soup.select_one("select[name=type] option[selected]")["value"] == "video"
    assert soup.select_one("select[name=language] option[selected]")["value"] == "english"
    assert soup.select_one(".filter-form__actions a")["href"] == "/en/resources/"


@pytest.mark.django_db
def test_card_shows_type_audiences_languages_and_file_type_and_size(client, resources):
    soup = soup_of(client.get("/en/resources/"))
    cards = {
        card.select_one(".card__title").get_text(strip=True): card for card in soup.select(".card")
    }
    guide = cards["Employer guide"]
    assert guide.select_one(".card__meta").get_text(strip=True) == "Guide or fact sheet"
    assert "Employers and businesses" in guide.get_text()
    # filesizeformat keeps the number and its unit together with a no-break space.
    assert "PDF, 240.0\xa0KB" in guide.get_text()
    document = ResourcePage.objects.get(title="Employer guide").document
    assert guide.select_one(".card__action a")["href"] == document.url

    hotline = cards["Hotline"]
    assert "Hotline or service" in hotline.get_text()
    assert "General public, Survivors" in hotline.get_text()
    assert "English, Spanish" in hotline.get_text()
    link = hotline.select_one(".card__action a")
    assert link["href"] == "https://example.org/help"
    assert link["rel"] == ["noopener", "noreferrer"]
    assert "example.org" in hotline.get_text()

    spanish = cards["Guía para familias"]
    assert spanish.select_one(".card__title")["lang"] == "es"


@pytest.mark.django_db
def test_a_file_without_a_recorded_size_is_not_measured_while_the_page_renders(
    client, add_resource
):
    document = DocumentFactory(file=document_file("old.pdf"), file_size=None)
    add_resource(title="Old upload", link_url="", document=document)
    with CaptureQueriesContext(connection) as queries:
        soup = soup_of(client.get("/en/resources/"))
    assert soup.select_one(".card__action .card__file").get_text(strip=True) == "(PDF)"
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert writes == []
    document.refresh_from_db()
    assert document.file_size is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "audience=999",
        "type=%3Cscript%3Ealert(1)%3C/script%3E",
        "topic=1' OR '1'='1",
        "language=english%00spanish",
        "type=guide&type=nonsense",
    ],
)
def test_unknown_filter_values_are_ignored_with_a_notice(client, resources, query):
    response = client.get(f"/en/resources/?{query}")
    soup = soup_of(response)
    assert NOTICE in soup.select_one(".notice").get_text()
    assert "<script>alert" not in response.content.decode()
    # The other filters still apply; an unknown value alone leaves every resource listed.
    assert len(soup.select(".card")) == 4


@pytest.mark.django_db
def test_an_unknown_value_next_to_a_good_one_keeps_the_good_one(client, resources):
    soup = soup_of(client.get("/en/resources/?audience=999&type=video"))
    assert [a.get_text(strip=True) for a in soup.select(".card__title a")] == ["Training video"]
    assert soup.select_one(".notice")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "q=" + "a" * 10_000,
        "q=%00",
        "q=hot%00line",
        "page=abc",
        "page=-1",
        "page=99999",
        "page=%00",
        "audience=%00",
        "utm_source=newsletter",
    ],
)
def test_hostile_keyword_and_page_values_give_a_normal_page(client, resources, query):
    response = client.get(f"/en/resources/?{query}")
    soup = soup_of(response)
    assert soup.select_one(".notice") is None
    assert soup.select_one(".listing__count")


@pytest.mark.django_db
def test_nul_bytes_are_removed_from_the_keyword(client, resources):
    assert names(client.get("/en/resources/?q=Hot%00line")) == ["Hotline"]


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, add_resource):
    for number in range(ResourceIndexPage.per_page + 2):
        add_resource(title=f"Poster {number:02d}", resource_type="poster")
    add_resource(title="A website", resource_type="website")
    soup = soup_of(client.get("/en/resources/?type=poster"))
    assert (
        f"{ResourceIndexPage.per_page + 2} resources"
        in soup.select_one(".listing__count").get_text()
    )
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert "type=poster" in next_link and "page=2" in next_link
    second = soup_of(client.get(f"/en/resources/{next_link}"))
    assert [a.get_text() for a in second.select(".card__title a")] == ["Poster 24", "Poster 25"]


@pytest.mark.django_db
def test_empty_result_says_so_and_offers_to_clear(client, resources):
    soup = soup_of(client.get("/en/resources/?audience=survivors&type=guide"))
    assert "No resource matches" in soup.select_one(".empty-result").get_text()
    assert soup.select_one(".empty-result a")["href"] == "/en/resources/"
    assert "0 resources" in soup.select_one(".listing__count").get_text()


@pytest.mark.django_db
def test_library_has_a_print_button(client, resources):
    assert soup_of(client.get("/en/resources/")).select_one("[data-print-button]")


def count_queries(client, url):
    client.get(url)  # warm Wagtail's site-root cache, like any visit after the first
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def add_many(add_resource, start, count):
    for number in range(start, start + count):
        fields = {"audiences": ["Youth", "Educators"], "languages": ["English", "Spanish"]}
        if number % 2:
            fields.update(
                link_url="",
                document=DocumentFactory(file=document_file(f"file-{number}.pdf"), file_size=999),
            )
        add_resource(title=f"Resource {number:03d}", topics=["Prevention"], **fields)


# What the library itself may add to the queries every page makes (site, routing,
# view restrictions, settings, navigation): the filter choices, the count, the
# page of resources, and their audiences and languages.
LIBRARY_OWN_QUERIES = 5


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?audience=youth&topic=prevention&q=resource"])
def test_library_query_count_does_not_grow_with_resources(client, home, add_resource, query):
    home.add_child(instance=StandardPageFactory.build(slug="plain"))
    plain_page = count_queries(client, "/en/plain/")
    add_many(add_resource, 0, 5)
    few = count_queries(client, f"/en/resources/{query}")
    add_many(add_resource, 5, 45)
    many = count_queries(client, f"/en/resources/{query}")
    assert few == many, f"{few} queries for 5 resources, {many} for 50"
    assert many - plain_page <= LIBRARY_OWN_QUERIES, f"{plain_page} for a plain page, {many} here"
    assert many <= 20  # the budget of every public page (tests/performance)
