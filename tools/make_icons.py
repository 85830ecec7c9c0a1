"""Draw the PNG and ICO versions of the mark (static/images/logo.svg) with Pillow.

The SVG is the source; this script draws the same shapes (a 48-unit grid)
so the favicons need no SVG renderer and nothing fetched. Run it again
after changing the mark:  .venv/bin/python tools/make_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

IMAGES = Path(__file__).resolve().parent.parent / "static" / "images"
TEAL = (11, 79, 108, 255)
WHITE = (255, 255, 255, 255)
YELLOW = (253, 211, 92, 255)
SUPERSAMPLE = 8

# A person: head (cx, cy, r) and body (left, top of the straight sides, width),
# the body's top a half circle of the body's width, running to the bottom.
SIDE_PEOPLE = [((12.5, 21, 4.5), (4.5, 37, 16)), ((35.5, 21, 4.5), (27.5, 37, 16))]
MIDDLE_PERSON = ((24, 15.5, 5.5), (14, 35, 20))


def draw_person(draw, person, color, grow, unit):
    (cx, cy, r), (left, top, width) = person
    r += grow
    draw.ellipse([(cx - r) * unit, (cy - r) * unit, (cx + r) * unit, (cy + r) * unit], color)
    half = width / 2 + grow
    mid = left + width / 2
    draw.ellipse(
        [(mid - half) * unit, (top - half) * unit, (mid + half) * unit, (top + half) * unit],
        color,
    )
    draw.rectangle([(mid - half) * unit, top * unit, (mid + half) * unit, 48 * unit], color)


def mark(size):
    unit = size * SUPERSAMPLE / 48
    full = round(48 * unit)
    image = Image.new("RGBA", (full, full), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([0, 0, full - 1, full - 1], WHITE)  # the white ring
    draw.ellipse([2 * unit, 2 * unit, 46 * unit, 46 * unit], TEAL)

    people = Image.new("RGBA", (full, full), (0, 0, 0, 0))
    people_draw = ImageDraw.Draw(people)
    for person in SIDE_PEOPLE:
        draw_person(people_draw, person, WHITE, 0, unit)
    draw_person(people_draw, MIDDLE_PERSON, TEAL, 1, unit)  # the outline between them
    draw_person(people_draw, MIDDLE_PERSON, YELLOW, 0, unit)
    inside = Image.new("L", (full, full), 0)
    ImageDraw.Draw(inside).ellipse([2 * unit, 2 * unit, 46 * unit, 46 * unit], 255)
    image.paste(people, (0, 0), Image.composite(people, Image.new("RGBA", people.size), inside))
    return image.resize((size, size), Image.LANCZOS)


def main():
    mark(48).save(IMAGES / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
    touch = Image.new("RGBA", (180, 180), TEAL)  # iOS fills transparency with black
    touch.alpha_composite(mark(160), (10, 10))
    touch.convert("RGB").save(IMAGES / "apple-touch-icon.png", optimize=True)
    mark(512).save(IMAGES / "mark-512.png", optimize=True)


if __name__ == "__main__":
    main()
