"""Where a cold start's seconds go: `python -m benchmarks.cold_start [RUNS]` builds the reference
site, then times "See what this tells me" pressed as soon as a worksheet is ready, in four cases:

- first visit: nothing on the device, everything from the network;
- repeat, browser cache: the files in the browser's HTTP cache, no service worker, no prepared copy;
- repeat, service worker: the files from the service worker's cache, no prepared copy;
- repeat, prepared copy: the service worker's cache and the prepared copy of the interpreter.

Each line gives the median milliseconds of the start's steps as insights.js records them
(download and compile, interpreter, insight code) and from the press to the first insight.
Not part of `make bench`: it explains the numbers there (see DEVELOPERS.md, "Cold start").
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(TESTS), str(TESTS / "browser")]

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from benchmarks.sites import median_build_seconds, onward_config  # noqa: E402
from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from offline_support import SNAPSHOT_KEPT, TIME_INSIGHT, bound, poll, wait_until_kept  # noqa: E402
from support import free_port, serve_directory  # noqa: E402

WORKSHEET = "/worksheets/thought-record/"
STEPS = ("download and compile", "interpreter", "insight code")
NO_COPY = """document.addEventListener('DOMContentLoaded', () => {
  const meta = document.querySelector('meta[name="onward-insights"]');
  if (meta) meta.dataset.keep = 'false';
});"""


def steps(page) -> dict[str, float]:
    measured = page.evaluate("performance.getEntriesByType('measure').map((m) => [m.name, m.duration])")
    return {name.removeprefix("onward-start: "): duration for name, duration in measured}


def visit(browser: Browser, url: str, case: str) -> dict[str, float]:
    """One first visit, then (for the repeat cases) a second one in a new tab of the same profile."""
    context = browser.new_context(service_workers="block" if case == "repeat, browser cache" else "allow")
    if case != "repeat, prepared copy":
        context.add_init_script(NO_COPY)
    page = context.new_page()
    page.goto(url)
    bound(page)
    pressed = page.evaluate(TIME_INSIGHT)
    if case != "first visit":
        if case != "repeat, browser cache":
            wait_until_kept(page)
        if case == "repeat, prepared copy":
            poll(page, SNAPSHOT_KEPT)
        page.close()
        page = context.new_page()
        page.goto(url)
        bound(page)
        pressed = page.evaluate(TIME_INSIGHT)
    result = {**steps(page), "press to insight": pressed}
    context.close()
    return result


def main(runs: int) -> None:
    cases = ("first visit", "repeat, browser cache", "repeat, service worker", "repeat, prepared copy")
    with tempfile.TemporaryDirectory(prefix="onward-cold-") as tmp:
        port = free_port()
        config, site = onward_config(Path(tmp) / "config"), Path(tmp) / "site"
        median_build_seconds(config, site, 1, f"http://127.0.0.1:{port}/")
        with sync_playwright() as playwright, serve_directory(site, port) as origin:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            results: dict[str, list[dict[str, float]]] = {case: [] for case in cases}
            for _ in range(runs):  # alternate, so machine load hits every case alike
                for case in cases:
                    results[case].append(visit(browser, origin + WORKSHEET, case))
            browser.close()
    for case in cases:
        shown = ", ".join(f"{name} {statistics.median(r[name] for r in results[case]):.0f}" for name in (*STEPS, "press to insight"))
        print(f"cold-start {case}: {shown} (ms, median of {runs})", flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
