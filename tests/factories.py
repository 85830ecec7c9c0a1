"""Factories for test data. Pages are built unsaved; add them to the tree with add_child."""

import functools

import factory

from coalition_site.models import HomePage, StandardPage
from partners.models import PartnerIndexPage, PartnerPage


class HomePageFactory(factory.Factory):
    class Meta:
        model = HomePage

    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = "Together against human trafficking"
    hero_intro = "A coalition of organizations and agencies."


class StandardPageFactory(factory.Factory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Standard page {n}")
    slug = factory.Sequence(lambda n: f"standard-{n}")
    introduction = "An introduction."
    show_in_menus = True


class PartnerIndexPageFactory(factory.Factory):
    class Meta:
        model = PartnerIndexPage

    title = "Partners"
    slug = "partners"


class PartnerPageFactory(factory.Factory):
    class Meta:
        model = PartnerPage

    title = factory.Sequence(lambda n: f"Partner organization {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    sector = "community"
    summary = "Helps people leave exploitation."


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "partners.Service"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Service {n}")


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "coalition_site.Language"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Language {n}")


# ---------------------------------------------------------------- podcasts


def podcast_image_file(width=1400, height=1400, image_format="PNG", name="artwork.png"):
    """A plain image file made with Pillow, for artwork and posters."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#1d3557").save(buffer, format=image_format)
    return ImageFile(buffer, name=name)


def wav_bytes(seconds=2, rate=8000):
    """A WAV file of silence, `seconds` long."""
    import io
    import wave

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(b"\x00\x00" * rate * seconds)
    return buffer.getvalue()


def wav_file(seconds=2, name="episode.wav"):
    from django.core.files.base import ContentFile

    return ContentFile(wav_bytes(seconds), name=name)


@functools.cache
def mp3_bytes(seconds=2):
    """An MP3 file of silence, `seconds` long."""
    from demo.audio import silence

    return silence(seconds)


def mp3_file(seconds=2, name="episode.mp3"):
    from django.core.files.base import ContentFile

    return ContentFile(mp3_bytes(seconds), name=name)


class PodcastArtworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wagtailimages.Image"

    title = factory.Sequence(lambda n: f"Artwork {n}")
    file = factory.LazyFunction(podcast_image_file)


class AudioFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "podcasts.AudioFile"

    title = factory.Sequence(lambda n: f"Episode audio {n}")
    file = factory.LazyFunction(mp3_file)


class PodcastIndexPageFactory(factory.django.DjangoModelFactory):
    """Build with `.build()` and add to the tree with add_child."""

    class Meta:
        model = "podcasts.PodcastIndexPage"

    title = factory.Sequence(lambda n: f"Podcast show {n}")
    slug = factory.Sequence(lambda n: f"show-{n}")
    description = "Conversations about safety and help."
    artwork = factory.LazyFunction(PodcastArtworkFactory.create)
    author = "Sacramento Together"
    owner_name = "Podcast team"
    owner_email = "podcast@example.org"
    category = "Society & Culture"
    subcategory = "Documentary"
    copyright = "© Sacramento Together"


class PodcastEpisodePageFactory(factory.django.DjangoModelFactory):
    """Build with `.build()` and add to the tree with add_child."""

    class Meta:
        model = "podcasts.PodcastEpisodePage"

    title = factory.Sequence(lambda n: f"Episode {n}")
    slug = factory.Sequence(lambda n: f"episode-{n}")
    summary = "What this episode is about."
    season_number = 1
    episode_number = factory.Sequence(lambda n: n + 1)


# ---------------------------------------------------------------- resources


class AudienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "resources.Audience"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Audience {n}")


class ResourceTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "resources.Topic"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Resource topic {n}")


def document_file(name="guide.pdf", content=b"%PDF-1.4\n%sample\n"):
    from django.core.files.base import ContentFile

    return ContentFile(content, name=name)


class DocumentFactory(factory.django.DjangoModelFactory):
    """A Wagtail document with its size recorded, as an upload through the admin leaves it."""

    class Meta:
        model = "wagtaildocs.Document"

    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyFunction(document_file)
    file_size = factory.LazyAttribute(lambda document: document.file.size)


class ResourceIndexPageFactory(factory.django.DjangoModelFactory):
    """Build with `.build()` and add to the tree with add_child."""

    class Meta:
        model = "resources.ResourceIndexPage"

    title = "Resources"
    slug = "resources"


class ResourcePageFactory(factory.django.DjangoModelFactory):
    """An external-link resource; pass `document=…, link_url=""` for a file.

    Build with `.build()` and add to the tree with add_child.
    """

    class Meta:
        model = "resources.ResourcePage"

    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    resource_type = "website"
    summary = "Where to learn more."
    link_url = "https://example.org/help"


class GetHelpPageFactory(factory.django.DjangoModelFactory):
    """Build with `.build()` and add to the tree with add_child."""

    class Meta:
        model = "safety.GetHelpPage"

    title = "Get help"
    slug = "get-help"
    introduction = "Help is available at any hour."


# ---------------------------------------------------------------- news


class NewsTopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Topic"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"News topic {n}")


class NewsIndexPageFactory(factory.django.DjangoModelFactory):
    """Build with `.build()` and add to the tree with add_child."""

    class Meta:
        model = "news.NewsIndexPage"

    title = "News"
    slug = "news"


class NewsPageFactory(factory.django.DjangoModelFactory):
    """A published press release dated today; build with `.build()`, add with add_child."""

    class Meta:
        model = "news.NewsPage"

    title = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-item-{n}")
    kind = "press-release"
    summary = "What happened, in one sentence."
