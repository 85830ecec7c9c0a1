"""Demo podcast: the "Justice Journal" show with its two human-trafficking episodes (videos),
and one sample audio episode whose sound file is generated here, so the feed has a real
enclosure without any download.

The sound is encoded as MP3 with lameenc (LAME's encoder, a wheel on PyPI), because
podcast apps take MP3 or M4A only.
"""

import datetime
import io
import math
import struct

import lameenc
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from partners.models import PartnerPage

from .audio import FEED_AUDIO_TYPES
from .models import AudioFile, EpisodeGuest, EpisodeType, PodcastEpisodePage, PodcastIndexPage

SHOW_SLUG = "justice-journal"
ARTWORK_SIZE = 1400
SAMPLE_RATE = 44100
MP3_BIT_RATE = 64  # kbit/s, mono: plenty for speech
TONE_SECONDS = 3
ARTWORK_TITLE = "Justice Journal artwork (sample)"
AUDIO_TITLE = "Sample episode: test tone (sample)"

VIDEO_EPISODES = [
    # (episode number, title, slug, YouTube address, days ago)
    (
        1,
        "Justice Journal: human trafficking, part 1",
        "human-trafficking-part-1",
        "https://youtu.be/G51vo2oVVwE",
        60,
    ),
    (
        2,
        "Justice Journal: human trafficking, part 2",
        "human-trafficking-part-2",
        "https://youtu.be/UOwE6DGJQIk",
        30,
    ),
]


def make_artwork():
    """A 1400 × 1400 PNG: the show's name on the site's colors, drawn with Pillow.

    An earlier run's artwork is reused (a reset deletes pages, not images).
    """
    existing = get_image_model().objects.filter(title=ARTWORK_TITLE).first()
    if existing:
        return existing
    canvas = PILImage.new("RGB", (ARTWORK_SIZE, ARTWORK_SIZE), "#1d3557")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((200, 200, 1200, 1200), fill="#457b9d")
    draw.ellipse((420, 420, 980, 980), fill="#f1faee")
    draw.rectangle((0, 1130, ARTWORK_SIZE, 1400), fill="#e63946")
    font = ImageFont.load_default(size=120)
    draw.text((ARTWORK_SIZE / 2, 1265), "Justice Journal", fill="#ffffff", font=font, anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    image = get_image_model()(title=ARTWORK_TITLE)
    image.file = ImageFile(buffer, name="justice-journal-artwork.png")
    image.save()
    return image


def encode_mp3(samples):
    """16-bit mono samples at SAMPLE_RATE, as MP3 bytes."""
    encoder = lameenc.Encoder()
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_bit_rate(MP3_BIT_RATE)
    encoder.set_quality(2)
    pcm = struct.pack(f"<{len(samples)}h", *samples)
    return bytes(encoder.encode(pcm) + encoder.flush())


def make_tone(seconds=TONE_SECONDS, frequency=440, volume=6000):
    """A quiet sine tone that fades in and out, as mono MP3 bytes."""
    total = seconds * SAMPLE_RATE
    fade = SAMPLE_RATE // 4
    samples = [
        int(
            volume
            * min(1.0, n / fade, (total - n) / fade)
            * math.sin(2 * math.pi * frequency * n / SAMPLE_RATE)
        )
        for n in range(total)
    ]
    return encode_mp3(samples)


def make_sample_audio():
    existing = AudioFile.objects.filter(title=AUDIO_TITLE, mime_type__in=FEED_AUDIO_TYPES).first()
    if existing:
        return existing
    # An earlier demo made a WAV sample, which podcast apps do not take.
    AudioFile.objects.filter(title=AUDIO_TITLE).delete()
    audio = AudioFile(title=AUDIO_TITLE)
    audio.file = ContentFile(make_tone(), name="sample-episode-tone.mp3")
    audio.save()
    return audio


def load(home):
    """Add the "Justice Journal" show under `home`, once."""
    if PodcastIndexPage.objects.child_of(home).exists():
        return
    show = PodcastIndexPage(
        title="Justice Journal",
        slug=SHOW_SLUG,
        show_in_menus=False,
        summary="Episodes about human trafficking in the Sacramento region, to hear or watch.",
        description=(
            "Conversations about human trafficking in the Sacramento region: what it looks "
            "like, how to recognize it and where to find help."
        ),
        artwork=make_artwork(),
        author="Sacramento Together",
        owner_name="Sacramento Together",
        owner_email="podcast@example.org",
        category="Government",
        language="en",
        copyright="© Sacramento Together",
    )
    home.add_child(instance=show)

    now = timezone.now()
    for number, title, slug, video_url, days_ago in VIDEO_EPISODES:
        show.add_child(
            instance=PodcastEpisodePage(
                title=title,
                slug=slug,
                summary=f"Part {number} of the Justice Journal's episodes on human trafficking.",
                publication_date=now - datetime.timedelta(days=days_ago),
                season_number=1,
                episode_number=number,
                video_url=video_url,
                show_notes=(
                    f"<p>Part {number} of two Justice Journal episodes about human "
                    "trafficking, published as a video.</p>"
                    "<p>If you or someone you know needs help, call the National Human "
                    "Trafficking Hotline at 1-888-373-7888 or text 233733. In immediate "
                    "danger, call 911.</p>"
                ),
            )
        )

    sample = PodcastEpisodePage(
        title="Sample episode: how episodes reach your podcast app",
        slug="sample-episode",
        summary="Sample content: a three-second test tone that shows how audio episodes work.",
        publication_date=now - datetime.timedelta(days=90),
        episode_type=EpisodeType.BONUS,
        audio=make_sample_audio(),
        show_notes=(
            "<p><em>Sample content for the demo site.</em> This episode is a short test tone. "
            "It shows the audio player, the download link and how an episode with a sound "
            "file appears in the show's podcast feed.</p>"
        ),
        transcript=(
            "<p><em>Sample transcript.</em></p>"
            "<p>[A quiet tone plays for three seconds.]</p>"
            "<p>Host (sample): Every episode with audio has a transcript here, for everyone "
            "who prefers to read.</p>"
        ),
    )
    sample.guests = [EpisodeGuest(name="Alex Rivera (sample)", role="Invented host")]
    sample.partners = list(PartnerPage.objects.filter(slug="sample-harbor-light-shelter"))
    show.add_child(instance=sample)
