"""Nothing typed is ever lost: tabs typing in turn and at once, answers the form cannot show,
records any reader must keep, shared computer mode across tabs, and a runtime that fails."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from browser_support import DESKTOP
from worksheet_driver import TAB_FOCUS_SCRIPT, in_use, stored_record

LOG = "rejection-log"
ORG = "#ow-rejection-log-applications-0-organisation"
ROLE = "#ow-rejection-log-applications-0-role"
ONWARD_KEYS = "(store) => Object.keys(window[store]).filter((k) => k.startsWith('onward:')).sort()"


@pytest.fixture
def context(browser: Browser):
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(TAB_FOCUS_SCRIPT)
    yield context
    context.close()


def open_tab(context: BrowserContext, address: str) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(address)
    if "/worksheets/" in address or "/my-answers/" in address or "/reasons/" in address:
        page.wait_for_selector("[data-onward-worksheet][data-onward-bound], [data-onward-my-answers][data-onward-bound]", state="attached")
    page.errors = errors  # type: ignore[attr-defined]
    return page


def active_id(page: Page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


def entries(page: Page) -> list[dict[str, Any]]:
    record = stored_record(page, LOG) or {"answers": {}}
    return record["answers"].get("applications", [])


def test_a_guide_page_and_a_worksheet_page_typing_in_turn_keep_every_keystroke(site_url, context):
    guide = open_tab(context, f"{site_url}/reasons/")
    guide.evaluate("document.querySelectorAll('details').forEach((d) => d.open = true)")  # the folded worksheet
    sheet = open_tab(context, f"{site_url}/worksheets/{LOG}/")
    in_use(guide, sheet)
    guide.locator(ORG).press_sequentially("Acme Ltd", delay=30)
    sheet.wait_for_function(polling=100, expression=f"document.querySelector('{ORG}').value === 'Acme Ltd'")
    in_use(sheet, guide)
    sheet.locator(ROLE).press_sequentially("Product designer", delay=30)
    guide.wait_for_function(polling=100, expression=f"document.querySelector('{ROLE}').value === 'Product designer'")
    assert [{k: v for k, v in e.items() if v} for e in entries(sheet)] == [{"organisation": "Acme Ltd", "role": "Product designer"}]
    assert active_id(sheet) == ROLE[1:]  # focus stayed; Material's "s" never opened search
    assert sheet.locator(".md-search__input").evaluate("(el) => el !== document.activeElement")
    assert guide.errors == [] and sheet.errors == []  # type: ignore[attr-defined]


def test_two_tabs_typing_at_once_in_one_entry_keep_both(site_url, context):
    one = open_tab(context, f"{site_url}/worksheets/{LOG}/")
    two = open_tab(context, f"{site_url}/worksheets/{LOG}/")
    one.locator(ORG).focus()
    two.locator(ROLE).focus()
    # Two windows side by side, keystrokes interleaved: each tab is in use as it types.
    for first, second in zip("Acme Ltd", "Designer"):
        in_use(one, two)
        one.keyboard.type(first)
        in_use(two, one)
        two.keyboard.type(second)
    for page in (one, two):
        page.wait_for_function(polling=100, expression=
            f"document.querySelector('{ORG}').value === 'Acme Ltd' && document.querySelector('{ROLE}').value === 'Designer'"
        )
    stored = entries(one)[0]
    assert (stored["organisation"], stored["role"]) == ("Acme Ltd", "Designer")
    assert active_id(one) == ORG[1:] and active_id(two) == ROLE[1:]


def test_entries_added_in_one_tab_while_the_other_types(site_url, context):
    one = open_tab(context, f"{site_url}/worksheets/{LOG}/")
    two = open_tab(context, f"{site_url}/worksheets/{LOG}/")
    in_use(two, one)
    two.locator(ORG).press_sequentially("First place", delay=20)
    one.wait_for_function(polling=100, expression=f"document.querySelector('{ORG}').value === 'First place'")
    in_use(one, two)
    one.locator("[data-onward-add]").click()
    one.locator("#ow-rejection-log-applications-1-organisation").press_sequentially("Second place", delay=20)
    in_use(two, one)
    # Back in the second tab: still in the first entry, the caret where it was.
    assert active_id(two) == ORG[1:]
    assert two.evaluate("document.activeElement.selectionStart") == len("First place")
    two.keyboard.type(", again", delay=20)
    for page in (one, two):
        page.wait_for_function(polling=100, expression=
            "document.querySelectorAll('[data-onward-entry]').length === 2 && "
            "document.querySelector('#ow-rejection-log-applications-1-organisation').value === 'Second place' && "
            f"document.querySelector('{ORG}').value === 'First place, again'"
        )
    assert [e["organisation"] for e in entries(two)] == ["First place, again", "Second place"]
    assert active_id(two) == ORG[1:]


def test_the_same_answer_changed_in_two_tabs_keeps_the_other_aside(site_url, context):
    one = open_tab(context, f"{site_url}/worksheets/{LOG}/")
    two = open_tab(context, f"{site_url}/worksheets/{LOG}/")
    # Two windows side by side, both in use: the reader is in this field in the second when the first saves.
    two.locator(ORG).focus()
    one.locator(ORG).fill("Written in the first tab")
    two.wait_for_function(polling=100, expression=
        "Object.values(localStorage).some((v) => v.includes('Written in the first tab'))"
    )
    assert two.locator(ORG).input_value() == ""  # never rewritten under the reader
    two.locator(ORG).press_sequentially("Written in the second", delay=20)
    two.wait_for_function(polling=100, expression="Object.keys(localStorage).some((k) => k.includes(':other-tab:rejection-log:'))")
    aside = two.evaluate("Object.entries(localStorage).filter(([k]) => k.includes(':other-tab:')).map(([, v]) => JSON.parse(v))")
    assert aside == [{"worksheet": LOG, "question": "Organisation", "value": "Written in the first tab"}]
    assert "changed in another tab too" in two.locator("[data-onward-status]").inner_text()
    two.wait_for_function(polling=100, expression="Object.values(localStorage).some((v) => v.includes('Written in the second\"'))")
    assert entries(two)[0]["organisation"] == "Written in the second"
    in_use(two, one)
    one.wait_for_function(polling=100, expression=f"document.querySelector('{ORG}').value === 'Written in the second'")
    # Your answers lists the kept copy with the worksheet it came from, and backs it up.
    answers = open_tab(context, f"{site_url}/my-answers/")
    assert any("kept aside" in item and "Rejection log" in item for item in answers.locator("[data-onward-held-list] li").all_inner_texts())


def test_a_remote_change_waits_until_the_reader_leaves_the_field(site_url, context):
    one = open_tab(context, f"{site_url}/worksheets/{LOG}/")
    two = open_tab(context, f"{site_url}/worksheets/{LOG}/")
    two.locator(ORG).focus()  # both windows in use, the reader in this field of the second
    one.locator(ORG).fill("From the other tab")
    two.wait_for_function(polling=100, expression="Object.values(localStorage).some((v) => v.includes('From the other tab'))")
    assert two.locator(ORG).input_value() == ""
    two.locator(ROLE).focus()  # leaves the field without typing: the other tab's answer shows
    two.wait_for_function(polling=100, expression=f"document.querySelector('{ORG}').value === 'From the other tab'")
    assert two.evaluate("Object.keys(localStorage).filter((k) => k.includes(':other-tab:'))") == []


# ---- Answers the form cannot show -----------------------------------------------------------

def restore(page: Page, site_url: str, backup: dict[str, Any], folder: Path) -> None:
    backup["site"]["namespace"] = page.evaluate("document.querySelector('meta[name=onward-storage]').content")
    path = folder / "backup.json"
    path.write_text(json.dumps(backup))
    page.locator("[data-onward-restore-file]").set_input_files(str(path))
    page.locator("[data-onward-restore-preview]").wait_for()
    page.locator("[data-onward-restore-confirm]").click()
    page.locator("[data-onward-restore-status]").wait_for()


def backup_of(worksheets: dict[str, Any]) -> dict[str, Any]:
    return {"onward": "backup", "format": 3, "created": "2026-12-01T10:00:00.000Z",
            "site": {"namespace": "", "name": "Onward"}, "worksheets": worksheets}


def test_restored_answers_off_the_scale_or_not_dates_are_kept_aside_then_survive_typing(site_url, context, tmp_path):
    page = open_tab(context, f"{site_url}/my-answers/")
    odd = {"organisation": "Acme Ltd", "feeling": 42, "date": "31/12/2026", "stage": "no-such-stage"}
    restore(page, site_url, backup_of({LOG: {"version": 1, "updated": "2026-11-30T10:00:00.000Z", "answers": {"applications": [odd]}}}), tmp_path)
    page.goto(f"{site_url}/worksheets/{LOG}/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    kept = page.locator("[data-onward-retired]")
    assert kept.is_visible()
    text = kept.inner_text()
    assert "42" in text and "31/12/2026" in text and "no-such-stage" in text
    assert "How do you feel about it?" in text and "When you heard" in text
    page.locator(ROLE).press_sequentially("Designer", delay=20)
    page.wait_for_function(polling=100, expression="Object.values(localStorage).some((v) => v.includes('Designer'))")
    record = stored_record(page, LOG)
    assert record["answers"]["applications"][0]["organisation"] == "Acme Ltd"
    assert "feeling" not in record["answers"]["applications"][0]
    assert sorted(item["value"] for item in record["retired"].values() if isinstance(item["value"], str)) == ["31/12/2026", "no-such-stage"]
    assert [item["value"] for item in record["retired"].values() if isinstance(item["value"], int)] == [42]


def test_a_record_the_form_cannot_read_whole_is_still_listed_and_backed_up(site_url, context, tmp_path):
    page = open_tab(context, f"{site_url}/my-answers/")
    restore(page, site_url, backup_of({"strengths": {"version": 1, "updated": None, "answers": {"skills": True, "toString": "mine"}}}), tmp_path)
    page.goto(f"{site_url}/my-answers/")
    page.wait_for_selector("[data-onward-my-answers][data-onward-bound]", state="attached")
    assert any("strengths" in item.lower() for item in page.locator("[data-onward-held-list] li").all_inner_texts())
    with page.expect_download() as download:
        page.locator("[data-onward-backup]").click()
    backup = json.loads(Path(download.value.path()).read_text())
    assert backup["worksheets"]["strengths"]["answers"] == {"skills": True, "toString": "mine"}
    with page.expect_download() as download:
        page.locator("[data-onward-markdown]").click()
    markdown = Path(download.value.path()).read_text()
    assert "native code" not in markdown and "mine" in markdown and "true" in markdown


# ---- Shared computer mode, for the whole site ------------------------------------------------

def turn_shared_mode(page: Page, site_url: str, action: str) -> None:
    page.goto(f"{site_url}/my-answers/")
    page.wait_for_selector("[data-onward-my-answers][data-onward-bound]", state="attached")
    page.locator(f"[data-onward-shared-{action}]").click()
    page.locator("[data-onward-shared-status]").wait_for()


def test_shared_mode_covers_every_tab_and_leaves_nothing_when_the_last_one_closes(site_url, browser):
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(TAB_FOCUS_SCRIPT)
    try:
        already_open = open_tab(context, f"{site_url}/worksheets/goals-plan/")
        switch = open_tab(context, f"{site_url}/")
        turn_shared_mode(switch, site_url, "on")
        # A tab that was open before: in the mode at once, and its typing never reaches localStorage.
        already_open.wait_for_function(polling=100, expression="!document.querySelector('[data-onward-shared-notice]').hidden")
        already_open.locator("#ow-goals-plan-situation").fill("Typed in the tab that was open")
        # A tab opened later, from a bookmark: in the mode, and it sees the other tab's answers.
        later = open_tab(context, f"{site_url}/worksheets/goals-plan/")
        assert later.locator("[data-onward-shared-notice]").is_visible()
        later.wait_for_function(polling=100, expression="document.querySelector('#ow-goals-plan-situation').value === 'Typed in the tab that was open'")
        in_use(later, already_open)
        later.locator("#ow-goals-plan-situation").fill("Changed in the later tab")
        already_open.wait_for_function(polling=100, expression="document.querySelector('#ow-goals-plan-situation').value === 'Changed in the later tab'")
        assert "close every tab" in later.locator("[data-onward-status]").inner_text()
        for page in (already_open, switch, later):
            assert page.evaluate(ONWARD_KEYS, "localStorage") == [f"onward:{page.evaluate('document.querySelector(`meta[name=onward-storage]`).content')}:shared-computer"]
        for page in (already_open, switch, later):
            page.close()
        # Every tab closed: a new one is still in the mode, and finds no answer anywhere.
        fresh = open_tab(context, f"{site_url}/worksheets/goals-plan/")
        assert fresh.locator("[data-onward-shared-notice]").is_visible()
        assert fresh.locator("#ow-goals-plan-situation").input_value() == ""
        assert fresh.evaluate(ONWARD_KEYS, "sessionStorage") == []
        assert all(key.endswith(":shared-computer") for key in fresh.evaluate(ONWARD_KEYS, "localStorage"))
    finally:
        context.close()


def test_turning_shared_mode_off_in_any_tab_keeps_every_tabs_answers(site_url, browser):
    context = browser.new_context(viewport=DESKTOP)
    try:
        switch = open_tab(context, f"{site_url}/")
        turn_shared_mode(switch, site_url, "on")
        sheet = open_tab(context, f"{site_url}/worksheets/strengths/")
        sheet.locator("#ow-strengths-skills").fill("Kept after all")
        switch.goto(f"{site_url}/worksheets/strengths/")  # the other tab holds it too
        switch.wait_for_function(polling=100, expression="document.querySelector('#ow-strengths-skills').value === 'Kept after all'")
        turn_shared_mode(switch, site_url, "off")
        sheet.wait_for_function(polling=100, expression="document.querySelector('[data-onward-shared-notice]').hidden")
        assert stored_record(sheet, "strengths")["answers"]["skills"] == "Kept after all"
        sheet.locator("#ow-strengths-skills").fill("Kept after all, and more")
        sheet.wait_for_function(polling=100, expression="Object.values(localStorage).some((v) => v.includes('and more'))")
        assert sheet.evaluate(ONWARD_KEYS, "sessionStorage") == []
    finally:
        context.close()


def test_wiping_shared_mode_empties_every_tab(site_url, browser):
    context = browser.new_context(viewport=DESKTOP)
    try:
        switch = open_tab(context, f"{site_url}/")
        turn_shared_mode(switch, site_url, "on")
        sheet = open_tab(context, f"{site_url}/worksheets/strengths/")
        sheet.locator("#ow-strengths-skills").fill("Only for today")
        turn_shared_mode(switch, site_url, "wipe")
        sheet.wait_for_function(polling=100, expression="document.querySelector('#ow-strengths-skills').value === ''")
        sheet.wait_for_timeout(400)  # nothing is written back afterwards
        for page in (switch, sheet):
            assert page.evaluate(ONWARD_KEYS, "sessionStorage") == []
            assert page.evaluate(ONWARD_KEYS, "localStorage") == []
    finally:
        context.close()


# ---- Insights that fail kindly -----------------------------------------------------------------

@pytest.fixture
def runtime_context(browser: Browser):
    """The runtime's faults are made by intercepting its requests, which a service worker's copy
    would answer first: these pages go to the network as a first visit does."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    yield context
    context.close()


