"""Template tags for the parts of a content page: its header and its "On this page" list.

{% capture as name %}…{% endcapture %}
    renders the enclosed template once and keeps the HTML in `name`, so a page
    template can hand a piece of markup to components/page_header.html.

{% outline as name %}…{% endoutline %}
    renders the enclosed part of the page, gives every level-two heading in it
    an id (a slug of its text) unless it already has one, and keeps the headings
    as a list of {"id", "text"} in `name` for the "On this page" links. Built on
    the server from the rendered StreamField, rich text and template headings,
    so the links work without JavaScript.
"""

import html
import re

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify

register = template.Library()

H2 = re.compile(r"<h2(?P<attrs>(?:\s[^>]*)?)>(?P<inner>.*?)</h2>", re.IGNORECASE | re.DOTALL)
ID_ATTR = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)

# Ids that base.html and the components give elements outside the outlined part:
# a heading such as "Main content" must not take the skip link's target.
RESERVED_IDS = {
    "footer-contact-heading",
    "footer-safety-heading",
    "hotline-strip-lead",
    "main-content",
    "media-contact-heading",
    "on-this-page-heading",
    "quick-exit",
    "related-links-heading",
    "site-search-query",
}


def add_heading_ids(markup):
    """Return the markup with an id on every <h2>, and the headings in order."""
    headings = []
    taken = RESERVED_IDS | set(re.findall(r"""\sid\s*=\s*["']([^"']+)["']""", markup))

    def name(match):
        attrs, inner = match.group("attrs"), match.group("inner")
        text = " ".join(html.unescape(strip_tags(inner)).split())
        found = ID_ATTR.search(attrs)
        if found:
            heading_id = found.group(1) or found.group(2)
        else:
            base = slugify(text) or "section"
            heading_id, number = base, 2
            while heading_id in taken:
                heading_id, number = f"{base}-{number}", number + 1
            taken.add(heading_id)
            attrs = f' id="{heading_id}"{attrs}'
        if text:
            headings.append({"id": heading_id, "text": text})
        return f"<h2{attrs}>{inner}</h2>"

    return H2.sub(name, markup), headings


class CaptureNode(template.Node):
    def __init__(self, nodelist, variable):
        self.nodelist = nodelist
        self.variable = variable

    def render(self, context):
        context[self.variable] = mark_safe(self.nodelist.render(context).strip())
        return ""


class OutlineNode(template.Node):
    def __init__(self, nodelist, variable):
        self.nodelist = nodelist
        self.variable = variable

    def render(self, context):
        markup, headings = add_heading_ids(self.nodelist.render(context))
        context[self.variable] = headings
        return mark_safe(markup)


def _parse(parser, token, end):
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError(f"Usage: {{% {bits[0]} as name %}}…{{% {end} %}}")
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    return nodelist, bits[2]


@register.tag
def capture(parser, token):
    return CaptureNode(*_parse(parser, token, "endcapture"))


@register.tag
def outline(parser, token):
    return OutlineNode(*_parse(parser, token, "endoutline"))
