"""Insight benchmarks: what Onward adds to a cold Pyodide start, a warm run, and guide pages."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Callable

from playwright.sync_api import Browser, Page

# The baseline: the same Pyodide files, nothing else, on an empty page.
BARE_PAGE = """<!doctype html><html lang="en"><title>bare</title>
<script type="module" src="bare.js"></script></html>"""
BARE_SCRIPT = """import { loadPyodide } from "./assets/pyodide/pyodide.mjs";
const start = performance.now();
const pyodide = await loadPyodide({ indexURL: new URL("./assets/pyodide/", import.meta.url).href });
pyodide.runPython("1");
window.__bareMs = performance.now() - start;
"""

# Click "See what this tells me" and time it until the first insight is on the page.
TIME_INSIGHT = """async () => {
  const output = document.querySelector('[data-onward-insights-output]');
  const start = performance.now();
  const shown = new Promise((resolve) => new MutationObserver((_, observer) => {
    if (output.querySelector('.onward-insights__summary')) { observer.disconnect(); resolve(); }
  }).observe(output, { childList: true, subtree: true }));
  document.querySelector('[data-onward-insights-run]').click();
  await shown;
  return performance.now() - start;
}"""


def open_bound(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")


def bare_ms(browser: Browser, base_url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base_url}/bench-bare.html")
    page.wait_for_function("window.__bareMs !== undefined", timeout=120_000)
    elapsed = page.evaluate("window.__bareMs")
    context.close()
    return elapsed


def cold_insight_ms(browser: Browser, base_url: str) -> float:
    context = browser.new_context()
    page = context.new_page()
    open_bound(page, f"{base_url}/worksheets/thought-record/")
    elapsed = page.evaluate(TIME_INSIGHT)
    context.close()
    return elapsed


def warm_insight_ms(browser: Browser, base_url: str) -> float:
    """After one cold start, an instant navigation to another worksheet, then insights again."""
    context = browser.new_context()
    page = context.new_page()
    open_bound(page, f"{base_url}/worksheets/thought-record/")
    page.evaluate(TIME_INSIGHT)
    page.evaluate("window.__samePage = true")
    page.locator(".md-nav__link", has_text="Goals").first.click()
    page.wait_for_selector('[data-onward-worksheet="goals-plan"][data-onward-bound]', state="attached")
    assert page.evaluate("window.__samePage") is True, "instant navigation was not used"
    elapsed = page.evaluate(TIME_INSIGHT)
    context.close()
    return elapsed


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


def run(browser: Browser, base_url: str, site_dir: Path, report: Callable[..., None], runs: int = 3) -> None:
    (site_dir / "bench-bare.html").write_text(BARE_PAGE, encoding="utf-8")
    (site_dir / "bare.js").write_text(BARE_SCRIPT, encoding="utf-8")
    ours, bare = [], []
    for _ in range(runs):  # alternate, so machine load hits both alike
        bare.append(bare_ms(browser, base_url))
        ours.append(cold_insight_ms(browser, base_url))
    report("insight-cold-ratio", statistics.median(ours) / statistics.median(bare), "x", "<=", 1.15)
    warm = statistics.median(warm_insight_ms(browser, base_url) for _ in range(runs))
    report("insight-warm-ms", warm, "ms", "<=", 150)
    report("guide-pyodide-bytes", pyodide_bytes(browser, f"{base_url}/why-it-matters/"), "bytes", "==", 0)
