"""Listings follow the reader's language: news topics and the home page's slots."""

import pytest
from bs4 import BeautifulSoup

from news.models import Topic
from tests.factories import (
    AudioFileFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PodcastEpisodePageFactory,
    PodcastIndexPageFactory,
)

from .conftest import translate

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def translated_topic_news(home, es_home, spanish):
    """A news item in each language, each with its language's version of one topic."""
    awareness = Topic.objects.create(name="Awareness", slug="awareness")
    concienciacion = awareness.copy_for_translation(spanish)
    concienciacion.name = "Concienciación"
    concienciacion.save()  # the same slug, as "Translate" leaves it

    index = NewsIndexPageFactory.build()
    home.add_child(instance=index)
    es_index = translate(index, es_home, title="Noticias", slug="noticias")

    english = NewsPageFactory.build(title="Awareness week", slug="awareness-week")
    english.topics = [awareness]
    index.add_child(instance=english)
    spanish_item = NewsPageFactory.build(
        title="Semana de concienciación",
        slug="semana",
        locale=spanish,
        translation_key=english.translation_key,
    )
    spanish_item.topics = [concienciacion]
    es_index.add_child(instance=spanish_item)
    return english, spanish_item


@pytest.mark.parametrize(
    "listing, item, title",
    [
        ("/en/news/", "/en/news/awareness-week/", "Awareness week"),
        ("/es/noticias/", "/es/noticias/semana/", "Semana de concienciación"),
    ],
)
def test_a_translated_topic_filters_news_in_both_languages(
    client, translated_topic_news, listing, item, title
):
    titles = [
        a.get_text(strip=True)
        for a in soup_of(client.get(f"{listing}?topic=awareness")).select(".card__title a")
    ]
    assert titles == [title]
    # The item's own topic link leads to the same listing.
    links = [a["href"] for a in soup_of(client.get(item)).select("a[href*='topic=']")]
    assert links
    for href in links:
        assert client.get(href).status_code == 200


def copied(page, locale, **fields):
    """What "Translate" in the admin does, with `fields` changed, then published."""
    copy = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


@pytest.fixture
def featured_in_both_languages(home, es_home, spanish):
    directory = PartnerIndexPageFactory.build()
    home.add_child(instance=directory)
    copied(directory, spanish, title="Socios", slug="socios")
    english = PartnerPageFactory.build(title="Harbor House", slug="harbor-house", featured=True)
    directory.add_child(instance=english)
    copied(english, spanish, title="Casa Puerto")

    show = PodcastIndexPageFactory.build(title="Justice Journal", slug="justice-journal")
    home.add_child(instance=show)
    copied(show, spanish, title="Diario de Justicia")
    episode = PodcastEpisodePageFactory.build(
        title="Signs to notice", slug="signs", audio=AudioFileFactory()
    )
    show.add_child(instance=episode)
    copied(episode, spanish, title="Señales de alerta")


@pytest.mark.parametrize(
    "address, shown, hidden",
    [
        ("/en/", ["Harbor House", "Signs to notice"], ["Casa Puerto", "Señales de alerta"]),
        ("/es/", ["Casa Puerto", "Señales de alerta"], ["Harbor House", "Signs to notice"]),
    ],
)
def test_home_page_slots_show_the_readers_language(
    client, featured_in_both_languages, address, shown, hidden
):
    soup = soup_of(client.get(address))
    slots = " ".join(
        section.get_text(" ", strip=True)
        for section in soup.select(".home-slot--partners, .home-slot--podcast")
    )
    for title in shown:
        assert title in slots
    for title in hidden:
        assert title not in slots
