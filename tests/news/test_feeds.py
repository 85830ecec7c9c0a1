"""RSS 2.0 and Atom feeds: valid XML, the right items in order, absolute links, stable ids."""

import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.factories import NewsPageFactory
from tests.feed_validation import feed_errors

from .conftest import days_ago

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(response, content_type):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert "Set-Cookie" not in response
    return ET.fromstring(response.content)


def rss_items(client, url="/news/feeds/rss/"):
    root = parse(client.get(url), "application/rss+xml")
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    return channel, channel.findall("item")


def atom_entries(client, url="/news/feeds/atom/"):
    root = parse(client.get(url), "application/atom+xml")
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


@pytest.fixture
def news(add_news):
    return [
        add_news(
            title="Newest release",
            kind="press-release",
            summary="A defendant was sentenced.",
            topics=["Sentencing"],
            publication_date=days_ago(1),
        ),
        add_news(
            title="Middle announcement",
            kind="announcement",
            topics=["Awareness", "RESET Court"],
            publication_date=days_ago(10),
        ),
        add_news(
            title="Oldest release",
            kind="press-release",
            publication_date=days_ago(400),
        ),
    ]


@pytest.mark.django_db
def test_rss_feed_lists_news_newest_first_with_absolute_links_and_dates(client, news):
    channel, items = rss_items(client)
    assert channel.findtext("title") == "Sacramento Together: News"
    assert channel.findtext("link") == "http://localhost/en/news/"
    assert [item.findtext("title") for item in items] == [
        "Newest release",
        "Middle announcement",
        "Oldest release",
    ]
    first = items[0]
    assert first.findtext("link") == "http://localhost/en/news/" + news[0].slug + "/"
    assert first.findtext("description") == "A defendant was sentenced."
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)
    assert timezone.localtime(dates[0]).date() == days_ago(1)
    assert [c.text for c in first.findall("category")] == ["Press release", "Sentencing"]
    assert [c.text for c in items[1].findall("category")] == [
        "Announcement",
        "Awareness",
        "RESET Court",
    ]


@pytest.mark.django_db
def test_rss_guids_are_tag_uris_that_survive_a_change_of_slug_and_title(client, news):
    _, items = rss_items(client)
    guid = items[0].find("guid")
    assert guid.get("isPermaLink") == "false"
    # Dated by first publication (today), not by the editable publication date.
    first_published = timezone.localdate(news[0].first_published_at)
    assert guid.text == f"tag:localhost,{first_published.isoformat()}:news/{news[0].pk}"

    page = news[0]
    page.title, page.slug = "Renamed release", "renamed"
    page.publication_date = days_ago(2)
    page.save_revision().publish()
    _, items = rss_items(client)
    assert items[0].findtext("link").endswith("/en/news/renamed/")
    assert items[0].find("guid").text == guid.text


@pytest.mark.django_db
def test_atom_feed_parses_with_the_same_entries(client, news):
    root, entries = atom_entries(client)
    assert root.findtext(f"{ATOM}title") == "Sacramento Together: News"
    assert root.findtext(f"{ATOM}subtitle")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Newest release",
        "Middle announcement",
        "Oldest release",
    ]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == f"http://localhost/en/news/{news[0].slug}/"
    assert first.findtext(f"{ATOM}id").startswith("tag:localhost,")
    assert first.findtext(f"{ATOM}summary") == "A defendant was sentenced."
    published = [datetime.datetime.fromisoformat(e.findtext(f"{ATOM}published")) for e in entries]
    assert published == sorted(published, reverse=True)
    assert first.findtext(f"{ATOM}updated")
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == [
        "Press release",
        "Sentencing",
    ]
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link == "http://localhost/news/feeds/atom/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, parse_feed",
    [("/news/feeds/press-release/rss/", "rss"), ("/news/feeds/press-release/atom/", "atom")],
)
def test_press_release_feed_holds_press_releases_only(client, news, url, parse_feed):
    if parse_feed == "rss":
        channel, items = rss_items(client, url)
        assert channel.findtext("title") == "Sacramento Together: Press releases"
        found = [item.findtext("title") for item in items]
    else:
        _, entries = atom_entries(client, url)
        found = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert found == ["Newest release", "Oldest release"]


