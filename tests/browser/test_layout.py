"""The first screen, the header, the hotline bar and the filters, measured in a real browser.

Targets (issue 16): on a 390 x 844 phone the page's h1 and a Call button are
on the first screen of every page type, and the header is at most 200px tall;
at 1280px the header is one row. Call, Text and Quick exit are at least 44px
each way, the menu and the filters open without JavaScript, and the sticky
hotline bar never covers the element that has keyboard focus (WCAG 2.4.11).
"""

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import axe_violations, describe

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}

# One page of every type, in both languages where the demo has it.
PAGE_TYPES = [
    "/en/",
    "/en/about/",
    "/en/get-help/",
    "/en/partners/",
    "/en/partners/sacramento-county-district-attorney/",
    "/en/news/",
    "/en/news/operation-hot-spots-2020-results/",
    "/en/justice-journal/",
    "/en/justice-journal/human-trafficking-part-1/",
    "/en/resources/",
    "/en/resources/national-human-trafficking-hotline/",
    "/en/request-a-speaker/",
    "/en/search/?q=help",
    "/es/",
    "/es/obtener-ayuda/",
    "/es/recursos/",
    "/es/sobre-la-coalicion/",
]


def box(locator):
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not rendered"
    return found


def phone_page(new_context, **options):
    context, _ = new_context(viewport=PHONE, is_mobile=True, has_touch=True, **options)
    return context.new_page()


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_heading_and_call_button_are_on_a_phones_first_screen(new_context, visit, path):
    page = phone_page(new_context)
    visit(page, path)
    header = box(page.locator("header.site-header"))
    assert header["height"] <= 200, f"{path}: header is {header['height']:.0f}px tall"
    heading = box(page.locator("main h1").first)
    assert heading["y"] + heading["height"] <= PHONE["height"], f"{path}: h1 below the fold"
    call = page.locator(".hotline--strip a.hotline__button[href^='tel:']")
    assert call.is_visible()
    button = box(call)
    assert button["y"] >= 0 and button["y"] + button["height"] <= PHONE["height"]


@pytest.mark.parametrize("path", ["/en/about/", "/en/partners/"])
def test_the_header_is_one_row_at_1280px(new_context, visit, path):
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, path)
    header = box(page.locator("header.site-header"))
    assert header["height"] <= 100, f"{path}: header is {header['height']:.0f}px tall"
    links = page.locator(".primary-nav a")
    assert links.count() >= 3
    tops = {round(box(links.nth(number))["y"]) for number in range(links.count())}
    assert len(tops) == 1, f"{path}: the menu wraps ({sorted(tops)})"
    # Nothing overlaps: the mark and name end before the first item, the last
    # item ends before the search control, and the quick exit covers none of them.
    brand = box(page.locator(".site-brand__link"))
    first, last = box(links.first), box(links.last)
    assert brand["x"] + brand["width"] <= first["x"], f"{path}: the name runs into the menu"
    search = box(page.locator(".site-search-toggle > summary"))
    assert last["x"] + last["width"] <= search["x"]
    languages = box(page.locator(".language-switcher"))
    assert languages["x"] + languages["width"] <= box(page.locator("#quick-exit"))["x"]
    assert not page.locator(".site-menu > summary").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]


def test_the_spanish_menu_is_one_row_at_1280px_without_overlap(new_context, visit):
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, "/es/")
    links = page.locator(".primary-nav a")
    assert links.count() == 7
    brand = box(page.locator(".site-brand__link"))
    search = box(page.locator(".site-search-toggle > summary"))
    boxes = [box(links.nth(number)) for number in range(links.count())]
    assert len({round(link["y"]) for link in boxes}) == 1, "the Spanish menu wraps to two rows"
    for link, following in zip(boxes, boxes[1:], strict=False):
        assert link["x"] + link["width"] <= following["x"] + 0.5, "two menu items overlap"
    for link in boxes:
        assert link["x"] >= brand["x"] + brand["width"], "a menu item runs into the name"
        assert link["x"] + link["width"] <= search["x"], "a menu item runs into search"
    # Each label is inside its own item: nothing spills out of the box.
    spilled = page.evaluate(
        "[...document.querySelectorAll('.primary-nav a')]"
        ".filter(a => a.scrollWidth > a.clientWidth).length"
    )
    assert spilled == 0
    header = box(page.locator("header.site-header"))
    assert header["height"] <= 110, f"header is {header['height']:.0f}px tall"
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]


