"""The W3C feed validator's rules that the site's feeds could break, checked offline.

The validator (validator.w3.org/feed) is not published on PyPI and the tests
have no network, so `feed_errors(body)` checks the rules it enforces that
matter for our RSS 2.0, Atom 1.0 and podcast feeds, plus what the podcast
directories (Apple Podcasts, Podcast Index) require of an episode. It returns
every problem found, so a failing test lists them all.
"""

import datetime
import re
import uuid
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

ATOM = "http://www.w3.org/2005/Atom"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# RFC 822 as RSS 2.0 uses it (four-digit years, as the validator asks).
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}:\d{2} ([+-]\d{4}|GMT|UT|[ECMP][SD]T)$"
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
LANGUAGE = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")
MIME_TYPE = re.compile(r"^[a-z]+/[a-z0-9.+-]+$")
# RFC 4151: tag:authority,date:specific
TAG_URI = re.compile(r"^tag:[a-z0-9.@-]+,\d{4}(-\d{2}(-\d{2})?)?:\S+$", re.IGNORECASE)
# What Apple Podcasts and the other directories take as an episode's audio.
PODCAST_AUDIO_TYPES = {"audio/mpeg", "audio/mp4", "audio/x-m4a"}
TRANSCRIPT_TYPES = {
    "text/plain",
    "text/html",
    "text/vtt",
    "application/x-subrip",
    "application/srt",
}
ITUNES_DURATION = re.compile(r"^\d+$|^\d{1,2}:\d{2}(:\d{2})?$")


def absolute_url(value):
    parts = urlsplit(value or "")
    return parts.scheme in {"http", "https"} and bool(parts.netloc)


def absolute_id(value):
    """An Atom id: an absolute IRI (an http(s) URL, a tag: URI or a urn:)."""
    value = (value or "").strip()
    return absolute_url(value) or bool(TAG_URI.match(value)) or value.startswith("urn:")


def rfc822_errors(value, where):
    if not value or not RFC822.match(value):
        return [f"{where}: {value!r} is not an RFC 822 date"]
    try:
        parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return [f"{where}: {value!r} is not a real date"]
    return []


def rfc3339_errors(value, where):
    if not value or not RFC3339.match(value):
        return [f"{where}: {value!r} is not an RFC 3339 date"]
    try:
        datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return [f"{where}: {value!r} is not a real date"]
    return []


def relative_url_errors(root):
    """No relative URL anywhere: every href and url attribute, every link element."""
    errors = []
    for element in root.iter():
        for attribute in ("href", "url"):
            if attribute in element.attrib and not absolute_url(element.get(attribute)):
                errors.append(f"relative {attribute} {element.get(attribute)!r} on {element.tag}")
        if element.tag == "link" and element.text and not absolute_url(element.text.strip()):
            errors.append(f"relative link {element.text!r}")
    return errors


