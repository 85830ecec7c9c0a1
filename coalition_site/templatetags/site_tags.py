from django import template
from django.template.defaultfilters import filesizeformat
from wagtail.models import Site

register = template.Library()


def site_root(request):
    """The current site's root page, found once per request."""
    if request is None:
        return None
    if not hasattr(request, "_coalition_site_root"):
        site = Site.find_for_request(request)
        request._coalition_site_root = site.root_page if site else None
    return request._coalition_site_root


@register.inclusion_tag("components/navigation.html", takes_context=True)
def primary_navigation(context):
    request = context.get("request")
    root = site_root(request)
    current = context.get("page")
    items = []
    if root is not None:
        items = list(root.get_children().live().public().in_menu().only("id", "title", "url_path"))
    return {
        "root": root,
        "items": items,
        "current_path": current.url_path if current else "",
        "request": request,
    }


@register.filter
def file_description(document):
    """'PDF, 240 KB' for a Wagtail document.

    Reads the size recorded at upload; it never opens the file or saves while
    a page renders.
    """
    kind = document.file_extension.upper() or "File"
    size = document.file_size
    return f"{kind}, {filesizeformat(size)}" if size else kind
