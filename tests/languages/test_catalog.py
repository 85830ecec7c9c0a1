"""The interface in Spanish: every string of ours is translated, and the .mo matches the .po.

`make test` fails here when a template or Python string is added without its
Spanish translation: the check extracts the strings again (Django's
makemessages, into a temporary copy of the catalogue) and refuses any entry
that is untranslated or fuzzy. Fix it with `make messages`, write the Spanish
in locale/es/LC_MESSAGES/django.po, and run `make messages` again to compile.
"""

import gettext
import os
import re
import shutil

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from coalition_site.settings.base import BASE_DIR

LOCALE_DIR = BASE_DIR / "locale"
IGNORE = [".venv", "tests", "benchmarks", "static_collected", "media", "backups", "node_modules"]
LANGUAGES_WITH_CATALOGS = sorted(
    path.name for path in LOCALE_DIR.iterdir() if (path / "LC_MESSAGES" / "django.po").exists()
)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def problems(catalog):
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries() if not entry.obsolete]
    return untranslated, fuzzy


def test_spanish_has_a_catalog():
    assert "es" in LANGUAGES_WITH_CATALOGS


@pytest.mark.parametrize("language", LANGUAGES_WITH_CATALOGS)
def test_every_string_in_templates_and_python_is_translated(language, tmp_path, settings):
    """Extract the strings as they are now and compare with the committed translations."""
    if not shutil.which("xgettext") or not shutil.which("msgmerge"):
        message = "gettext (xgettext, msgmerge) is needed for the translation check"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # A stand-in project: links to the code and templates, and a copy of the
    # catalogues, so that makemessages writes into the copy only.
    for path in BASE_DIR.iterdir():
        if path.name not in IGNORE and path.name != "locale" and not path.name.startswith("."):
            (tmp_path / path.name).symlink_to(path)
    copy = tmp_path / "locale"
    shutil.copytree(LOCALE_DIR, copy)
    settings.LOCALE_PATHS = [copy]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        call_command(
            "makemessages",
            locale=[language],
            no_location=True,
            symlinks=True,
            ignore_patterns=IGNORE,
            verbosity=0,
        )
    finally:
        os.chdir(cwd)
    extracted = polib.pofile(str(copy / language / "LC_MESSAGES" / "django.po"))
    untranslated, fuzzy = problems(extracted)
    assert not untranslated, (
        f"{len(untranslated)} string(s) without a {language} translation; run `make messages` "
        f"and translate them in locale/{language}/LC_MESSAGES/django.po:\n  "
        + "\n  ".join(untranslated)
    )
    assert not fuzzy, f"fuzzy (unchecked) {language} translations:\n  " + "\n  ".join(fuzzy)


@pytest.mark.parametrize("language", LANGUAGES_WITH_CATALOGS)
def test_committed_catalog_is_complete_and_keeps_placeholders(language):
    catalog = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert not catalog.metadata_is_fuzzy
    untranslated, fuzzy = problems(catalog)
    assert not untranslated and not fuzzy, untranslated + fuzzy
    for entry in catalog:
        sources = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
        targets = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = sorted(PLACEHOLDER.findall(sources[-1]))
        for target in targets:
            assert sorted(PLACEHOLDER.findall(target)) == expected, (entry.msgid, target)


@pytest.mark.parametrize("language", LANGUAGES_WITH_CATALOGS)
def test_compiled_catalog_matches_the_po_file(language):
    """The committed .mo is compiled from the committed .po (`make messages`)."""
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    with open(folder / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    catalog = polib.pofile(str(folder / "django.po"))
    for entry in catalog.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgstr_plural[1]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, (
                f"{entry.msgid!r}: the .mo is out of date, run `make messages`"
            )


def test_catalog_languages_are_site_languages():
    codes = {code for code, _name in settings.LANGUAGES}
    for language in LANGUAGES_WITH_CATALOGS:
        assert language.replace("_", "-").lower() in codes


def test_spanish_catalog_is_the_spanish_of_sacramento():
    """Neutral Latin-American Spanish: "presione", "Shift", "agregue", not Spain's words."""
    spain_only = re.compile(r"\b(pulse|pulsa|pulsar|Mayús|añada|añadir|ordenador)\b", re.I)
    catalog = polib.pofile(str(LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po"))
    found = [entry.msgstr for entry in catalog if spain_only.search(entry.msgstr)]
    assert not found, found
