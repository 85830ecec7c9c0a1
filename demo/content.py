"""Reading the demo text: TOML files under content/<language>/, turned into page field values.

A StreamField body is a list of one-entry tables: `{ heading = "…" }`,
`{ paragraph = "<p>…</p>" }` (rich text), `{ figure = { … } }` and
`{ call_to_action = { heading, text, button_label, page = "<slug>" } }`. A call to
action names its page by slug and is left out when that page does not exist.
"""

import datetime
import re
import tomllib
from functools import cache
from pathlib import Path

from django.utils import timezone
from wagtail.rich_text import RichText

CONTENT = Path(__file__).resolve().parent / "content"
RELATIVE_DAY = re.compile(r"^(?:(?P<ago>\d+) days? ago|in (?P<ahead>\d+) days?)$")


@cache
def read(language, name):
    """The parsed content/<language>/<name>.toml."""
    with (CONTENT / language / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


def blocks(specs, pages=None):
    """StreamField data from a list of block tables; `pages` maps slugs to pages."""
    pages = pages or {}
    data = []
    for spec in specs:
        ((kind, value),) = spec.items()
        if kind == "heading":
            data.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "paragraph":
            data.append(("paragraph", RichText(value)))
        elif kind == "call_to_action":
            page = pages.get(value["page"])
            if page is not None:
                data.append(("call_to_action", {**value, "page": page}))
        else:
            data.append((kind, dict(value)))
    return data


def relaunch_date(today=None):
    """January 11 of last year: the day of the demo's "our website is new" announcement."""
    today = today or timezone.localdate()
    return datetime.date(today.year - 1, 1, 11)


def day(value, today=None):
    """A date from the content: a TOML date, "relaunch", "N days ago" or "in N days"."""
    if isinstance(value, datetime.date):
        return value
    today = today or timezone.localdate()
    if value == "relaunch":
        return relaunch_date(today)
    match = RELATIVE_DAY.match(value)
    if match is None:
        raise ValueError(f"Not a demo date: {value!r}")
    if match["ago"]:
        return today - datetime.timedelta(days=int(match["ago"]))
    return today + datetime.timedelta(days=int(match["ahead"]))
