"""Demo podcast: the "Justice Journal" show with its two human-trafficking episodes (videos),
and one sample audio episode whose sound file is generated here, so the feed has a real
enclosure without any download."""

import datetime
import io
import math
import struct
import wave

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from partners.models import PartnerPage

from .models import AudioFile, EpisodeGuest, EpisodeType, PodcastEpisodePage, PodcastIndexPage

SHOW_SLUG = "justice-journal"
ARTWORK_SIZE = 1400
SAMPLE_RATE = 8000
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
    """A 1400 × 1400 PNG: the show's name on the site's colours, drawn with Pillow.

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


def make_tone(seconds=TONE_SECONDS, frequency=440):
    """A quiet sine tone that fades in and out, as 16-bit mono WAV bytes."""
    frames = bytearray()
    total = seconds * SAMPLE_RATE
    fade = SAMPLE_RATE // 4
    for n in range(total):
        envelope = min(1.0, n / fade, (total - n) / fade)
        sample = int(6000 * envelope * math.sin(2 * math.pi * frequency * n / SAMPLE_RATE))
        frames += struct.pack("<h", sample)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(SAMPLE_RATE)
        audio.writeframes(bytes(frames))
    return buffer.getvalue()


def make_sample_audio():
    existing = AudioFile.objects.filter(title=AUDIO_TITLE).first()
    if existing:
        return existing
    audio = AudioFile(title=AUDIO_TITLE)
    audio.file = ContentFile(make_tone(), name="sample-episode-tone.wav")
    audio.save()
    return audio


def load(home):
    """Add the "Justice Journal" show under `home`, once."""
    if PodcastIndexPage.objects.child_of(home).exists():
        return
    show = PodcastIndexPage(
        title="Justice Journal",
        slug=SHOW_SLUG,
        show_in_menus=True,
        summary="Episodes about human trafficking in the Sacramento region, to hear or watch.",
        description=(
            "Conversations about human trafficking in the Sacramento region: what it looks "
            "like, how to recognise it and where to find help."
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
