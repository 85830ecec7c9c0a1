import pytest
from bs4 import BeautifulSoup
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.rich_text import RichText

from tests.factories import NewsIndexPageFactory, NewsPageFactory, StandardPageFactory


def results(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".search-result .card__title a")]


@pytest.fixture
def pages(home):
    found = {}
    for title, slug, word in [
        ("Get help", "get-help", "hotline"),
        ("Recognize the signs", "signs", "bruises"),
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
    assert soup.select_one(".search-result .card__meta").get_text(strip=True).startswith("Page")
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
    response = client.get("/en/search/?q=diversion&type=partner")
    assert results(response) == []
    assert results(client.get("/en/search/?q=diversion&type=page")) == ["RESET Court"]
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


# ---------------------------------------------------------------- ranking


def labels(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        meta.get_text(" ", strip=True).split(" · ")[0]
        for meta in soup.select(".search-result .card__meta")
    ]


def filler(words):
    return " ".join(f"word{n % 97}" for n in range(words))


@pytest.mark.django_db
def test_titles_weigh_more_than_body_text(client, home):
    # The page of that name says a lot; nine others only mention it, briefly.
    named = StandardPageFactory.build(
        title="Operation Hot Spots",
        slug="operation-hot-spots",
        body=[("paragraph", RichText(f"<p>Countywide stings. {filler(400)}</p>"))],
    )
    home.add_child(instance=named)
    for number in range(9):
        home.add_child(
            instance=StandardPageFactory.build(
                title=f"Police department {number}",
                slug=f"police-{number}",
                body=[("paragraph", RichText("<p>We took part in Operation Hot Spots.</p>"))],
            )
        )
    assert results(client.get("/en/search/?q=hot+spots"))[0] == "Operation Hot Spots"


@pytest.mark.django_db
def test_a_page_titled_as_the_query_comes_first_whatever_its_rank(client, home):
    for number in range(12):
        home.add_child(
            instance=StandardPageFactory.build(
                title=f"About the coalition, part {number}",
                slug=f"part-{number}",
                body=[("paragraph", RichText("<p>About the coalition, again and again.</p>"))],
            )
        )
    home.add_child(
        instance=StandardPageFactory.build(
            title="About the coalition",
            slug="about",
            body=[("paragraph", RichText(f"<p>{filler(600)}</p>"))],
        )
    )
    found = results(client.get("/en/search/?q=about+the+COALITION"))
    assert found[0] == "About the coalition"
    second = results(client.get("/en/search/?q=about+the+coalition&page=2"))
    # The other pages follow on, none left out or shown twice.
    assert len(found) == 10 and "About the coalition" not in second
    parts = {f"About the coalition, part {number}" for number in range(12)}
    assert parts <= set(found + second) and len(found + second) == len(set(found + second))


@pytest.mark.django_db
def test_searching_a_demo_page_title_finds_that_page_first(client, demo):
    for page in Page.objects.live().filter(depth__gt=2).order_by("path"):
        path = f"/{page.locale.language_code}/search/"
        found = results(client.get(path, {"q": page.title}))
        assert found and found[0] == page.title, f"{page.title!r}: {found}"
    # The page of the operation first, then the press release about the 2020 one.
    found = results(client.get("/en/search/?q=Operation+Hot+Spots"))
    assert found[:2] == [
        "Operation Hot Spots",
        "Operation Hot Spots 2020: stings aimed at sex buyers lead to 103 arrests",
    ]


# ---------------------------------------------------------------- labels


@pytest.fixture
def news(home):
    index = NewsIndexPageFactory.build()
    home.add_child(instance=index)
    for kind, title in [("press-release", "Sentencing"), ("announcement", "Training day")]:
        item = NewsPageFactory.build(
            title=title, kind=kind, body=[("paragraph", RichText("<p>diversion</p>"))]
        )
        index.add_child(instance=item)
    return index


@pytest.mark.django_db
def test_results_are_labelled_in_plain_words(client, pages, news):
    response = client.get("/en/search/?q=diversion")
    by_title = dict(zip(results(response), labels(response), strict=True))
    assert by_title == {
        "RESET Court": "Page",
        "Sentencing": "Press release",
        "Training day": "Announcement",
    }


@pytest.mark.django_db
def test_the_type_filter_offers_the_same_plain_labels(client, pages, news):
    soup = BeautifulSoup(client.get("/en/search/?q=diversion").content, "html.parser")
    offered = {
        option.get_text(strip=True): option["value"]
        for option in soup.select("#search-type option")
    }
    for label in [
        "Page",
        "Form",
        "Partner",
        "Press release",
        "Event",
        "Podcast episode",
        "Resource",
    ]:
        assert label in offered, offered
    assert not {"Standard page", "Form page", "Home page", "News item"} & set(offered)
    assert len(offered) == len(set(offered.values())), "a label offered twice"
    response = client.get(f"/en/search/?q=diversion&type={offered['Press release']}")
    assert results(response) == ["Sentencing"] and labels(response) == ["Press release"]
    assert results(client.get(f"/en/search/?q=diversion&type={offered['Page']}")) == ["RESET Court"]
