"""The demo site's share image: the coalition's name on a plain background.

Drawn with Pillow, offline, so the demo needs no download and no image of
anyone else's. Pages without an image of their own carry it in `og:image`
(SiteSettings.share_image, read by the `social_meta` tag).
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

SHARE_IMAGE_TITLE = "Sacramento Together share image"
WIDTH, HEIGHT = 1200, 630  # what Facebook, LinkedIn and X show in full


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
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer


def make_share_image():
    """The share image, reused from an earlier run when its file is still there."""
    image_model = get_image_model()
    for existing in image_model.objects.filter(title=SHARE_IMAGE_TITLE):
        if existing.file and existing.file.storage.exists(existing.file.name):
            return existing
    image = image_model(title=SHARE_IMAGE_TITLE)
    image.file = ImageFile(draw_share_image(), name="sacramento-together-share.png")
    image.save()
    return image
