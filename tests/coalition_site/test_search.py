import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.rich_text import RichText

from tests.factories import StandardPageFactory


def results(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-result .card__title a")]


@pytest.fixture
def pages(home):
    found = {}
    for title, slug, word in [
        ("Get help", "get-help", "hotline"),
        ("Recognise the signs", "signs", "bruises"),
        ("RESET Court", "reset", "diversion"),
    ]:
        page = StandardPageFactory.build(
            title=title,
            slug=slug,
            summary=f"About {title}.",
            body=[("paragraph", RichText(f"<p>Something about {word} here.</p>"))],
        )
        home.add_child(instance=page)
        found[slug] = page
    return found


@pytest.mark.django_db
def test_search_finds_a_page_by_a_word_in_its_body_and_labels_it(client, pages):
    response = client.get("/en/search/?q=diversion")
    assert results(response) == ["RESET Court"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".search-result .card__meta").get_text(strip=True) == "Standard page"
    assert "About RESET Court." in soup.select_one(".search-result").get_text()


@pytest.mark.django_db
def test_drafts_and_private_pages_are_not_found(client, home, pages):
    draft = StandardPageFactory.build(
        title="Secret draft", body=[("paragraph", RichText("<p>diversion</p>"))], live=False
    )
    home.add_child(instance=draft)
    assert results(client.get("/en/search/?q=diversion")) == ["RESET Court"]


@pytest.mark.django_db
def test_promoted_result_comes_first(client, pages):
    SearchPromotion.objects.create(
        query=Query.get("diversion"), page=pages["get-help"], sort_order=0
    )
    response = client.get("/en/search/?q=Diversion")
    assert results(response) == ["Get help", "RESET Court"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert "search-result--promoted" in soup.select_one(".search-result")["class"]


@pytest.mark.django_db
def test_search_does_not_record_what_people_look_for(client, pages):
    queries = Query.objects.count()
    client.get("/en/search/?q=how+to+leave")
    assert Query.objects.count() == queries


@pytest.mark.django_db
def test_type_filter(client, pages, home):
    response = client.get("/en/search/?q=diversion&type=homepage")
    assert results(response) == []
    assert results(client.get("/en/search/?q=diversion&type=standardpage")) == ["RESET Court"]
    assert results(client.get("/en/search/?q=diversion&type=nonsense")) == ["RESET Court"]


@pytest.mark.django_db
def test_empty_query_shows_help_and_the_page_is_not_indexed(client, pages):
    response = client.get("/en/search/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert "for example" in soup.select_one(".lead").get_text()
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "q=" + "a" * 10_000,
        "q=%00",
        "q=a%00b",
        "q=%22",
        "q=*",
        "q=AND+OR+NOT+(",
        "q=';+DROP+TABLE+wagtailcore_page;--",
        "q=%F0%9F%98%80%F0%9F%98%80",
        "q=%D7%A9%D7%9C%D7%95%D7%9D+%E2%80%AEevil",
        "q=NEAR(a+b)",
        "q=hotline&page=abc",
        "q=hotline&page=-5",
        "q=hotline&page=99999999999999999999",
        "q[]=x",
    ],
)
def test_hostile_queries_get_a_normal_page(client, pages, query):
    assert client.get(f"/en/search/?{query}").status_code == 200


@pytest.mark.django_db
def test_header_has_a_search_box_on_every_page(client, pages):
    soup = BeautifulSoup(client.get("/en/signs/").content, "html.parser")
    form = soup.select_one("header form[role=search]")
    assert form["action"] == "/en/search/" and form["method"] == "get"
    assert form.select_one('input[name="q"]') is not None
