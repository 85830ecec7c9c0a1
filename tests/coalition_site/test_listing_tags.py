"""The number of filters applied, shown on the folded "Filter" control of every listing."""

from django import forms
from django.http import QueryDict

from coalition_site.templatetags.listing_tags import applied_filter_count


class ExampleFilters(forms.Form):
    q = forms.CharField(required=False)
    kind = forms.ChoiceField(required=False, choices=[("", "Any"), ("a", "A"), ("b", "B")])
    topic = forms.MultipleChoiceField(required=False, choices=[("x", "X"), ("y", "Y"), ("z", "Z")])


def count(query):
    data = QueryDict(query) if query is not None else None
    return applied_filter_count(ExampleFilters(data))


def test_no_filter_applied_counts_none():
    assert count(None) == 0
    assert count("") == 0
    assert count("q=&kind=") == 0


def test_each_filled_field_and_each_ticked_box_counts_once():
    assert count("q=shelter") == 1
    assert count("q=shelter&kind=a") == 2
    assert count("topic=x&topic=z&kind=b") == 3
