"""Insight benchmarks: what Onward adds to a cold Pyodide start, a warm run, a first press after
typing, a second visit, the site with no network, and what guide pages fetch.

Every visit is a reader's: a new browser profile (context), the service worker allowed, pages
loaded in full unless instant navigation is what is measured.
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Callable

from playwright.sync_api import Browser, BrowserContext, Page

from onward.paths import bundled
from onward.plugin import insight_modules
from offline_support import SNAPSHOT_KEPT, START_KIND, TIME_INSIGHT, bound, poll, wait_until_kept
from worksheet_driver import WORKSHEETS, fill, sample_answers

# The baseline: the same Pyodide files, nothing else, on an empty page.
BARE_PAGE = """<!doctype html><html lang="en"><title>bare</title>
<script type="module" src="bare.js"></script></html>"""
BARE_SCRIPT = """import { loadPyodide } from "./assets/pyodide/pyodide.mjs";
const start = performance.now();
const pyodide = await loadPyodide({ indexURL: new URL("./assets/pyodide/", import.meta.url).href });
pyodide.runPython("1");
window.__bareMs = performance.now() - start;
"""

# A person filling in a thought record: a situation, a feeling, a thought, at about five
# characters a second with a pause between questions (about 8 s in all).
TYPED = (
    ("#ow-thought-record-records-0-situation", "Turned down after the final round."),
    ("#ow-thought-record-records-0-automatic-thought", "I always fail at the last step."),
)
TYPING_DELAY_MS = 110
PAUSE_MS = 600


def open_bound(page: Page, url: str) -> None:
    page.goto(url)
    bound(page)


def bare_ms(browser: Browser, base_url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}/bench-bare.html")
    page.wait_for_function("window.__bareMs !== undefined", timeout=120_000)
    elapsed = page.evaluate("window.__bareMs")
    context.close()
    return elapsed


def first_and_second_visit_ms(browser: Browser, base_url: str) -> tuple[float, float]:
    """Pressed as soon as the worksheet is ready: on a first visit, then in a new tab once the
    site and the prepared copy of Python are kept on the device."""
    context = browser.new_context()
    first = context.new_page()
    open_bound(first, f"{base_url}/worksheets/thought-record/")
    cold = first.evaluate(TIME_INSIGHT)
    wait_until_kept(first)
    poll(first, SNAPSHOT_KEPT)
    first.close()
    second = context.new_page()
    open_bound(second, f"{base_url}/worksheets/thought-record/")
    again = second.evaluate(TIME_INSIGHT)
    assert second.evaluate(START_KIND) == "loaded", "the second visit did not start from the prepared copy"
    context.close()
    return cold, again


def after_typing_ms(browser: Browser, base_url: str) -> float:
    """A first visit: the page loads, a person types for about 8 s, then presses the button."""
    context = browser.new_context()
    page = context.new_page()
    open_bound(page, f"{base_url}/worksheets/thought-record/")
    for selector, text in TYPED:
        page.locator(selector).click()
        page.locator(selector).press_sequentially(text, delay=TYPING_DELAY_MS)
        page.wait_for_timeout(PAUSE_MS)  # a person reading the next question: part of what is measured
    elapsed = page.evaluate(TIME_INSIGHT)
    context.close()
    return elapsed


def warm_insight_ms(browser: Browser, base_url: str) -> float:
    """After one cold start, an instant navigation to another worksheet, answers filled, then insights."""
    context = browser.new_context()
    page = context.new_page()
    open_bound(page, f"{base_url}/worksheets/thought-record/")
    page.evaluate(TIME_INSIGHT)
    page.evaluate("window.__samePage = true")
    page.locator(".md-nav__link", has_text="Goals").first.click()
    page.wait_for_selector('[data-onward-worksheet="goals-plan"][data-onward-bound]', state="attached")
    assert page.evaluate("window.__samePage") is True, "instant navigation was not used"
    fill(page, WORKSHEETS["goals-plan"], sample_answers(WORKSHEETS["goals-plan"], entries=3))
    elapsed = page.evaluate(TIME_INSIGHT)
    context.close()
    return elapsed


def offline_share(browser: Browser, base_url: str, page_paths: list[str], worksheets: list[str]) -> float:
    """After a visit to the home page alone, with the network off: the share of pages that load
    (from the device, with the help box) and of worksheets whose insights come."""
    context: BrowserContext = browser.new_context()
    home = context.new_page()
    home.goto(f"{base_url}/")
    wait_until_kept(home)
    context.set_offline(True)
    page = context.new_page()
    working = 0
    for path in page_paths:
        try:
            response = page.goto(f"{base_url}{path}")
            page.locator(".onward-help").wait_for(timeout=10_000)
            working += bool(response and response.ok)
        except Exception:  # noqa: BLE001 - a page that fails offline is what is counted
            pass
    for worksheet in worksheets:
        try:
            open_bound(page, f"{base_url}/worksheets/{worksheet}/")
            fill(page, WORKSHEETS[worksheet], sample_answers(WORKSHEETS[worksheet]))
            page.evaluate(TIME_INSIGHT)
            working += 1
        except Exception:  # noqa: BLE001
            pass
    context.close()
    return working / (len(page_paths) + len(worksheets))


# Each keystroke's delay from the browser receiving it until it is in localStorage, while
# Python starts in the background (the worker is created at the page's first quiet moment).
KEYSTROKE_PROBE = """
(() => {
  window.__typed = []; window.__saved = [];
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key.includes(':worksheet:')) window.__saved.push([performance.now(), value]);
    return original.call(this, key, value);
  };
  addEventListener('input', (event) => window.__typed.push([event.timeStamp, event.target.value]), true);
})();
"""


def save_while_starting_ms(browser: Browser, base_url: str) -> float:
    """Median milliseconds from a keystroke to its save, for keystrokes made while Python starts."""
    context = browser.new_context()
    context.add_init_script(KEYSTROKE_PROBE)
    page = context.new_page()
    with page.expect_worker(lambda worker: worker.url.endswith("/insights-worker.js"), timeout=30_000):
        open_bound(page, f"{base_url}/worksheets/thought-record/")
    field = page.locator("#ow-thought-record-records-0-situation")
    field.click()
    while page.evaluate(START_KIND) is None:
        field.press("a")
        page.wait_for_timeout(250)  # a pause longer than a burst, so each keystroke is saved at once
    typed, saved = page.evaluate("window.__typed"), page.evaluate("window.__saved")
    context.close()
    delays = []
    for when, value in typed:
        stored = next((at for at, text in saved if at >= when and f'"situation":"{value}"' in text), None)
        if stored is not None:
            delays.append(stored - when)
    assert len(delays) >= 5, f"too few keystrokes while starting ({len(delays)})"
    return statistics.median(delays)


def pyodide_bytes(browser: Browser, page_url: str) -> int:
    context = browser.new_context()
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(page_url, wait_until="networkidle")
    total = sum(
        r.sizes()["responseBodySize"] for r in finished if "/pyodide" in r.url or r.url.split("?")[0].endswith(".whl")
    )
    context.close()
    return total


def run(browser: Browser, base_url: str, site_dir: Path, page_paths: list[str], report: Callable[..., None], runs: int = 3) -> None:
    (site_dir / "bench-bare.html").write_text(BARE_PAGE, encoding="utf-8")
    (site_dir / "bare.js").write_text(BARE_SCRIPT, encoding="utf-8")
    first, second, bare = [], [], []
    for _ in range(runs):  # alternate, so machine load hits both alike
        bare.append(bare_ms(browser, base_url))
        cold, again = first_and_second_visit_ms(browser, base_url)
        first.append(cold)
        second.append(again)
    report("insight-cold-ratio", statistics.median(first) / statistics.median(bare), "x", "<=", 1.15)
    report("insight-repeat-visit-ratio", statistics.median(second) / statistics.median(first), "x", "<=", 0.5)
    report("insight-after-typing-ms", statistics.median(after_typing_ms(browser, base_url) for _ in range(runs)), "ms", "<=", 300)
    warm = statistics.median(warm_insight_ms(browser, base_url) for _ in range(runs))
    report("insight-warm-ms", warm, "ms", "<=", 150)
    report("save-latency-starting-ms", save_while_starting_ms(browser, base_url), "ms", "<=", 50)
    report("guide-pyodide-bytes", pyodide_bytes(browser, f"{base_url}/why-it-matters/"), "bytes", "==", 0)
    with_insights = sorted(insight_modules(bundled("worksheets") / "onward_insights") & set(WORKSHEETS))
    report("offline-pages", offline_share(browser, base_url, page_paths, with_insights), "ratio", "==", 1)
