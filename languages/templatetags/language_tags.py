from django import template

from languages.i18n import alternates

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The page in every public language (see languages.i18n.alternates)."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    return alternates(request, page if hasattr(page, "translation_key") else None)