def test_the_menu_has_seven_items_get_help_first(page, visit):
    visit(page, "/en/about/")
    labels = [text.strip() for text in page.locator(".primary-nav a").all_inner_texts()]
    assert labels == [
        "Get help",
        "Recognize the signs",
        "Report a tip",
        "Partners",
        "News & press",
        "Resources",
        "About",
    ]


def test_the_phone_menu_opens_without_javascript(new_context, visit, site_url):
    page = phone_page(new_context, java_script_enabled=False)
    visit(page, "/en/about/")
    link = page.get_by_role("link", name="Recognize the signs")
    assert not link.is_visible()
    page.locator(".site-menu > summary").click()
    assert link.is_visible()
    link.click()
    page.wait_for_url(f"{site_url}/en/recognize-the-signs/")
    assert page.locator("h1").inner_text().strip() == "Recognize the signs"


def test_header_search_opens_without_javascript_on_a_phone(new_context, visit):
    page = phone_page(new_context, java_script_enabled=False)
    visit(page, "/en/about/")
    field = page.get_by_label("Search the site")
    assert not field.is_visible()
    page.locator(".site-search-toggle > summary").click()
    field.fill("hotline")
    field.press("Enter")
    page.wait_for_url("**/search/?q=hotline")
    assert page.locator(".search-result").count() >= 1
    # The header's field stays empty: it never echoes what was searched.
    assert page.locator("#site-search-query").input_value() == ""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_call_text_and_quick_exit_are_at_least_44px(new_context, visit, viewport):
    context, _ = new_context(viewport=viewport)
    page = context.new_page()
    visit(page, "/en/about/")
    targets = {
        "Call": page.locator(".hotline--strip a.hotline__button[href^='tel:']"),
        "Text": page.locator(".hotline--strip a.hotline__button[href^='sms:']"),
        "Quick exit": page.locator("#quick-exit"),
        "Menu": page.locator(".site-menu > summary"),
        "Search": page.locator(".site-search-toggle > summary"),
    }
    for name, locator in targets.items():
        if not locator.is_visible():
            continue
        size = box(locator)
        assert size["width"] >= 44 and size["height"] >= 44, f"{name}: {size}"


def test_the_hotline_comes_before_911_on_get_help(new_context, visit):
    page = phone_page(new_context)
    visit(page, "/en/get-help/")
    hotline = box(page.locator("main .hotline--panel a[href^='tel:']").first)
    emergency = box(page.locator("main .get-help__danger a[href^='tel:']"))
    assert hotline["y"] < emergency["y"]
    assert hotline["height"] >= emergency["height"]


@pytest.mark.parametrize("path", ["/en/partners/", "/en/news/", "/en/resources/"])
def test_phone_filters_are_folded_and_work_without_javascript(new_context, visit, path):
    page = phone_page(new_context, java_script_enabled=False)
    visit(page, path)
    summary = page.locator(".filter-disclosure > summary")
    assert summary.inner_text().strip() == "Filter"
    assert not page.locator(".filter-form").is_visible()
    first_result = box(page.locator("main .card").first)
    assert first_result["y"] < PHONE["height"], f"{path}: first result at {first_result['y']}px"

    summary.click()
    form = page.locator(".filter-form")
    assert form.is_visible()
    select = form.locator("select").first
    value = select.locator("option").nth(1).get_attribute("value")
    select.select_option(value)
    form.get_by_role("button", name="Show results").click()
    page.wait_for_load_state()
    assert "(1 applied)" in page.locator(".filter-disclosure > summary").inner_text()
    assert not page.locator(".filter-form").is_visible()


def test_filters_are_shown_open_on_a_wide_screen(page, visit):
    visit(page, "/en/partners/")
    assert page.locator(".filter-form").is_visible()
    assert not page.locator(".filter-disclosure > summary").is_visible()


