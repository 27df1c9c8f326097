"""Run every benchmark and print one line each: `bench NAME: VALUE UNIT (goal OP TARGET)`.

Absolute timings are noisy on a shared 2-core machine, so each number is a
ratio against a baseline measured in the same run, alternating the two.
"""

from __future__ import annotations

import compileall
import statistics
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
TOOLS = TESTS.parent / "tools"
sys.path[:0] = [str(TESTS), str(TESTS / "browser"), str(TOOLS)]

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from benchmarks.sites import (  # noqa: E402
    count_pages,
    median_build_seconds,
    onward_config,
    plain_material_config,
    synthetic_content,
)
from benchmarks import insight_bench, keyboard_bench, lighthouse_bench, worksheet_bench  # noqa: E402
from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from support import BuiltSite, free_port, serve_directory  # noqa: E402

RUNS = 5


def report(name: str, value: float, unit: str, op: str, target: float) -> None:
    shown = str(value) if isinstance(value, int) else f"{value:.2f}"  # counts and scores are whole
    print(f"bench {name}: {shown} {unit} (goal {op} {target:g})", flush=True)


class Site:
    """A site folder with the port it will be served on (its site_url matches, as in production)."""

    def __init__(self, config: Path, directory: Path) -> None:
        self.config, self.directory, self.port = config, directory, free_port()

    def build_seconds(self, runs: int = 1) -> float:
        return median_build_seconds(self.config, self.directory, runs, f"http://127.0.0.1:{self.port}/")


def compile_onward() -> None:
    """Onward's modules compiled to bytecode, as Material's are: pip compiles a package it
    installs, but an editable checkout where PYTHONDONTWRITEBYTECODE is set would compile Onward
    afresh in every build and in no build of the plain site (about 0.08 of build-ratio here)."""
    compileall.compile_dir(TESTS.parent / "src", quiet=1)


def build_ratio(onward: Site, plain: Site) -> None:
    """Full Onward build time / plain Material build of the same Markdown and page count."""
    onward_times, plain_times = [], []
    for _ in range(RUNS):  # alternate, so drift in machine load hits both alike
        onward_times.append(onward.build_seconds())
        plain_times.append(plain.build_seconds())
    assert count_pages(onward.directory) == count_pages(plain.directory)
    report("build-ratio", statistics.median(onward_times) / statistics.median(plain_times), "x", "<=", 1.3)


def build_scale(work: Path) -> None:
    """Build cost per page with 100 times the content, over the cost per page with the real content."""
    real_config = onward_config(work / "real")
    real_seconds = median_build_seconds(real_config, work / "real-site", 3)
    real_pages = count_pages(work / "real-site")
    big_config = onward_config(work / "big", synthetic_content(work / "big", copies=100))
    big_seconds = median_build_seconds(big_config, work / "big-site", 1)
    big_pages = count_pages(work / "big-site")
    report("build-scale", (big_seconds / big_pages) / (real_seconds / real_pages), "x", "<=", 1.2)


def transferred_bytes(browser: Browser, url: str) -> int:
    """Bytes a first visit transfers (bodies and headers), until the network is idle."""
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("requestfinished", lambda request: requests.append(request))
    page.goto(url, wait_until="networkidle")
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return total


def page_weight_ratio(browser: Browser, onward: Site, plain: Site) -> None:
    """A first visit to a guide page: Onward's bytes over the plain Material page's bytes."""
    sizes = {}
    for site in (onward, plain):
        with serve_directory(site.directory, site.port) as url:
            sizes[site] = transferred_bytes(browser, url + "/why-it-matters/")
    report("page-weight-ratio", sizes[onward] / sizes[plain], "x", "<=", 1.1)


def reading_grade() -> None:
    """The hardest page's Flesch-Kincaid grade (tools/reading_age.py); the guide aims at 8 or lower."""
    from reading_age import scores

    report("reading-grade-max", max(max(s.grade, s.prose_grade) for s in scores()), "grade", "<=", 8)


def main() -> None:
    reading_grade()
    with tempfile.TemporaryDirectory(prefix="onward-bench-") as tmp:
        work = Path(tmp)
        onward = Site(onward_config(work / "onward"), work / "onward-site")
        plain = Site(plain_material_config(work / "plain"), work / "plain-site")
        compile_onward()
        build_ratio(onward, plain)
        build_scale(work)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page_weight_ratio(browser, onward, plain)
            with serve_directory(onward.directory, onward.port) as url:
                worksheet_bench.run(browser, url, report)
                pages = BuiltSite(onward.directory, onward.port, "").page_paths()
                insight_bench.run(browser, url, onward.directory, pages, report)
                keyboard_bench.run(browser, url, report)
                keyboard_bench.walk_every_page(browser, url, [*pages, "/404.html"], report)
            browser.close()
        lighthouse_bench.run(onward.directory, onward.port, report)


if __name__ == "__main__":
    main()
