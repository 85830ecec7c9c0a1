import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from podcasts.models import EpisodeGuest, PodcastIndexPage
from tests.factories import (
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PodcastArtworkFactory,
    StandardPageFactory,
)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".card--episode .card__title a")]


# ---------------------------------------------------------------- show page


@pytest.mark.django_db
def test_show_page_lists_episodes_newest_first(client, show, add_episode):
    now = timezone.now()
    add_episode(title="Oldest", publication_date=now - datetime.timedelta(days=20))
    add_episode(title="Newest", publication_date=now - datetime.timedelta(days=1))
    add_episode(title="Middle", publication_date=now - datetime.timedelta(days=5), audio=None)
    draft = add_episode(title="Draft")
    draft.unpublish()

    soup = soup_of(client.get(show.url))

    assert soup.h1.get_text() == "Justice Journal"
    assert card_titles(soup) == ["Newest", "Middle", "Oldest"]
    assert "3 episodes" in soup.select_one(".listing__count").get_text()
    assert soup.select_one(".podcast-subscribe a")["href"] == f"/podcasts/feeds/{show.pk}/rss/"
    assert (
        soup.select_one(".podcast-subscribe a").get_text()
        == f"http://testserver/podcasts/feeds/{show.pk}/rss/"
    )


@pytest.mark.django_db
def test_show_page_paginates_and_survives_bad_page_numbers(client, show, add_episode):
    now = timezone.now()
    for n in range(PodcastIndexPage.per_page + 2):
        add_episode(
            title=f"Episode number {n}",
            audio=None,
            publication_date=now - datetime.timedelta(days=n),
        )
    first = soup_of(client.get(show.url))
    assert len(card_titles(first)) == PodcastIndexPage.per_page
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"
    second = soup_of(client.get(show.url, {"page": 2}))
    assert card_titles(second) == ["Episode number 12", "Episode number 13"]
    for bad in ["abc", "0", "-1", "99999", "1\x00"]:
        assert client.get(show.url, {"page": bad}).status_code == 200


@pytest.mark.django_db
def test_show_page_says_when_there_is_no_episode_yet(client, show):
    soup = soup_of(client.get(show.url))
    assert "0 episodes" in soup.select_one(".listing__count").get_text()
    assert soup.select_one(".empty-result")


@pytest.mark.django_db
def test_cards_say_whether_a_transcript_exists(client, show, add_episode):
    add_episode(title="With transcript", transcript="<p>Everything said.</p>")
    add_episode(title="Without transcript")
    soup = soup_of(client.get(show.url))
    cards = {
        card.select_one(".card__title").get_text(strip=True): card.get_text(" ", strip=True)
        for card in soup.select(".card--episode")
    }
    assert "Transcript coming soon" in cards["Without transcript"]
    assert "Transcript coming soon" not in cards["With transcript"]


def count_queries(client, url):
    client.get(url)  # renditions are made, and Wagtail's site-root cache filled, on first view
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def bare_page_queries(client, home):
    """What any page of this site costs before its own content (site, route, settings, menu)."""
    home.add_child(instance=StandardPageFactory.build(slug="bare"))
    return count_queries(client, "/en/bare/")


@pytest.mark.django_db
def test_show_page_queries_do_not_grow_with_episodes(client, home, show, add_episode):
    image = PodcastArtworkFactory()
    for n in range(5):
        add_episode(title=f"Few {n}", listing_image=image, transcript="<p>Words.</p>" * (n % 2))
    few = count_queries(client, show.url)

    for n in range(45):
        add_episode(title=f"Many {n}", listing_image=image if n % 2 else None)
    many = count_queries(client, show.url)

    assert few == many, f"{few} queries for 5 episodes, {many} for 50"
    # The list itself adds three: the count, the episodes (with audio and images
    # joined) and the card images' renditions. The show's artwork is in a cached fragment.
    baseline = bare_page_queries(client, home)
    assert many <= baseline + 3, f"{many} queries; a bare page takes {baseline}"
    assert many <= 20  # the budget of every public page (tests/performance)


# ---------------------------------------------------------------- episode page


@pytest.mark.django_db
def test_episode_page_has_a_native_player_and_a_download_link(client, show, add_episode):
    episode = add_episode(title="Listen here")
    audio = episode.audio
    soup = soup_of(client.get(episode.url))

    player = soup.select_one("audio")
    assert player.has_attr("controls")
    assert player["preload"] == "none"
    source = player.select_one("source")
    assert source["src"] == audio.url
    assert source["type"] == "audio/mpeg"
    download = soup.select_one("a.episode__download")
    assert download["href"] == audio.url
    assert download.has_attr("download")
    assert f"(MP3, {audio.size_display})" in download.parent.get_text()
    assert audio.size_display == "15.9\xa0KB"
    assert "Length 0:02" in soup.select_one(".article__header").get_text()


@pytest.mark.django_db
def test_episode_without_transcript_says_it_is_coming(client, show, add_episode):
    episode = add_episode()
    soup = soup_of(client.get(episode.url))
    assert "Transcript coming soon." in soup.select_one("#transcript").get_text()

    episode.transcript = "<p>Host: welcome to the show.</p>"
    episode.save_revision().publish()
    soup = soup_of(client.get(episode.url))
    transcript = soup.select_one("#transcript").get_text()
    assert "Host: welcome to the show." in transcript
    assert "coming soon" not in transcript


