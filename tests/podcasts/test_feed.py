import datetime
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from podcasts.models import EpisodeType
from tests.factories import PodcastIndexPageFactory
from tests.feed_validation import feed_errors

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"
ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(show):
    return f"/podcasts/feeds/{show.pk}/rss/"


def get_feed(client, show):
    response = client.get(feed_url(show))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def items_by_title(channel):
    return {item.findtext("title"): item for item in channel.findall("item")}


@pytest.mark.django_db
def test_feed_declares_the_itunes_namespace(client, show):
    body = client.get(feed_url(show)).content.decode()
    assert 'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"' in body


@pytest.mark.django_db
def test_channel_carries_what_podcast_apps_require(client, show):
    show.language = "es"
    show.explicit = False
    show.save_revision().publish()

    channel = get_feed(client, show)

    assert channel.findtext("title") == "Justice Journal"
    assert channel.findtext("link") == "http://testserver/en/justice-journal/"
    assert channel.findtext("description") == "Conversations about safety and help."
    assert channel.findtext("language") == "es"
    assert channel.findtext("copyright") == "© Sacramento Together"
    image = channel.find(f"{ITUNES}image")
    assert image.get("href").startswith("http://testserver/")
    assert image.get("href").endswith(".jpg")
    category = channel.find(f"{ITUNES}category")
    assert category.get("text") == "Society & Culture"
    assert [sub.get("text") for sub in category.findall(f"{ITUNES}category")] == ["Documentary"]
    assert channel.findtext(f"{ITUNES}explicit") == "false"
    assert channel.findtext(f"{ITUNES}author") == "Sacramento Together"
    owner = channel.find(f"{ITUNES}owner")
    assert owner.findtext(f"{ITUNES}name") == "Podcast team"
    assert owner.findtext(f"{ITUNES}email") == "podcast@example.org"
    assert channel.findtext(f"{ITUNES}type") == "episodic"


@pytest.mark.django_db
def test_artwork_in_the_feed_is_a_1400_pixel_jpeg(client, show):
    get_feed(client, show)
    rendition = show.artwork.renditions.get()
    assert (rendition.width, rendition.height) == (1400, 1400)
    assert rendition.file.name.endswith(".jpg")


@pytest.mark.django_db
def test_category_without_subcategory_has_no_nested_category(client, show):
    show.category, show.subcategory, show.explicit = "Government", "", True
    show.save_revision().publish()
    channel = get_feed(client, show)
    category = channel.find(f"{ITUNES}category")
    assert category.get("text") == "Government"
    assert category.findall(f"{ITUNES}category") == []
    assert channel.findtext(f"{ITUNES}explicit") == "true"


@pytest.mark.django_db
def test_episode_items_carry_every_tag(client, show, add_episode):
    published = timezone.make_aware(datetime.datetime(2024, 1, 15, 9, 30))
    episode = add_episode(
        title="Recognising trafficking",
        summary="Signs to look for, and what to do.",
        publication_date=published,
        season_number=2,
        episode_number=7,
        episode_type=EpisodeType.BONUS,
        explicit=True,
    )
    audio = episode.audio

    item = get_feed(client, show).find("item")

    assert item.findtext("title") == "Recognising trafficking"
    assert item.findtext("link") == "http://testserver/en/justice-journal/" + episode.slug + "/"
    assert item.findtext("description") == "Signs to look for, and what to do."
    guid = item.find("guid")
    assert guid.text == str(episode.guid)
    assert guid.get("isPermaLink") == "false"
    assert parsedate_to_datetime(item.findtext("pubDate")) == published
    enclosure = item.find("enclosure")
    assert enclosure.get("url") == f"http://testserver/podcasts/audio/{audio.pk}/{audio.filename}"
    assert enclosure.get("type") == "audio/mpeg"
    assert int(enclosure.get("length")) == default_storage.size(audio.file.name)
    assert item.findtext(f"{ITUNES}duration") == "2"
    assert item.findtext(f"{ITUNES}episode") == "7"
    assert item.findtext(f"{ITUNES}season") == "2"
    assert item.findtext(f"{ITUNES}episodeType") == "bonus"
    assert item.findtext(f"{ITUNES}explicit") == "true"