@pytest.mark.django_db
def test_a_kind_without_items_gives_an_empty_feed_and_an_unknown_kind_a_404(client, news):
    _, items = rss_items(client, "/news/feeds/event/rss/")
    assert items == []
    assert client.get("/news/feeds/no-such-kind/rss/").status_code == 404
    assert client.get("/news/feeds/%3Cscript%3E/atom/").status_code == 404


@pytest.mark.django_db
def test_feeds_leave_out_scheduled_draft_expired_and_private_items(client, news_index, news):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    scheduled = NewsPageFactory.build(title="Scheduled", slug="scheduled", live=False)
    news_index.add_child(instance=scheduled)
    scheduled.go_live_at = tomorrow
    scheduled.save_revision().publish()
    draft = NewsPageFactory.build(title="Draft", slug="draft", live=False)
    news_index.add_child(instance=draft)
    expired = NewsPageFactory.build(
        title="Expired", slug="expired", expire_at=timezone.now() - datetime.timedelta(hours=1)
    )
    news_index.add_child(instance=expired)
    private = NewsPageFactory.build(title="Private", slug="private")
    news_index.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    expected = ["Newest release", "Middle announcement", "Oldest release"]
    _, items = rss_items(client)
    assert [item.findtext("title") for item in items] == expected
    _, entries = atom_entries(client)
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == expected
    _, items = rss_items(client, "/news/feeds/press-release/rss/")
    assert "Scheduled" not in [item.findtext("title") for item in items]


@pytest.mark.django_db
def test_feed_queries_do_not_grow_with_the_number_of_items(client, add_news):
    def feed_queries():
        client.get("/news/feeds/rss/")
        with CaptureQueriesContext(connection) as queries:
            rss_items(client)
        return len(queries)

    for n in range(5):
        add_news(title=f"Item {n}", topics=["Shared", f"Topic {n}"])
    few = feed_queries()
    for n in range(5, 50):
        add_news(title=f"Item {n}", topics=["Shared", f"Topic {n}"])
    assert feed_queries() == few


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/en/news/", "/en/about/"])
def test_every_page_links_the_feeds_from_its_head(client, home, news, path):
    from bs4 import BeautifulSoup

    from tests.factories import StandardPageFactory

    home.add_child(instance=StandardPageFactory.build(slug="about"))
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    links = {
        (link["type"], link["href"]): link["title"]
        for link in soup.head.select('link[rel="alternate"]')
    }
    assert ("application/rss+xml", "/news/feeds/rss/") in links
    assert ("application/atom+xml", "/news/feeds/atom/") in links
    assert ("application/rss+xml", "/news/feeds/press-release/rss/") in links
    assert all(title.startswith("Sacramento Together") for title in links.values())
    # Each link leads to a feed.
    for _, href in links:
        assert client.get(href).status_code == 200


@pytest.mark.django_db
def test_feed_links_tag_makes_no_database_query():
    template = Template("{% load news_tags %}{% news_feed_links %}")
    with CaptureQueriesContext(connection) as queries:
        html = template.render(Context({}))
    assert len(queries) == 0
    assert 'href="/news/feeds/rss/"' in html


# ---------------------------------------------------------------- the W3C validator's rules


def every_feed_address(languages, shows):
    """Each news feed (per language, per kind, RSS and Atom) and each show's podcast feed."""
    from django.urls import reverse

    from news.models import NewsKind

    for name in ("rss", "atom"):
        for kind in [None, *NewsKind.values]:
            kind_args, prefix = ([kind], "kind-") if kind else ([], "")
            yield reverse(f"news:{prefix}{name}", args=kind_args)
            for language in languages:
                yield reverse(f"news:language-{prefix}{name}", args=[language, *kind_args])
    for show in shows:
        yield show.feed_url


