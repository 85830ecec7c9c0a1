from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from .listing import querystring_without_page
from .search import HELP_TEXT, SiteSearch


@require_safe
def search(request):
    site_search = SiteSearch(request)
    return TemplateResponse(
        request,
        "coalition_site/search.html",
        {
            "search": site_search,
            "search_query": site_search.query,
            "page_obj": site_search.page_obj,
            "results": site_search.results(),
            "help_text": HELP_TEXT,
            "querystring": querystring_without_page(request),
        },
    )


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return TemplateResponse(request, "robots.txt", {"lines": lines}, content_type="text/plain")
