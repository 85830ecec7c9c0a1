import pytest
from django.core.cache import cache

from tests.factories import AudioFileFactory, PodcastEpisodePageFactory, PodcastIndexPageFactory


@pytest.fixture(autouse=True)
def clear_cache():
    # Wagtail caches site root paths; page ids differ from test to test.
    cache.clear()


@pytest.fixture
def show(home):
    """A published show under the home page."""
    page = PodcastIndexPageFactory.build(title="Justice Journal", slug="justice-journal")
    home.add_child(instance=page)
    return page


@pytest.fixture
def add_episode(show):
    """`add_episode(audio=True, **fields)`: a published episode of `show`."""

    def add(parent=None, audio=True, **fields):
        if audio is True:
            fields["audio"] = AudioFileFactory()
        elif audio:
            fields["audio"] = audio
        episode = PodcastEpisodePageFactory.build(**fields)
        (parent or show).add_child(instance=episode)
        return episode

    return add


@pytest.fixture
def old_wav_audio(db):
    """A WAV file uploaded before only MP3 and M4A were taken (the upload refuses it now)."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from podcasts.models import AudioFile
    from tests.factories import wav_bytes

    name = default_storage.save("podcasts/audio/old-interview.wav", ContentFile(wav_bytes(2)))
    return AudioFile.objects.create(
        title="Old interview",
        file=name,
        file_size=default_storage.size(name),
        mime_type="audio/wav",
        duration_seconds=2,
    )
