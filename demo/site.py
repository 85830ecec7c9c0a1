"""The core of the demo site: home page, settings, standard pages and forms, in English and
Spanish, then the menu and the About page's links once the other loaders have run.

The text is in content/en/site.toml and content/es/site.toml.
"""

from django.utils.html import escape
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from coalition_site.management.commands.set_site_address import site_address
from coalition_site.models import (
    FooterText,
    FormField,
    FormPage,
    HomePage,
    SiteSettings,
    StandardPage,
)
from safety.models import SafetySettings

from .content import blocks, read
from .images import make_share_image

# Fields of a [[standard_pages]] or [home] table that are not model fields.
NOT_FIELDS = {"translation_of", "hero_link_page", "key_figures", "body", "fields"}


def page_fields(spec):
    """The model fields of a page table, with its StreamFields built."""
    fields = {name: value for name, value in spec.items() if name not in NOT_FIELDS}
    if "body" in spec:
        fields["body"] = blocks(spec["body"])
    if "key_figures" in spec:
        fields["key_figures"] = [("figure", dict(figure)) for figure in spec["key_figures"]]
    return fields


def form_fields(specs):
    return [
        FormField(
            sort_order=order,
            label=spec["label"],
            field_type=spec["type"],
            required=spec["required"],
            choices="\n".join(spec["choices"]),
            help_text=spec["help_text"],
        )
        for order, spec in enumerate(specs)
    ]


def build_forms(home):
    for spec in read("en", "site")["forms"]:
        page = FormPage(show_in_menus=False, **page_fields(spec))
        page.form_fields = form_fields(spec["fields"])
        home.add_child(instance=page)
        page.save_revision().publish()


def promote(home, language, pages):
    """Make the search words of content/<language>/site.toml lead to their page first."""
    spec = read(language, "site")["search_promotion"]
    page = pages.get(spec["page"])
    if page is None:
        return
    for words in spec["queries"]:
        SearchPromotion.objects.get_or_create(
            query=Query.get(words), page=page, defaults={"description": spec["description"]}
        )


def add_search_promotions(home):
    """Make "hotline" and "help" always lead to the Get help page first."""
    promote(home, "en", {page.slug: page for page in Page.objects.child_of(home)})


def arrange_menu(home):
    """Put the menu pages first under every translation of `home`, in the menu's order.

    Run after the other loaders have added their pages. Only the order changes:
    each page keeps its slug, so no address changes.
    """
    keys = dict(Page.objects.child_of(home).values_list("slug", "translation_key"))
    wanted = [keys[slug] for slug in read("en", "site")["menu"]["order"] if slug in keys]
    for each_home in HomePage.objects.filter(translation_key=home.translation_key):
        children = {page.translation_key: page for page in each_home.get_children()}
        for key in reversed(wanted):
            if key in children:
                page = Page.objects.get(pk=children[key].pk)
                page.move(Page.objects.get(pk=each_home.pk), pos="first-child")


def link_about_pages(home):
    """List the pages that are not in the menu on About, in each language they exist in, once."""
    keys = dict(Page.objects.child_of(home).values_list("slug", "translation_key"))
    about_links = read("en", "site")["menu"]["about_links"]
    for about in StandardPage.objects.filter(translation_key=keys.get("about")):
        language = about.locale.language_code
        if language not in ("en", "es"):
            continue
        heading_text = read(language, "site")["menu"]["about_links_heading"]
        if any(
            block.block_type == "heading" and block.value["text"] == heading_text
            for block in about.body
        ):
            continue
        links = Page.objects.filter(
            translation_key__in=[keys[slug] for slug in about_links if slug in keys],
            locale=about.locale,
        ).live()
        order = {keys[slug]: number for number, slug in enumerate(about_links) if slug in keys}
        items = "".join(
            f'<li><a linktype="page" id="{page.pk}">{escape(page.title)}</a></li>'
            for page in sorted(links, key=lambda page: order[page.translation_key])
        )
        if not items:
            continue
        about.body.append(("heading", {"text": heading_text, "level": "h2"}))
        about.body.append(("paragraph", RichText(f"<ul>{items}</ul>")))
        about.save_revision().publish()


def remove_wagtail_welcome_page():
    """Delete the plain "Welcome to your new Wagtail site!" page the migrations create.

    Only a page of the base Page type with no children is removed; deleting it
    also deletes a Site that points at it, which `load` recreates.
    """
    for page in Page.objects.filter(depth=2, numchild=0):
        if page.specific_class is Page:
            page.delete()