@pytest.mark.django_db
def test_a_show_in_another_language_says_so_and_marks_its_transcripts(client, show, add_episode):
    episode = add_episode(transcript="<p>Locutora: bienvenidos.</p>")
    soup = soup_of(client.get(episode.url))
    assert soup.select_one(".episode__language") is None
    assert soup.select_one("#transcript [lang]") is None

    show.language = "es"
    show.save_revision().publish()
    soup = soup_of(client.get(episode.url))
    assert soup.select_one(".episode__language").get_text() == "This episode is in Spanish."
    assert "Locutora: bienvenidos." in soup.select_one('#transcript [lang="es"]').get_text()
    show_page = soup_of(client.get(show.url))
    notice = show_page.select_one(".podcast-show__language").get_text()
    assert notice == "The episodes of this show are in Spanish."


@pytest.mark.django_db
def test_video_is_a_facade_that_calls_nobody_until_clicked(client, show, add_episode):
    episode = add_episode(audio=None, video_url="https://youtu.be/G51vo2oVVwE")
    soup = soup_of(client.get(episode.url))

    assert soup.find("iframe") is None
    assert soup.find("audio") is None
    figure = soup.select_one("[data-video]")
    assert figure["data-embed-src"].startswith("https://www.youtube-nocookie.com/embed/G51vo2oVVwE")
    play = figure.select_one("a[data-video-play]")
    assert play["href"] == "https://www.youtube.com/watch?v=G51vo2oVVwE"
    assert episode.title in play.get_text()
    # Nothing on the page loads from another site.
    loaded = [img["src"] for img in soup.find_all("img")]
    loaded += [tag["src"] for tag in soup.find_all(["script", "source", "iframe"], src=True)]
    loaded += [
        link["href"]
        for link in soup.find_all("link", href=True)
        if {"stylesheet", "icon", "preload", "preconnect", "prefetch"} & set(link["rel"])
    ]
    assert loaded
    for url in loaded:
        assert not url.startswith(("http:", "https:", "//")), f"the page loads {url}"


@pytest.mark.django_db
def test_video_poster_is_served_by_the_site(client, show, add_episode):
    poster = PodcastArtworkFactory()
    episode = add_episode(audio=None, video_url="https://youtu.be/UOwE6DGJQIk", video_poster=poster)
    soup = soup_of(client.get(episode.url))
    image = soup.select_one("[data-video] img.video__poster")
    assert image["src"].startswith("/media/")
    assert image["alt"] == ""


@pytest.mark.django_db
def test_episode_page_names_guests_and_partners(client, home, show, add_episode):
    directory = PartnerIndexPageFactory.build()
    home.add_child(instance=directory)
    partner = PartnerPageFactory.build(title="Harbor Light Shelter")
    directory.add_child(instance=partner)
    hidden = PartnerPageFactory.build(title="Unpublished partner")
    directory.add_child(instance=hidden)
    hidden.unpublish()

    episode = add_episode()
    episode.partners = [partner, hidden]
    episode.guests = [EpisodeGuest(name="Sam Lee", role="Victim advocate")]
    episode.save_revision().publish()

    soup = soup_of(client.get(episode.url))
    people = soup.select_one(".episode__people").get_text(" ", strip=True)
    assert "Sam Lee, Victim advocate" in people
    assert "Harbor Light Shelter" in people
    assert "Unpublished partner" not in people
    assert list(partner.podcast_episodes.all()) == [episode]


@pytest.mark.django_db
def test_episode_page_queries_do_not_grow_with_guests_and_partners(client, home, show, add_episode):
    directory = PartnerIndexPageFactory.build()
    home.add_child(instance=directory)
    partners = []
    for n in range(5):
        partners.append(PartnerPageFactory.build(title=f"Partner {n}"))
        directory.add_child(instance=partners[-1])
    episode = add_episode(transcript="<p>Words.</p>", video_url="https://youtu.be/G51vo2oVVwE")
    episode.partners = partners[:1]
    episode.guests = [EpisodeGuest(name="Guest")]
    episode.save_revision().publish()
    few = count_queries(client, episode.url)

    episode.partners = partners
    episode.guests = [EpisodeGuest(name=f"Guest {n}") for n in range(5)]
    episode.save_revision().publish()
    many = count_queries(client, episode.url)

    assert few == many
    # One more level of routing (two queries), then the show, audio, guests and partners.
    baseline = bare_page_queries(client, home)
    assert many <= baseline + 6, f"{many} queries; a bare page takes {baseline}"
    assert many <= 20  # the budget of every public page (tests/performance)


@pytest.mark.django_db
def test_pages_set_no_cookie_for_anonymous_readers(client, show, add_episode):
    episode = add_episode()
    assert not client.get(show.url).cookies
    assert not client.get(episode.url).cookies


# ---------------------------------------------------------------- home page slot


@pytest.mark.django_db
def test_home_page_shows_nothing_while_there_is_no_episode(client, home, show):
    soup = soup_of(client.get("/en/"))
    assert soup.select_one(".home-slot--podcast") is None


@pytest.mark.django_db
def test_home_page_shows_the_latest_episode(client, home, show, add_episode):
    now = timezone.now()
    add_episode(title="Last month", publication_date=now - datetime.timedelta(days=30))
    latest = add_episode(title="This week", publication_date=now - datetime.timedelta(days=2))
    newer_draft = add_episode(title="Not yet", publication_date=now)
    newer_draft.unpublish()

    soup = soup_of(client.get("/en/"))
    slot = soup.select_one(".home-slot--podcast")
    assert slot.h2.get_text() == "Latest podcast episode"
    assert card_titles(slot) == ["This week"]
    assert slot.select_one(".card__title a")["href"] == latest.url
    assert slot.select_one(".card__meta a").get_text() == "Justice Journal"
