import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accounts.roles import EDITORS_GROUP
from podcasts.models import AudioFile, PodcastEpisodePage, PodcastIndexPage
from tests.factories import (
    AudioFileFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PodcastArtworkFactory,
    mp3_bytes,
    podcast_image_file,
    wav_bytes,
)

REPORT_URL = "/admin/reports/episodes-missing-a-transcript/"


@pytest.fixture
def admin_client(client, home):
    user = get_user_model().objects.create_superuser("admin", password="a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, home):
    user = get_user_model().objects.create_user("editor", password="a-long-test-password")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client.force_login(user)
    return client


def errors_on(response, field):
    soup = BeautifulSoup(response.content, "html.parser")
    wrapper = soup.select_one(f'[data-field-wrapper] #id_{field}, [id="id_{field}"]')
    assert wrapper is not None, f"no {field} field in the form"
    field_block = wrapper.find_parent(attrs={"data-field-wrapper": True}) or wrapper.parent
    return field_block.get_text(" ", strip=True)


def show_form(**overrides):
    data = {
        "title": "Safe at Work",
        "slug": "safe-at-work",
        "description": "A show about labor exploitation.",
        "artwork": PodcastArtworkFactory().pk,
        "artwork_alt_text": "",
        "author": "Sacramento Together",
        "owner_name": "Podcast team",
        "owner_email": "podcast@example.org",
        "category": "News",
        "subcategory": "Daily News",
        "language": "en",
        "copyright": "",
        "seo_title": "",
        "search_description": "",
        "summary": "",
        "listing_image": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_show_url(home):
    return f"/admin/pages/add/podcasts/podcastindexpage/{home.pk}/"


# ---------------------------------------------------------------- shows


@pytest.mark.django_db
def test_editor_creates_a_show_in_the_admin(admin_client, home):
    response = admin_client.post(add_show_url(home), show_form())
    assert response.status_code == 302
    show = PodcastIndexPage.objects.get(slug="safe-at-work")
    assert show.live and show.subcategory == "Daily News"


@pytest.mark.django_db
def test_admin_refuses_small_artwork_with_a_message_on_the_field(admin_client, home):
    small = PodcastArtworkFactory(file=podcast_image_file(500, 500))
    response = admin_client.post(add_show_url(home), show_form(artwork=small.pk))
    assert response.status_code == 200
    assert not PodcastIndexPage.objects.exists()
    message = errors_on(response, "artwork")
    assert "between 1400 and 3000 pixels wide; this image is 500 pixels" in message


@pytest.mark.django_db
def test_admin_refuses_a_subcategory_of_another_category(admin_client, home):
    response = admin_client.post(
        add_show_url(home), show_form(category="Education", subcategory="Politics")
    )
    assert response.status_code == 200
    assert not PodcastIndexPage.objects.exists()
    assert "“Politics” is not a subcategory of “Education”." in errors_on(response, "subcategory")


# ---------------------------------------------------------------- audio files


@pytest.mark.django_db
def test_editor_uploads_an_mp3_file(editor_client):
    url = reverse("wagtailsnippets_podcasts_audiofile:add")
    upload = SimpleUploadedFile("interview.mp3", mp3_bytes(4), content_type="audio/mpeg")
    response = editor_client.post(url, {"title": "Interview", "file": upload})
    assert response.status_code == 302
    audio = AudioFile.objects.get()
    assert audio.file_size == len(mp3_bytes(4))
    assert audio.mime_type == "audio/mpeg"
    assert audio.duration_seconds == 4


@pytest.mark.django_db
def test_a_wav_upload_is_refused_with_what_to_do_instead(editor_client):
    url = reverse("wagtailsnippets_podcasts_audiofile:add")
    form = BeautifulSoup(editor_client.get(url).content, "html.parser")
    assert "MP3 or M4A: the audio podcast apps take" in form.get_text()

    upload = SimpleUploadedFile("interview.wav", wav_bytes(4), content_type="audio/wav")
    response = editor_client.post(url, {"title": "Interview", "file": upload})
    assert response.status_code == 200
    assert not AudioFile.objects.exists()
    message = errors_on(response, "file")
    assert "Podcast apps take MP3 or M4A audio only (this file is “.wav”)" in message
    assert "Export the recording as MP3" in message


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, message",
    [
        ("notes.pdf", b"%PDF-1.4", "Podcast apps take MP3 or M4A audio only"),
        ("clip.ogg", b"OggS" * 50, "Podcast apps take MP3 or M4A audio only"),
        ("fake.mp3", b"not really audio" * 50, "could not be read as MP3 audio"),
    ],
)
def test_admin_refuses_files_that_are_not_audio(editor_client, name, content, message):
    url = reverse("wagtailsnippets_podcasts_audiofile:add")
    upload = SimpleUploadedFile(name, content)
    response = editor_client.post(url, {"title": "Not audio", "file": upload})
    assert response.status_code == 200
    assert not AudioFile.objects.exists()
    assert message in errors_on(response, "file")


# ---------------------------------------------------------------- episodes


def episode_form(**overrides):
    data = {
        "title": "Labor trafficking on farms",
        "slug": "labor-trafficking-on-farms",
        "summary": "Signs of forced work.",
        "publication_date": "2024-03-01 10:00",
        "season_number": "1",
        "episode_number": "3",
        "episode_type": "full",
        "audio": "",
        "video_url": "",
        "video_poster": "",
        "show_notes": rich_text("<p>Notes.</p>"),
        "transcript": rich_text(""),
        "guests": inline_formset([{"name": "Sam Lee", "role": "Victim advocate"}]),
        "seo_title": "",
        "search_description": "",
        "listing_image": "",
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_episode_url(show):
    return f"/admin/pages/add/podcasts/podcastepisodepage/{show.pk}/"


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.mark.django_db
def test_episode_without_audio_is_published_with_a_warning(admin_client, show):
    response = admin_client.post(add_episode_url(show), episode_form(), follow=True)
    assert response.status_code == 200
    episode = PodcastEpisodePage.objects.get()
    assert episode.live
    assert [guest.name for guest in episode.guests.all()] == ["Sam Lee"]
    warnings = [m for m in messages_of(response) if "has no audio file" in m]
    assert warnings and "not in the show's podcast feed" in warnings[0]


@pytest.mark.django_db
def test_episode_with_audio_gets_no_warning_and_keeps_its_guid(admin_client, show):
    audio = AudioFileFactory()
    response = admin_client.post(add_episode_url(show), episode_form(audio=audio.pk), follow=True)
    assert not [m for m in messages_of(response) if "has no audio file" in m]
    episode = PodcastEpisodePage.objects.get()
    guid = episode.guid

    edit_url = f"/admin/pages/{episode.pk}/edit/"
    response = admin_client.post(
        edit_url, episode_form(audio=audio.pk, title="A new title"), follow=True
    )
    assert response.status_code == 200
    episode.refresh_from_db()
    assert episode.title == "A new title"
    assert episode.guid == guid


@pytest.mark.django_db
def test_editing_an_episode_without_audio_warns_again(admin_client, show, add_episode):
    episode = add_episode(audio=None)
    response = admin_client.post(
        f"/admin/pages/{episode.pk}/edit/", episode_form(slug=episode.slug), follow=True
    )
    assert any("has no audio file" in m for m in messages_of(response))


@pytest.mark.django_db
def test_admin_refuses_a_video_that_is_not_on_youtube(admin_client, show):
    response = admin_client.post(
        add_episode_url(show), episode_form(video_url="https://vimeo.com/12345")
    )
    assert response.status_code == 200
    assert not PodcastEpisodePage.objects.exists()
    assert "Enter the address of a YouTube video" in errors_on(response, "video_url")


# ---------------------------------------------------------------- report


@pytest.mark.django_db
def test_report_lists_episodes_missing_a_transcript(editor_client, show, add_episode):
    add_episode(title="Needs a transcript")
    add_episode(title="Has a transcript", transcript="<p>Everything said.</p>")
    draft = add_episode(title="Draft without transcript")
    draft.unpublish()

    response = editor_client.get(REPORT_URL)
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Episodes missing a transcript" in text
    assert "Needs a transcript" in text
    assert "Draft without transcript" in text
    assert "Has a transcript" not in text


@pytest.mark.django_db
def test_report_is_in_the_reports_menu(editor_client):
    response = editor_client.get("/admin/")
    assert REPORT_URL in response.content.decode()


@pytest.mark.django_db
def test_report_is_refused_to_users_without_page_permissions(client, show, add_episode):
    add_episode(title="Needs a transcript")
    user = get_user_model().objects.create_user("reader", password="a-long-test-password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(REPORT_URL)
    assert response.status_code in {302, 403}
    assert b"Needs a transcript" not in response.content


# ---------------------------------------------------------------- editor screens


@pytest.mark.django_db
def test_editor_screens_open(editor_client, show, add_episode):
    episode = add_episode()
    for url in [
        add_show_url(show.get_parent()),
        f"/admin/pages/{show.pk}/edit/",
        add_episode_url(show),
        f"/admin/pages/{episode.pk}/edit/",
        reverse("wagtailsnippets_podcasts_audiofile:list"),
        reverse("wagtailsnippets_podcasts_audiofile:add"),
        reverse("wagtailsnippets_podcasts_audiofile:edit", args=[episode.audio.pk]),
    ]:
        assert editor_client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_audio_upload_form_is_multipart_and_offers_audio_types(editor_client):
    response = editor_client.get(reverse("wagtailsnippets_podcasts_audiofile:add"))
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.select_one("form[enctype='multipart/form-data']")
    assert form is not None
    assert form.select_one("input[type=file]")["accept"] == ".mp3,.m4a"


@pytest.mark.django_db
def test_editors_preview_an_episode_with_partners_and_guests(admin_client, home, show, add_episode):
    directory = PartnerIndexPageFactory.build()
    home.add_child(instance=directory)
    partner = PartnerPageFactory.build(title="Harbor Light Shelter")
    directory.add_child(instance=partner)
    episode = add_episode()

    for url, slug in [
        (f"/admin/pages/{episode.pk}/edit/preview/", episode.slug),
        (f"/admin/pages/add/podcasts/podcastepisodepage/{show.pk}/preview/", "new-episode"),
    ]:
        data = episode_form(slug=slug, title="Previewed title")
        data["partners"] = [partner.pk]  # a multiple select: one key, several values
        assert admin_client.post(url, data).json()["is_valid"], url
        page = admin_client.get(url).content.decode()
        assert "Previewed title" in page
        assert "Harbor Light Shelter" in page
        assert "Sam Lee, Victim advocate" in page


@pytest.mark.django_db
def test_an_episode_with_an_old_wav_file_is_published_with_a_warning(
    admin_client, show, old_wav_audio
):
    response = admin_client.post(
        add_episode_url(show), episode_form(audio=old_wav_audio.pk), follow=True
    )
    assert PodcastEpisodePage.objects.get().live
    warnings = [m for m in messages_of(response) if "which podcast apps do not take" in m]
    assert len(warnings) == 1
    assert "is WAV" in warnings[0] and "Upload the recording as MP3 or M4A" in warnings[0]


@pytest.mark.django_db
def test_editors_can_unlock_a_show_for_a_move(admin_client, home):
    url = add_show_url(home)
    form = BeautifulSoup(admin_client.get(url).content, "html.parser")
    assert form.select_one('input[name="podcast_locked"]').has_attr("checked")
    response = admin_client.post(url, show_form(podcast_locked=""))
    assert response.status_code == 302
    assert PodcastIndexPage.objects.get().podcast_locked is False
