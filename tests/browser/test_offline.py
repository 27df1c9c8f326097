"""Insights at once, online or offline: Python started before it is asked, and the site kept on the
reader's device by its service worker (pages, assets, Python and the insights), updated only when
the reader says so, per copy on a shared origin, and let go of when a centre switches it off."""

from __future__ import annotations

import json
import shutil
import threading
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from browser_support import DESKTOP, SAVE_DATA
from offline_support import CACHE_NAMES, SNAPSHOT_KEPT, START_KIND, TIME_INSIGHT, bound, poll, wait_until_kept
from onward.hosting import CSP
from onward.offline import RETIRING_WORKER, find_workbox, write_service_worker
from support import EXAMPLE_PATH, REPO, BuiltSite, build_site, free_port, mounted, serve_directory
from worksheet_driver import WORKSHEETS, fill, sample_answers, stored_record

PYTHON_START_MS = 120_000  # a cold Pyodide start on a busy 2-core machine
NOT_KEPT = ("sw.js", "_headers", "sitemap.xml.gz", "assets/onward/build.json")


class Served:
    """One origin whose files can be swapped for another build's while pages are open, as a
    centre's upload replaces them; every response carries the strict policy HOSTING.md gives."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lock = threading.Lock()

    def handler(self) -> type[SimpleHTTPRequestHandler]:
        served = self

        class Handler(SimpleHTTPRequestHandler):
            def translate_path(self, path: str) -> str:
                self.directory = str(served.folder)
                return super().translate_path(path)

            def end_headers(self) -> None:
                self.send_header("Content-Security-Policy", CSP)
                self.send_header("Cache-Control", "no-cache")
                super().end_headers()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
                pass

        return Handler


@pytest.fixture(scope="module")
def served(built_site: BuiltSite, tmp_path_factory) -> Iterator[tuple[str, Served]]:
    """The reference site, copied so a test may change it, on a port of its own."""
    folder = tmp_path_factory.mktemp("kept") / "site"
    shutil.copytree(built_site.directory, folder)
    swap = Served(folder)
    with serve_directory(folder, free_port(), swap.handler()) as origin:
        yield origin, swap


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()


def watch(page: Page) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {"errors": [], "network": [], "workers": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("response", lambda r: None if r.from_service_worker else seen["network"].append(r.url))
    page.on("worker", lambda w: seen["workers"].append(w.url))
    return seen


def idle(page: Page) -> None:
    """Until the page has had its quiet moment (when a worksheet would start Python), and a little after."""
    page.wait_for_function("performance.getEntriesByName('onward-quiet').length > 0", timeout=30_000)
    page.wait_for_timeout(500)


def started_python(seen: dict[str, list[str]]) -> bool:
    return any(url.endswith("/insights-worker.js") for url in seen["workers"])


def test_python_starts_on_first_input_or_a_quiet_moment_and_never_on_a_guide_page(site_url, context):
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{site_url}/why-it-matters/")
    idle(page)
    # A guide page with a worksheet folded inside it: reading it starts nothing, using it does.
    page.goto(f"{site_url}/reasons/")
    bound(page)
    idle(page)
    assert not started_python(seen)
    assert [url for url in seen["network"] if "/pyodide/" in url or ".whl" in url] == []
    page.locator("details:has([data-onward-worksheet]) > summary").first.click()
    field = page.locator("[data-onward-worksheet] textarea, [data-onward-worksheet] input[type=text]").first
    with page.expect_worker(lambda worker: worker.url.endswith("/insights-worker.js")):
        field.press_sequentially("Started", delay=40)
    # A worksheet's own page starts it by itself, once the page is drawn; typing goes on meanwhile.
    seen["workers"].clear()
    page.goto(f"{site_url}/worksheets/strengths/")
    bound(page)
    idle(page)
    assert started_python(seen)
    page.locator("#ow-strengths-skills").press_sequentially("Listening to people", delay=30)
    page.locator("[data-onward-insights-run]").click()
    page.locator(".onward-insights__summary").wait_for(timeout=PYTHON_START_MS)
    assert stored_record(page, "strengths")["answers"]["skills"] == "Listening to people"
    assert page.locator("[data-onward-insights-progress]").inner_text().startswith("Done")
    assert page.locator("[data-onward-insights-meter]").is_hidden()
    assert seen["errors"] == []


def test_a_reader_saving_data_starts_python_only_by_asking(site_url, context):
    context.add_init_script(SAVE_DATA)
    page = context.new_page()
    seen = watch(page)
    page.goto(f"{site_url}/worksheets/strengths/")
    bound(page)
    page.locator("#ow-strengths-skills").press_sequentially("Patient", delay=30)
    idle(page)
    assert not started_python(seen)
    with page.expect_worker(lambda worker: worker.url.endswith("/insights-worker.js")):
        page.locator("[data-onward-insights-run]").click()


def registrations(page: Page) -> int:
    return page.evaluate("navigator.serviceWorker.getRegistrations().then((found) => found.length)")


def test_a_reader_saving_data_is_not_sent_the_whole_site(site_url, browser, context):
    """Save-Data: no copy of the site is downloaded in the background; without it, the same
    visit registers the worker that keeps one."""
    context.add_init_script(SAVE_DATA)
    saving = context.new_page()
    for path in ("/", "/worksheets/strengths/"):
        saving.goto(f"{site_url}{path}")
        idle(saving)
    assert registrations(saving) == 0
    assert saving.evaluate("caches.keys()") == []

    other = browser.new_context(viewport=DESKTOP)
    try:
        page = other.new_page()
        page.goto(f"{site_url}/")
        idle(page)
        assert registrations(page) == 1
    finally:
        other.close()


def test_a_worksheet_page_starts_python_before_it_downloads_the_site(site_url, context):
    """Both at once slow the start the reader may be waiting on: the copy is asked for once
    Python is ready (when the runtime is in the browser's cache for it to take)."""
    page = context.new_page()
    page.goto(f"{site_url}/worksheets/strengths/")
    bound(page)
    wait_until_kept(page)
    ready_at = page.evaluate(
        "(() => { const step = performance.getEntriesByName('onward-start: insight code')[0];"
        " return step ? step.startTime + step.duration : null; })()"
    )
    asked_at = page.evaluate("performance.getEntriesByName('onward-keep')[0]?.startTime ?? null")
    assert ready_at is not None and asked_at is not None
    assert asked_at >= ready_at


LOADED_AT = "performance.getEntriesByType('navigation')[0].loadEventEnd"
FETCHED_AT = "(name) => performance.getEntriesByType('resource').find((e) => e.name.includes(name))?.startTime ?? null"


def test_the_first_seconds_of_a_page_are_the_readers(site_url, context):
    """Nothing the reader did not ask for (the site's copy, Python) is fetched while the page they
    opened is still settling; someone who starts on the worksheet before then does not wait."""
    page = context.new_page()
    page.goto(f"{site_url}/worksheets/strengths/")
    bound(page)
    wait_until_kept(page)
    loaded_at = page.evaluate(LOADED_AT)
    assert page.evaluate("performance.getEntriesByName('onward-quiet')[0].startTime") >= loaded_at + 4_000
    assert page.evaluate(FETCHED_AT, "/insights.js") >= loaded_at + 4_000
    assert page.evaluate("performance.getEntriesByName('onward-keep')[0].startTime") >= loaded_at + 4_000

    early = context.new_page()
    early.goto(f"{site_url}/worksheets/learning-plan/")
    bound(early)
    early.locator("[data-onward-worksheet] textarea, [data-onward-worksheet] input[type=text]").first.focus()
    early.wait_for_function(f"({FETCHED_AT})('/insights.js') !== null")
    assert early.evaluate(FETCHED_AT, "/insights.js") < early.evaluate(LOADED_AT) + 4_000
    assert early.evaluate("performance.getEntriesByName('onward-quiet').length") == 0


def test_the_wait_says_what_is_happening_and_its_bar_moves(site_url, browser):
    """Pressed at once on a first visit: the words move on from fetching, the bar fills, and
    neither is left behind when the insights arrive."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    try:
        page = context.new_page()
        page.goto(f"{site_url}/worksheets/goals-plan/")
        bound(page)
        page.evaluate("""() => {
            window.__said = []; window.__bar = [];
            const status = document.querySelector('[data-onward-insights-progress]');
            new MutationObserver(() => window.__said.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
            const bar = document.querySelector('[data-onward-insights-meter] progress');
            setInterval(() => { if (!bar.closest('[hidden]')) window.__bar.push(bar.value); }, 100);
        }""")
        page.locator("[data-onward-insights-run]").click()
        page.locator(".onward-insights__summary").wait_for(timeout=PYTHON_START_MS)
        changes = page.evaluate("window.__said")
        said = [text for i, text in enumerate(changes) if i == 0 or text != changes[i - 1]]
        bar = page.evaluate("window.__bar")
    finally:
        context.close()
    assert said[0].startswith("Getting ready") and said[-1].startswith("Done"), said
    assert len(set(said)) >= 4 and not any("Python" in text for text in said[:-1]), said
    assert len(set(bar)) >= 3 and bar == sorted(bar), bar  # it moves, and only forwards


def test_a_second_visit_fetches_no_runtime_and_starts_from_the_prepared_copy(served, context):
    origin, _ = served
    first = context.new_page()
    first.goto(f"{origin}/worksheets/learning-plan/")
    bound(first)
    first.evaluate(TIME_INSIGHT)
    assert first.evaluate(START_KIND) == "none"
    wait_until_kept(first)
    poll(first, SNAPSHOT_KEPT)
    names = first.evaluate(CACHE_NAMES)
    assert names == [f"onward-python-{origin}/", f"onward-site-{origin}/"], names
    second = context.new_page()  # a new tab, as from a bookmark
    seen = watch(second)
    second.goto(f"{origin}/worksheets/thought-record/")
    bound(second)
    fill(second, WORKSHEETS["thought-record"], sample_answers(WORKSHEETS["thought-record"]))
    second.evaluate(TIME_INSIGHT)
    assert second.evaluate(START_KIND) == "loaded"
    assert seen["network"] == [], seen["network"]  # not even a page: everything came from the device
    assert seen["errors"] == []


def test_every_page_and_the_insights_work_offline_after_one_visit(served, built_site, context):
    """Under the strict policy: only the home page is visited, then the network goes."""
    origin, swap = served
    home = context.new_page()
    seen = watch(home)
    home.goto(f"{origin}/")
    assert wait_until_kept(home) == f"{origin}/"
    cdp = context.new_cdp_session(home)
    errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
    assert [e for e in errors if e != "in-incognito"] == []  # Playwright's contexts are incognito ones
    manifest = json.loads((swap.folder / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Onward" and manifest["icons"][0]["src"] == "assets/onward/icon.svg"
    context.set_offline(True)
    page = context.new_page()
    seen = watch(page)
    for path in built_site.page_paths():
        response = page.goto(f"{origin}{path}")
        assert response is not None and response.ok and response.from_service_worker, path
        page.locator(".onward-help").wait_for()
    assert seen["errors"] == []
    missing = page.goto(f"{origin}/no/such/page/")
    assert missing is not None and missing.from_service_worker and missing.status == 404
    page.locator(".onward-help").wait_for()  # Onward's own "not found" page, not the browser's error
    seen["errors"].clear()  # the browser logs the 404 itself, as it does online
    page.goto(f"{origin}/worksheets/rejection-log/")
    bound(page)
    fill(page, WORKSHEETS["rejection-log"], sample_answers(WORKSHEETS["rejection-log"], entries=3))
    page.locator("[data-onward-insights-run]").click()
    page.locator(".onward-insights__chart").wait_for(timeout=PYTHON_START_MS)
    assert seen["errors"] == []
    assert seen["network"] == []


def new_build(folder: Path, marker: str) -> None:
    """What a centre's next upload does to the site: one page changed, and the worker rewritten."""
    page = folder / "worksheets" / "strengths" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", f"<!-- {marker} -->\n</body>"), encoding="utf-8")
    kept = write_service_worker(folder, find_workbox(REPO))
    assert kept is not None


def test_an_update_waits_for_the_reader_and_loses_nothing_typed(served, context):
    origin, swap = served
    one = context.new_page()
    one.goto(f"{origin}/worksheets/strengths/")
    bound(one)
    wait_until_kept(one)
    other = context.new_page()  # a second tab, where someone is typing when the update is used
    other.goto(f"{origin}/worksheets/goals-plan/")
    bound(other)
    for page in (one, other):
        page.evaluate("window.__samePage = true")
    with swap.lock:
        new_build(swap.folder, "the next build")
    one.locator("#ow-strengths-skills").press_sequentially("Calm under pressure", delay=30)
    one.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    one.locator("#ow-strengths-skills").press_sequentially(", and patient", delay=30)
    notice = one.locator("[data-onward-update]")
    notice.get_by_role("status").get_by_text("A newer version of this guide is ready").wait_for(timeout=120_000)
    other.locator("[data-onward-update]").get_by_role("status").get_by_text("A newer version of this guide is ready").wait_for()
    assert one.evaluate("window.__samePage") is True  # told, never reloaded
    assert "the next build" not in one.content()
    other.locator("#ow-goals-plan-goals-0-goal").focus()
    with one.expect_event("load", timeout=60_000):  # a new document (Material also moves history along in place)
        notice.get_by_role("button", name="Use the newer version").click()
    bound(one)
    assert "the next build" in one.content()
    assert one.locator("#ow-strengths-skills").input_value() == "Calm under pressure, and patient"
    # The other tab was not reloaded under its reader: they go on typing, and it is all kept.
    other.locator("#ow-goals-plan-goals-0-goal").press_sequentially("Apply for two roles a week", delay=30)
    assert other.evaluate("window.__samePage") is True
    poll(other, "async () => localStorage.getItem(Object.keys(localStorage).find((k) => k.endsWith(':worksheet:goals-plan'))).includes('two roles a week')")
    assert other.locator("[data-onward-update]").get_by_role("button", name="Use the newer version").is_visible()


def test_two_copies_on_one_origin_keep_their_own_copies(built_site, example_site, browser):
    """The reference site at / and a centre's copy at /careers/onward/: each its own worker and cache."""
    handler = mounted({EXAMPLE_PATH: example_site.directory})
    with serve_directory(built_site.directory, example_site.port, handler) as origin:
        context = browser.new_context(viewport=DESKTOP)
        try:
            page = context.new_page()
            page.goto(f"{origin}{EXAMPLE_PATH}")
            assert wait_until_kept(page) == f"{origin}{EXAMPLE_PATH}"
            page.goto(f"{origin}/")
            assert wait_until_kept(page) == f"{origin}/"
            assert page.evaluate(CACHE_NAMES) == [f"onward-site-{origin}/", f"onward-site-{origin}{EXAMPLE_PATH}"]
            scopes = page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope).sort()")
            assert scopes == [f"{origin}/", f"{origin}{EXAMPLE_PATH}"]
            context.set_offline(True)
            for path, site in ((f"{EXAMPLE_PATH}coping/", example_site), ("/coping/", built_site)):
                response = page.goto(f"{origin}{path}")
                assert response is not None and response.from_service_worker, path
                page_file = site.directory / "coping" / "index.html"
                namespace = page.locator('meta[name="onward-storage"]').get_attribute("content")
                assert f'<meta name="onward-storage" content="{namespace}"' in page_file.read_text(encoding="utf-8"), path
        finally:
            context.close()


def test_a_centre_that_switches_it_off_leaves_no_copy_and_keeps_the_answers(served, built_site, tmp_path, browser):
    origin, swap = served
    config = tmp_path / "mkdocs.yml"
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(text.replace("docs_dir: docs", f"docs_dir: {REPO / 'docs'}").replace("  - onward\n", "  - onward:\n      service_worker: false\n"), encoding="utf-8")
    off = tmp_path / "site"
    result = build_site(config, off, f"http://127.0.0.1:{built_site.port}/")  # the same site, built again
    assert result.returncode == 0, result.stdout + result.stderr
    assert '<meta name="onward-offline" content="off">' in (off / "index.html").read_text(encoding="utf-8")
    assert (off / "sw.js").read_text(encoding="utf-8") == RETIRING_WORKER
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(f"{origin}/worksheets/strengths/")
        bound(page)
        wait_until_kept(page)
        page.locator("#ow-strengths-skills").fill("Kept whatever happens")
        page.locator("#ow-strengths-skills").blur()
        before = swap.folder
        with swap.lock:
            swap.folder = off  # the centre uploads a build with service_worker: false
        try:
            page.reload()  # an old copy answers first; its worker finds the new sw.js and lets go
            bound(page)
            poll(page, "async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0")
            page.reload()
            bound(page)
            assert page.locator('meta[name="onward-offline"]').get_attribute("content") == "off"
            assert page.evaluate("navigator.serviceWorker.controller") is None
            assert page.locator("#ow-strengths-skills").input_value() == "Kept whatever happens"
            assert stored_record(page, "strengths")["answers"]["skills"] == "Kept whatever happens"
        finally:
            swap.folder = before
    finally:
        context.close()


def test_the_precache_list_names_every_file_a_page_may_load_with_workbox_builds_revisions(built_site):
    """The same list `workbox-build` makes for the folder (node_modules/workbox-build, run by Node)."""
    import subprocess

    script = """
    const { getManifest } = require("workbox-build");
    getManifest({ globDirectory: process.argv[1], globPatterns: ["**/*"], maximumFileSizeToCacheInBytes: 64 * 1024 * 1024 })
      .then(({ manifestEntries }) => console.log(JSON.stringify(manifestEntries)));
    """
    made = subprocess.run(["node", "-e", script, str(built_site.directory)], cwd=REPO, capture_output=True, text=True, check=True)
    by_workbox = {entry["url"]: entry["revision"] for entry in json.loads(made.stdout)}
    worker = (built_site.directory / "sw.js").read_text(encoding="utf-8")
    ours = {entry["url"]: entry["revision"] for entry in json.loads(worker.split("precacheAndRoute(", 1)[1].split(", {\n", 1)[0])}
    assert ours and all(by_workbox[url] == revision for url, revision in ours.items())
    left_out = set(by_workbox) - set(ours)
    assert {path for path in NOT_KEPT if path in by_workbox} <= left_out
    assert all(path in NOT_KEPT or path.endswith(".map") or path.startswith("assets/javascripts/lunr/") for path in left_out), left_out
