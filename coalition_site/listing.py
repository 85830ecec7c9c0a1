"""Helpers the listing pages of every content app share: pagination and filter forms."""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

KEYWORD_MAX_LENGTH = 200


def paginate(request, items, per_page=12):
    """The page of `items` that ?page= asks for.

    A missing, malformed or out-of-range page number gives the nearest real
    page (the first, or the last), never an error.
    """
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get("page"))


def without_view_restrictions(queryset):
    """Wagtail's `.public()` as a subquery: no restriction on the page or an ancestor.

    `.public()` reads every restriction in a query of its own each time it is
    called; this keeps the check inside the listing's own query.
    """
    restriction_above = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return queryset.exclude(Exists(restriction_above))


def clean_keyword(value):
    """A keyword safe for any database: NUL bytes removed, length capped."""
    return (value or "").replace("\x00", "").strip()[:KEYWORD_MAX_LENGTH]


def querystring_without_page(request):
    """The current query string minus `page`, for pagination links that keep the filters."""
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


IGNORED_FILTERS_MESSAGE = _("Some filters were not recognised and have been ignored.")
