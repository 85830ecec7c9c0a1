"""A page body's rich text rendered in a fixed number of queries, however many blocks link.

Wagtail expands the links of each rich-text block on its own. Here the links of
a whole body go through Wagtail's rewriter together (one lookup per link type);
coalition_site.page_links then finds and localizes all page links at once.
"""

from django.template.loader import render_to_string
from wagtail.rich_text import RichText, expand_db_html

SPLIT = "<!--coalition-rich-text-split-->"


class ExpandedRichText(RichText):
    """A RichText whose links were already expanded along with others."""

    def __init__(self, source, html):
        super().__init__(source)
        self.html = html

    def __html__(self):
        return render_to_string("wagtailcore/shared/richtext.html", {"html": self.html})


def expand_rich_text(children):
    """Expand the links of a body's rich-text children together, one lookup per link type."""
    children = [
        child
        for child in children
        if isinstance(child.value, RichText)
        and not isinstance(child.value, ExpandedRichText)
        and "linktype=" in child.value.source
    ]
    if len(children) < 2:
        return
    sources = [child.value.source for child in children]
    if any(SPLIT in source for source in sources):
        return
    parts = expand_db_html(SPLIT.join(sources)).split(SPLIT)
    if len(parts) != len(children):
        return
    for child, html in zip(children, parts, strict=True):
        child.value = ExpandedRichText(child.value.source, html)
