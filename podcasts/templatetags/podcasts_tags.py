from django import template

from coalition_site.listing import parent_url
from podcasts import listing

register = template.Library()


@register.inclusion_tag("podcasts/latest_episode.html", name="latest_episode", takes_context=True)
def latest_episode_slot(context):
    """The newest episode below the home page, in its language; nothing while there is none."""
    episode = listing.latest_episode(context["page"])
    # An episode's parent is its show: its address and title come without another query.
    show = {"title": episode.show_title, "url": parent_url(episode.url)} if episode else None
    return {"episode": episode, "show": show}
