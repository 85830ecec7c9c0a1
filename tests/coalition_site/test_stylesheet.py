"""The stylesheet: one file a page loads once, ordered by component, with no dead rules.

Issue 15 asked for CSS organized by component, with one forced-colors section,
one visually-hidden rule and no selector that no template or script uses.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
CSS = (ROOT / "static" / "css" / "site.css").read_text()
WITHOUT_COMMENTS = re.sub(r"/\*.*?\*/", "", CSS, flags=re.DOTALL)
SKIPPED = {".venv", ".cache", ".git", "tests", "migrations", "screenshots", "node_modules"}


def sources():
    """Every template, script and Python module of the site (tests excluded)."""
    for path in ROOT.rglob("*"):
        if path.suffix in {".html", ".js", ".py"} and not SKIPPED & set(path.parts):
            yield path.read_text(errors="ignore")


def test_every_class_in_the_stylesheet_is_used_by_a_template_or_script():
    text = "\n".join(sources())
    # Classes made in templates from a prefix, such as hotline--{{ variant }}.
    prefixes = set(re.findall(r"([a-z][\w-]*--)\{\{", text))
    classes = set(re.findall(r"\.([a-zA-Z][\w-]*)", WITHOUT_COMMENTS))
    unused = sorted(
        name
        for name in classes
        if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
        and not any(name.startswith(prefix) for prefix in prefixes)
    )
    assert unused == []


def test_one_forced_colors_section_and_one_visually_hidden_rule():
    assert WITHOUT_COMMENTS.count("forced-colors") == 1
    assert WITHOUT_COMMENTS.count("clip-path: inset(50%)") == 1
    assert WITHOUT_COMMENTS.count(".visually-hidden") == 1


def test_sections_are_numbered_in_order():
    numbers = [int(n) for n in re.findall(r"^   (\d+)\. ", CSS, flags=re.MULTILINE)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 20


@pytest.mark.django_db
def test_a_page_loads_one_stylesheet_with_its_print_styles_in_it(client, home):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    sheets = soup.select('link[rel="stylesheet"]')
    assert len(sheets) == 1
    assert "@media print" in CSS
    assert ".quick-exit" in CSS[CSS.index("@media print") :]
