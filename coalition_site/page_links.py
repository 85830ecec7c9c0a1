"""Links to pages in rich text, found and localized in bulk (Wagtail's rich-text hook).

Wagtail's own handler loads each linked page as its specific type, in case a type
builds its URL its own way (none of ours does; tests/performance/test_routing.py
checks it), then asks for each page's translation in the reader's language
separately. This one reads all the links of a text in one query and all their
translations in one more.
"""

from django.utils import translation
from django.utils.html import escape
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler as WagtailPageLinkHandler

LINK_FIELDS = ("id", "url_path", "live", "translation_key", "locale__language_code")


def active_language():
    """The active language as a Wagtail content language, or None."""
    try:
        return get_supported_content_language_variant(translation.get_language())
    except LookupError:
        return None


def localize_many(pages):
    """`[page.localized for page in pages]` in at most one query (None stays None)."""
    language = active_language()
    others = [page for page in pages if page is not None and page.locale.language_code != language]
    if language is None or not others:
        return pages
    found = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in={page.translation_key for page in others},
            locale__language_code=language,
            live=True,
        )
        .select_related("locale")
        .only(*LINK_FIELDS)
    }
    return [
        found.get(page.translation_key, page)
        if page is not None and page.locale.language_code != language
        else page
        for page in pages
    ]


class PageLinkHandler(WagtailPageLinkHandler):
    """Links to pages, all of a text in one query, and their translations in one more.

    Wagtail loads each linked page as its specific type in case a type builds its
    URL its own way (none of ours does; a test checks it), then localizes each.
    """

    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        pages = (
            Page.objects.filter(id__in=[i for i in ids if i.isdigit()])
            .select_related("locale")
            .only(*LINK_FIELDS)
        )
        by_id = {str(page.pk): page for page in pages}
        return [by_id.get(i) for i in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            f'<a href="{escape(page.url)}">' if page else "<a>"
            for page in localize_many(cls.get_many(attrs_list))
        ]