def load():
    """Build the core site once. Returns the home page, new or existing, and whether it is new."""
    existing = HomePage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    if existing is not None:
        return existing, False

    content = read("en", "site")
    remove_wagtail_welcome_page()
    home = HomePage(**page_fields(content["home"]))
    Page.get_first_root_node().add_child(instance=home)
    pages = {}
    for spec in content["standard_pages"]:
        page = StandardPage(**page_fields(spec))
        home.add_child(instance=page)
        page.save_revision().publish()
        pages[spec["slug"]] = page
    build_forms(home)

    home.hero_link_page = pages[content["home"]["hero_link_page"]]
    home.save_revision().publish()

    settings_spec = dict(content["settings"])
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port = site_address()
    site.root_page = home
    site.site_name = settings_spec.pop("site_name")
    site.save()

    safety = SafetySettings.for_site(site)
    safety.browse_safely_page = pages[settings_spec.pop("browse_safely_page")]
    safety.save()
    settings = SiteSettings.for_site(site)
    settings.share_image = make_share_image()
    for name, value in settings_spec.items():
        setattr(settings, name, value)
    settings.save()
    FooterText.objects.get_or_create(locale=home.locale, defaults=content["footer"])
    return home, True


# ---------------------------------------------------------------- en español
#
# Real translations (same translation_key) of the English pages, written in plain
# Spanish for survivors ("usted"): content/es/site.toml.


def spanish_locale():
    return Locale.objects.get_or_create(language_code="es")[0]


def add_translation(source, locale, fields):
    """Publish the translation of `source` into `locale`, once, made as an editor makes one.

    Wagtail's copy for translation (the Translate action) makes a page of the same type
    with the same translation_key under the parent's translation, keeping what is not
    text (audio, phone numbers, dates, images); `fields` then give the new language's
    text. The copy takes its slug from `fields` from the start: a slug changed after the
    copy would leave a redirect from the source's slug. The translation is dated as its
    source is (demo/dates.py dates the undated ones). Returns the translation.
    """
    source = source.specific
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing
    original = type(source).objects.get(pk=source.pk)
    original.slug = fields.get("slug", original.slug)
    translated = original.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    type(source).objects.filter(pk=translated.pk).update(
        first_published_at=source.first_published_at, last_published_at=source.last_published_at
    )
    return type(source).objects.get(pk=translated.pk)


def add_snippet_translation(source, locale, fields):
    """The translation of a snippet (a term, a topic) into `locale`, once, as Wagtail copies it.

    A term's slug is made again from its translated name.
    """
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translated = source.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    if hasattr(translated, "slug") and "slug" not in fields:
        translated.slug = ""
    translated.save()
    return translated


def add_spanish_contact(home, locale):
    """The forms in Spanish, translations of the English ones, once."""
    for spec in read("es", "site")["forms"]:
        source = FormPage.objects.child_of(home).filter(slug=spec["translation_of"]).first()
        if source is not None:
            fields = dict(page_fields(spec), form_fields=form_fields(spec["fields"]))
            add_translation(source, locale, fields)


def add_spanish_footer_text(home, locale):
    """The footer text's Spanish translation."""
    english = FooterText.objects.filter(locale=home.locale).first()
    if english is not None:
        add_snippet_translation(english, locale, read("es", "site")["footer"])


def load_spanish(home):
    """The Spanish home page and the core pages, as translations of the English ones.

    Run after the other loaders (the Get help page is the resources loader's). Does
    nothing for a page that already has its Spanish translation.
    """
    content = read("es", "site")
    locale = spanish_locale()
    fields = dict(page_fields(content["home"]), hero_link_page=None)
    es_home = add_translation(home, locale, fields)
    pages = {}
    for spec in content["standard_pages"]:
        source = Page.objects.child_of(home).filter(slug=spec["translation_of"]).first()
        if source is not None:
            pages[spec["translation_of"]] = add_translation(source, locale, page_fields(spec))
    hero_link = pages.get(read("en", "site")["home"]["hero_link_page"])
    if hero_link is not None and es_home.hero_link_page_id is None:
        es_home = HomePage.objects.get(pk=es_home.pk)
        es_home.hero_link_page = hero_link
        es_home.save_revision().publish()
    add_spanish_footer_text(home, locale)
    add_spanish_contact(home, locale)
    promote(es_home, "es", pages)
    return HomePage.objects.get(pk=es_home.pk)
