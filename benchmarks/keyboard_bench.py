"""How many Tab stops stand between a keyboard reader and a worksheet's first question."""

from __future__ import annotations

from typing import Callable

from playwright.sync_api import Browser

from a11y_exceptions import unexplained
from keyboard_walk import BENCH_WIDTHS, VIEWPORTS, prepare, stops_to_first_field, walk
from worksheet_driver import WORKSHEETS

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}


def most_stops(browser: Browser, base_url: str, viewport: dict[str, int]) -> tuple[int, int]:
    """The most Tab stops before a first question, over every worksheet: from the top, from the content."""
    context = browser.new_context(viewport=viewport)
    prepare(context)
    page = context.new_page()
    counts = {w: stops_to_first_field(page, f"{base_url}/worksheets/{w}/") for w in sorted(WORKSHEETS)}
    context.close()
    assert None not in counts.values(), counts
    return max(c[0] for c in counts.values()), max(c[1] for c in counts.values())


def run(browser: Browser, base_url: str, report: Callable[..., None]) -> None:
    # On a phone the navigation is a closed drawer: the header's four controls, the heading's
    # permalink and a link or two in the introduction come first.
    from_top, _ = most_stops(browser, base_url, PHONE)
    report("tab-stops-to-first-question-phone-max", from_top, "stops", "<=", 8)
    # On a laptop the navigation sidebar comes first; "Skip to content" passes it.
    _, from_content = most_stops(browser, base_url, LAPTOP)
    report("tab-stops-to-first-question-after-skip-max", from_content, "stops", "<=", 4)


def walk_every_page(browser: Browser, base_url: str, pages: list[str], report: Callable[..., None]) -> None:
    """The keyboard walk of tests/browser/test_keyboard_walk.py over every page at the phone's, the
    tablet's and the laptop's widths (make test walks one page of each kind there): any finding that
    tests/a11y-exceptions.yml does not explain is printed, and counted."""
    findings = []
    for width in BENCH_WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": VIEWPORTS[width]})
        prepare(context)
        page = context.new_page()
        for path in pages:
            findings += walk(page, base_url + path).findings(path)
        context.close()
    left, _ = unexplained(findings, ("walk",))
    for finding in left:
        print(f"  {finding}", flush=True)
    report("keyboard-walk-findings-every-page", len(left), "findings", "==", 0)
