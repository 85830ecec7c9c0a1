"""The resource library's filters and query."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coalition_site.listing import (
    IGNORED_FILTERS_MESSAGE,
    KEYWORD_MAX_LENGTH,
    clean_keyword,
    paginate,
    without_view_restrictions,
)
from coalition_site.listing import term_choices as shared_term_choices
from coalition_site.models import Language

from .models import Audience, ResourcePage, ResourceType, Topic

PER_PAGE = 24
FILTER_NAMES = ("q", "audience", "topic", "type", "language")
TERM_FILTERS = {"audience": Audience, "topic": Topic, "language": Language}


def term_choices():
    """Every audience, topic and language as (slug, name) choices, read in one query.

    Returns {"audience": [...], "topic": [...], "language": [...]}, each sorted by name.
    """
    return shared_term_choices(TERM_FILTERS)


def term_filter(field_name, label):
    """A select of one managed-list term, named in the URL by its slug.

    Its choices are set when the filter set is made, from `term_choices()`.
    """
    return django_filters.ChoiceFilter(
        field_name=f"{field_name}__slug", label=label, empty_label=_("Any")
    )


class ResourceFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Keyword"),
        method="filter_keyword",
        widget=forms.TextInput(attrs={"type": "search", "maxlength": KEYWORD_MAX_LENGTH}),
    )
    audience = term_filter("audiences", _("For"))
    topic = term_filter("topics", _("Topic"))
    type = django_filters.ChoiceFilter(
        field_name="resource_type",
        label=_("Type"),
        choices=ResourceType.choices,
        empty_label=_("Any"),
    )
    language = term_filter("languages", _("Language"))

    class Meta:
        model = ResourcePage
        fields = []

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = term_choices() if choices is None else choices
        for name in TERM_FILTERS:
            self.filters[name].extra["choices"] = choices[name]

    def filter_keyword(self, queryset, name, value):
        keyword = clean_keyword(value)
        if not keyword:
            return queryset
        matching = ResourcePage.objects.filter(
            Q(title__icontains=keyword)
            | Q(summary__icontains=keyword)
            | Q(topics__name__icontains=keyword)
            | Q(audiences__name__icontains=keyword)
        ).values("pk")
        return queryset.filter(pk__in=matching)


def resource_cards(queryset):
    """Resources ready for cards, in a fixed number of queries however many there are."""
    return (
        queryset.select_related("document")
        .prefetch_related("audiences", "languages")
        .defer_streamfields()
        .order_by("title")
    )


def filter_data(request):
    """The filters asked for, without the page number, NUL bytes or overlong values.

    Only the library's own parameters are kept, so unrelated ones (a tracking
    tag, say) neither count as filters nor trigger the "not recognized" notice.
    """
    data = request.GET.copy()
    for name in list(data.keys()):
        if name not in FILTER_NAMES:
            del data[name]
            continue
        data.setlist(name, [clean_keyword(value) for value in data.getlist(name)])
    return data


def library_context(library, request):
    resources = without_view_restrictions(ResourcePage.objects.child_of(library).live())
    data = filter_data(request)
    is_filtered = any(value for value in data.values())
    filters = ResourceFilter(data if is_filtered else None, queryset=resources)
    results = filters.qs if filters.is_bound else resources
    page_obj = paginate(request, resource_cards(results), per_page=PER_PAGE)
    return {
        "filters": filters,
        "page_obj": page_obj,
        "resources": page_obj.object_list,
        "result_count": page_obj.paginator.count,
        "is_filtered": is_filtered,
        "ignored_filters_message": IGNORED_FILTERS_MESSAGE if filters.errors else "",
        "querystring": data.urlencode(),
    }