@pytest.mark.django_db
def test_enclosure_length_is_the_size_of_the_file_served(client, show, add_episode):
    episode = add_episode()
    enclosure = get_feed(client, show).find("item/enclosure")
    served = client.get(episode.audio.url)
    body = b"".join(served.streaming_content)
    assert int(enclosure.get("length")) == len(body) == episode.audio.file_size


@pytest.mark.django_db
def test_episodes_are_newest_first(client, show, add_episode):
    now = timezone.now()
    add_episode(title="Older", publication_date=now - datetime.timedelta(days=10))
    add_episode(title="Newer", publication_date=now - datetime.timedelta(days=1))
    titles = [item.findtext("title") for item in get_feed(client, show).findall("item")]
    assert titles == ["Newer", "Older"]


@pytest.mark.django_db
def test_episodes_without_audio_stay_out_of_the_feed(client, show, add_episode):
    add_episode(title="With audio")
    add_episode(title="Video only", audio=None, video_url="https://youtu.be/G51vo2oVVwE")
    assert list(items_by_title(get_feed(client, show))) == ["With audio"]
    # …but the video-only episode is on the site.
    assert "Video only" in client.get("/en/justice-journal/").content.decode()


@pytest.mark.django_db
def test_drafts_and_other_shows_stay_out_of_the_feed(client, home, show, add_episode):
    add_episode(title="Published")
    draft = add_episode(title="Draft")
    draft.unpublish()
    other_show = PodcastIndexPageFactory.build(slug="other-show")
    home.add_child(instance=other_show)
    add_episode(parent=other_show, title="Other show's episode")
    assert list(items_by_title(get_feed(client, show))) == ["Published"]


@pytest.mark.django_db
def test_guid_does_not_change_when_the_episode_is_edited(client, show, add_episode):
    episode = add_episode(title="First title")
    guid_before = get_feed(client, show).find("item/guid").text

    episode.title = "A better title"
    episode.slug = "a-better-title"
    episode.save_revision().publish()

    item = get_feed(client, show).find("item")
    assert item.findtext("title") == "A better title"
    assert item.findtext("guid") == guid_before


@pytest.mark.django_db
def test_unknown_unpublished_or_bad_show_ids_give_404(client, show, add_episode):
    episode = add_episode()
    assert client.get(f"/podcasts/feeds/{episode.pk}/rss/").status_code == 404
    assert client.get("/podcasts/feeds/999999/rss/").status_code == 404
    assert client.get("/podcasts/feeds/abc/rss/").status_code == 404
    show.unpublish()
    assert client.get(feed_url(show)).status_code == 404


@pytest.mark.django_db
def test_feed_is_linked_from_the_show_and_episode_pages(client, show, add_episode):
    episode = add_episode()
    link = (
        f'<link rel="alternate" type="application/rss+xml" '
        f'title="Justice Journal: podcast feed" href="/podcasts/feeds/{show.pk}/rss/">'
    )
    assert link in client.get(show.url).content.decode()
    assert link in client.get(episode.url).content.decode()


@pytest.mark.django_db
def test_feed_sets_no_cookie(client, show, add_episode):
    add_episode()
    response = client.get(feed_url(show))
    assert not response.cookies


# ---------------------------------------------------------------- what directories take


@pytest.mark.django_db
def test_feed_passes_the_feed_validators_rules(client, show, add_episode, old_wav_audio):
    add_episode(title="With a transcript", transcript="<p>Host: Welcome.</p>")
    add_episode(title="Without a transcript", episode_number=2, season_number=1)
    add_episode(title="Old WAV", audio=old_wav_audio)
    response = client.get(feed_url(show))
    assert feed_errors(response.content) == []
    channel = ET.fromstring(response.content).find("channel")
    self_link = channel.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == f"http://testserver{feed_url(show)}"
    assert self_link.get("type") == "application/rss+xml"


@pytest.mark.django_db
def test_episodes_with_audio_podcast_apps_refuse_stay_out_of_the_feed(
    client, show, add_episode, old_wav_audio
):
    add_episode(title="MP3 episode")
    old = add_episode(title="Old WAV episode", audio=old_wav_audio)
    items = items_by_title(get_feed(client, show))
    assert list(items) == ["MP3 episode"]
    assert items["MP3 episode"].find("enclosure").get("type") == "audio/mpeg"
    # The old episode is still on the site, with its player.
    page = client.get(old.url).content.decode()
    assert old_wav_audio.url in page


