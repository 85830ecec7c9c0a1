"""The Shift quick exit, checked against the way people really type.

Three presses of Shift on its own leave the site, wherever the focus is. Shift used
with another key never counts: a person writing to the coalition types capitals and
punctuation with Shift held, and moves back through links with Shift+Tab, and none of
that may take them away and lose what they wrote.

Typing is done key by key at 60 to 150 ms a key, as a person types: Shift goes down
before a capital and comes up after it (sometimes just before the letter is let go).
"""

import random

import pytest

from coalition_site.models import FormField, FormPage

EXIT_SITE = "https://www.weather.gov/**"
NEUTRAL_PAGE = "<title>Weather</title>neutral"

# Characters typed with Shift held on a US keyboard.
SHIFTED = set('~!@#$%^&*()_+{}|:"<>?')

SENTENCES = [
    "Hi, I'm Ana Lopez from Elk Grove. Can CASH help us?",
    "Our PTA at Folsom High meets on Tuesday, May 6 (Room B).",
    'Is the RESET Court "free"? My CHP contact said Yes!',
    "We are the FBI & DA's Office team in Sacramento, CA.",
]

# Every kind of text box on the site: (page, how to find the box, whether it keeps the
# sentence as typed; a number box drops the letters, but its keys reach the page all the same).
TEXT_FIELDS = {
    "header search": ("/en/about/", "label:Search the site", True),
    "search page": ("/en/search/", "#search-query", True),
    "contact name (text)": ("/en/contact/", "label:Your name", True),
    "contact email": ("/en/contact/", "label:Email", True),
    "contact message (textarea)": ("/en/contact/", "label:Message", True),
    "speaker audience size (number)": (
        "/en/request-a-speaker/",
        "label:Expected audience size",
        False,
    ),
    "form web address (url)": ("/en/quick-exit-typing/", "label:Web address", True),
    "form date": ("/en/quick-exit-typing/", "label:Preferred date", True),
    "form date and time (datetime)": ("/en/quick-exit-typing/", "label:Date and time", True),
    "partner directory keyword": ("/en/partners/", "label:Keyword", True),
    "news keyword": ("/en/news/", "label:Keyword", True),
    "resources keyword": ("/en/resources/", "label:Keyword", True),
}
# Boxes inside a disclosure that is closed until the visitor opens it.
OPEN_FIRST = {"header search": ".site-search-toggle > summary"}


@pytest.fixture
def exit_site(network):
    """The neutral site the quick exit goes to, served locally; its `served` list shows a visit."""
    network.serve(EXIT_SITE, body=NEUTRAL_PAGE)
    return network


@pytest.fixture
def typing_form(demo_site):
    """A form page with the field types the demo forms lack (url, date, datetime).

    It only adds a page, so it may stay until the module's site is thrown away.
    """
    existing = FormPage.objects.child_of(demo_site).filter(slug="quick-exit-typing").first()
    if existing:
        return existing
    page = FormPage(
        title="Quick exit typing",
        slug="quick-exit-typing",
        to_address="staff@example.org",
        from_address="site@example.org",
        subject="Typing",
    )
    page.form_fields = [
        FormField(sort_order=0, label="Web address", field_type="url", required=False),
        FormField(sort_order=1, label="Preferred date", field_type="date", required=False),
        FormField(sort_order=2, label="Date and time", field_type="datetime", required=False),
    ]
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    return page


def find(page, where):
    if where.startswith("label:"):
        return page.get_by_label(where.removeprefix("label:"))
    return page.locator(where)


def pause(page, rng, low=60, high=150):
    page.wait_for_timeout(rng.randint(low, high))