@pytest.mark.parametrize("path", ["/en/partners/", "/en/about/"])
def test_the_sticky_bar_never_hides_the_focused_element(new_context, visit, path):
    page = phone_page(new_context)
    visit(page, path)
    bar = page.locator(".hotline--strip")
    checked = 0
    # Forward through the page, then back: going back, each element scrolls in
    # at the top of the screen, where the bar is.
    for key in ["Tab"] * 60 + ["Shift+Tab"] * 60:
        page.keyboard.press(key)
        focused = page.evaluate(
            """() => {
              const element = document.activeElement;
              if (!element || element === document.body) return null;
              const r = element.getBoundingClientRect();
              return {tag: element.tagName, text: (element.textContent || '').trim().slice(0, 40),
                      top: r.top, bottom: r.bottom, height: r.height,
                      inBar: !!element.closest('.hotline--strip, .quick-exit')};
            }"""
        )
        if focused is None or focused["inBar"] or focused["height"] == 0:
            continue
        bar_box = box(bar)
        bar_bottom = bar_box["y"] + bar_box["height"]
        if bar_box["y"] <= 0.5:  # stuck to the top of the screen
            assert focused["top"] >= bar_bottom - 1, f"{path}: {focused} under the bar"
        assert focused["bottom"] <= PHONE["height"] + 1, f"{path}: {focused} off screen"
        checked += 1
    assert checked >= 80


@pytest.mark.parametrize("path", ["/en/", "/en/partners/", "/en/get-help/", "/es/"])
def test_phone_pages_pass_wcag_22_checks_with_the_menu_open(new_context, visit, path):
    page = phone_page(new_context)
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path} at 390px\n{describe(violations)}"
    page.locator(".site-menu > summary").click()
    violations = axe_violations(page)
    assert not violations, f"{path} at 390px, menu open\n{describe(violations)}"


def test_escape_closes_the_phone_menu_and_search_closes_it_too(new_context, visit):
    page = phone_page(new_context)
    visit(page, "/en/about/")
    menu = page.locator(".site-menu")
    menu.locator("summary").click()
    assert menu.get_attribute("open") is not None
    page.keyboard.press("Escape")
    # Waits for the attribute to go (no string evaluation: the CSP forbids eval).
    expect(menu).not_to_have_attribute("open", "", timeout=2000)
    assert page.evaluate("document.activeElement.closest('.site-menu') !== null")

    menu.locator("summary").click()
    page.locator(".site-search-toggle > summary").click()
    # The toggle event comes a moment after the click.
    expect(menu).not_to_have_attribute("open", "", timeout=2000)
    assert page.get_by_label("Search the site").is_visible()


# Content pages at 1280px: the article in a reading column, the sidebar beside it.
CONTENT_PAGES = [
    "/en/about/",
    "/en/get-help/",
    "/en/partners/sacramento-county-district-attorney/",
    "/en/news/operation-hot-spots-2020-results/",
    "/en/justice-journal/human-trafficking-part-1/",
    "/en/resources/national-human-trafficking-hotline/",
    "/en/request-a-speaker/",
    "/es/sobre-la-coalicion/",
]


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_content_pages_use_the_width_with_a_sidebar_at_1280px(new_context, visit, path):
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, path)
    article = box(page.locator("main article.article"))
    sidebar = box(page.locator("main .page-sidebar"))
    assert sidebar["x"] >= article["x"] + article["width"], f"{path}: sidebar not beside the text"
    assert sidebar["y"] < article["y"] + 200, f"{path}: sidebar not at the top"
    assert sidebar["x"] + sidebar["width"] >= DESKTOP["width"] * 0.8, f"{path}: right side blank"
    # A readable measure: no paragraph wider than 75 "0"s of its own font (75ch).
    widest = page.evaluate(
        """() => Math.max(...[...document.querySelectorAll('main article p')].map(p => {
             const probe = document.createElement('span');
             probe.textContent = '0'.repeat(75);
             probe.style.whiteSpace = 'nowrap';
             p.append(probe);
             const room = probe.getBoundingClientRect().width;
             probe.remove();
             return p.getBoundingClientRect().width / room * 75;
           }))"""
    )
    assert widest <= 75.5, f"{path}: paragraphs {widest:.0f}ch wide"
    # The hotline is in the sidebar, or (on Get help) first in the article.
    call = page.locator(
        ".page-sidebar .hotline--aside a[href^='tel:'], main .hotline--panel a[href^='tel:']"
    )
    assert call.first.is_visible()


