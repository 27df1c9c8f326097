"""A career centre's copy in real Chromium: served from a sub-path, beside the reference site on one origin."""

from __future__ import annotations

import pytest

from browser_support import DESKTOP, axe_violations
from onward.components import load_components
from onward.paths import bundled
from onward.worksheets import load_worksheets
from support import EXAMPLE, EXAMPLE_PATH, mounted, serve_directory
from worksheet_driver import WORKSHEETS, fill, read_form, sample_answers, stored_record, wait_for_stored

ADDED = load_worksheets(EXAMPLE / "overlay" / "worksheets", load_components(bundled("macros")))["appointment-prep"]
PYTHON_START_MS = 120_000  # a cold Pyodide start on a busy 2-core machine


@pytest.fixture(scope="module")
def origin(built_site, example_site):
    """One origin: the reference site at /, the example centre at /careers/onward/."""
    handler = mounted({EXAMPLE_PATH: example_site.directory})
    with serve_directory(built_site.directory, example_site.port, handler) as url:
        yield url


def leaves(value) -> list:
    """Every text or choice inside a form's answers (an empty list has none)."""
    if isinstance(value, dict):
        return [leaf for item in value.values() for leaf in leaves(item)]
    if isinstance(value, list):
        return [leaf for item in value for leaf in leaves(item)]
    return [value]


def bound(page) -> None:
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")


def test_the_added_worksheet_keeps_answers_and_offers_no_insights(origin, open_page):
    watched = open_page(f"{origin}{EXAMPLE_PATH}worksheets/{ADDED.id}/")
    page = watched.page
    bound(page)
    answers = sample_answers(ADDED)
    fill(page, ADDED, answers)
    wait_for_stored(page, ADDED.id, answers)
    page.reload()
    bound(page)
    assert read_form(page, ADDED) == answers
    assert page.locator("[data-onward-insights-run]").is_hidden()
    assert axe_violations(page) == []
    assert watched.console_errors == [] and watched.foreign_requests() == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_centres_colours_pass_axe(origin, open_page, scheme):
    for path in ("", "coping/"):
        page = open_page(f"{origin}{EXAMPLE_PATH}{path}", scheme=scheme).page
        assert axe_violations(page) == [], (path, scheme)


def test_two_copies_on_one_origin_keep_their_own_answers(origin, browser):
    context = browser.new_context(viewport=DESKTOP)  # one browser profile visits both copies
    try:
        page = context.new_page()
        worksheet = WORKSHEETS["strengths"]
        page.goto(f"{origin}/worksheets/strengths/")
        bound(page)
        answers = sample_answers(worksheet)
        fill(page, worksheet, answers)
        wait_for_stored(page, "strengths", answers)
        reference_namespace = page.locator('meta[name="onward-storage"]').get_attribute("content")

        page.goto(f"{origin}{EXAMPLE_PATH}worksheets/strengths/")
        bound(page)
        assert page.locator('meta[name="onward-storage"]').get_attribute("content") == "example-university-careers"
        assert stored_record(page, "strengths") is None
        shown = read_form(page, worksheet)
        assert all(value in ("", None) for value in leaves(shown)), shown
        mine = {"strengths": [worksheet.fields[0].params["options"][1]["value"]]}
        fill(page, worksheet, mine)
        wait_for_stored(page, "strengths", mine)

        page.goto(f"{origin}/worksheets/strengths/")
        bound(page)
        assert page.locator('meta[name="onward-storage"]').get_attribute("content") == reference_namespace
        assert read_form(page, worksheet) == answers  # the example's answers did not reach it
    finally:
        context.close()


# One page of each kind the example has: its own pages' files are checked on every page by
# test_example_site.py; what a page asks for once it runs (modules, search, the runtime) is
# the same for each page of a kind. Every page here took 45 s of each run.
EACH_KIND = ["", "coping/", "interview-practice/", "worksheets/", f"worksheets/{ADDED.id}/",
             "worksheets/rejection-log/", "my-answers/", "404.html"]


def test_each_kind_of_page_asset_runtime_and_worker_load_from_the_sub_path(origin, example_site, browser):
    context = browser.new_context(viewport=DESKTOP)
    failures: list[str] = []
    loaded: list[str] = []
    try:
        page = context.new_page()
        page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else loaded.append(r.url))
        # A request the browser cut short because the test moved on (a worksheet page starts Python
        # once it is drawn) is no failure: a file that is missing or refused fails otherwise.
        page.on("requestfailed", lambda r: None if r.failure == "net::ERR_ABORTED" else failures.append(f"failed {r.url} {r.failure}"))
        context.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else loaded.append(r.url))
        assert {f"/{path}" for path in EACH_KIND} - {*example_site.page_paths(), "/404.html"} == set()
        for path in EACH_KIND:
            page.goto(f"{origin}{EXAMPLE_PATH}{path}", wait_until="networkidle")  # nothing cut short
        worksheet = WORKSHEETS["learning-plan"]
        page.goto(f"{origin}{EXAMPLE_PATH}worksheets/learning-plan/")
        bound(page)
        fill(page, worksheet, sample_answers(worksheet))
        page.locator("[data-onward-insights-run]").click()
        page.locator(".onward-insights__summary").wait_for(timeout=PYTHON_START_MS)
        # The removed section is named in words, never linked.
        assert page.locator('[data-onward-insights-output] a[href*="learning-resources"]').count() == 0
    finally:
        context.close()
    assert failures == []
    prefix = f"{origin}{EXAMPLE_PATH}"
    for needed in ("assets/pyodide/pyodide.asm.wasm", "assets/onward/insights-worker.js", "assets/onward/centre.css"):
        assert any(url.startswith(prefix + needed) for url in loaded), needed
    assert [url for url in loaded if not url.startswith(prefix) and not url.startswith(("data:", "blob:"))] == []
