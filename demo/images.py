"""The demo's pictures, drawn with Pillow, offline: no download and no image of anyone else's.

Each is reused when an earlier run made it (a reset deletes pages, not images).
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

SHARE_IMAGE_TITLE = "Sacramento Together share image"
WIDTH, HEIGHT = 1200, 630  # what Facebook, LinkedIn and X show in full
ARTWORK_SIZE = 1400  # the square podcast apps ask for


def png(canvas, **options):
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", **options)
    return buffer


def stored_image(title, filename, draw, require_file=False):
    """The image titled `title`, made from `draw()` (a file-like PNG) unless it exists.

    With `require_file`, an image whose file has gone is made again.
    """
    image_model = get_image_model()
    for existing in image_model.objects.filter(title=title):
        if not require_file or (existing.file and existing.file.storage.exists(existing.file.name)):
            return existing
    image = image_model(title=title)
    image.file = ImageFile(draw(), name=filename)
    image.save()
    return image


def draw_share_image():
    """PNG bytes: "Sacramento Together" in white on the site's dark blue, with a red band."""
    canvas = PILImage.new("RGB", (WIDTH, HEIGHT), "#1d3557")
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, HEIGHT - 90, WIDTH, HEIGHT), fill="#e63946")
    title = ImageFont.load_default(size=96)
    subtitle = ImageFont.load_default(size=34)
    draw.text((WIDTH / 2, 250), "Sacramento Together", fill="#ffffff", font=title, anchor="mm")
    draw.text(
        (WIDTH / 2, 370),
        "Against human trafficking and exploitation in the Sacramento region",
        fill="#f1faee",
        font=subtitle,
        anchor="mm",
    )
    return png(canvas, optimize=True)


def make_share_image():
    """The site's share image (SiteSettings.share_image, read by the `social_meta` tag)."""
    return stored_image(
        SHARE_IMAGE_TITLE, "sacramento-together-share.png", draw_share_image, require_file=True
    )


def draw_banner():
    """People side by side, as in the mark: nothing that reads as a chart of arrests."""
    canvas = PILImage.new("RGB", (WIDTH, HEIGHT), "#0b4f6c")
    draw = ImageDraw.Draw(canvas)
    for number, x in enumerate(range(150, WIDTH, 180)):
        fill = "#fdd35c" if number == 3 else "#d2e3ea"
        top = 300 if number % 2 else 330
        draw.ellipse([x - 45, top - 110, x + 45, top - 20], fill=fill)
        draw.rounded_rectangle([x - 75, top, x + 75, 700], radius=70, fill=fill)
    return png(canvas)


def make_banner(title):
    """A plain banner in the site's colors for a news item."""
    return stored_image(title, "news-banner.png", draw_banner)


def draw_artwork(name):
    """A 1400 × 1400 PNG: the show's name on the site's colors."""
    canvas = PILImage.new("RGB", (ARTWORK_SIZE, ARTWORK_SIZE), "#1d3557")
    draw = ImageDraw.Draw(canvas)
    draw.ellipse((200, 200, 1200, 1200), fill="#457b9d")
    draw.ellipse((420, 420, 980, 980), fill="#f1faee")
    draw.rectangle((0, 1130, ARTWORK_SIZE, 1400), fill="#e63946")
    font = ImageFont.load_default(size=120)
    draw.text((ARTWORK_SIZE / 2, 1265), name, fill="#ffffff", font=font, anchor="mm")
    return png(canvas, optimize=True)


def make_artwork(title, name, filename):
    """Podcast artwork showing `name`."""
    return stored_image(title, filename, lambda: draw_artwork(name))


def make_plain_image(title, filename, colour, size=(800, 450)):
    """A plain coloured JPEG, for sample content in bulk."""

    def draw():
        buffer = io.BytesIO()
        PILImage.new("RGB", size, colour).save(buffer, format="JPEG")
        return buffer

    return stored_image(title, filename, draw)
