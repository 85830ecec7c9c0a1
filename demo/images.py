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

# The site's palette (static/css/site.css, section 1).
TEAL = "#0b4f6c"
TEAL_DARK = "#0a3d53"
TEAL_DEEP = "#083b51"
SUN_GLOW = "#2f6f86"  # the yellow sun's halo on teal
TEAL_MID = "#5f9fb5"
TEAL_LIGHT = "#b5d3df"
TINT = "#e6eff3"
WARM_WHITE = "#f4f1ea"
YELLOW = "#fdd35c"
RUST = "#a35212"
INK = "#1b2b34"


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
    """PNG bytes: "Sacramento Together" in white on the site's teal, with a yellow band."""
    canvas = PILImage.new("RGB", (WIDTH, HEIGHT), TEAL)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, HEIGHT - 90, WIDTH, HEIGHT), fill=YELLOW)
    title = ImageFont.load_default(size=96)
    subtitle = ImageFont.load_default(size=34)
    draw.text((WIDTH / 2, 250), "Sacramento Together", fill="#ffffff", font=title, anchor="mm")
    draw.text(
        (WIDTH / 2, 370),
        "Against human trafficking and exploitation in the Sacramento region",
        fill=TINT,
        font=subtitle,
        anchor="mm",
    )
    return png(canvas, optimize=True)


def make_share_image():
    """The site's share image (SiteSettings.share_image, read by the `social_meta` tag)."""
    return stored_image(
        SHARE_IMAGE_TITLE, "sacramento-together-share.png", draw_share_image, require_file=True
    )


# The banner's group, back row first: (center x, shoulder y, body width, body
# color, skin, hair). Coordinates on the 1200 x 630 banner.
BANNER_PEOPLE = (
    (420, 330, 150, TEAL_MID, "#8d5a3b", INK),
    (600, 300, 160, RUST, "#f1c27d", "#6b3f1d"),
    (780, 320, 150, WARM_WHITE, "#5a3a29", INK),
    (330, 420, 130, TINT, "#c68b59", "#3b2a20"),
    (510, 400, 150, YELLOW, "#e0ac69", INK),
    (700, 410, 140, TEAL_DARK, "#a86b46", "#3b2a20"),
    (880, 440, 110, TEAL_LIGHT, "#f1c27d", "#8d5a3b"),
)


def draw_banner():
    """A group of people, arms around each other, on a hill under the sun.

    Drawn twice the size and scaled down, so the curves are smooth. The people
    overlap and differ in height and color, and the front row's arms reach over
    each other's shoulders: at card size it reads as people together, never as
    a row of bars.
    """
    scale = 2

    def box(*values):
        return [value * scale for value in values]

    canvas = PILImage.new("RGB", (WIDTH * scale, HEIGHT * scale), TEAL)
    draw = ImageDraw.Draw(canvas)
    # The sun with its glow, and two hills.
    draw.ellipse(box(930, 40, 1170, 280), fill=SUN_GLOW)
    draw.ellipse(box(975, 85, 1125, 235), fill=YELLOW)
    draw.ellipse(box(-200, 470, 700, 900), fill=TEAL_DARK)
    draw.ellipse(box(500, 500, 1500, 950), fill=TEAL_DEEP)
    for x, shoulder, width, body, skin, hair in BANNER_PEOPLE:
        head = width * 0.3
        # The body: shoulders rounded, running off the bottom edge.
        draw.rounded_rectangle(
            box(x - width / 2, shoulder, x + width / 2, HEIGHT + 120),
            radius=width / 2 * scale,
            fill=body,
        )
        top = shoulder - head * 2 - 6
        draw.ellipse(box(x - head, top, x + head, shoulder - 6), fill=skin)
        # Hair over the top half of the head.
        draw.chord(box(x - head - 3, top - 4, x + head + 3, top + head * 1.7), 180, 360, fill=hair)
    # The front row's arms over each other's shoulders, drawn last so they
    # lie across the bodies, each ending in a hand.
    front = BANNER_PEOPLE[3:]
    for (x, shoulder, width, body, skin, _), neighbor in zip(front, front[1:], strict=False):
        reach = neighbor[0] - neighbor[2] * 0.25
        y = max(shoulder, neighbor[1]) + 30
        thickness = width * 0.22
        draw.line(box(x, y + 10, reach, y), fill=body, width=int(thickness * scale))
        hand = thickness * 0.6
        draw.ellipse(box(reach - hand, y - hand, reach + hand, y + hand), fill=skin)
    canvas = canvas.resize((WIDTH, HEIGHT), PILImage.Resampling.LANCZOS)
    return png(canvas, optimize=True)


def make_banner(title):
    """A plain banner in the site's colors for a news item."""
    return stored_image(title, "news-banner.png", draw_banner)


def draw_artwork(name):
    """A 1400 x 1400 PNG in the site's colors: two speech bubbles and the show's name."""
    canvas = PILImage.new("RGB", (ARTWORK_SIZE, ARTWORK_SIZE), TEAL)
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle((170, 190, 900, 640), radius=110, fill=WARM_WHITE)
    draw.polygon([(300, 620), (300, 800), (470, 630)], fill=WARM_WHITE)
    draw.rounded_rectangle((520, 520, 1230, 930), radius=110, fill=YELLOW)
    draw.polygon([(1100, 910), (1100, 1060), (950, 920)], fill=YELLOW)
    for x in (410, 535, 660):
        draw.ellipse((x - 32, 383, x + 32, 447), fill=TEAL)
    draw.rectangle((0, 1130, ARTWORK_SIZE, ARTWORK_SIZE), fill=TEAL_DARK)
    font = ImageFont.load_default(size=120)
    draw.text((ARTWORK_SIZE / 2, 1265), name, fill="#ffffff", font=font, anchor="mm")
    return png(canvas, optimize=True)


def make_artwork(title, name, filename):
    """Podcast artwork showing `name`."""
    return stored_image(title, filename, lambda: draw_artwork(name))


def make_plain_image(title, filename, color, size=(800, 450)):
    """A plain JPEG in one color, for sample content in bulk."""

    def draw():
        buffer = io.BytesIO()
        PILImage.new("RGB", size, color).save(buffer, format="JPEG")
        return buffer

    return stored_image(title, filename, draw)