def type_like_a_person(page, text, rng):
    """Type `text` as a person does: plain runs at a varying speed, Shift held for capitals."""
    keyboard = page.keyboard
    run = ""
    for char in text + "\0":
        shifted = char.isupper() or char in SHIFTED
        if run and (shifted or char == "\0"):
            keyboard.type(run, delay=rng.randint(60, 150))
            pause(page, rng)
            run = ""
        if char == "\0":
            break
        if not shifted:
            run += char
            continue
        keyboard.down("Shift")
        pause(page, rng, 20, 90)
        if rng.random() < 0.3:
            # Shift comes up a moment before the letter does.
            keyboard.down(char)
            pause(page, rng, 20, 60)
            keyboard.up("Shift")
            keyboard.up(char)
        else:
            keyboard.press(char, delay=rng.randint(30, 80))
            pause(page, rng, 10, 60)
            keyboard.up("Shift")
        pause(page, rng)


def lone_shift_presses(page, count=3):
    """Shift pressed on its own, `count` times, well inside two seconds."""
    for _ in range(count):
        page.keyboard.press("Shift", delay=60)
        page.wait_for_timeout(150)


def assert_stayed(page, url, network, doing):
    page.wait_for_timeout(400)  # time for a navigation to start, had one been asked for
    assert network.served == [], f"{doing} sent the visitor to the exit site: {network.served}"
    assert page.url == url, f"{doing} left the page for {page.url}"


def assert_left(page, network):
    page.wait_for_url("https://www.weather.gov/")
    assert page.title() == "Weather"
    assert network.served == ["https://www.weather.gov/"], network.served


# ---------------------------------------------------------------- typing never leaves


@pytest.mark.parametrize("name", list(TEXT_FIELDS))
def test_typing_sentences_in_a_text_field_never_leaves(page, exit_site, visit, typing_form, name):
    path, where, keeps_text = TEXT_FIELDS[name]
    index = list(TEXT_FIELDS).index(name)
    rng = random.Random(index)
    visit(page, path)
    url = page.url
    if name in OPEN_FIRST:
        page.locator(OPEN_FIRST[name]).click()
    field = find(page, where)
    field.focus()

    typed = ""
    # The message box gets two sentences, the rest one; the speed differs for each.
    for sentence in SENTENCES[index % 4 : index % 4 + (2 if "textarea" in name else 1)]:
        text = (" " if typed else "") + sentence
        type_like_a_person(page, text, rng)
        typed += text
        assert_stayed(page, url, exit_site, f"typing {text!r} in the {name} box")

    if keeps_text:
        assert field.input_value() == typed, "what the visitor typed was not kept"


def test_shift_tab_back_through_links_never_leaves(page, exit_site, visit):
    visit(page, "/en/about/")
    url = page.url
    for _ in range(8):
        page.keyboard.press("Tab")
        page.wait_for_timeout(80)

    # Shift+Tab pressed three times, as a person moves back through links...
    for _ in range(3):
        page.keyboard.press("Shift+Tab", delay=70)
        page.wait_for_timeout(200)
    assert_stayed(page, url, exit_site, "Shift+Tab three times")

    # ...and Shift held down while Tab is pressed three times.
    page.keyboard.down("Shift")
    for _ in range(3):
        page.keyboard.press("Tab", delay=60)
        page.wait_for_timeout(120)
    page.keyboard.up("Shift")
    assert_stayed(page, url, exit_site, "Shift held while pressing Tab three times")


def test_shift_tab_between_form_fields_never_leaves(page, exit_site, visit):
    visit(page, "/en/contact/")
    url = page.url
    page.get_by_label("Message").focus()
    for _ in range(3):
        page.keyboard.press("Shift+Tab", delay=70)
        page.wait_for_timeout(150)
    assert_stayed(page, url, exit_site, "Shift+Tab back through the contact form")


