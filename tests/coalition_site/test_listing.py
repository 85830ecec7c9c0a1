"""The one listing stack, as readers of each language meet it on every listing and home slot.

Each term filter of each listing is tried with a term translated into Spanish (the
translation keeps the slug), in English and in Spanish; then the home page's slots.
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from coalition_site.listing import IGNORED_FILTERS_MESSAGE
from coalition_site.models import Language
from news.models import Topic as NewsTopic
from partners.models import Population, Service, ServiceArea
from resources.models import Audience
from resources.models import Topic as ResourceTopic
from tests.factories import (
    AudioFileFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PodcastEpisodePageFactory,
    PodcastIndexPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)

PARTNERS = (PartnerIndexPageFactory, PartnerPageFactory)
NEWS = (NewsIndexPageFactory, NewsPageFactory)
RESOURCES = (ResourceIndexPageFactory, ResourcePageFactory)

# (listing, filter in the URL, the item's field, the managed list)
TERM_FILTERS = [
    (PARTNERS, "service", "services", Service),
    (PARTNERS, "population", "populations", Population),
    (PARTNERS, "language", "languages", Language),
    (PARTNERS, "area", "service_areas", ServiceArea),
    (NEWS, "topic", "topics", NewsTopic),
    (RESOURCES, "audience", "audiences", Audience),
    (RESOURCES, "topic", "topics", ResourceTopic),
    (RESOURCES, "language", "languages", Language),
]
TERM_IDS = [f"{pages[0]._meta.model.__name__}-{name}" for pages, name, _f, _m in TERM_FILTERS]


@pytest.fixture
def spanish(home):
    """Spanish as a public language: the home page translated and published."""
    locale = Locale.objects.get_or_create(language_code="es")[0]
    publish(home.copy_for_translation(locale))
    return locale


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def translate(page, locale, **fields):
    return publish(page.copy_for_translation(locale), **fields)


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def card_titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".card__title a")]


def notice(soup):
    element = soup.select_one(".notice")
    return element.get_text(strip=True) if element else ""


def option_names(soup, name):
    return [option.get_text(strip=True) for option in soup.select(f"select[name={name}] option")]


@pytest.fixture
def translated_listing(home, spanish):
    """`translated_listing(pages, field, model)`: an item carrying a term, in both languages.

    The English item carries the English term; its Spanish translation carries the
    Spanish term, which shares the English one's slug.
    Returns (English index, Spanish index, the slug, the Spanish item).
    """

    def build(pages, field, model):
        index_factory, item_factory = pages
        index = index_factory.build()
        home.add_child(instance=index)
        term = model.objects.create(name="Shelter")
        item = item_factory.build(title="Harbor in English")
        setattr(item, field, [term])
        index.add_child(instance=item)
        es_term = term.copy_for_translation(spanish)
        es_term.name = "Refugio"
        es_term.save()
        assert es_term.slug == term.slug
        es_index = translate(index, spanish)
        es_item = translate(item, spanish, title="Puerto en español", **{field: [es_term]})
        return index, es_index, term.slug, es_item

    return build


@pytest.mark.django_db
@pytest.mark.parametrize(("pages", "name", "field", "model"), TERM_FILTERS, ids=TERM_IDS)
def test_a_translated_term_filters_each_language_by_its_own_name(
    client, translated_listing, pages, name, field, model
):
    index, es_index, slug, _es_item = translated_listing(pages, field, model)

    english = soup_of(client.get(f"{index.url}?{name}={slug}"))
    assert card_titles(english) == ["Harbor in English"]
    assert notice(english) == ""
    assert "Shelter" in option_names(english, name)
    assert "Refugio" not in option_names(english, name)

    spanish = soup_of(client.get(f"{es_index.url}?{name}={slug}"))
    assert card_titles(spanish) == ["Puerto en español"]
    assert notice(spanish) == ""
    assert "Refugio" in option_names(spanish, name)
    assert "Shelter" not in option_names(spanish, name)


@pytest.mark.django_db
@pytest.mark.parametrize(("pages", "name", "field", "model"), TERM_FILTERS, ids=TERM_IDS)
def test_an_item_carrying_a_term_in_both_languages_is_listed_once(
    client, translated_listing, pages, name, field, model
):
    """A copy made before its terms were translated keeps the English term beside the Spanish."""
    index, es_index, slug, es_item = translated_listing(pages, field, model)
    publish(es_item, **{field: list(model.objects.filter(slug=slug))})

    for url in (f"{index.url}?{name}={slug}", f"{es_index.url}?{name}={slug}"):
        soup = soup_of(client.get(url))
        assert len(card_titles(soup)) == 1, url
        assert "1" in soup.select_one(".listing__count").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "pages", [PARTNERS, NEWS, RESOURCES], ids=["partners", "news", "resources"]
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_hostile_filter_values_are_ignored_with_a_notice(client, home, spanish, pages, language):
    index_factory, item_factory = pages
    index = index_factory.build()
    home.add_child(instance=index)
    item = item_factory.build(title="Harbor")
    index.add_child(instance=item)
    if language == "es":
        index = translate(index, spanish)
        translate(item, spanish, title="Puerto")
    title = "Harbor" if language == "en" else "Puerto"
    name = {PARTNERS: "service", NEWS: "topic", RESOURCES: "audience"}[pages]

    for query in (f"{name}=%3Cscript%3E", f"{name}=no-such-term", f"{name}=a%00b"):
        soup = soup_of(client.get(f"{index.url}?{query}"))
        assert card_titles(soup) == [title], query
        assert notice(soup), query
        if language == "en":
            assert notice(soup) == str(IGNORED_FILTERS_MESSAGE)

    for query in ("page=abc", "page=99999", "page=-1", "page=1%00", "utm_source=mail"):
        soup = soup_of(client.get(f"{index.url}?{query}"))
        assert card_titles(soup) == [title], query
        assert notice(soup) == "", query
        assert soup.select_one(".filter-form a[href]") is None, f"{query} counted as a filter"

    long_keyword = "Harbor" + " " * 10 + "x" * 5000
    assert client.get(f"{index.url}?q={long_keyword}").status_code == 200


# ------------------------------------------------------------------ the home page's slots


def slot(soup, name):
    return soup.select_one(f".home-slot--{name}")


@pytest.mark.django_db
def test_featured_partners_follow_the_page_language(client, home, spanish, directory):
    partner = PartnerPageFactory.build(title="Harbor House", featured=True)
    directory.add_child(instance=partner)
    translate(directory, spanish)
    translate(partner, spanish, title="Casa Puerto")

    english = slot(soup_of(client.get("/en/")), "partners")
    assert card_titles(english) == ["Harbor House"]
    assert not english.has_attr("lang")
    spanish_slot = slot(soup_of(client.get("/es/")), "partners")
    assert card_titles(spanish_slot) == ["Casa Puerto"]
    assert not spanish_slot.has_attr("lang")


@pytest.mark.django_db
def test_untranslated_featured_partners_stand_in_marked_as_english(
    client, home, spanish, directory
):
    directory.add_child(instance=PartnerPageFactory.build(title="Harbor House", featured=True))

    spanish_slot = slot(soup_of(client.get("/es/")), "partners")
    assert card_titles(spanish_slot) == ["Harbor House"]
    assert spanish_slot["lang"] == "en"


@pytest.mark.django_db
def test_one_translated_featured_partner_is_not_mixed_with_english_ones(
    client, home, spanish, directory
):
    first = PartnerPageFactory.build(title="Harbor House", featured=True)
    directory.add_child(instance=first)
    directory.add_child(instance=PartnerPageFactory.build(title="Bridge Center", featured=True))
    translate(directory, spanish)
    translate(first, spanish, title="Casa Puerto")

    assert card_titles(slot(soup_of(client.get("/es/")), "partners")) == ["Casa Puerto"]
    english = card_titles(slot(soup_of(client.get("/en/")), "partners"))
    assert sorted(english) == ["Bridge Center", "Harbor House"]


@pytest.mark.django_db
def test_latest_news_follows_the_page_language(client, home, spanish):
    index = NewsIndexPageFactory.build()
    home.add_child(instance=index)
    item = NewsPageFactory.build(title="Operation Hot Spots")
    index.add_child(instance=item)
    es_index = translate(index, spanish)

    stand_in = slot(soup_of(client.get("/es/")), "news")
    assert card_titles(stand_in) == ["Operation Hot Spots"]
    assert stand_in["lang"] == "en"

    translate(item, spanish, title="Operación Hot Spots")
    assert card_titles(slot(soup_of(client.get("/en/")), "news")) == ["Operation Hot Spots"]
    spanish_slot = slot(soup_of(client.get("/es/")), "news")
    assert card_titles(spanish_slot) == ["Operación Hot Spots"]
    assert not spanish_slot.has_attr("lang")
    assert spanish_slot.select_one("a.button")["href"] == es_index.url


@pytest.mark.django_db
def test_latest_episode_follows_the_page_language(client, home, spanish):
    show = PodcastIndexPageFactory.build(title="Justice Journal")
    home.add_child(instance=show)
    episode = PodcastEpisodePageFactory.build(title="Part one", audio=AudioFileFactory())
    show.add_child(instance=episode)

    stand_in = slot(soup_of(client.get("/es/")), "podcast")
    assert "Part one" in stand_in.get_text()
    assert stand_in["lang"] == "en"

    translate(show, spanish, title="Diario de Justicia")
    translate(episode, spanish, title="Primera parte")
    english = slot(soup_of(client.get("/en/")), "podcast").get_text()
    assert "Part one" in english and "Primera parte" not in english
    spanish_slot = slot(soup_of(client.get("/es/")), "podcast")
    assert "Primera parte" in spanish_slot.get_text()
    assert "Part one" not in spanish_slot.get_text()
    assert not spanish_slot.has_attr("lang")


# ------------------------------------------------------------------ the managed lists


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model", [Service, Population, ServiceArea, Language, NewsTopic, Audience, ResourceTopic]
)
def test_a_slug_is_unique_in_each_language_of_every_managed_list(model):
    from django.db import IntegrityError, transaction

    english = model.objects.create(name="Shelter")
    spanish = english.copy_for_translation(Locale.objects.get_or_create(language_code="es")[0])
    spanish.name = "Refugio"
    spanish.save()  # the same slug in another language: what "Translate" leaves
    assert model.objects.filter(slug="shelter").count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(name="Another shelter", slug="shelter")
    assert model.objects.filter(slug="shelter").count() == 2


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_podcast_show_survives_any_page_number(client, home, spanish, language):
    show = PodcastIndexPageFactory.build(title="Justice Journal")
    home.add_child(instance=show)
    episode = PodcastEpisodePageFactory.build(title="Part one", audio=AudioFileFactory())
    show.add_child(instance=episode)
    if language == "es":
        show = translate(show, spanish)
        translate(episode, spanish, title="Primera parte")
    title = "Part one" if language == "en" else "Primera parte"

    for query in ("page=abc", "page=99999", "page=-1", "page=1%00", "q=%00"):
        soup = soup_of(client.get(f"{show.url}?{query}"))
        assert [h.get_text(strip=True) for h in soup.select(".card__title")] == [title], query


# ------------------------------------------------------------------ the index pages


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "has_introduction"),
    [
        (PartnerIndexPageFactory, True),
        (NewsIndexPageFactory, True),
        (ResourceIndexPageFactory, True),
        (PodcastIndexPageFactory, False),
    ],
    ids=["partners", "news", "resources", "podcasts"],
)
def test_each_index_page_is_edited_with_its_introduction(
    client, home, django_user_model, factory, has_introduction
):
    index = factory.build()
    home.add_child(instance=index)
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    response = client.get(f"/admin/pages/{index.pk}/edit/")
    assert response.status_code == 200
    assert (b'name="introduction"' in response.content) is has_introduction