@pytest.mark.django_db
def test_every_feed_of_the_demo_site_passes_the_feed_validators_rules(client, demo):
    from coalition_site.models import HomePage
    from podcasts.models import PodcastIndexPage

    languages = sorted(HomePage.objects.live().values_list("locale__language_code", flat=True))
    assert languages == ["en", "es"]
    shows = list(PodcastIndexPage.objects.live())
    addresses = list(every_feed_address(languages, shows))
    assert len(shows) == 2  # the show and its Spanish translation
    assert len(addresses) == 2 * 5 * 3 + len(shows) == 32

    feed_ids = {}
    entries = 0
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert feed_errors(response.content) == [], address
        root = ET.fromstring(response.content)
        if root.tag == f"{ATOM}feed":
            feed_ids[address] = root.findtext(f"{ATOM}id")
            self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
            entries += len(root.findall(f"{ATOM}entry"))
        else:
            self_link = root.find(f"channel/{ATOM}link[@rel='self']").get("href")
        assert self_link.endswith(address), address
    # Each Atom feed has its own id, and it does not change from one request to the next.
    assert len(set(feed_ids.values())) == len(feed_ids) == 15
    again = client.get("/news/feeds/es/press-release/atom/").content
    assert (
        ET.fromstring(again).findtext(f"{ATOM}id") == feed_ids["/news/feeds/es/press-release/atom/"]
    )
    assert entries > 0, "the demo's news reach the Atom feeds"


@pytest.mark.django_db
def test_atom_feed_names_the_coalition_as_its_author_and_its_own_address_as_id(client, news):
    root, entries = atom_entries(client, "/news/feeds/press-release/atom/")
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "Sacramento Together"
    assert root.findtext(f"{ATOM}id") == "http://localhost/news/feeds/press-release/atom/"
    self_link = root.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("type") == "application/atom+xml"
    everything, _ = atom_entries(client)
    assert everything.findtext(f"{ATOM}id") == "http://localhost/news/feeds/atom/"
    channel, _ = rss_items(client)
    assert channel.find(f"{ATOM}link[@rel='self']").get("type") == "application/rss+xml"


def test_the_rules_catch_what_the_w3c_validator_reports():
    """The checker itself: a feed with the faults the validator found is refused."""
    invalid_atom = b"""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>News</title><link href="/en/news/" rel="alternate"/>
  <link href="http://localhost/news/feeds/atom/" rel="self"/>
  <id>http://localhost/en/news/</id><updated>2024-01-15T09:30:00-08:00</updated>
  <entry><title>One</title><link href="http://localhost/en/news/one/" rel="alternate"/>
    <updated>2024-01-15</updated><id>tag:localhost,2024-01-15:news/1</id></entry>
  <entry><title>Two</title><link href="http://localhost/en/news/two/" rel="alternate"/>
    <updated>2024-01-15T09:30:00Z</updated><id>tag:localhost,2024-01-15:news/1</id></entry>
</feed>"""
    errors = feed_errors(invalid_atom)
    assert "relative href '/en/news/' on {http://www.w3.org/2005/Atom}link" in errors
    assert "feed: the self link needs type application/atom+xml" in errors
    assert "entry 1: no author, and the feed has none" in errors
    assert "entry 1 updated: '2024-01-15' is not an RFC 3339 date" in errors
    assert "entries share an id" in errors
    invalid_rss = b"""<rss version="2.0"><channel><title>News</title><link>/en/news/</link>
  <item><title>One</title><pubDate>2024-01-15</pubDate></item></channel></rss>"""
    errors = feed_errors(invalid_rss)
    assert "relative link '/en/news/'" in errors
    assert "channel: no description" in errors
    assert "channel: needs one atom:link rel=self" in errors
    assert "item 1: no guid" in errors
    assert "item 1 pubDate: '2024-01-15' is not an RFC 822 date" in errors
    assert feed_errors(b"<rss><channel>") == [
        "not well-formed XML: no element found: line 1, column 14"
    ]
