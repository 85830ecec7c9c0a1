"""Sites of a given size for every public page type, and a way to count a page's queries.

Each scenario is a function `build(site, n)` that gives one page type `n` of the
things it lists or shows (cards, tags, blocks, attachments…) and returns the
address to read. `site.grow(name, n)` calls it again with a larger `n`, adding
to what is there, so a test can compare the same page at 5 and at 50 items.

Every item gets its own image where the page shows images: with one shared
image a rendition missing from a prefetch would cost a single query and go
unnoticed; with one image per card it costs a query per card.
"""

import datetime
import io
import itertools

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from caching import pagecache
from news.models import NewsAttachment
from podcasts.models import EpisodeGuest
from tests.factories import (
    AudienceFactory,
    AudioFileFactory,
    DocumentFactory,
    GetHelpPageFactory,
    LanguageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    NewsTopicFactory,
    PartnerIndexPageFactory,
    PartnerPageFactory,
    PodcastEpisodePageFactory,
    PodcastIndexPageFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
    ResourceTopicFactory,
    ServiceFactory,
    StandardPageFactory,
)

_colours = itertools.cycle(["#1d3557", "#457b9d", "#a8dadc", "#e63946", "#2a9d8f"])
_image_numbers = itertools.count()


def small_image(title=None):
    """A distinct little PNG image, quick to make renditions of."""
    number = next(_image_numbers)
    buffer = io.BytesIO()
    PILImage.new("RGB", (96, 64), next(_colours)).save(buffer, format="PNG")
    return get_image_model().objects.create(
        title=title or f"Image {number}", file=ImageFile(buffer, name=f"image-{number}.png")
    )


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts and ends with an empty cache: page ids differ from test to test."""
    cache.clear()
    yield
    cache.clear()


def count_queries(client, url, **headers):
    """(number of queries, response) for one anonymous GET of `url`."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return len(queries), response, [query["sql"] for query in queries]


def cold_queries(client, url):
    """(count, SQL) of a cold read of `url`: the page cache has nothing for it.

    "Cold" means the page itself is built from the database: the page cache is
    off (as in the test settings) or holds nothing for this address. What every
    page of the site shares is warm, as it is on a live site for all but the
    first page read after a change: the site, its settings and menu
    (the cached fragments and public languages), and what Wagtail keeps in the cache itself, the
    site root paths and image renditions. One read before measuring fills
    those, as the first visitor after a publish would.
    """
    warm = client.get(url)
    assert warm.status_code == 200, f"{url} answered {warm.status_code}"
    count, response, sql = count_queries(client, url)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") != "hit"
    return count, sql


def first_read_queries(client, url):
    """(count, SQL) of the first read of `url` after a change: nothing of ours is cached.

    Wagtail's own cache entries (site root paths, renditions) are still there.
    """
    warm = client.get(url)
    assert warm.status_code == 200, f"{url} answered {warm.status_code}"
    pagecache.bump_generation()
    count, response, sql = count_queries(client, url)
    assert response.status_code == 200
    return count, sql


