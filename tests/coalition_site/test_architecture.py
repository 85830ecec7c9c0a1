"""The code keeps to Wagtail's and Django's public interfaces (README.md, "Layout").

Only the two adapters that must reach inside may read or write a private
(underscore) attribute of another library's object: the PostgreSQL per-language
search backend and the admin's Content-Security-Policy adapter.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "coalition_site",
    "caching",
    "languages",
    "accounts",
    "operations",
    "search",
    "partners",
    "news",
    "podcasts",
    "resources",
]
ADAPTERS = {"search/backend.py", "operations/headers.py"}
# `obj._name` or getattr/hasattr/setattr(obj, "_name"); Django's documented `_meta` is public.
PRIVATE = re.compile(r"\.(_[a-z]\w*)|(?:get|has|set)attr\([^,]+,\s*[\"'](_[a-z]\w*)")


def project_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative and relative not in ADAPTERS:
                yield relative, path.read_text()


def test_no_private_attributes_outside_the_two_adapters():
    found = [
        f"{name}:{number}: {line.strip()}"
        for name, text in project_modules()
        for number, line in enumerate(text.splitlines(), 1)
        if any(
            attribute and attribute != "_meta"
            for match in PRIVATE.finditer(line)
            for attribute in match.groups()
        )
    ]
    assert not found, "\n".join(found)
