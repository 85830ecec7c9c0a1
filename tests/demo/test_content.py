"""The demo text as data: every file reads, every Spanish entry translates an English one,
samples say so, and dates are relative to the day the demo is loaded."""

import datetime
import tomllib

import pytest

from demo.content import CONTENT, blocks, day, read

AREAS = ["site", "partners", "news", "podcasts", "resources"]
# Spanish tables whose entries are translations, and the English table they translate.
TRANSLATED = {
    ("site", "standard_pages"): "standard_pages",
    ("site", "forms"): "forms",
    ("partners", "partners"): "partners",
    ("news", "items"): "items",
    ("podcasts", "episodes"): "episodes",
    ("resources", "pages"): "pages",
    ("resources", "resources"): "resources",
}


def test_every_content_file_is_valid_toml_in_a_language_folder():
    files = sorted(CONTENT.glob("*/*.toml"))
    assert {path.parent.name for path in files} == {"en", "es"}
    assert {path.stem for path in files if path.parent.name == "en"} == set(AREAS)
    for path in files:
        with path.open("rb") as file:
            assert tomllib.load(file), path


@pytest.mark.parametrize(("area", "table"), TRANSLATED)
def test_every_spanish_entry_translates_an_english_one(area, table):
    english = {entry["slug"] for entry in read("en", area)[TRANSLATED[area, table]]}
    spanish = read("es", area)[table]
    assert spanish
    for entry in spanish:
        assert entry["translation_of"] in english, entry


def test_spanish_term_names_translate_english_terms():
    english = read("en", "resources")
    for kind, names in read("es", "resources")["terms"].items():
        assert set(names) == set(english[kind]), kind
    partner_terms = read("en", "partners")["terms"]
    known = {spec["name"] for spec in partner_terms["services"]}
    for kind in ("populations", "languages", "service_areas"):
        known |= set(partner_terms[kind])
    assert set(read("es", "partners")["terms"]) <= known


def test_invented_partners_say_so_in_both_languages():
    for spec in read("en", "partners")["partners"]:
        if spec["slug"].startswith("sample-"):
            assert spec["title"].endswith("(sample)") and "Sample content" in spec["description"]
        else:
            assert "(sample)" not in spec["title"]
            assert not {"services", "populations", "languages", "service_areas"} & set(spec)
    for spec in read("es", "partners")["partners"]:
        if spec["translation_of"].startswith("sample-"):
            assert spec["title"].endswith("(ejemplo)")
            assert "Contenido de ejemplo" in spec["description"]


def test_dates_in_the_content_are_relative_to_the_day_the_demo_is_loaded():
    today = datetime.date(2026, 12, 4)
    assert day("14 days ago", today) == datetime.date(2026, 11, 20)
    assert day("in 30 days", today) == datetime.date(2027, 1, 3)
    assert day("relaunch", today) == datetime.date(2025, 1, 11)
    assert day(datetime.date(2020, 12, 3), today) == datetime.date(2020, 12, 3)
    with pytest.raises(ValueError, match="Not a demo date"):
        day("last Tuesday", today)
    items = {item["slug"]: item for item in read("en", "news")["items"]}
    assert items["sample-training-recognizing-trafficking"]["event"]["start"] == "in 30 days"


def test_blocks_build_streamfield_data_and_drop_a_call_to_action_without_its_page():
    page = object()  # a page, as far as blocks() is concerned
    specs = [
        {"heading": "What the program offers"},
        {"paragraph": "<p>It is free.</p>"},
        {"call_to_action": {"heading": "More", "text": "", "button_label": "Read", "page": "x"}},
        {
            "call_to_action": {
                "heading": "About",
                "text": "",
                "button_label": "Read",
                "page": "reset-court",
            }
        },
    ]
    built = blocks(specs, {"reset-court": page})
    assert [kind for kind, _ in built] == ["heading", "paragraph", "call_to_action"]
    assert built[0][1] == {"text": "What the program offers", "level": "h2"}
    assert built[1][1].source == "<p>It is free.</p>"
    assert built[2][1]["page"] is page


def test_the_sample_press_contact_is_marked_as_a_sample_in_both_languages():
    english = read("en", "news")["index"]
    spanish = read("es", "news")["index"]
    assert "Sample" in english["media_contact_name"]
    assert "ejemplo" in spanish["media_contact_name"]
    assert spanish["media_contact_name"] != english["media_contact_name"]


@pytest.mark.parametrize(("language", "arrests"), [("en", "arrest"), ("es", "arresto")])
def test_the_home_page_leads_with_the_coalition_not_with_arrests(language, arrests):
    figures = read(language, "site")["home"]["key_figures"]
    assert arrests not in figures[0]["label"]


@pytest.mark.parametrize(("language", "text"), [("en", "text 233733"), ("es", "texto al 233733")])
def test_the_search_promotion_promises_round_the_clock_answers_for_calls_only(language, text):
    # The hotline answers calls 24 hours a day; texts are in English and Spanish.
    description = read(language, "site")["search_promotion"]["description"]
    before, after = description.split(text)
    assert "24" in before
    assert not any(phrase in after for phrase in ("any hour", "24", "cualquier hora"))
