"""Walk a page by keyboard alone: Tab through every stop, then Shift+Tab back, checking each one.

The checks run in the page (focus_check.js), one call per stop, so a walk over every page of
the site stays quick.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, CDPSession, Page

from a11y_exceptions import Finding

FOCUS_CHECK = Path(__file__).with_name("focus_check.js")
VIEWPORTS = {320: 568, 390: 844, 768: 1024, 1280: 800}  # width: height
BENCH_WIDTHS = (320, 768, 1280)  # the phone's, the tablet's and the laptop's layouts, every page walked in `make bench`
# Tab stops before each worksheet's first question, by viewport: filled by the walks, printed
# at the end of the run (pytest_terminal_summary).
STOPS_BEFORE_FIRST_FIELD: dict[str, dict[str, int | None]] = {}
MAX_STOPS = 600  # far more than any page has: a walk that gets here is going round in circles
BACK_TO_TOP = ".md-top"  # a Tab stop only while the page scrolls up, so it may appear in one walk only


@dataclass
class Stop:
    key: str  # where the element sits in the document
    name: str
    problems: list[dict[str, str]]  # {rule, text}
    field: bool  # a worksheet question's own control


@dataclass
class Walk:
    """One page walked both ways, and what each stop showed."""

    forward: list[Stop] = field(default_factory=list)
    backward: list[Stop] = field(default_factory=list)

    def findings(self, page: str) -> list[Finding]:
        """Each problem once per element and direction, then any difference in order between the walks."""
        found: dict[tuple[str, str], Finding] = {}
        for direction, stops in (("Tab", self.forward), ("Shift+Tab", self.backward)):
            for number, stop in enumerate(stops, 1):
                for problem in stop.problems:
                    text = f"{direction} to {stop.name} {problem['text']}"
                    found.setdefault((problem["rule"], text), Finding("walk", problem["rule"], page, f"{text} (stop {number})"))
        ahead = [s.key for s in self.forward if BACK_TO_TOP not in s.name]
        back = [s.key for s in reversed(self.backward) if BACK_TO_TOP not in s.name]
        if ahead != back:
            first = next(i for i, pair in enumerate(zip(ahead + [""], back + [""])) if pair[0] != pair[1])
            found[("order", "")] = Finding("walk", "order", page, f"Shift+Tab does not retrace Tab (they part at stop {first + 1})")
        return list(found.values())

    def stops_before_first_field(self) -> int | None:
        return next((i for i, stop in enumerate(self.forward) if stop.field), None)


def prepare(context: BrowserContext) -> None:
    """Give every page the context opens the focus check."""
    context.add_init_script(path=str(FOCUS_CHECK))


# One trusted key press, as Chromium receives it from a keyboard, in a single round trip (a
# walk presses thousands). The walk sends no key-up: nothing on the pages listens for one.
TAB = {"type": "rawKeyDown", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9}
SHIFT = 8
CHECK = {"expression": "window.__onwardFocusCheck()", "awaitPromise": True, "returnByValue": True}


def _steps(page: Page, cdp: CDPSession, modifiers: int) -> list[Stop]:
    stops: list[Stop] = []
    for _ in range(MAX_STOPS):
        cdp.send("Input.dispatchKeyEvent", {**TAB, "modifiers": modifiers})
        result = cdp.send("Runtime.evaluate", CHECK)["result"]["value"]
        if result["key"] == "body" or (stops and result["key"] == stops[0].key):
            return stops
        stops.append(Stop(result["key"], result["name"], result["problems"], result["field"]))
    stops.append(Stop("", "the walk", [{"rule": "endless", "text": f"did not end after {MAX_STOPS} stops"}], False))
    return stops


def open_ready(page: Page, url: str) -> CDPSession:
    """Open ``url`` and wait until its scripts have bound its forms and the help box (whose country
    choice, shown by guide.js, moves what comes after it); transitions then play fast."""
    page.goto(url, wait_until="load")
    cdp = page.context.new_cdp_session(page)
    cdp.send("Animation.setPlaybackRate", {"playbackRate": 100})
    page.wait_for_function(
        "[...document.querySelectorAll('[data-onward-worksheet], [data-onward-my-answers], [data-onward-help-countries]')]"
        ".every((part) => part.hasAttribute('data-onward-bound'))"
    )
    # On a busy machine a page may still grow after its scripts bound (a list drawn, a late
    # stylesheet): a Tab stop found in view before that would be pushed out of it after. The
    # walk starts once the page's height has held for one 100 ms poll.
    page.wait_for_function(
        "() => { const h = document.documentElement.scrollHeight;"
        " const held = window.__onwardHeight === h; window.__onwardHeight = h; return held; }",
        polling=100,
    )
    return cdp


def stops_to_first_field(page: Page, url: str) -> tuple[int, int] | None:
    """Tab stops before a worksheet's first question: from the top of the page, and from where
    "Skip to content" leads (the page's content). None when no question is reached."""
    cdp = open_ready(page, url)
    content_starts = None
    for number in range(MAX_STOPS):
        cdp.send("Input.dispatchKeyEvent", {**TAB, "modifiers": 0})
        result = cdp.send("Runtime.evaluate", CHECK)["result"]["value"]
        if result["content"] and content_starts is None:
            content_starts = number
        if result["field"] or result["key"] == "body":
            break
    cdp.detach()
    return (number, number - content_starts) if result["field"] and content_starts is not None else None


def walk(page: Page, url: str) -> Walk:
    """Open ``url`` ready for reading (scripts have bound its forms), then Tab to the end and Shift+Tab back.

    Transitions play a hundred times faster: the walk waits for each to end before it checks.
    """
    cdp = open_ready(page, url)
    result = Walk()
    result.forward = _steps(page, cdp, 0)
    result.backward = _steps(page, cdp, SHIFT)
    cdp.detach()
    return result


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001 - pytest's hook signature
    """Print how many Tab stops come before each worksheet's first question, per viewport."""
    if not STOPS_BEFORE_FIRST_FIELD:
        return
    terminalreporter.section("Tab stops before the first question of each worksheet")
    for viewport, counts in STOPS_BEFORE_FIRST_FIELD.items():
        listed = ", ".join(f"{page} {count}" for page, count in sorted(counts.items()))
        terminalreporter.write_line(f"{viewport}: {listed}")
