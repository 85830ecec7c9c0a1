from django import template

from podcasts import listing

register = template.Library()


@register.inclusion_tag("podcasts/latest_episode.html", name="latest_episode")
def latest_episode_slot():
    """The newest episode for the home page; renders nothing while there is none."""
    episode = listing.latest_episode()
    show = episode.get_parent() if episode else None
    return {"episode": episode, "show": show}
