"""Template helpers for the filterable listings (directory, news, library)."""

from django import template

register = template.Library()


@register.simple_tag
def applied_filter_count(form):
    """How many filter values were chosen: each ticked box and each filled field counts once."""
    if form is None or not form.is_bound:
        return 0
    count = 0
    for field in form:
        value = field.value()
        values = value if isinstance(value, (list, tuple)) else [value]
        count += sum(1 for each in values if each not in ("", None))
    return count
