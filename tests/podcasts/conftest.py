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
