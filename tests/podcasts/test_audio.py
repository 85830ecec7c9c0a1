import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from podcasts.models import AudioFile
from tests.factories import AudioFileFactory, mp3_bytes, mp3_file


def body_of(response):
    return b"".join(response.streaming_content)


# ---------------------------------------------------------------- reading uploads


@pytest.mark.django_db
def test_size_type_and_duration_are_read_from_an_mp3_upload():
    audio = AudioFileFactory(file=mp3_file(seconds=3, name="talk.mp3"))
    assert audio.file_size == len(mp3_bytes(3))
    assert audio.mime_type == "audio/mpeg"
    assert audio.duration_seconds == 3
    assert audio.duration_display == "0:03"
    assert audio.extension_label == "MP3"


REFUSED = "Podcast apps take MP3 or M4A audio only"


@pytest.mark.parametrize(
    "name, message",
    [
        ("notes.txt", REFUSED),
        ("clip.flac", REFUSED),
        ("no-extension", REFUSED),
        # Apple Podcasts does not take WAV or Ogg: refused at upload, whatever is inside.
        ("talk.wav", REFUSED),
        ("talk.ogg", REFUSED),
        ("renamed.mp3", "could not be read as MP3 audio"),
        ("renamed.m4a", "could not be read as M4A audio"),
    ],
)
def test_other_files_are_refused_on_the_file_field(name, message):
    audio = AudioFile(title="Not audio", file=ContentFile(b"just some text " * 100, name=name))
    with pytest.raises(ValidationError) as raised:
        audio.full_clean()
    assert message in " ".join(raised.value.message_dict["file"])


def test_mime_types_follow_the_extension():
    from podcasts.audio import mime_type_for

    assert mime_type_for("a.mp3") == "audio/mpeg"
    assert mime_type_for("a.M4A") == "audio/mp4"
    assert mime_type_for("a.wav") == ""
    assert mime_type_for("a.ogg") == ""
    assert mime_type_for("a.exe") == ""


def test_duration_of_a_longer_mp3():
    audio = AudioFile(title="Long", file=mp3_file(seconds=65, name="long.mp3"))
    audio.full_clean()
    assert audio.duration_seconds == 65
    assert audio.duration_display == "1:05"


# ---------------------------------------------------------------- serving


@pytest.fixture
def episode(add_episode):
    return add_episode()


@pytest.mark.django_db
def test_range_request_gets_exactly_the_bytes_asked_for(client, episode):
    audio = episode.audio
    whole = audio.file.open("rb").read()
    response = client.get(audio.url, HTTP_RANGE="bytes=0-99")
    assert response.status_code == 206
    assert body_of(response) == whole[:100]
    assert response["Content-Length"] == "100"
    assert response["Content-Range"] == f"bytes 0-99/{len(whole)}"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"


@pytest.mark.django_db
def test_open_ended_and_suffix_ranges(client, episode):
    audio = episode.audio
    whole = audio.file.open("rb").read()
    size = len(whole)

    tail = client.get(audio.url, HTTP_RANGE=f"bytes={size - 10}-")
    assert tail.status_code == 206
    assert body_of(tail) == whole[-10:]
    assert tail["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"

    suffix = client.get(audio.url, HTTP_RANGE="bytes=-44")
    assert suffix.status_code == 206
    assert body_of(suffix) == whole[-44:]
    assert suffix["Content-Length"] == "44"


@pytest.mark.django_db
def test_unsatisfiable_range_gets_416(client, episode):
    size = episode.audio.file_size
    response = client.get(episode.audio.url, HTTP_RANGE=f"bytes={size}-{size + 100}")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"
    assert client.get(episode.audio.url, HTTP_RANGE="bytes=-0").status_code == 416


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header", ["bytes=abc", "bytes=-", "bytes=50-10", "bytes 0-99", "bytes=0-x"]
)
def test_malformed_range_is_ignored_and_the_whole_file_comes_back(client, episode, header):
    """RFC 9110: a Range that is not a valid byte range is ignored, not answered with 416."""
    whole = episode.audio.file.open("rb").read()
    response = client.get(episode.audio.url, HTTP_RANGE=header)
    assert response.status_code == 200
    assert body_of(response) == whole
    assert "Content-Range" not in response


@pytest.mark.django_db
def test_without_range_the_whole_file_comes_back(client, episode):
    audio = episode.audio
    response = client.get(audio.url)
    assert response.status_code == 200
    body = body_of(response)
    assert body == audio.file.open("rb").read()
    assert response["Content-Length"] == str(len(body))
    assert response["Accept-Ranges"] == "bytes"
    assert not response.cookies


@pytest.mark.django_db
def test_head_request_answers_with_the_length(client, episode):
    response = client.head(episode.audio.url)
    assert response.status_code == 200
    assert response["Content-Length"] == str(episode.audio.file_size)


@pytest.mark.django_db
def test_wrong_filename_or_id_is_404(client, episode):
    audio = episode.audio
    assert client.get(f"/podcasts/audio/{audio.pk}/other.wav").status_code == 404
    assert client.get(f"/podcasts/audio/999999/{audio.filename}").status_code == 404
    assert client.get(f"/podcasts/audio/abc/{audio.filename}").status_code == 404
    assert client.post(audio.url).status_code == 405


@pytest.mark.django_db
def test_audio_of_unpublished_episodes_is_for_editors_only(client, episode):
    url = episode.audio.url
    episode.unpublish()
    assert client.get(url).status_code == 404
    editor = get_user_model().objects.create_superuser("editor", password="x")
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_audio_on_remote_storage_is_redirected_there(client, episode, monkeypatch):
    storage = episode.audio.file.storage
    monkeypatch.setattr(storage, "url", lambda name: f"https://media.example.org/{name}")
    response = client.get(episode.audio.url, HTTP_RANGE="bytes=0-99")
    assert response.status_code == 302
    assert response["Location"] == f"https://media.example.org/{episode.audio.file.name}"
