"""The site search page, in each language under its prefix."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from coalition_site.listing import querystring_without_page

from .query import HELP_TEXT, SiteSearch


@require_safe
def search(request):
    site_search = SiteSearch(request)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search": site_search,
            "search_query": site_search.query,
            "page_obj": site_search.page_obj,
            "results": site_search.results(),
            "help_text": HELP_TEXT,
            "querystring": querystring_without_page(request),
        },
    )
