"""Helpers the listing pages of every content app share: pagination and filter forms."""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

KEYWORD_MAX_LENGTH = 200


def paginate(request, items, per_page=12):
    """The page of `items` that ?page= asks for.

    A missing, malformed or out-of-range page number gives the nearest real
    page (the first, or the last), never an error.
    """
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


def clean_keyword(value):
    """A keyword safe for any database: NUL bytes removed, length capped."""
    return (value or "").replace("\x00", "").strip()[:KEYWORD_MAX_LENGTH]


def querystring_without_page(request):
    """The current query string minus `page`, for pagination links that keep the filters."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


IGNORED_FILTERS_MESSAGE = _("Some filters were not recognised and have been ignored.")