def test_on_this_page_links_reach_the_articles_headings_without_javascript(new_context, visit):
    context, _ = new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    visit(page, "/en/news/operation-hot-spots-2020-results/")
    toc = page.get_by_role("navigation", name="On this page")
    links = toc.get_by_role("link")
    labels = [text.strip() for text in links.all_inner_texts()]
    assert labels[:3] == ["Who took part", "Results", "Help for the people exploited"]
    headings = [text.strip() for text in page.locator("main article h2").all_inner_texts()]
    assert [label for label in labels if label in headings] == labels, "a link names no heading"
    links.nth(1).click()
    page.wait_for_url("**#results")
    target = box(page.locator("main article.article h2#results"))
    assert 0 <= target["y"] <= DESKTOP["height"] / 2


def test_sidebar_keeps_phones_to_one_column(new_context, visit):
    page = phone_page(new_context)
    visit(page, "/en/news/operation-hot-spots-2020-results/")
    assert not page.get_by_role("navigation", name="On this page").is_visible()
    assert not page.locator(".page-sidebar .hotline--aside").is_visible()
    related = page.get_by_role("navigation", name="Related")
    assert related.is_visible()
    assert box(related)["y"] > box(page.locator("main article.article"))["y"] + 500
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_home_page_shows_our_illustration_beside_the_heading(new_context, visit, site_url):
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, "/en/", wait_until="networkidle")
    picture = page.locator(".hero__illustration")
    expect(picture).to_be_visible()
    assert picture.get_attribute("src").startswith("/static/")
    assert picture.get_attribute("alt") == ""
    assert page.evaluate("document.querySelector('.hero__illustration').naturalWidth") > 0
    drawn, heading = box(picture), box(page.locator("main h1"))
    assert drawn["x"] >= heading["x"] + heading["width"], "the drawing is not beside the heading"
    assert drawn["y"] < DESKTOP["height"], "the drawing is not on the first screen"
    assert drawn["width"] >= 300


@pytest.mark.parametrize("path", [CONTENT_PAGES[3], CONTENT_PAGES[-2], CONTENT_PAGES[-1]])
def test_content_pages_with_a_sidebar_pass_wcag_22_checks_at_1280px(new_context, visit, path):
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path} at 1280px\n{describe(violations)}"


def test_nothing_covers_the_focused_element_on_a_wide_content_page(new_context, visit):
    """WCAG 2.4.11 at 1280px: the quick exit and the sticky "On this page" list
    never hide the element that has keyboard focus."""
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, "/en/news/operation-hot-spots-2020-results/")
    checked = 0
    for key in ["Tab"] * 70 + ["Shift+Tab"] * 70:
        page.keyboard.press(key)
        seen = page.evaluate(
            """() => {
              const element = document.activeElement;
              if (!element || element === document.body) return null;
              if (element.closest('.quick-exit')) return null;
              const r = element.getBoundingClientRect();
              if (r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) return null;
              const points = [[0.5, 0.5], [0.1, 0.5], [0.9, 0.5], [0.5, 0.1], [0.5, 0.9]];
              const visible = points.some(([x, y]) => {
                const hit = document.elementFromPoint(r.left + r.width * x, r.top + r.height * y);
                return hit && (hit === element || element.contains(hit));
              });
              return {text: (element.textContent || '').trim().slice(0, 40), visible};
            }"""
        )
        if seen is None:
            continue
        assert seen["visible"], f"{seen['text']!r} is covered"
        checked += 1
    assert checked >= 100


