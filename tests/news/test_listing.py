"""The news listing: order, filters, pagination, hostile input, scheduling, query counts."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from news.models import NewsIndexPage, NewsPage
from tests.factories import NewsPageFactory, StandardPageFactory

from .conftest import days_ago


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".card__title a")]


def notice(response):
    element = soup_of(response).select_one(".notice")
    return element.get_text(strip=True) if element else ""


@pytest.fixture
def mixed(add_news):
    """Items of several kinds, topics and years."""
    return [
        add_news(
            title="Sentencing 2024",
            kind="press-release",
            topics=["Sentencing"],
            publication_date=datetime.date(2024, 5, 1),
        ),
        add_news(
            title="Hot Spots 2023",
            kind="press-release",
            topics=["Operation Hot Spots"],
            publication_date=datetime.date(2023, 10, 2),
        ),
        add_news(
            title="Awareness 2024",
            kind="announcement",
            topics=["Awareness"],
            publication_date=datetime.date(2024, 1, 11),
        ),
        add_news(
            title="Training 2022",
            kind="event",
            topics=["Awareness"],
            publication_date=datetime.date(2022, 3, 3),
            event_start=timezone.now(),
        ),
    ]


@pytest.mark.django_db
def test_listing_is_newest_first_by_publication_date_not_by_entry(client, add_news):
    add_news(title="Entered first, dated today", publication_date=days_ago(0))
    # An older release entered later keeps its real date and sorts below.
    add_news(title="Entered later, dated last year", publication_date=days_ago(365))
    add_news(title="Dated yesterday", publication_date=days_ago(1))
    assert titles(client.get("/en/news/")) == [
        "Entered first, dated today",
        "Dated yesterday",
        "Entered later, dated last year",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=press-release", ["Sentencing 2024", "Hot Spots 2023"]),
        ("kind=event", ["Training 2022"]),
        ("topic=awareness", ["Awareness 2024", "Training 2022"]),
        ("year=2024", ["Sentencing 2024", "Awareness 2024"]),
        ("kind=announcement&topic=awareness", ["Awareness 2024"]),
        ("kind=press-release&year=2023", ["Hot Spots 2023"]),
        ("kind=press-release&topic=sentencing&year=2024", ["Sentencing 2024"]),
        ("q=spots", ["Hot Spots 2023"]),
    ],
)
def test_filters_alone_and_combined(client, mixed, query, expected):
    response = client.get(f"/en/news/?{query}")
    assert titles(response) == expected
    assert notice(response) == ""


@pytest.mark.django_db
def test_a_combination_without_results_says_so(client, mixed):
    response = client.get("/en/news/?kind=event&year=2024")
    soup = soup_of(response)
    assert titles(response) == []
    assert "No news item matches" in soup.select_one(".empty-result").get_text()
    assert soup.select_one(".empty-result a")["href"] == "/en/news/"


@pytest.mark.django_db
def test_year_choices_are_only_years_that_have_news(client, mixed):
    soup = soup_of(client.get("/en/news/"))
    years = [o["value"] for o in soup.select('select[name="year"] option') if o["value"]]
    assert years == ["2024", "2023", "2022"]


@pytest.mark.django_db
def test_filter_form_is_a_plain_get_form_that_keeps_the_choices(client, mixed):
    soup = soup_of(client.get("/en/news/?kind=press-release&topic=sentencing"))
    form = soup.select_one("form.filter-form")
    assert form["method"] == "get"
    assert form.select_one('select[name="kind"] option[selected]')["value"] == "press-release"
    assert form.select_one('select[name="topic"] option[selected]')["value"] == "sentencing"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, expected",
    [
        ("kind=%3Cscript%3Ealert(1)%3C/script%3E", 4),
        ("topic=999", 4),
        ("year=abcd", 4),
        ("year=1999", 4),  # a year without news
        ("kind=event&topic=999", 1),  # the good filter still applies
    ],
)
def test_unknown_filter_values_are_ignored_with_a_notice(client, mixed, query, expected):
    response = client.get(f"/en/news/?{query}")
    assert len(titles(response)) == expected
    assert "not recognized" in notice(response)
    assert "<script>alert" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=99999",
        "page=1e9",
        "q=" + "a" * 10_000,
        "q=%00",
        "q=hot%00spots",
        "kind=%00",
        "topic=%00",
        "topic=" + "x" * 10_000,
        "year=%00",
        "year=99999999999999999999999",
        "kind=press-release&kind=event",
    ],
)
def test_hostile_values_give_a_normal_page(client, mixed, query):
    response = client.get(f"/en/news/?{query}")
    assert response.status_code == 200
    assert soup_of(response).select_one("h1").get_text(strip=True) == "News"


@pytest.mark.django_db
def test_pagination_keeps_the_filters_and_survives_bad_page_numbers(client, add_news):
    for n in range(NewsIndexPage.per_page + 2):
        add_news(title=f"Release {n:02d}", kind="press-release", publication_date=days_ago(n))
    add_news(title="Not a release", kind="announcement")
    first = client.get("/en/news/?kind=press-release")
    assert len(titles(first)) == NewsIndexPage.per_page
    next_link = soup_of(first).select_one('.pagination a[rel="next"]')["href"]
    assert "kind=press-release" in next_link and "page=2" in next_link
    second = client.get("/en/news/" + next_link)
    assert titles(second) == ["Release 10", "Release 11"]
    assert titles(client.get("/en/news/?kind=press-release&page=abc")) == titles(first)
    # Past the end: the last page, not an error.
    assert titles(client.get("/en/news/?kind=press-release&page=99999")) == titles(second)


@pytest.mark.django_db
def test_scheduled_draft_and_expired_items_are_not_listed(client, news_index, add_news):
    add_news(title="Published")
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    scheduled = NewsPageFactory.build(title="Scheduled for tomorrow", slug="scheduled", live=False)
    news_index.add_child(instance=scheduled)
    scheduled.go_live_at = tomorrow
    scheduled.save_revision().publish()  # Wagtail keeps it offline until go_live_at
    scheduled.refresh_from_db()
    assert not scheduled.live
    draft = NewsPageFactory.build(title="Draft", slug="draft", live=False)
    news_index.add_child(instance=draft)
    add_news(title="Expired", expire_at=timezone.now() - datetime.timedelta(minutes=1))

    assert titles(client.get("/en/news/")) == ["Published"]
    assert client.get("/en/news/scheduled/").status_code == 404
    assert client.get("/en/news/draft/").status_code == 404


@pytest.mark.django_db
def test_private_items_are_not_listed(client, add_news):
    add_news(title="Public")
    private = add_news(title="Private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(client.get("/en/news/")) == ["Public"]
    assert [item.title for item in NewsPage.objects.published()] == ["Public"]


@pytest.mark.django_db
def test_published_news_can_be_read_alone(add_news):
    add_news(title="Older", publication_date=days_ago(3))
    add_news(title="Newer", publication_date=days_ago(1))
    add_news(title="Future go-live", go_live_at=timezone.now() + datetime.timedelta(hours=1))
    assert [item.title for item in NewsPage.objects.published()] == ["Newer", "Older"]


def listing_queries(client, url="/en/news/"):
    client.get(url)  # warm Wagtail's per-process caches and create site settings
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def page_shell_queries(client, home):
    """What any page costs before its own content: site, routing, settings, menu."""
    page = StandardPageFactory.build(slug="shell", show_in_menus=False)
    home.add_child(instance=page)
    return listing_queries(client, "/en/shell/")


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_number_of_items(client, home, add_news):
    def add_items(start, stop):
        for n in range(start, stop):
            add_news(title=f"Item {n}", topics=[f"Topic {n % 3}", "Shared"])

    add_items(0, 5)
    few = listing_queries(client)
    add_items(5, 50)
    many = listing_queries(client)
    filtered = listing_queries(client, "/en/news/?kind=press-release&topic=shared&page=2")
    assert few == many
    assert filtered <= many + 1  # the topic's slug is looked up once
    assert max(many, filtered) <= 20  # the budget of every public page (tests/performance)
    # The listing itself (years, count, topic choices, items, renditions, topics)
    # stays within 10 queries on top of the page shell every page pays.
    shell = page_shell_queries(client, home)
    assert many - shell <= 10, f"listing {many} queries, page shell {shell}"


@pytest.mark.django_db
def test_home_page_shows_the_three_latest_items(client, home, add_news):
    for n in range(5):
        add_news(title=f"Item {n}", publication_date=days_ago(n))
    soup = soup_of(client.get("/en/"))
    slot = soup.select_one(".home-slot--news")
    assert [a.get_text(strip=True) for a in slot.select(".card__title a")] == [
        "Item 0",
        "Item 1",
        "Item 2",
    ]
    assert slot.select_one("a.button")["href"] == "/en/news/"


@pytest.mark.django_db
def test_home_page_has_no_news_slot_without_news(client, home, news_index):
    soup = soup_of(client.get("/en/"))
    assert soup.select_one(".home-slot--news") is None
    assert "Latest news" not in soup.get_text()


@pytest.mark.django_db
def test_home_page_queries_do_not_grow_with_the_number_of_items(client, add_news):
    for n in range(5):
        add_news(title=f"Item {n}", topics=["Shared", f"Topic {n}"])
    few = listing_queries(client, "/en/")
    for n in range(5, 50):
        add_news(title=f"Item {n}", topics=["Shared", f"Topic {n}"])
    assert listing_queries(client, "/en/") == few


@pytest.mark.django_db
def test_reading_the_listing_writes_nothing(client, mixed):
    client.get("/en/news/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/news/?kind=event&topic=awareness&year=2022")
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


@pytest.mark.django_db
def test_news_index_is_allowed_once_under_the_home_page(home, news_index):
    assert NewsIndexPage.can_create_at(home) is False
    assert NewsPage.can_create_at(news_index) is True
    assert NewsPage.can_create_at(home) is False


@pytest.mark.django_db
def test_items_under_a_private_news_index_are_private_too(client, news_index, add_news):
    add_news(title="Inside")
    assert [item.title for item in NewsPage.objects.published()] == ["Inside"]
    PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    assert list(NewsPage.objects.published()) == []
    assert soup_of(client.get("/en/")).select_one(".home-slot--news") is None


@pytest.mark.django_db
def test_topic_links_of_a_translated_topic_work_in_both_languages(
    client, home, news_index, add_news
):
    """The review's 500: a Spanish Topic sharing the English one's slug broke every topic link."""
    from wagtail.models import Locale

    from news.models import Topic

    item = add_news(title="Sentencing in May", topics=["Sentencing"])
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    home.copy_for_translation(spanish).save_revision().publish()
    topic = Topic.objects.get(name="Sentencing")
    es_topic = topic.copy_for_translation(spanish)
    es_topic.name = "Sentencias"
    es_topic.save()
    news_index.copy_for_translation(spanish).save_revision().publish()
    es_item = item.copy_for_translation(spanish)
    es_item.title = "Sentencia en mayo"
    es_item.topics = [es_topic]
    es_item.save_revision().publish()

    for page, name, title in (
        (item, "Sentencing", item.title),
        (es_item, "Sentencias", es_item.title),
    ):
        links = soup_of(client.get(page.url)).select("a.tag")
        assert [link.get_text() for link in links] == [name]
        listing = client.get(links[0]["href"])
        assert titles(listing) == [title]
        assert notice(listing) == ""
        assert f'value="{topic.slug}" selected' in listing.content.decode()
