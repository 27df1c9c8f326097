"""Worksheet benchmarks: how soon typing is saved, and what a worksheet page adds."""

from __future__ import annotations

import gzip
import statistics
from typing import Callable

from playwright.sync_api import Browser

# Record, inside the page, when DOMContentLoaded fires and when a worksheet record is first
# written; at DOMContentLoaded, type one character into the first text field as a person would.
SAVE_PROBE = """
(() => {
  const original = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key.includes(':worksheet:') && window.__savedAt === undefined) window.__savedAt = performance.now();
    return original.call(this, key, value);
  };
  document.addEventListener('DOMContentLoaded', () => {
    window.__readyAt = performance.now();
    const field = document.querySelector('[data-onward-worksheet] input[type=text], [data-onward-worksheet] textarea');
    field.focus();
    field.value += 'a';
    field.dispatchEvent(new InputEvent('input', {bubbles: true, data: 'a', inputType: 'insertText'}));
  });
})();
"""


def save_latency_ms(browser: Browser, page_url: str, runs: int = 15) -> float:
    """Median milliseconds from DOMContentLoaded until the typed character is in localStorage."""
    times = []
    for _ in range(runs):
        context = browser.new_context()
        context.add_init_script(SAVE_PROBE)
        page = context.new_page()
        page.goto(page_url)
        page.wait_for_function("window.__savedAt !== undefined", timeout=10_000)
        assert page.evaluate("Object.values(localStorage).some(v => v.includes('\"a\"'))")
        times.append(page.evaluate("window.__savedAt - window.__readyAt"))
        context.close()
    return statistics.median(times)


def scripts_and_styles(browser: Browser, page_url: str) -> dict[str, bytes]:
    """The JS and CSS a first visit loads, by URL, once the page has settled."""
    context = browser.new_context()
    page = context.new_page()
    loaded: dict[str, bytes] = {}

    def keep(response) -> None:
        if response.request.resource_type in ("script", "stylesheet"):
            loaded[response.url] = response.body()

    page.on("response", keep)
    page.goto(page_url, wait_until="networkidle")
    context.close()
    return loaded


# What the worksheet page loads to start Python in the background at its first quiet moment, so
# that insights are ready when asked: the runtime and the insight code that drives it. Their cost
# is the insight benchmarks' to measure (and guide-pyodide-bytes keeps them off guide pages);
# this one measures the worksheet's own code, which a reader waits for before typing.
BACKGROUND_START = ("/assets/pyodide/", "/assets/onward/insights.js", "/assets/onward/insights-worker.js")


def worksheet_extra_kb(browser: Browser, guide_url: str, worksheet_url: str) -> float:
    """Gzipped kilobytes of JS and CSS a worksheet page loads that a guide page does not,
    what the background start of Python loads aside."""
    guide = scripts_and_styles(browser, guide_url)
    worksheet = scripts_and_styles(browser, worksheet_url)
    extra = [
        body
        for url, body in worksheet.items()
        if url not in guide and not any(part in url for part in BACKGROUND_START)
    ]
    return sum(len(gzip.compress(body, compresslevel=6)) for body in extra) / 1024


def run(browser: Browser, base_url: str, report: Callable[..., None]) -> None:
    report("save-latency-ms", save_latency_ms(browser, f"{base_url}/worksheets/thought-record/"), "ms", "<=", 50)
    extra = worksheet_extra_kb(browser, f"{base_url}/why-it-matters/", f"{base_url}/worksheets/thought-record/")
    report("worksheet-extra-kb", extra, "KB", "<=", 15)
