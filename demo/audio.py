"""Demo sound, made offline and encoded as MP3 with lameenc (LAME's encoder, a wheel on PyPI),
because podcast apps take MP3 or M4A only."""

import math
import struct

import lameenc
from django.core.files.base import ContentFile

from podcasts.audio import FEED_AUDIO_TYPES
from podcasts.models import AudioFile

SAMPLE_RATE = 44100
MP3_BIT_RATE = 64  # kbit/s, mono: plenty for speech
TONE_SECONDS = 3


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


def silence(seconds=1):
    """Silence as MP3 bytes."""
    return encode_mp3([0] * SAMPLE_RATE * seconds)


def make_sample_audio(title):
    """The test-tone audio file titled `title`, made once."""
    existing = AudioFile.objects.filter(title=title, mime_type__in=FEED_AUDIO_TYPES).first()
    if existing:
        return existing
    # An earlier demo made a WAV sample, which podcast apps do not take.
    AudioFile.objects.filter(title=title).delete()
    audio = AudioFile(title=title)
    audio.file = ContentFile(make_tone(), name="sample-episode-tone.mp3")
    audio.save()
    return audio
