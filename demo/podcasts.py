"""The demo podcast: the "Justice Journal" show with its two human-trafficking episodes
(videos), and one sample audio episode whose sound file is generated here, so the feed has
a real enclosure without any download. The text is in content/en/podcasts.toml and
content/es/podcasts.toml.
"""

import datetime

from django.utils import timezone

from partners.models import PartnerPage
from podcasts.models import EpisodeGuest, PodcastEpisodePage, PodcastIndexPage

from .audio import make_sample_audio
from .content import read
from .images import make_artwork
from .site import add_translation

# Keys of an [[episodes]] table that are not page fields.
NOT_FIELDS = {"days_ago", "audio_title", "guests", "partners"}


def load(home):
    """Add the show under `home`, once."""
    if PodcastIndexPage.objects.child_of(home).exists():
        return
    content = read("en", "podcasts")
    fields = dict(content["show"])
    artwork_title = fields.pop("artwork_title")
    show = PodcastIndexPage(
        artwork=make_artwork(artwork_title, fields["title"], f"{fields['slug']}-artwork.png"),
        **fields,
    )
    home.add_child(instance=show)

    now = timezone.now()
    for spec in content["episodes"]:
        episode = PodcastEpisodePage(
            publication_date=now - datetime.timedelta(days=spec["days_ago"]),
            **{name: value for name, value in spec.items() if name not in NOT_FIELDS},
        )
        if "audio_title" in spec:
            episode.audio = make_sample_audio(spec["audio_title"])
        episode.guests = [EpisodeGuest(**guest) for guest in spec.get("guests", [])]
        episode.partners = list(
            PartnerPage.objects.filter(slug__in=spec.get("partners", []), locale=home.locale)
        )
        show.add_child(instance=episode)


# ---------------------------------------------------------------- en español
#
# The show and its episodes translated into Spanish. What is heard, seen and transcribed
# stays in English: each episode keeps its audio, video and transcript, the show keeps
# "en" as the language podcast apps read, and the Spanish text says so.

# Keys of a Spanish [[episodes]] table that are not page fields.
TRANSLATION_KEYS = {"translation_of", "guests"}


def load_spanish(home, es_home):
    """The Spanish show and its episodes, once. Run after the Spanish partner directory."""
    content = read("es", "podcasts")
    locale = es_home.locale
    show = PodcastIndexPage.objects.child_of(home).first()
    if show is None:
        return
    add_translation(show, locale, content["show"])
    translations = {spec["translation_of"]: spec for spec in content["episodes"]}
    for source in PodcastEpisodePage.objects.child_of(show).prefetch_related("partners"):
        spec = translations.get(source.slug)
        if spec is None:
            continue
        fields = {name: value for name, value in spec.items() if name not in TRANSLATION_KEYS}
        fields["guests"] = [EpisodeGuest(**guest) for guest in spec.get("guests", [])]
        fields["partners"] = list(
            PartnerPage.objects.filter(
                translation_key__in=[partner.translation_key for partner in source.partners.all()],
                locale=locale,
            )
        )
        add_translation(source, locale, fields)