class SiteBuilder:
    """Adds content for one page type at a time; remembers what it made between calls."""

    def __init__(self, home):
        self.home = home
        self.state = {}

    def grow(self, name, n):
        return {**SCENARIOS, **SPANISH_SCENARIOS}[name](self, n)

    # ------------------------------------------------------------ shared parents

    def child(self, key, factory, parent=None, **fields):
        if key not in self.state:
            page = factory.build(**fields)
            (parent or self.home).add_child(instance=page)
            self.state[key] = page
        return self.state[key]

    def directory(self):
        return self.child("directory", PartnerIndexPageFactory)

    def news_index(self):
        return self.child("news_index", NewsIndexPageFactory)

    def show(self):
        return self.child("show", PodcastIndexPageFactory, slug="the-show")

    def library(self):
        return self.child("library", ResourceIndexPageFactory)

    def add_until(self, key, n, make):
        """Call `make(i)` for every i from the number made so far up to n."""
        made = self.state.setdefault(key, [])
        for i in range(len(made), n):
            made.append(make(i))
        return made

    # ------------------------------------------------------------ items

    def partner(self, i, **fields):
        partner = PartnerPageFactory.build(
            title=f"Partner {i:03d}",
            slug=f"partner-{i:03d}",
            logo=small_image(),
            logo_alt_text=f"Partner {i} logo",
            **fields,
        )
        partner.services = [
            ServiceFactory(name="Housing"),
            ServiceFactory(name=f"Service {i}", emergency=i % 2 == 0),
        ]
        partner.languages = [LanguageFactory(name="English"), LanguageFactory(name=f"Lang {i}")]
        self.directory().add_child(instance=partner)
        return partner

    def news_item(self, i, parent=None, **fields):
        item = NewsPageFactory.build(
            title=f"News {i:03d}",
            slug=f"news-{i:03d}",
            publication_date=timezone.localdate() - datetime.timedelta(days=i),
            image=small_image(),
            image_alt_text=f"Picture {i}",
            **fields,
        )
        item.topics = [NewsTopicFactory(name="Shared"), NewsTopicFactory(name=f"Topic {i}")]
        (parent or self.news_index()).add_child(instance=item)
        return item

    def episode(self, i, **fields):
        episode = PodcastEpisodePageFactory.build(
            title=f"Episode {i:03d}",
            slug=f"episode-{i:03d}",
            publication_date=timezone.now() - datetime.timedelta(days=i),
            listing_image=small_image(),
            audio=AudioFileFactory(),
            transcript="<p>Words.</p>" if i % 2 else "",
            **fields,
        )
        self.show().add_child(instance=episode)
        return episode

    def resource(self, i, **fields):
        resource = ResourcePageFactory.build(
            title=f"Resource {i:03d}",
            slug=f"resource-{i:03d}",
            **fields,
        )
        if i % 2:
            resource.document = DocumentFactory()
            resource.link_url = ""
        resource.audiences = [AudienceFactory(name="Parents"), AudienceFactory(name=f"Aud {i}")]
        resource.topics = [ResourceTopicFactory(name=f"Res topic {i}")]
        resource.languages = [LanguageFactory(name="English"), LanguageFactory(name=f"Lang {i}")]
        self.library().add_child(instance=resource)
        return resource

    def republish(self, page):
        page.save_revision().publish()
        return page

    # ------------------------------------------------------------ Spanish

    def spanish(self, page):
        """`page` in Spanish (its parent translated first), made once."""
        from wagtail.models import Locale

        key = ("es", page.pk)
        if key not in self.state:
            locale = Locale.objects.get_or_create(language_code="es")[0]
            parent = page.get_parent().specific
            if parent.depth > 1 and not parent.has_translation(locale):
                self.spanish(parent)
            translation = page.copy_for_translation(locale)
            translation.title = f"{page.title} (es)"
            self.state[key] = self.republish(translation)
        return self.state[key]


# ---------------------------------------------------------------- scenarios


def body_blocks(n, link_to=None):
    """n StreamField blocks of every kind a page body has: images, documents, inner links."""
    page_id = (link_to or Page.objects.filter(depth=2).first()).pk
    blocks = []
    for i in range(n):
        kind = i % 5
        if kind == 0:
            blocks.append(("heading", {"text": f"Section {i}", "level": "h2"}))
        elif kind == 1:
            document = DocumentFactory()
            blocks.append(
                (
                    "paragraph",
                    RichText(
                        f'<p>Paragraph {i}, <a linktype="page" id="{page_id}">a page</a> '
                        f'and <a linktype="document" id="{document.pk}">a file</a>.</p>'
                    ),
                )
            )
        elif kind == 2:
            image = small_image()
            blocks.append(("image", {"image": image, "caption": f"Caption {i}"}))
        elif kind == 3:
            blocks.append(("document", {"document": DocumentFactory(), "label": ""}))
        else:
            blocks.append(("quote", {"quote": f"Quote {i}", "attribution": "Someone"}))
    return blocks


def home_page(site, n):
    site.add_until("news", n, site.news_item)
    site.add_until("episodes", n, site.episode)
    site.add_until("partners", n, lambda i: site.partner(i, featured=True))
    return "/en/"


def standard_page(site, n):
    page = site.child("standard", StandardPageFactory, slug="about", title="About")
    page.body = body_blocks(n)
    site.republish(page)
    return "/en/about/"


def partner_directory(site, n):
    site.add_until("partners", n, site.partner)
    return "/en/partners/"


def partner_directory_filtered(site, n):
    site.add_until("partners", n, site.partner)
    return "/en/partners/?sector=community&service=housing&language=english&page=1"


def partner_page(site, n):
    """One partner with n services, populations, languages and areas, named in n news items."""
    from partners.models import Population, ServiceArea

    partner = site.child(
        "partner",
        PartnerPageFactory,
        parent=site.directory(),
        slug="the-partner",
        logo=small_image(),
        logo_alt_text="Logo",
        website="https://example.org",
        phone="916-555-0100",
    )
    partner.services = [ServiceFactory(name=f"Service {i}") for i in range(n)]
    partner.languages = [LanguageFactory(name=f"Lang {i}") for i in range(n)]
    partner.populations = [Population.objects.get_or_create(name=f"Pop {i}")[0] for i in range(n)]
    partner.service_areas = [
        ServiceArea.objects.get_or_create(name=f"Area {i}")[0] for i in range(n)
    ]
    site.republish(partner)
    site.add_until("news", n, lambda i: site.news_item(i, related_partners=[partner]))
    return "/en/partners/the-partner/"


def news_listing(site, n):
    site.add_until("news", n, site.news_item)
    return "/en/news/"


