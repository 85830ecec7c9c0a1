"""WCAG 2.2 A and AA checks with axe-core, in a real browser.

axe-playwright-python injects its own bundled axe.min.js into the page; nothing
is fetched from the network. Only rules tagged WCAG 2.0/2.1/2.2 A or AA run
(2.2 adds the target-size rule, success criterion 2.5.8).
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    },
    "resultTypes": ["violations"],
}

PHONE = {"width": 390, "height": 844}


def axe_violations(page):
    return Axe().run(page, options=WCAG_AA).response["violations"]


def describe(violations):
    """One block per rule: id, impact, what it checks, and each failing element."""
    lines = [f"{len(violations)} WCAG 2.2 A/AA rule(s) violated:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("path", ["/", "/en/about/", "/en/get-help/"])
def test_page_has_no_wcag_violations(page, visit, path):
    visit(page, path, wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"{path}\n{describe(violations)}"


def test_home_page_has_no_wcag_violations_on_a_phone(new_context, visit):
    context, _ = new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    visit(page, "/", wait_until="networkidle")
    violations = axe_violations(page)
    assert not violations, f"/ at {PHONE['width']}x{PHONE['height']}\n{describe(violations)}"


def test_skip_link_moves_focus_to_the_main_content(page, visit):
    visit(page, "/en/about/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "main-content", f"after the skip link, focus is on #{focused or '?'}"
