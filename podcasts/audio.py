"""Audio files: which types we take and what we read from them.

Only what the podcast directories take is accepted: MP3 and M4A audio (Apple
Podcasts refuses WAV and Ogg). The duration is read with mutagen. The MIME type
follows the file's extension, which the upload form restricts to these two.
"""

from dataclasses import dataclass
from pathlib import PurePosixPath

import mutagen
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4

AUDIO_TYPES = {
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
}
AUDIO_EXTENSIONS = list(AUDIO_TYPES)
# The types an episode may have to be in the feed. Files uploaded before only
# these were accepted (WAV, Ogg) stay on the site but out of the feed.
FEED_AUDIO_TYPES = set(AUDIO_TYPES.values())
MAX_AUDIO_SIZE = 500 * 1024 * 1024

UNSUPPORTED_TYPE = _(
    "Podcast apps take MP3 or M4A audio only (this file is “.%(extension)s”). "
    "Export the recording as MP3 from your audio editor, then upload that file."
)
UNREADABLE = _(
    "This file could not be read as %(kind)s audio. Export it again from your audio editor."
)
TOO_LARGE = _("This file is %(size)s; the largest audio file accepted is %(limit)s.")

# mutagen readers to try for each extension.
MUTAGEN_READERS = {"mp3": [MP3], "m4a": [MP4]}


def extension_of(name):
    return PurePosixPath(name or "").suffix.lower().lstrip(".")


def mime_type_for(name):
    """The MIME type podcast apps expect for a file name, or '' for other types."""
    return AUDIO_TYPES.get(extension_of(name), "")


@dataclass(frozen=True)
class AudioDetails:
    size: int
    mime_type: str
    duration_seconds: int | None


def read_duration(fileobj, extension):
    """Length in whole seconds; raises ValueError when the file is not that kind of audio."""
    fileobj.seek(0)
    try:
        parsed = mutagen.File(fileobj, options=MUTAGEN_READERS[extension])
        if parsed is None or parsed.info is None:
            raise ValueError("not recognized")
        return round(parsed.info.length)
    except (EOFError, mutagen.MutagenError) as error:
        raise ValueError(str(error)) from error
    finally:
        fileobj.seek(0)


def inspect_audio(fileobj, name):
    """Size, MIME type and duration of an uploaded file, or a ValidationError saying why not."""
    extension = extension_of(name)
    if extension not in AUDIO_TYPES:
        raise ValidationError(
            UNSUPPORTED_TYPE, code="invalid_extension", params={"extension": extension or "?"}
        )
    size = fileobj.size
    if size > MAX_AUDIO_SIZE:
        raise ValidationError(
            TOO_LARGE,
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_AUDIO_SIZE)},
        )
    try:
        duration = read_duration(fileobj, extension)
    except ValueError as error:
        raise ValidationError(
            UNREADABLE, code="unreadable", params={"kind": extension.upper()}
        ) from error
    return AudioDetails(size=size, mime_type=AUDIO_TYPES[extension], duration_seconds=duration)
