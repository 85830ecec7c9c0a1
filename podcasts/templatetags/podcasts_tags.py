from django import template

from coalition_site.listing import parent_url, stand_in_language
from podcasts.models import PodcastEpisodePage

register = template.Library()


@register.inclusion_tag("podcasts/latest_episode.html", name="latest_episode")
def latest_episode_slot():
    """The newest episode in the reader's language; nothing while there is none."""
    episode = PodcastEpisodePage.objects.newest()
    # An episode's parent is its show: its address and title come without another query.
    show = {"title": episode.show_title, "url": parent_url(episode.url)} if episode else None
    return {
        "episode": episode,
        "show": show,
        "lang": stand_in_language([episode] if episode else []),
    }
