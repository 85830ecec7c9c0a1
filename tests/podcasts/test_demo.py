import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from podcasts.models import AudioFile, PodcastEpisodePage, PodcastIndexPage
from tests.feed_validation import feed_errors

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"


def load_demo():
    call_command("load_demo_content", stdout=StringIO())


@pytest.mark.django_db
def test_demo_show_has_the_two_videos_and_a_playable_sample(client, demo):
    show = PodcastIndexPage.objects.get(slug="justice-journal", locale__language_code="en")
    assert (show.artwork.width, show.artwork.height) == (1400, 1400)
    show.full_clean()  # the generated artwork passes the podcast-app checks

    episodes = {e.slug: e for e in PodcastEpisodePage.objects.child_of(show).live()}
    assert episodes["human-trafficking-part-1"].video_url == "https://youtu.be/G51vo2oVVwE"
    assert episodes["human-trafficking-part-2"].video_url == "https://youtu.be/UOwE6DGJQIk"
    sample = episodes["sample-episode"]
    assert "Sample" in sample.summary and sample.transcript
    assert sample.audio.mime_type == "audio/mpeg" and sample.audio.duration_seconds == 3
    assert sample.audio.file.name.endswith(".mp3")

    for page in [show, *episodes.values()]:
        assert client.get(page.url).status_code == 200, page.url
    assert (
        "Transcript coming soon."
        in client.get(episodes["human-trafficking-part-1"].url).content.decode()
    )

    feed = ET.fromstring(client.get(show.feed_url).content)
    items = feed.findall("channel/item")
    assert [item.findtext("title") for item in items] == [sample.title]
    enclosure = items[0].find("enclosure")
    audio = client.get(enclosure.get("url"), HTTP_RANGE="bytes=0-99")
    assert audio.status_code == 206
    assert len(b"".join(audio.streaming_content)) == 100
    assert int(enclosure.get("length")) == sample.audio.file_size

    home = client.get("/en/").content.decode()
    assert "Latest podcast episode" in home
    assert "Justice Journal: human trafficking, part 2" in home


@pytest.mark.django_db
def test_demo_podcast_is_loaded_once(demo):
    load_demo()
    # The show and its three episodes, in English and in Spanish; one sound file.
    assert PodcastIndexPage.objects.count() == 2
    assert PodcastEpisodePage.objects.count() == 6
    assert AudioFile.objects.count() == 1


@pytest.mark.django_db
def test_demo_reset_reuses_the_generated_files(demo):
    call_command("load_demo_content", reset=True, stdout=StringIO())
    assert PodcastEpisodePage.objects.count() == 6
    assert AudioFile.objects.count() == 1
    assert {show.artwork.title for show in PodcastIndexPage.objects.all()} == {
        "Justice Journal artwork (sample)"
    }


def soup(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_the_spanish_site_reaches_the_podcast_in_spanish(client, demo):
    home = soup(client, "/es/")
    about_link = next(
        a for a in home.select(".primary-nav a") if a.get_text(strip=True) == "Sobre nosotros"
    )
    about = soup(client, about_link["href"])
    show_link = about.find("a", string="Pódcast Justice Journal")
    assert show_link is not None
    english = PodcastIndexPage.objects.get(locale__language_code="en")
    spanish = PodcastIndexPage.objects.get(locale__language_code="es")
    assert spanish.translation_key == english.translation_key
    assert show_link["href"] == spanish.url == "/es/podcast-justice-journal/"

    show = soup(client, show_link["href"])
    assert show.html["lang"] == "es"
    assert show.h1.get_text() == "Pódcast Justice Journal"
    notice = show.select_one(".podcast-show__language").get_text()
    assert notice == "Los episodios de este programa son en inglés."
    cards = [a.get_text(strip=True) for a in show.select(".card--episode .card__title a")]
    assert cards == [
        "Justice Journal: la trata de personas, parte 2",
        "Justice Journal: la trata de personas, parte 1",
        "Episodio de ejemplo: cómo llegan los episodios a su aplicación de pódcast",
    ]
    assert show.select_one('.language-switcher a[hreflang="en"]')["href"] == english.url

    video = soup(client, "/es/podcast-justice-journal/la-trata-de-personas-parte-1/")
    assert video.html["lang"] == "es"
    assert video.select_one(".episode__language").get_text() == "Este episodio es en inglés."
    assert "La transcripción llegará pronto." in video.select_one("#transcript").get_text()

    sample = soup(client, "/es/podcast-justice-journal/episodio-de-ejemplo/")
    assert sample.html["lang"] == "es"
    assert "Alex Rivera (ejemplo), Presentador inventado" in sample.get_text()
    # The transcript is the English one, marked as English; the audio is the same file.
    transcript = sample.select_one('#transcript [lang="en"]')
    assert "Every episode with audio has a transcript here" in transcript.get_text()
    english_sample = PodcastEpisodePage.objects.get(slug="sample-episode")
    assert sample.select_one("audio source")["src"] == english_sample.audio.url
    partner = sample.select_one(".episode__people a")
    assert partner["href"].startswith("/es/organizaciones-aliadas/")


@pytest.mark.django_db
def test_the_spanish_feed_is_valid_and_declares_the_language_spoken(client, demo):
    spanish = PodcastIndexPage.objects.get(locale__language_code="es")
    english = PodcastIndexPage.objects.get(locale__language_code="en")
    response = client.get(spanish.feed_url)
    assert feed_errors(response.content) == []
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Pódcast Justice Journal"
    assert channel.findtext("link").endswith("/es/podcast-justice-journal/")
    assert channel.findtext("description").startswith("Conversaciones en inglés")
    # Podcast apps file a show under the language spoken in it.
    assert channel.findtext("language") == "en"
    assert channel.findtext(f"{PODCAST}guid") != str(english.get_podcast_guid())
    (item,) = channel.findall("item")
    assert item.findtext("title").startswith("Episodio de ejemplo")
    assert item.find(f"{PODCAST}transcript").get("language") == "en"
    english_feed = ET.fromstring(client.get(english.feed_url).content)
    assert item.find("enclosure").get("url") == english_feed.find("channel/item/enclosure").get(
        "url"
    )
    assert item.findtext("guid") != english_feed.findtext("channel/item/guid")

    # The Spanish home page's latest episode is the Spanish one, not a stand-in.
    slot = soup(client, "/es/").select_one(".home-slot--podcast")
    assert not slot.has_attr("lang")
    assert "Justice Journal: la trata de personas, parte 2" in slot.get_text()