@pytest.mark.django_db
def test_feed_declares_the_podcast_index_namespace(client, show):
    body = client.get(feed_url(show)).content.decode()
    assert 'xmlns:podcast="https://podcastindex.org/namespace/1.0"' in body


def test_podcast_guid_follows_the_podcast_index_spec():
    from podcasts.models import podcast_guid_for

    # The example in the Podcast Index namespace documentation.
    expected = "9b024349-ccf0-5f69-a609-6b82873eab3c"
    assert str(podcast_guid_for("https://podnews.net/rss")) == expected
    assert str(podcast_guid_for("http://podnews.net/rss/")) == expected


@pytest.mark.django_db
def test_show_guid_is_made_from_the_feed_address_and_kept_when_the_host_changes(client, show):
    import uuid

    from wagtail.models import Site

    from podcasts.models import PODCAST_GUID_NAMESPACE

    expected = uuid.uuid5(PODCAST_GUID_NAMESPACE, f"localhost/podcasts/feeds/{show.pk}/rss")
    show.refresh_from_db()
    assert show.podcast_guid == expected  # kept from its first publication
    assert get_feed(client, show).findtext(f"{PODCAST}guid") == str(expected)

    Site.objects.filter(is_default_site=True).update(hostname="podcasts.example.org")
    assert get_feed(client, show).findtext(f"{PODCAST}guid") == str(expected)
    other = PodcastIndexPageFactory.build(slug="other-show")
    show.get_parent().add_child(instance=other)
    assert get_feed(client, other).findtext(f"{PODCAST}guid") not in {str(expected), None}


@pytest.mark.django_db
def test_a_copied_show_gets_its_own_guid(show):
    copy = show.copy(update_attrs={"slug": "copied-show", "title": "Copied show"})
    assert copy.get_podcast_guid() != show.get_podcast_guid()


@pytest.mark.django_db
def test_show_is_locked_with_its_owner_unless_the_editors_unlock_it(client, show):
    locked = get_feed(client, show).find(f"{PODCAST}locked")
    assert locked.text == "yes"
    assert locked.get("owner") == "podcast@example.org"
    show.podcast_locked = False
    show.save_revision().publish()
    assert get_feed(client, show).findtext(f"{PODCAST}locked") == "no"


@pytest.mark.django_db
def test_episodes_with_a_transcript_link_it_as_a_file_podcast_apps_can_show(
    client, show, add_episode
):
    show.language = "es"
    show.save_revision().publish()
    with_transcript = add_episode(
        title="Transcribed", transcript="<p>Host: Welcome to <b>Justice Journal</b>.</p>"
    )
    add_episode(title="Not yet transcribed", transcript="")
    items = items_by_title(get_feed(client, show))
    assert items["Not yet transcribed"].find(f"{PODCAST}transcript") is None
    transcript = items["Transcribed"].find(f"{PODCAST}transcript")
    assert transcript.get("type") == "text/html"
    assert transcript.get("language") == "es"
    url = transcript.get("url")
    assert url == f"http://testserver/podcasts/episodes/{with_transcript.pk}/transcript.html"

    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert not response.cookies
    from bs4 import BeautifulSoup

    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == "es"
    assert page.h1.get_text() == "Transcript: Transcribed"
    assert "Host: Welcome to Justice Journal." in page.get_text(" ", strip=True).replace(" .", ".")
    assert page.find("a", href=with_transcript.full_url)


@pytest.mark.django_db
def test_transcript_files_of_unpublished_or_untranscribed_episodes_are_not_found(
    client, show, add_episode
):
    from wagtail.models import PageViewRestriction

    untranscribed = add_episode(transcript="")
    draft = add_episode(transcript="<p>Draft words.</p>")
    draft.unpublish()
    private = add_episode(transcript="<p>Private words.</p>")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for episode in (untranscribed, draft, private):
        response = client.get(f"/podcasts/episodes/{episode.pk}/transcript.html")
        assert response.status_code == 404, episode.title
    assert client.get("/podcasts/episodes/999999/transcript.html").status_code == 404
