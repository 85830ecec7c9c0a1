"""Files sent whole or by byte range (RFC 9110, section 14), for audio and local media.

One parser and one response for every file the site streams itself: podcast
audio (podcasts/views.py) and, without an S3 bucket, images under /media/
(operations/media.py).
"""

import re

from django.http import HttpResponse, StreamingHttpResponse

CHUNK_SIZE = 64 * 1024


class UnsatisfiableRange(Exception):
    """The Range header asks only for bytes the file does not have (HTTP 416)."""


# One byte-range-spec: "first-last", "first-" or "-suffix" (RFC 9110, 14.1.2).
RANGE_SPEC = re.compile(r"^\s*(?:(\d+)\s*-\s*(\d*)|-\s*(\d+))\s*$")


def parse_range(header, size):
    """The inclusive (first, last) byte positions a `Range` header asks for.

    Returns None when the whole file should be sent: no header, another unit
    than bytes, several ranges (which a server may answer with the whole file),
    or a header that is not a valid byte range at all, such as `bytes=abc` or
    `bytes=9-3` (RFC 9110 lets a server ignore an invalid Range; a reader's
    player then still gets the file). Raises UnsatisfiableRange for a valid
    range that lies outside the file: `bytes=5000-` on a shorter file, `bytes=-0`.
    """
    if not header:
        return None
    unit, _, ranges = header.partition("=")
    if unit.strip().lower() != "bytes" or "," in ranges:
        return None
    match = RANGE_SPEC.match(ranges)
    if not match:
        return None
    first, last, suffix = match.groups()
    if suffix is not None:
        # bytes=-n: the last n bytes.
        length = int(suffix)
        if length == 0 or size == 0:
            raise UnsatisfiableRange
        return max(0, size - length), size - 1
    first = int(first)
    if last and int(last) < first:
        return None
    if first >= size:
        raise UnsatisfiableRange
    last = size - 1 if not last else min(int(last), size - 1)
    return first, last


def read_range(storage, name, first, length):
    """The bytes first..first+length-1 of a stored file, in chunks."""
    with storage.open(name, "rb") as handle:
        handle.seek(first)
        remaining = length
        while remaining > 0:
            data = handle.read(min(CHUNK_SIZE, remaining))
            if not data:
                break
            remaining -= len(data)
            yield data


def ranged_file_response(request, storage, name, content_type, size=None):
    """A stored file, whole (200), by range (206) or refused (416), with `Accept-Ranges`.

    Ranges apply to GET only (a HEAD gets the headers of the whole file).
    Raises FileNotFoundError/OSError when the file is not there.
    """
    if size is None:
        size = storage.size(name)
    header = request.headers.get("Range") if request.method == "GET" else None
    try:
        byte_range = parse_range(header, size)
    except UnsatisfiableRange:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        first, last = byte_range or (0, size - 1)
        length = max(0, last - first + 1)
        response = StreamingHttpResponse(
            read_range(storage, name, first, length) if request.method != "HEAD" else [],
            status=206 if byte_range else 200,
            content_type=content_type or "application/octet-stream",
        )
        response["Content-Length"] = str(length)
        if byte_range:
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response
