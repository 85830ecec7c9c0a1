from django import template
from django.conf import settings

from caching.generation import generation

register = template.Library()


@register.simple_tag(takes_context=True)
def fragment_cache(context):
    """What a cached fragment of the page's frame varies on, for `{% wagtailcache %}`.

    `seconds`, the cache `generation` (see caching.generation) and the `host`.
    """
    request = context.get("request")
    return {
        "seconds": settings.SITE_CACHE_SECONDS,
        "generation": generation(),
        "host": request.get_host() if request else "",
    }
