"""Insights in real Chromium: Python in the site's own Pyodide reads the answers and replies."""

from __future__ import annotations

import re
from http.server import SimpleHTTPRequestHandler

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browser_support import DESKTOP, axe_violations
from support import free_port, serve_directory
from worksheet_driver import WORKSHEETS, fill, sample_answers, with_typed_text

STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'"
PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
PYTHON_START_MS = 120_000  # a cold Pyodide start on a busy 2-core machine


def open_worksheet(page, site_url: str, worksheet_id: str) -> None:
    page.goto(f"{site_url}/worksheets/{worksheet_id}/")
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")


def see_insights(page) -> None:
    page.locator("[data-onward-insights-run]").click()
    page.locator(".onward-insights__summary").wait_for(timeout=PYTHON_START_MS)


@pytest.fixture(scope="module")
def reader_context(browser):
    """One browser profile for the module's insight tests, as one reader's: Python's prepared
    copy, kept on the device after its first start, serves every later page (each test's own
    cold start cost about 6 s). The site is not copied to the device here (test_offline.py)."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture
def shared_page(reader_context, site_url):
    """One page for several worksheets, with no answers left by an earlier test."""
    page = reader_context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.errors, page.requests = errors, requests
    yield page
    # Storage is cleared from a page of the site that shows no worksheet: a worksheet's page writes
    # its answers once more when a save is still due (200 ms after the last keystroke) and as it is
    # left, which after a clear from that page put the last test's answers back for the next one.
    page.goto(f"{site_url}/404.html")
    page.evaluate("localStorage.clear(); sessionStorage.clear()")
    page.close()


def test_filled_worksheets_get_insights(site_url, shared_page):
    page = shared_page
    for worksheet_id in sorted(WORKSHEETS):
        open_worksheet(page, site_url, worksheet_id)
        fill(page, WORKSHEETS[worksheet_id], sample_answers(WORKSHEETS[worksheet_id]))
        see_insights(page)
        output = page.locator("[data-onward-insights-output]")
        assert output.inner_text().strip(), worksheet_id
        assert page.locator("[data-onward-insights-progress]").inner_text().startswith("Done")
    assert page.errors == []
    assert [u for u in page.requests if not u.startswith(site_url) and not u.startswith(("blob:", "data:"))] == []


def test_insights_follow_the_answers_live(site_url, shared_page):
    page = shared_page
    open_worksheet(page, site_url, "thought-record")
    see_insights(page)
    before = page.locator("[data-onward-insights-output]").inner_text()
    page.locator("#ow-thought-record-records-0-automatic-thought").fill("I always fail, I will never get a job")
    try:
        page.wait_for_function(
            "(before) => document.querySelector('[data-onward-insights-output]').innerText !== before", arg=before
        )
    except PlaywrightTimeout:  # say what the page showed
        state = page.evaluate("""() => ({
            python: document.documentElement.dataset.onwardPython,
            status: document.querySelector('[data-onward-status]').textContent,
            progress: document.querySelector('[data-onward-insights-progress]').textContent,
            shown: document.querySelector('[data-onward-worksheet]').dataset.onwardInsightsShown,
            stored: Object.keys(localStorage).map((key) => [key, localStorage.getItem(key).slice(0, 300)]),
        })""")
        pytest.fail(f"the insights did not follow the new answer within 30 s: {state}, errors {page.errors}")


def test_rejection_log_chart_is_accessible(site_url, shared_page):
    page = shared_page
    worksheet = WORKSHEETS["rejection-log"]
    open_worksheet(page, site_url, worksheet.id)
    fill(page, worksheet, sample_answers(worksheet, entries=3))
    see_insights(page)
    chart = page.locator(".onward-insights__chart svg")
    # Said once: the caption names the figure, the table beside it holds the numbers, and the
    # drawing itself is hidden from screen readers rather than saying it all a second time.
    assert chart.get_attribute("aria-hidden") == "true" and chart.get_attribute("role") is None
    assert chart.locator("rect").count() >= 1
    figure = page.locator("figure.onward-insights__chart")
    assert figure.evaluate("(f) => f.lastElementChild.tagName") == "FIGCAPTION"  # valid HTML: caption first or last
    table = page.locator(".onward-insights__numbers table")
    assert table.locator("tbody tr").count() >= 1  # the same numbers, as a table
    assert axe_violations(page) == []
    # At 320 px the labels stay readable: the drawing scrolls, as a named, focusable region.
    page.set_viewport_size({"width": 320, "height": 800})
    drawing = page.locator(".onward-insights__drawing")
    page.wait_for_function("document.querySelector('.onward-insights__drawing').getAttribute('role') === 'region'")
    smallest = page.evaluate(
        "Math.min(...[...document.querySelectorAll('.onward-insights__chart svg text')].map((t) => t.getBoundingClientRect().height))"
    )
    assert smallest >= 11, smallest
    assert drawing.get_attribute("tabindex") == "0" and drawing.get_attribute("aria-label")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_feedback_draft_copies_and_opens_in_email(site_url, shared_page):
    page = shared_page
    worksheet = WORKSHEETS["feedback-request"]
    open_worksheet(page, site_url, worksheet.id)
    answers = sample_answers(worksheet)
    answers["organisation"] = "Northwind Trading"
    answers["contact-email"] = "jo@northwind.example"
    fill(page, worksheet, answers)
    see_insights(page)
    draft = page.locator(".onward-insights__draft").inner_text()
    assert "Northwind Trading" in draft
    page.locator("[data-onward-copy]").click()
    assert page.evaluate("navigator.clipboard.readText()") == draft
    mailto = page.get_by_role("link", name="Open it in your email app").get_attribute("href")
    assert mailto.startswith("mailto:jo%40northwind.example?subject=")
    assert axe_violations(page) == []


def test_goals_calendar_downloads_and_parses(site_url, shared_page):
    page = shared_page
    worksheet = WORKSHEETS["goals-plan"]
    open_worksheet(page, site_url, worksheet.id)
    answers = sample_answers(worksheet)
    for goal in answers["goals"]:
        goal["status"] = "in-progress"
    fill(page, worksheet, answers)
    see_insights(page)
    with page.expect_download() as download:
        page.locator("[data-onward-calendar]").click()
    assert download.value.suggested_filename.endswith(".ics")
    text = download.value.path().read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")
    unfolded = text.replace("\r\n ", "")
    assert unfolded.count("BEGIN:VEVENT") == len(answers["goals"]) >= 1
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert re.search(r"DTSTART;VALUE=DATE:\d{8}", unfolded)


def test_script_payloads_never_run(site_url, shared_page):
    page = shared_page
    for worksheet_id in ("rejection-log", "feedback-request", "thought-record", "goals-plan"):
        worksheet = WORKSHEETS[worksheet_id]
        answers = with_typed_text(worksheet, sample_answers(worksheet), PAYLOAD)
        open_worksheet(page, site_url, worksheet_id)
        fill(page, worksheet, answers)
        see_insights(page)
        assert page.evaluate("window.__pwned") is None
        assert page.locator(".onward-insights img, .onward-insights script").count() == 0


def test_blocked_webassembly_leaves_a_plain_message_and_a_working_form(built_site, browser):
    """A host whose policy forbids WebAssembly: Python cannot start, the worksheet carries on."""
    port = free_port()
    with serve_directory(built_site.directory, port, NoWasmHandler) as url:
        context = browser.new_context(viewport=DESKTOP)
        try:
            page = context.new_page()
            page.goto(f"{url}/worksheets/thought-record/")
            page.locator("[data-onward-worksheet][data-onward-bound]").wait_for(state="attached")
            page.locator("[data-onward-insights-run]").click()
            page.locator(".onward-insights--failed").wait_for(timeout=PYTHON_START_MS)
            assert "could not start" in page.locator("[data-onward-insights-progress]").inner_text()
            page.locator("#ow-thought-record-records-0-situation").fill("still saved")
            page.reload()
            page.locator("[data-onward-worksheet][data-onward-bound]").wait_for(state="attached")
            assert page.locator("#ow-thought-record-records-0-situation").input_value() == "still saved"
        finally:
            context.close()


def test_guide_pages_never_fetch_pyodide(site_url, open_page):
    # A worksheet's own page starts Python once it is drawn (test_offline.py): guide pages never do.
    for path in ("/", "/why-it-matters/", "/coping/", "/reasons/"):
        watched = open_page(site_url + path, save_data=False)
        watched.page.wait_for_load_state("networkidle")
        assert [u for u in watched.requests if "pyodide" in u or u.endswith(".whl")] == [], path


class StrictCSPHandler(SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", STRICT_CSP)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


class NoWasmHandler(StrictCSPHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", "default-src 'self'")
        SimpleHTTPRequestHandler.end_headers(self)


def test_everything_works_under_a_strict_content_security_policy(built_site, browser):
    """Served with the strict CSP header: no inline script, no data: icons, Pyodide still runs.

    Only locators here: Playwright's string predicates use eval, which this policy forbids.
    """
    port = free_port()
    with serve_directory(built_site.directory, port, StrictCSPHandler) as url:
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        try:
            for path in ("/", "/reasons/", "/coping/", "/worksheets/"):
                page.goto(url + path)
                page.locator(".onward-help").wait_for()
            page.goto(f"{url}/worksheets/thought-record/")
            page.locator("[data-onward-worksheet][data-onward-bound]").wait_for(state="attached")
            page.locator("#ow-thought-record-records-0-situation").fill("under a strict policy")
            page.locator("[data-onward-insights-run]").click()
            page.locator(".onward-insights__summary").wait_for(timeout=PYTHON_START_MS)
            page.locator("[data-md-component='palette'] label").first.click()
            # Your answers: a backup out, the adviser summary (insights included), the backup back in.
            page.goto(f"{url}/my-answers/")
            page.locator("[data-onward-my-answers][data-onward-bound]").wait_for(state="attached")
            with page.expect_download() as download:
                page.locator("[data-onward-backup]").click()
            backup = download.value.path()
            page.locator("[data-onward-summary-show]").click()
            page.locator("[data-onward-summary] .onward-insights__summary").wait_for(timeout=PYTHON_START_MS)
            page.locator("[data-onward-restore-file]").set_input_files(str(backup))
            page.locator("[data-onward-restore-confirm]").click()
            page.locator("[data-onward-restore-status]").get_by_text("Restored.").wait_for()
        finally:
            context.close()
    assert errors == []


def test_a_french_site_gets_its_insights_in_french(french_site_url, browser):
    """The page's language travels with the request: the insights, the chart and the draft speak French."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        open_worksheet(page, french_site_url, "rejection-log")
        page.locator("#ow-rejection-log-applications-0-stage-application").check()
        page.locator("#ow-rejection-log-applications-0-what-they-said").fill("Réponse automatique, sans explication.")
        see_insights(page)
        output = page.locator("[data-onward-insights-output]").inner_text()
        assert "Vous avez noté une candidature." in output
        assert "interview" not in output.lower() and "entretien" not in output.lower()
        open_worksheet(page, french_site_url, "feedback-request")
        page.locator("#ow-feedback-request-contact-name").fill("Claire Martin")
        page.locator("#ow-feedback-request-stage-first-interview").check()
        see_insights(page)
        draft = page.locator(".onward-insights__draft").inner_text()
        assert draft.startswith("Bonjour Claire,") and "Bien cordialement," in draft
    finally:
        context.close()