def news_item(site, n):
    """One news item with n topics, attachments and partners, and related news."""
    item = site.child(
        "item",
        NewsPageFactory,
        parent=site.news_index(),
        slug="the-item",
        image=small_image(),
        image_alt_text="Main picture",
    )
    item.topics = [NewsTopicFactory(name=f"Topic {i}") for i in range(n)]
    item.related_partners = site.add_until("partners", n, site.partner)
    item.attachments = [NewsAttachment(document=DocumentFactory()) for _ in range(n)]
    item.body = body_blocks(n)
    site.republish(item)
    site.add_until("news", n, site.news_item)  # all share "Topic 0"... and "Shared"
    return "/en/news/the-item/"


def news_listing_filtered(site, n):
    site.add_until("news", n, site.news_item)
    return "/en/news/?kind=press-release&topic=shared&q=news&page=1"


def home_in_spanish(site, n):
    """The Spanish home page, its slots filled with translations of n of each."""
    home_page(site, n)
    for key in ("news", "episodes", "partners"):
        site.add_until(f"es {key}", n, lambda i, key=key: site.spanish(site.state[key][i]))
    return "/es/"


def news_listing_in_spanish(site, n):
    site.add_until("news", n, site.news_item)
    site.add_until("es news", n, lambda i: site.spanish(site.state["news"][i]))
    return "/es/news/?topic=shared"


def form_page(site, n):
    """The contact form with n fields."""
    from coalition_site.models import FormField, FormPage

    if "form" not in site.state:
        site.state["form"] = site.home.add_child(
            instance=FormPage(
                slug="contact",
                title="Contact",
                to_address="coalition@example.org",
                from_address="website@example.org",
                subject="Message from the website",
            )
        )
    page = site.state["form"]
    page.form_fields = [
        FormField(sort_order=i, label=f"Question {i}", field_type="singleline") for i in range(n)
    ]
    site.republish(page)
    return "/en/contact/"


def podcast_show(site, n):
    site.add_until("episodes", n, site.episode)
    return "/en/the-show/"


def podcast_episode(site, n):
    """One episode with n guests and n partners."""
    episode = site.child(
        "episode",
        PodcastEpisodePageFactory,
        parent=site.show(),
        slug="the-episode",
        audio=AudioFileFactory(),
        listing_image=small_image(),
        video_url="https://youtu.be/dQw4w9WgXcQ",
        video_poster=small_image(),
        show_notes="<p>Notes.</p>",
    )
    episode.guests = [EpisodeGuest(name=f"Guest {i}", role="Advocate") for i in range(n)]
    episode.partners = site.add_until("partners", n, site.partner)
    site.republish(episode)
    return "/en/the-show/the-episode/"


def resource_library(site, n):
    site.add_until("resources", n, site.resource)
    return "/en/resources/"


def resource_library_filtered(site, n):
    site.add_until("resources", n, site.resource)
    return "/en/resources/?audience=parents&language=english&type=website&q=resource"


def resource_page(site, n):
    """One resource with n audiences, topics and languages, a document and a body."""
    resource = site.child(
        "resource",
        ResourcePageFactory,
        parent=site.library(),
        slug="the-resource",
        document=DocumentFactory(),
        link_url="",
    )
    resource.audiences = [AudienceFactory(name=f"Aud {i}") for i in range(n)]
    resource.topics = [ResourceTopicFactory(name=f"Res topic {i}") for i in range(n)]
    resource.languages = [LanguageFactory(name=f"Lang {i}") for i in range(n)]
    resource.body = body_blocks(n)
    site.republish(resource)
    return "/en/resources/the-resource/"


def get_help(site, n):
    site.child("get_help", GetHelpPageFactory)
    site.add_until("partners", n, lambda i: site.partner(i, open_24_7=i % 3 == 0))
    return "/en/get-help/"


def search_results(site, n):
    """n matching pages of several types."""
    site.add_until("partners", n, site.partner)
    site.add_until("news", n, site.news_item)
    site.add_until(
        "standard",
        n,
        lambda i: site.home.add_child(
            instance=StandardPageFactory.build(title=f"Partner story {i}", slug=f"story-{i}")
        ),
    )
    return "/en/search/?q=partner"


SCENARIOS = {
    "home": home_page,
    "form page": form_page,
    "standard page": standard_page,
    "partner directory": partner_directory,
    "partner directory, filtered": partner_directory_filtered,
    "partner page": partner_page,
    "news listing": news_listing,
    "news listing, filtered": news_listing_filtered,
    "news item": news_item,
    "podcast show": podcast_show,
    "podcast episode": podcast_episode,
    "resource library": resource_library,
    "resource library, filtered": resource_library_filtered,
    "resource page": resource_page,
    "get help": get_help,
    "search results": search_results,
}

# The same pages read in Spanish (already Spanish: not translated again by tests/languages).
SPANISH_SCENARIOS = {
    "home, in Spanish": home_in_spanish,
    "news listing, in Spanish": news_listing_in_spanish,
}


@pytest.fixture
def site(home):
    return SiteBuilder(home)
