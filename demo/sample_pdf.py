"""A one-page PDF written by hand, for demo documents made offline.

Only what a reader needs: a catalog, one page, the standard Helvetica font
(WinAnsi encoding, so Spanish accents print) and a text stream, with a
cross-reference table whose byte offsets are computed, not guessed.
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 612, 792  # US Letter, in points
MARGIN = 72
LINE_HEIGHT = 18
WRAP_AT = 80  # characters of 12-point Helvetica that fit between the margins


def pdf_string(text):
    """A PDF literal string in WinAnsi (cp1252), with its special characters escaped."""
    raw = text.encode("cp1252", errors="replace")
    escaped = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + escaped + b")"


def text_stream(title, lines):
    top = PAGE_HEIGHT - MARGIN
    parts = [
        b"BT",
        b"/F1 20 Tf",
        f"{MARGIN} {top} Td".encode(),
        pdf_string(title) + b" Tj",
        b"/F1 12 Tf",
        f"{LINE_HEIGHT} TL".encode(),
        b"T* T*",
    ]
    for paragraph in lines:
        for line in textwrap.wrap(paragraph, WRAP_AT) or [""]:
            parts.append(pdf_string(line) + b" Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)


def one_page_pdf(title, lines):
    """The bytes of a valid one-page PDF showing `title`, then each of `lines`, wrapped.

    An empty string in `lines` leaves a blank line. Keep it short: there is one page.
    """
    content = text_stream(title, lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        ).encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
        b"<< /Title " + pdf_string(title) + b" /Producer (Sacramento Together demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_offset = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref_offset}\n%%EOF\n"
    ).encode()
    return bytes(out)
