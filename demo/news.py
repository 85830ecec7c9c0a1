"""The demo news and press room, written from the public facts.

The facts give no dates, names or places for these items: every date, and the event,
are invented for the demo and say so on the page. The PDF and the banner image are
generated on the spot; nothing is downloaded. The text is in content/en/news.toml and
content/es/news.toml.
"""

import datetime

from wagtail.models import Locale

from coalition_site.models import StandardPage
from news.models import NewsAttachment, NewsIndexPage, NewsPage, Topic
from partners.models import PartnerPage

from .content import blocks, day, read
from .dates import at_nine
from .documents import sample_document
from .images import make_banner
from .site import add_snippet_translation, add_translation

# Keys of an [[items]] table that are not NewsPage fields.
NOT_FIELDS = {"publication_date", "topics", "partners", "banner", "event", "attachment", "body"}
# Keys of a Spanish [[items]] table that are not NewsPage fields.
TRANSLATION_KEYS = {"translation_of", "body"}


def index_fields(spec):
    return dict(spec, key_facts="\n".join(spec["key_facts"]))


def load(home):
    """Add the news index and its demo items under `home`, once."""
    if NewsIndexPage.objects.child_of(home).exists():
        return
    content = read("en", "news")
    english = Locale.get_default()
    topics = {
        name: Topic.objects.get_or_create(name=name, locale=english)[0]
        for name in content["topics"]
    }
    partners = {page.slug: page for page in PartnerPage.objects.descendant_of(home)}
    pages = {page.slug: page for page in StandardPage.objects.child_of(home)}
    index = NewsIndexPage(**index_fields(content["index"]))
    home.add_child(instance=index)
    for spec in content["items"]:
        published = day(spec["publication_date"])
        item = NewsPage(
            publication_date=published,
            body=blocks(spec["body"], pages),
            first_published_at=at_nine(published),
            last_published_at=at_nine(published),
            **{name: value for name, value in spec.items() if name not in NOT_FIELDS},
        )
        if spec.get("banner"):
            item.image = make_banner(content["banner_title"])
            item.image_alt_text = content["banner_alt"]
        if "event" in spec:
            event = spec["event"]
            item.event_start = at_nine(day(event["start"]))
            item.event_end = item.event_start + datetime.timedelta(hours=event["hours"])
            item.event_location = event["location"]
        item.topics = [topics[name] for name in spec["topics"]]
        item.related_partners = [partners[slug] for slug in spec["partners"] if slug in partners]
        if "attachment" in spec:
            attachment = spec["attachment"]
            item.attachments = [
                NewsAttachment(
                    document=sample_document(
                        attachment["title"], attachment["filename"], attachment["lines"]
                    ),
                    label=f"{attachment['title']} (press release)",
                )
            ]
        index.add_child(instance=item)


# ---------------------------------------------------------------- en español
#
# The Spanish news index (a translation of the English one) with its own press room,
# and Spanish translations of two items. Only facts from the public record.


def spanish_topic(topic, locale):
    name = read("es", "news")["topics"].get(topic.name, topic.name)
    return add_snippet_translation(topic, locale, {"name": name})


def load_spanish(home, es_home):
    """The Spanish news index, its press room and the Spanish items, once."""
    content = read("es", "news")
    locale = es_home.locale
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None or index.has_translation(locale):
        return
    add_translation(index, locale, index_fields(content["index"]))
    for spec in content["items"]:
        source = NewsPage.objects.child_of(index).filter(slug=spec["translation_of"]).first()
        if source is None:
            continue
        fields = {name: value for name, value in spec.items() if name not in TRANSLATION_KEYS}
        add_translation(
            source,
            locale,
            dict(
                fields,
                body=blocks(spec["body"]),
                image_alt_text=content["banner_alt"] if source.image_id else "",
                topics=[spanish_topic(topic, locale) for topic in source.topics.all()],
                related_partners=[],
                attachments=[],
            ),
        )
