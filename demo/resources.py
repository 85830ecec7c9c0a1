"""The demo library, the Get help page, and the pages on spotting and reporting trafficking.

Written from the public facts; the documents are one-page PDFs generated offline. Every
step is idempotent: running the loader again changes nothing. The text is in
content/en/resources.toml and content/es/resources.toml.
"""

from wagtail.models import Page

from coalition_site.models import HomePage, Language, StandardPage
from resources.models import Audience, ResourceIndexPage, ResourcePage, Topic
from safety.models import GetHelpPage

from .content import blocks, read
from .documents import sample_document
from .site import add_snippet_translation, add_translation, page_fields

TERM_MODELS = {"audiences": Audience, "topics": Topic, "languages": Language}


def ensure_terms():
    """The English terms, {"audiences": {name: term}, "topics": …, "languages": …}."""
    content = read("en", "resources")
    return {
        kind: {name: model.objects.get_or_create(name=name)[0] for name in content[kind]}
        for kind, model in TERM_MODELS.items()
    }


# ---------------------------------------------------------------- pages beside the library


def body_without_retyped_numbers(body):
    """The old page's blocks, minus the sections that only retyped the hotline numbers."""
    retyped = set(read("en", "resources")["get_help"]["retyped_sections"])
    kept, skipping = [], False
    for block in body.raw_data:
        if block["type"] == "heading":
            skipping = block["value"].get("text") in retyped
        if not skipping:
            kept.append({"type": block["type"], "value": block["value"]})
    return kept


def standard_get_help():
    """The core demo's "Get help" page, for when /get-help/ does not exist at all."""
    spec = next(spec for spec in read("en", "site")["standard_pages"] if spec["slug"] == "get-help")
    return StandardPage(**page_fields(spec))


def replace_get_help(home, pages):
    """Make /get-help/ a Get help page, keeping the text of the standard page it replaces.

    The new page takes the old one's place in the menu and in the home page's call to
    action. Does nothing when /get-help/ already is a Get help page, or when an editor
    has put another kind of page there.
    """
    existing = Page.objects.child_of(home).filter(slug="get-help").first()
    if existing is not None and existing.specific_class is not StandardPage:
        return existing.specific
    source = existing.specific if existing else standard_get_help()
    next_sibling = existing.get_next_sibling() if existing else None
    calls = read("en", "resources")["get_help"]["calls_to_action"]
    body = body_without_retyped_numbers(source.body) + [
        {"type": "call_to_action", "value": {**call, "page": pages[call["page"]].pk, "url": ""}}
        for call in calls
        if call["page"] in pages
    ]
    page = GetHelpPage(
        title=source.title,
        slug="get-help",
        seo_title=source.seo_title,
        search_description=source.search_description,
        show_in_menus=source.show_in_menus,
        summary=source.summary,
        introduction=source.introduction,
        body=body,
    )
    if existing is not None:
        existing.delete()
    if next_sibling is not None:
        Page.objects.get(pk=next_sibling.pk).add_sibling(pos="left", instance=page)
    else:
        HomePage.objects.get(pk=home.pk).add_child(instance=page)
    page.save_revision().publish()

    home = HomePage.objects.get(pk=home.pk)
    home.hero_link_page = page
    home.save_revision().publish()
    return page


def ensure_standard_page(home, spec):
    existing = Page.objects.child_of(home).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing
    page = StandardPage(show_in_menus=True, **page_fields(spec))
    home.add_child(instance=page)
    return page


# ---------------------------------------------------------------- the library


def build_library(home, pages):
    content = read("en", "resources")
    terms = ensure_terms()
    documents = {
        key: sample_document(spec["title"], spec["filename"], spec["lines"])
        for key, spec in content["documents"].items()
    }
    library = ResourceIndexPage(**content["library"])
    home.add_child(instance=library)
    for spec in content["resources"]:
        fields = {name: value for name, value in spec.items() if name not in TERM_MODELS}
        if "document" in fields:
            fields["document"] = documents[fields["document"]]
        fields["body"] = blocks(spec["body"], pages)
        resource = ResourcePage(**fields)
        for kind in TERM_MODELS:
            setattr(resource, kind, [terms[kind][name] for name in spec[kind]])
        library.add_child(instance=resource)
    return library


def load(home):
    """Add the library, the Get help page and the signs and report pages under `home`, once."""
    pages = {
        spec["slug"]: ensure_standard_page(home, spec) for spec in read("en", "resources")["pages"]
    }
    replace_get_help(home, pages)
    if ResourceIndexPage.objects.child_of(home).exists():
        return
    pages = {page.slug: page for page in Page.objects.child_of(home)}
    build_library(home, pages)


# ---------------------------------------------------------------- en español


def spanish_terms(locale):
    """{kind: {English name: Spanish term}}, creating the Spanish translations once."""
    names = read("es", "resources")["terms"]
    return {
        kind: {
            name: add_snippet_translation(english[name], locale, {"name": spanish_name})
            for name, spanish_name in names[kind].items()
        }
        for kind, english in ensure_terms().items()
    }


def load_spanish(home, es_home):
    """The Spanish pages and library, with the national hotline in Spanish, once.

    The library is a translation of the English one; its hotline entry is a translation
    of the English entry "national-human-trafficking-hotline". The Spanish-language entry
    that the English library lists for English readers ("linea-nacional-contra-la-trata")
    stays there.
    """
    content = read("es", "resources")
    locale = es_home.locale
    for spec in content["pages"]:
        source = Page.objects.child_of(home).filter(slug=spec["translation_of"]).first()
        if source is not None:
            add_translation(source, locale, page_fields(spec))
    terms = spanish_terms(locale)
    library = ResourceIndexPage.objects.child_of(home).first()
    if library is None:
        return None
    es_library = add_translation(library, locale, dict(content["library"]))
    for spec in content["resources"]:
        source = ResourcePage.objects.child_of(library).filter(slug=spec["translation_of"]).first()
        if source is None:
            continue
        fields = {
            name: value
            for name, value in spec.items()
            if name not in TERM_MODELS and name != "translation_of"
        }
        fields["body"] = blocks(spec["body"])
        fields["entry_language"] = "es"
        for kind in TERM_MODELS:
            fields[kind] = [terms[kind][name] for name in spec[kind]]
        add_translation(source, locale, fields)
    return es_library
