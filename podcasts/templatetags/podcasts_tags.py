from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language, pgettext_lazy

from coalition_site.listing import parent_url, stand_in_language
from podcasts.models import PodcastEpisodePage

register = template.Library()

# Language names as they read inside a sentence ("This episode is in English."), where
# Spanish writes them in lowercase; other languages take the name Django knows.
IN_A_SENTENCE = {
    "en": pgettext_lazy("language name inside a sentence", "English"),
    "es": pgettext_lazy("language name inside a sentence", "Spanish"),
}


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


@register.simple_tag
def spoken_language(show):
    """The language spoken in `show` when it is not the reader's, else None.

    A dict with the `code` (for `lang` attributes) and the language's `name` in the
    reader's language: a show translated for Spanish readers may still be in English.
    """
    code = (getattr(show, "language", "") or "").strip()
    if not code or primary(code) == primary(get_language() or settings.LANGUAGE_CODE):
        return None
    name = IN_A_SENTENCE.get(primary(code))
    if name is None:
        try:
            name = translation.get_language_info(code)["name_translated"]
        except KeyError:
            name = code
    return {"code": code, "name": name}


def primary(code):
    """The primary language subtag of a language code: "es" for "es-419"."""
    return code.replace("_", "-").split("-")[0].lower()