def press_insights(page: Page, limit_ms: int) -> None:
    page.evaluate(f"document.querySelector('meta[name=onward-insights]').dataset.startLimitMs = '{limit_ms}'")
    page.locator("[data-onward-insights-run]").click()


def failure_shown(page: Page, timeout: int) -> None:
    page.wait_for_function(polling=100, expression=
        "document.querySelector('[data-onward-insights-progress]').textContent.includes('could not start')", timeout=timeout
    )


@pytest.mark.parametrize("fault", ["missing", "stalled"])
def test_a_runtime_that_cannot_start_is_reported_and_can_be_tried_again(site_url, runtime_context, fault):
    page = runtime_context.new_page()
    held = []
    if fault == "missing":
        page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="not here"))
    else:
        page.route("**/pyodide.asm.wasm", lambda route: held.append(route))  # never answered
    page.goto(f"{site_url}/worksheets/strengths/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    page.locator("#ow-strengths-skills").fill("Listening")
    press_insights(page, 6_000)
    failure_shown(page, 30_000)
    assert page.locator("[data-onward-insights]").evaluate("(el) => el.classList.contains('onward-insights--failed')")
    assert stored_record(page, "strengths")["answers"]["skills"] == "Listening"  # typing was never held up
    page.unroute("**/pyodide.asm.wasm")
    press_insights(page, 120_000)
    page.locator(".onward-insights__summary").wait_for(timeout=120_000)


def test_a_wrongly_served_runtime_never_hangs(site_url, runtime_context):
    page = runtime_context.new_page()

    def octet_stream(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-type": "application/octet-stream"})

    page.route("**/pyodide.asm.wasm", octet_stream)
    page.goto(f"{site_url}/worksheets/strengths/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    press_insights(page, 6_000)  # here it does not start within 15 s: a shorter limit ends the wait sooner, as it would for a reader
    # Either the runtime copes with the wrong type or the reader is told; it never waits for ever.
    page.wait_for_function(polling=100, expression=
        "document.querySelector('.onward-insights__summary') || "
        "document.querySelector('[data-onward-insights-progress]').textContent.includes('could not start')",
        timeout=90_000,
    )


def test_the_summary_goes_on_without_insights_when_they_cannot_start(site_url, runtime_context):
    page = runtime_context.new_page()
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="not here"))
    page.goto(f"{site_url}/worksheets/strengths/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    page.locator("#ow-strengths-skills").fill("Listening")
    page.locator("#ow-strengths-skills").blur()
    page.goto(f"{site_url}/my-answers/")
    page.wait_for_selector("[data-onward-my-answers][data-onward-bound]", state="attached")
    page.evaluate("document.querySelector('meta[name=onward-insights]').dataset.startLimitMs = '6000'")
    page.locator("[data-onward-summary-with-insights]").check()
    page.locator("[data-onward-summary-show]").click()
    page.wait_for_function(polling=100, expression=
        "document.querySelector('[data-onward-summary-status]').textContent.includes('answers alone')", timeout=30_000
    )
    assert "Listening" in page.locator("[data-onward-summary]").inner_text()