def test_english_menu_labels_keep_to_one_line_with_a_rule_between_them(new_context, visit):
    """At 1280px each English label is one line, and neighbors are set apart by a
    rule as well as space, so "Report a tip Partners" never reads as one phrase."""
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, "/en/about/")
    lines = page.evaluate(
        """() => [...document.querySelectorAll('.primary-nav a')].map(link => {
             const range = document.createRange();
             range.selectNodeContents(link);
             const tall = range.getBoundingClientRect().height;
             return [link.textContent.trim(), tall / parseFloat(getComputedStyle(link).lineHeight)];
           })"""
    )
    assert all(ratio < 1.5 for _, ratio in lines), f"a label wraps: {lines}"
    rules = page.evaluate(
        """() => [...document.querySelectorAll('.primary-nav li + li')].map(
             item => parseFloat(getComputedStyle(item).borderLeftWidth))"""
    )
    assert len(rules) == 6 and all(width >= 1 for width in rules)


@pytest.mark.parametrize("path", ["/en/about/", "/es/sobre-la-coalicion/"])
def test_the_quick_exit_and_its_hint_cover_nothing_in_the_strip_at_1280px(new_context, visit, path):
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, path)
    exit_left = min(
        box(page.locator("#quick-exit"))["x"], box(page.locator(".quick-exit__hint"))["x"]
    )
    for part in [".hotline--strip .hotline__lead", ".hotline--strip .hotline__list > li"]:
        items = page.locator(part)
        for number in range(items.count()):
            found = box(items.nth(number))
            assert found["x"] + found["width"] <= exit_left, f"{path}: {part} runs under the exit"


def test_search_results_have_the_hotline_beside_them_wide_and_under_them_on_phones(
    new_context, visit
):
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, "/en/search/?q=help")
    results = box(page.locator(".search-results"))
    aside = page.locator(".page-sidebar .hotline--aside")
    expect(aside).to_be_visible()
    assert box(aside)["x"] >= results["x"] + results["width"]
    assert box(aside)["y"] < DESKTOP["height"]
    assert not page.locator("main .hotline--panel").is_visible()
    violations = axe_violations(page)
    assert not violations, f"search at 1280px\n{describe(violations)}"

    phone = phone_page(new_context)
    visit(phone, "/en/search/?q=help")
    expect(phone.locator("main .hotline--panel")).to_be_visible()
    assert not phone.locator(".page-sidebar .hotline--aside").is_visible()
    violations = axe_violations(phone)
    assert not violations, f"search at 390px\n{describe(violations)}"


def test_the_home_page_shows_one_hotline_bar_on_a_wide_screen(new_context, visit):
    """The strip above the hero is the hotline on a wide home page; the panel
    that repeats it is for phones, whose strip leaves out TTY and 911."""
    context, _ = new_context(viewport=DESKTOP)
    page = context.new_page()
    visit(page, "/en/")
    calls = page.locator("header ~ .hotline a[href^='tel:+1'], main a[href^='tel:+1']")
    visible = [number for number in range(calls.count()) if calls.nth(number).is_visible()]
    assert len(visible) == 1
    assert not page.locator("main .hotline--panel").is_visible()

    phone = phone_page(new_context)
    visit(phone, "/en/")
    expect(phone.locator("main .hotline--panel a[href^='tel:']").first).to_be_visible()


@pytest.mark.parametrize("toggle", [".site-menu > summary", ".site-search-toggle > summary"])
def test_call_and_text_stay_in_reach_with_a_phone_panel_open(new_context, visit, toggle):
    """The open menu or search panel starts under the sticky hotline bar:
    nothing covers Call or Text, and the bar covers nothing in the panel."""
    page = phone_page(new_context)
    visit(page, "/en/about/")
    page.locator(toggle).click()
    hit = """(selector) => {
      const element = document.querySelector(selector);
      const r = element.getBoundingClientRect();
      const found = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !!found && (found === element || element.contains(found));
    }"""
    for selector in [
        ".hotline--strip a.hotline__button[href^='tel:']",
        ".hotline--strip a.hotline__button[href^='sms:']",
    ]:
        assert page.evaluate(hit, selector), f"{selector} is covered by the open panel"
    first = ".primary-nav li:first-child a" if "menu" in toggle else "#site-search-query"
    assert page.evaluate(hit, first), "the hotline bar covers the top of the open panel"