@pytest.mark.parametrize(
    "other", ["Alt", "Control", "Meta"], ids=["alt-shift", "ctrl-shift", "meta-shift"]
)
def test_shift_with_another_modifier_held_never_leaves(page, exit_site, visit, other):
    # Alt+Shift and Ctrl+Shift switch the keyboard language on Windows; a person
    # switching back and forth must not be sent away.
    visit(page, "/en/contact/")
    url = page.url
    page.get_by_label("Message").focus()
    for _ in range(3):
        page.keyboard.down(other)
        page.keyboard.press("Shift", delay=60)
        page.keyboard.up(other)
        page.wait_for_timeout(150)
    assert_stayed(page, url, exit_site, f"{other}+Shift three times")

    for _ in range(3):  # Shift first, then the other key
        page.keyboard.down("Shift")
        page.keyboard.press(other, delay=40)
        page.keyboard.up("Shift")
        page.wait_for_timeout(150)
    assert_stayed(page, url, exit_site, f"Shift+{other} three times")


def test_shift_pressed_while_a_letter_is_held_never_leaves(page, exit_site, visit):
    visit(page, "/en/contact/")
    url = page.url
    page.get_by_label("Message").focus()
    for _ in range(3):
        page.keyboard.down("a")
        page.wait_for_timeout(40)
        page.keyboard.press("Shift", delay=50)
        page.wait_for_timeout(30)
        page.keyboard.up("a")
        page.wait_for_timeout(120)
    assert_stayed(page, url, exit_site, "Shift pressed three times while a letter was held")


def test_shift_click_and_shift_scroll_never_leave(page, exit_site, visit):
    # Shift+click selects text or opens a link in a new window; Shift+wheel scrolls sideways.
    visit(page, "/en/about/")
    url = page.url
    box = page.locator("main p").first.bounding_box()
    for action in ("click", "click", "wheel"):
        page.keyboard.down("Shift")
        page.wait_for_timeout(50)
        if action == "click":
            page.mouse.click(box["x"] + 5, box["y"] + box["height"] / 2)
        else:
            page.mouse.wheel(0, 120)
        page.wait_for_timeout(50)
        page.keyboard.up("Shift")
        page.wait_for_timeout(150)
    assert_stayed(page, url, exit_site, "Shift+click, Shift+click, Shift+scroll")


def test_typing_between_shift_presses_starts_the_count_again(page, exit_site, visit):
    visit(page, "/en/contact/")
    url = page.url
    message = page.get_by_label("Message")
    message.focus()
    status = page.locator("[data-quick-exit-status]")

    lone_shift_presses(page, 2)
    assert status.text_content() == "Press Shift once more to leave this site."
    page.keyboard.type("ok", delay=80)
    assert status.text_content() == "", "the 'once more' hint stayed after the visitor typed"
    lone_shift_presses(page, 1)
    assert_stayed(page, url, exit_site, "two Shift presses, typing, then one more Shift")
    assert message.input_value() == "ok"


# ---------------------------------------------------------------- lone Shift still leaves


def test_three_lone_shift_presses_leave_from_the_message_box(page, exit_site, visit):
    visit(page, "/en/contact/")
    page.get_by_label("Message").focus()
    type_like_a_person(page, "Please Call Me Back.", random.Random(7))
    page.wait_for_timeout(300)

    lone_shift_presses(page)
    assert_left(page, exit_site)


@pytest.mark.parametrize("path", ["/en/about/", "/en/search/"])
def test_three_lone_shift_presses_leave_from_the_page(page, exit_site, visit, path):
    visit(page, path)
    page.locator("h1").click()  # focus on the page itself, as after reading
    page.wait_for_timeout(200)
    lone_shift_presses(page)
    assert_left(page, exit_site)


def test_three_lone_shift_presses_leave_after_shift_tab(page, exit_site, visit):
    visit(page, "/en/about/")
    for _ in range(4):
        page.keyboard.press("Tab")
    page.keyboard.press("Shift+Tab", delay=60)
    page.wait_for_timeout(200)
    lone_shift_presses(page)
    assert_left(page, exit_site)


def test_shift_presses_too_far_apart_do_not_leave(page, exit_site, visit):
    visit(page, "/en/about/")
    url = page.url
    for _ in range(3):
        page.keyboard.press("Shift", delay=50)
        page.wait_for_timeout(1100)
    assert_stayed(page, url, exit_site, "three Shift presses more than two seconds apart")
