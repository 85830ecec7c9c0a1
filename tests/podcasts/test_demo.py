import xml.etree.ElementTree as ET
from io import StringIO

import pytest
from django.core.management import call_command

from podcasts.models import AudioFile, PodcastEpisodePage, PodcastIndexPage

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def load_demo():
    call_command("load_demo_content", stdout=StringIO())


@pytest.mark.django_db
def test_demo_show_has_the_two_videos_and_a_playable_sample(client):
    load_demo()
    show = PodcastIndexPage.objects.get(slug="justice-journal")
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
def test_demo_podcast_is_loaded_once():
    load_demo()
    load_demo()
    assert PodcastIndexPage.objects.count() == 1
    assert PodcastEpisodePage.objects.count() == 3
    assert AudioFile.objects.count() == 1


@pytest.mark.django_db
def test_demo_reset_reuses_the_generated_files():
    load_demo()
    call_command("load_demo_content", reset=True, stdout=StringIO())
    assert PodcastEpisodePage.objects.count() == 3
    assert AudioFile.objects.count() == 1
    assert PodcastIndexPage.objects.get().artwork.title == "Justice Journal artwork (sample)"