def feed_errors(body):
    """Every rule the feed breaks, as readable messages; [] for a valid feed."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if root.tag == f"{{{ATOM}}}feed":
        return atom_errors(root)
    if root.tag == "rss":
        return rss_errors(root)
    return [f"not a feed: root element {root.tag}"]


# ---------------------------------------------------------------- Atom 1.0 (RFC 4287)


def atom(name):
    return f"{{{ATOM}}}{name}"


def text_of(element, name):
    return (element.findtext(atom(name)) or "").strip()


def atom_errors(feed):
    errors = relative_url_errors(feed)
    lang = feed.get(XML_LANG)
    if lang is not None and not LANGUAGE.match(lang):
        errors.append(f"feed: xml:lang {lang!r} is not a language code")
    for name in ("id", "title", "updated"):
        if len(feed.findall(atom(name))) != 1:
            errors.append(f"feed: needs exactly one {name}")
    if not absolute_id(text_of(feed, "id")):
        errors.append(f"feed: id {text_of(feed, 'id')!r} is not an absolute URI")
    if not text_of(feed, "title"):
        errors.append("feed: empty title")
    errors += rfc3339_errors(text_of(feed, "updated"), "feed updated")
    self_links = feed.findall(atom("link[@rel='self']"))
    if len(self_links) != 1:
        errors.append("feed: needs one link rel=self")
    elif self_links[0].get("type") != "application/atom+xml":
        errors.append("feed: the self link needs type application/atom+xml")
    feed_has_author = any(text_of(author, "name") for author in feed.findall(atom("author")))

    ids = []
    for n, entry in enumerate(feed.findall(atom("entry")), start=1):
        where = f"entry {n}"
        for name in ("id", "title", "updated"):
            if len(entry.findall(atom(name))) != 1:
                errors.append(f"{where}: needs exactly one {name}")
        entry_id = text_of(entry, "id")
        if not absolute_id(entry_id):
            errors.append(f"{where}: id {entry_id!r} is not an absolute URI")
        ids.append(entry_id)
        if not text_of(entry, "title"):
            errors.append(f"{where}: empty title")
        errors += rfc3339_errors(text_of(entry, "updated"), f"{where} updated")
        if entry.find(atom("published")) is not None:
            errors += rfc3339_errors(text_of(entry, "published"), f"{where} published")
        alternates = [
            link
            for link in entry.findall(atom("link"))
            if link.get("rel", "alternate") == "alternate"
        ]
        if not alternates:
            errors.append(f"{where}: needs a link rel=alternate")
        if not feed_has_author and not any(
            text_of(author, "name") for author in entry.findall(atom("author"))
        ):
            errors.append(f"{where}: no author, and the feed has none")
        for category in entry.findall(atom("category")):
            if not category.get("term"):
                errors.append(f"{where}: category without a term")
    if len(ids) != len(set(ids)):
        errors.append("entries share an id")
    return errors


# ---------------------------------------------------------------- RSS 2.0


def rss_errors(rss):
    errors = relative_url_errors(rss)
    if rss.get("version") != "2.0":
        errors.append("rss: version is not 2.0")
    channels = rss.findall("channel")
    if len(channels) != 1:
        return [*errors, "rss: needs exactly one channel"]
    channel = channels[0]
    for name in ("title", "link", "description"):
        if channel.find(name) is None:
            errors.append(f"channel: no {name}")
    if not (channel.findtext("title") or "").strip():
        errors.append("channel: empty title")
    self_links = channel.findall(f"{{{ATOM}}}link[@rel='self']")
    if len(self_links) != 1:
        errors.append("channel: needs one atom:link rel=self")
    elif self_links[0].get("type") != "application/rss+xml":
        errors.append("channel: the self link needs type application/rss+xml")
    language = channel.findtext("language")
    if language is not None and not LANGUAGE.match(language):
        errors.append(f"channel: language {language!r} is not a language code")
    for name in ("pubDate", "lastBuildDate"):
        if channel.find(name) is not None:
            errors += rfc822_errors(channel.findtext(name), f"channel {name}")

    is_podcast = channel.find(f"{{{ITUNES}}}owner") is not None
    if is_podcast:
        errors += podcast_channel_errors(channel)
    guids = []
    for n, item in enumerate(channel.findall("item"), start=1):
        where = f"item {n}"
        if not (item.findtext("title") or item.findtext("description")):
            errors.append(f"{where}: needs a title or a description")
        guid = item.find("guid")
        if guid is None or not (guid.text or "").strip():
            errors.append(f"{where}: no guid")
        else:
            guids.append(guid.text.strip())
            if guid.get("isPermaLink", "true") == "true" and not absolute_url(guid.text):
                errors.append(f"{where}: a permalink guid must be an absolute URL")
        errors += rfc822_errors(item.findtext("pubDate"), f"{where} pubDate")
        enclosures = item.findall("enclosure")
        if len(enclosures) > 1:
            errors.append(f"{where}: more than one enclosure")
        for enclosure in enclosures:
            errors += enclosure_errors(enclosure, where)
        if is_podcast:
            errors += podcast_item_errors(item, where)
    if len(guids) != len(set(guids)):
        errors.append("items share a guid")
    return errors


def enclosure_errors(enclosure, where):
    errors = []
    if not absolute_url(enclosure.get("url")):
        errors.append(f"{where}: enclosure url is not absolute")
    length = enclosure.get("length") or ""
    if not length.isdigit() or int(length) <= 0:
        errors.append(f"{where}: enclosure length {length!r} is not a size in bytes")
    if not MIME_TYPE.match(enclosure.get("type") or ""):
        errors.append(f"{where}: enclosure type {enclosure.get('type')!r} is not a MIME type")
    return errors


def podcast_channel_errors(channel):
    errors = []
    image = channel.find(f"{{{ITUNES}}}image")
    if image is None or not (image.get("href") or "").lower().endswith((".jpg", ".png")):
        errors.append("channel: itunes:image must be a .jpg or .png address")
    if channel.find(f"{{{ITUNES}}}category") is None:
        errors.append("channel: no itunes:category")
    if channel.findtext(f"{{{ITUNES}}}explicit") not in {"true", "false"}:
        errors.append("channel: itunes:explicit must be true or false")
    if channel.find("language") is None:
        errors.append("channel: no language")
    guid = channel.findtext(f"{{{PODCAST}}}guid")
    if guid is not None:
        try:
            uuid.UUID(guid)
        except ValueError:
            errors.append(f"channel: podcast:guid {guid!r} is not a UUID")
    locked = channel.find(f"{{{PODCAST}}}locked")
    if locked is not None and locked.text not in {"yes", "no"}:
        errors.append("channel: podcast:locked must be yes or no")
    return errors


def podcast_item_errors(item, where):
    errors = []
    enclosure = item.find("enclosure")
    if enclosure is None:
        errors.append(f"{where}: a podcast episode needs an enclosure")
    elif enclosure.get("type") not in PODCAST_AUDIO_TYPES:
        errors.append(f"{where}: podcast apps do not take {enclosure.get('type')!r} audio")
    duration = item.findtext(f"{{{ITUNES}}}duration")
    if duration is not None and not ITUNES_DURATION.match(duration):
        errors.append(f"{where}: itunes:duration {duration!r} is not a duration")
    for transcript in item.findall(f"{{{PODCAST}}}transcript"):
        if transcript.get("type") not in TRANSCRIPT_TYPES:
            errors.append(f"{where}: transcript type {transcript.get('type')!r}")
        if not absolute_url(transcript.get("url")):
            errors.append(f"{where}: transcript url is not absolute")
    return errors
