"""A news item's page: what it shows, what it tells link previews and search engines."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from news.models import NewsPage
from tests.factories import DocumentFactory, NewsPageFactory, document_file

from .conftest import days_ago


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, key):
    element = soup.head.select_one(f'meta[property="{key}"]') or soup.head.select_one(
        f'meta[name="{key}"]'
    )
    return element["content"] if element else None


def json_ld(soup):
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def text(element):
    return " ".join(element.get_text(" ", strip=True).replace("\xa0", " ").split())


@pytest.mark.django_db
def test_detail_shows_date_kind_summary_body_and_print_button(client, add_news):
    item = add_news(
        title="Sentencing",
        kind="press-release",
        summary="A defendant was sentenced.",
        publication_date=datetime.date(2024, 8, 22),
        body=[("paragraph", "<p>The body of the release.</p>")],
    )
    soup = soup_of(client.get(item.url))
    assert soup.select_one("h1").get_text(strip=True) == "Sentencing"
    time = soup.select_one("article header time")
    assert time["datetime"] == "2024-08-22"
    assert time.get_text(strip=True) == "August 22, 2024"
    assert "Press release" in text(soup.select_one("article header"))
    assert soup.select_one(".lead").get_text(strip=True) == "A defendant was sentenced."
    assert "The body of the release." in text(soup.select_one(".stream"))
    assert soup.select_one("[data-print-button]") is not None
    assert len(soup.select("main")) == 1


@pytest.mark.django_db
def test_attachments_show_their_type_and_size(client, add_news):
    pdf = DocumentFactory(title="The release", file=document_file("release.pdf", b"%PDF" * 60))
    big = DocumentFactory(title="Fact sheet", file=document_file("facts.pdf", b"x" * 245_760))
    item = add_news(documents=[pdf, big])
    soup = soup_of(client.get(item.url))
    entries = [text(li) for li in soup.select(".news__attachments li")]
    assert entries == ["The release (PDF, 240 bytes)", "Fact sheet (PDF, 240.0 KB)"]
    link = soup.select_one(".news__attachments a")
    assert link["href"] == pdf.url


@pytest.mark.django_db
def test_detail_renders_without_measuring_files(client, add_news):
    document = DocumentFactory(file=document_file("old.pdf"), file_size=None)
    item = add_news(documents=[document])
    client.get(item.url)
    with CaptureQueriesContext(connection) as queries:
        soup = soup_of(client.get(item.url))
    assert text(soup.select_one(".news__attachments li")).endswith("(PDF)")
    writes = [q["sql"] for q in queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert writes == []


@pytest.mark.django_db
def test_related_partners_are_linked(client, add_news, add_partner):
    da = add_partner(title="District Attorney", slug="da")
    sheriff = add_partner(title="Sheriff", slug="sheriff")
    add_partner(title="Not named", slug="other")
    item = add_news(partners=[da, sheriff])
    soup = soup_of(client.get(item.url))
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".news__about a")}
    assert links == {"District Attorney": "/en/partners/da/", "Sheriff": "/en/partners/sheriff/"}


@pytest.mark.django_db
def test_related_news_share_a_topic_at_most_three_without_the_item_itself(client, add_news):
    item = add_news(title="This one", topics=["Sentencing", "Awareness"])
    for n in range(4):
        add_news(title=f"Sentencing {n}", topics=["Sentencing"], publication_date=days_ago(n))
    add_news(title="Other topic", topics=["RESET Court"])
    add_news(title="Draft on topic", topics=["Sentencing"], live=False)
    soup = soup_of(client.get(item.url))
    related = [a.get_text(strip=True) for a in soup.select(".news__related .card__title a")]
    assert related == ["Sentencing 0", "Sentencing 1", "Sentencing 2"]


@pytest.mark.django_db
def test_no_related_section_without_topics(client, add_news):
    item = add_news(title="Alone")
    add_news(title="Another")
    assert soup_of(client.get(item.url)).select_one(".news__related") is None


@pytest.mark.django_db
def test_open_graph_twitter_and_canonical_without_image(client, add_news):
    item = add_news(title="Awareness Month", summary="January is awareness month.")
    soup = soup_of(client.get(item.url))
    url = "http://localhost/en/news/" + item.slug + "/"
    assert soup.head.select_one('link[rel="canonical"]')["href"] == url
    assert meta(soup, "og:url") == url
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == "Awareness Month"
    assert meta(soup, "og:description") == "January is awareness month."
    assert meta(soup, "og:image") is None
    assert meta(soup, "twitter:card") == "summary"


@pytest.mark.django_db
def test_open_graph_image_is_absolute_and_the_card_large(client, add_news):
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(title="Banner", file=get_test_image_file())
    item = add_news(image=image, image_alt_text="Officers and advocates at a briefing.")
    soup = soup_of(client.get(item.url))
    assert meta(soup, "og:image").startswith("http://")
    assert "fill-1200x630" in meta(soup, "og:image")
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert json_ld(soup)["image"] == [meta(soup, "og:image")]
    picture_alt = soup.select_one(".news__image img")["alt"]
    assert picture_alt == "Officers and advocates at a briefing."


@pytest.mark.django_db
def test_json_ld_describes_a_news_article(client, add_news):
    item = add_news(
        title="Operation Hot Spots results",
        summary="103 arrests were reported.",
        publication_date=datetime.date(2020, 12, 3),
        topics=["Operation Hot Spots"],
    )
    data = json_ld(soup_of(client.get(item.url)))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Operation Hot Spots results"
    assert data["description"] == "103 arrests were reported."
    assert data["datePublished"] == "2020-12-03"
    assert data["url"] == data["mainEntityOfPage"] == f"http://localhost/en/news/{item.slug}/"
    assert data["publisher"]["name"] == "Sacramento Together"
    assert data["keywords"] == ["Operation Hot Spots"]


@pytest.mark.django_db
def test_json_ld_describes_an_event_with_dates_and_place(client, add_news):
    start = timezone.make_aware(datetime.datetime(2030, 1, 15, 10, 0))
    item = add_news(
        title="Training",
        kind="event",
        event_start=start,
        event_end=start + datetime.timedelta(hours=2),
        event_location="Community Room, Sacramento",
    )
    soup = soup_of(client.get(item.url))
    data = json_ld(soup)
    assert data["@type"] == "Event"
    assert data["name"] == "Training"
    assert datetime.datetime.fromisoformat(data["startDate"]) == start
    assert datetime.datetime.fromisoformat(data["endDate"]) == start + datetime.timedelta(hours=2)
    assert data["location"]["name"] == "Community Room, Sacramento"
    when = soup.select(".news__event time")
    assert datetime.datetime.fromisoformat(when[0]["datetime"]) == start


@pytest.mark.django_db
def test_json_ld_cannot_be_broken_out_of(client, add_news):
    hostile = '</script><script>alert("x")</script><!--'
    item = add_news(title=hostile, summary="A & B < C")
    response = client.get(item.url)
    html = response.content.decode()
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script and ">" not in script
    data = json.loads(script)
    assert data["headline"] == hostile
    assert data["description"] == "A & B < C"
    assert "<script>alert" not in html


@pytest.mark.django_db
def test_scheduled_item_is_not_reachable_by_url(client, news_index):
    item = NewsPageFactory.build(title="Tomorrow", slug="tomorrow", live=False)
    news_index.add_child(instance=item)
    item.go_live_at = timezone.now() + datetime.timedelta(days=1)
    item.save_revision().publish()
    assert client.get("/en/news/tomorrow/").status_code == 404


@pytest.mark.django_db
def test_an_image_needs_alt_text(news_index):
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(title="Banner", file=get_test_image_file())
    item = NewsPageFactory.build(image=image, image_alt_text=" ")
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "image_alt_text" in error.value.message_dict


@pytest.mark.django_db
def test_an_event_must_start_and_end_after_it_starts(news_index):
    start = timezone.now()
    event = NewsPageFactory.build(kind="event")
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "event_start" in error.value.message_dict
    event = NewsPageFactory.build(kind="event", event_start=start, event_end=start)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "event_end" in error.value.message_dict
    NewsPageFactory.build(
        kind="event", event_start=start, event_end=start + datetime.timedelta(hours=1)
    ).clean()


@pytest.mark.django_db
def test_no_item_may_take_the_feeds_address(news_index):
    with pytest.raises(ValidationError) as error:
        NewsPageFactory.build(slug="feeds").clean()
    assert "slug" in error.value.message_dict


@pytest.mark.django_db
def test_publication_date_defaults_to_today_and_can_be_set_earlier(news_index):
    item = NewsPage(title="Undated", slug="undated")
    assert item.publication_date == timezone.localdate()
    older = NewsPageFactory.build(publication_date=datetime.date(2019, 1, 5))
    news_index.add_child(instance=older)
    assert Page.objects.get(pk=older.pk).specific.publication_date == datetime.date(2019, 1, 5)
