"""Every worksheet in real Chromium: answers kept exactly, across reloads, tabs and pages."""

from __future__ import annotations

import json

import pytest

from browser_support import DESKTOP, axe_violations
from onward.worksheets import GROUP
from worksheet_driver import (
    WORKSHEETS,
    field_id,
    fill,
    first_text_field,
    read_form,
    sample_answers,
    TAB_FOCUS_SCRIPT,
    TYPED_TEXT,
    fewest_covering,
    in_use,
    set_field,
    stored_record,
    text_fields_by_place,
    wait_for_stored,
    with_typed_text,
)

IDS = sorted(WORKSHEETS)
WITH_GROUPS = sorted(w for w in IDS if any(f.type == GROUP for f in WORKSHEETS[w].fields))
# The shared binding on a first text field of each place (in a group of entries or not), and on
# every kind of text field in each place: see fewest_covering.
FIRST_TEXT_BY_PLACE = fewest_covering(lambda worksheet: {first_text_field(worksheet)[1] is not None})
EVERY_TEXT_FIELD_KIND = fewest_covering(text_fields_by_place)
PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>"\'&'


def url(site_url: str, worksheet_id: str) -> str:
    return f"{site_url}/worksheets/{worksheet_id}/"


def bound(page) -> None:
    """Wait until the worksheet script has taken over the form."""
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")


@pytest.mark.parametrize("worksheet_id", IDS)
def test_every_answer_comes_back_exactly_after_a_reload(site_url, open_page, worksheet_id):
    worksheet = WORKSHEETS[worksheet_id]
    watched = open_page(url(site_url, worksheet_id))
    page = watched.page
    bound(page)
    answers = sample_answers(worksheet)
    fill(page, worksheet, answers)
    wait_for_stored(page, worksheet_id, answers)
    assert page.locator("[data-onward-status]").inner_text() == "Saved on this device."
    page.reload()
    bound(page)
    assert read_form(page, worksheet) == answers
    record = stored_record(page, worksheet_id)
    assert record["format"] == 2 and record["version"] == worksheet.version and record["updated"]
    assert watched.console_errors == [] and watched.foreign_requests() == []
    assert axe_violations(page) == [], "with every answer given, two entries in each group"


@pytest.mark.parametrize("worksheet_id", WITH_GROUPS)
def test_entries_can_be_added_removed_and_reordered(site_url, open_page, worksheet_id):
    worksheet = WORKSHEETS[worksheet_id]
    group = next(f for f in worksheet.fields if f.type == GROUP)
    text = next(c for c in group.fields if c.type in TYPED_TEXT)
    page = open_page(url(site_url, worksheet_id)).page
    questions: list[str] = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))
    bound(page)
    scope = page.locator(f'[data-onward-field="{group.id}"]')
    for index, name in enumerate(["first", "second", "third"]):
        if index:
            scope.locator("[data-onward-add]").click()
        page.locator(f"#{field_id(worksheet, text, index, group)}").fill(name)
    scope.locator("[data-onward-entry]").nth(2).locator('[data-onward-move="-1"]').click()  # third moves up
    assert page.evaluate("document.activeElement.dataset.onwardMove") == "-1", "focus stays on the moved entry"
    scope.locator("[data-onward-entry]").nth(0).locator("[data-onward-remove]").click()  # first goes
    expected = ["third", "second"]
    assert questions == [f"Remove {group.params['item_label']} 1 and everything written in it?"]
    headings = scope.locator(".onward-entry__heading").all_inner_texts()
    assert headings == [f"{group.params['item_label']} 1", f"{group.params['item_label']} 2"]
    page.wait_for_function(
        "([id, g, t, want]) => { const ns = document.querySelector('meta[name=onward-storage]').content;"
        " const r = JSON.parse(localStorage.getItem(`onward:${ns}:worksheet:${id}`) || 'null');"
        " return r && JSON.stringify(r.answers[g].map(e => e[t])) === JSON.stringify(want); }",
        arg=[worksheet_id, group.id, text.id, expected],
    )
    page.reload()
    bound(page)
    values = [page.locator(f"#{field_id(worksheet, text, i, group)}").input_value() for i in range(2)]
    assert values == expected
    assert scope.locator("[data-onward-entry]").count() == 2


@pytest.mark.parametrize("worksheet_id", FIRST_TEXT_BY_PLACE)
def test_two_tabs_stay_in_sync(site_url, browser, worksheet_id):
    worksheet = WORKSHEETS[worksheet_id]
    text, group = first_text_field(worksheet)
    html_id = field_id(worksheet, text, 0, group) if group else field_id(worksheet, text)
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(TAB_FOCUS_SCRIPT)
    try:
        first, second = context.new_page(), context.new_page()
        for page in (first, second):
            page.goto(url(site_url, worksheet_id))
            bound(page)
        in_use(first, second)
        first.locator(f"#{html_id}").fill("typed in the first tab ✓")
        second.wait_for_function(f"document.getElementById('{html_id}').value === 'typed in the first tab ✓'")
        in_use(second, first)  # the person moves to the second tab; the first keeps its focus there
        second.locator(f"#{html_id}").fill("and changed in the second")
        first.wait_for_function(f"document.getElementById('{html_id}').value === 'and changed in the second'")
    finally:
        context.close()


@pytest.mark.parametrize("worksheet_id", FIRST_TEXT_BY_PLACE)
def test_instant_navigation_away_and_back_keeps_answers(site_url, open_page, worksheet_id):
    worksheet = WORKSHEETS[worksheet_id]
    text, group = first_text_field(worksheet)
    html_id = field_id(worksheet, text, 0, group) if group else field_id(worksheet, text)
    page = open_page(url(site_url, worksheet_id)).page
    bound(page)
    page.evaluate("window.__samePage = true")  # survives only if navigation is instant
    page.locator(f"#{html_id}").fill("still here after a visit elsewhere")
    page.locator(".md-nav__link", has_text="Home").first.click()
    page.wait_for_function("location.pathname === '/' && !!document.querySelector('.onward-cards')")
    page.go_back()
    page.wait_for_function(f"!!document.getElementById('{html_id}')")
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")
    assert page.evaluate("window.__samePage") is True, "Material's instant navigation was not used"
    assert page.locator(f"#{html_id}").input_value() == "still here after a visit elsewhere"


@pytest.mark.parametrize("worksheet_id", EVERY_TEXT_FIELD_KIND)
def test_typed_html_stays_text_and_never_runs(site_url, open_page, worksheet_id):
    worksheet = WORKSHEETS[worksheet_id]
    page = open_page(url(site_url, worksheet_id)).page
    bound(page)
    answers = with_typed_text(worksheet, sample_answers(worksheet, entries=1), PAYLOAD)
    fill(page, worksheet, answers)
    wait_for_stored(page, worksheet_id, answers)
    page.reload()
    bound(page)
    assert read_form(page, worksheet) == answers
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".onward-worksheet img, .onward-worksheet script").count() == 0


@pytest.mark.parametrize("worksheet_id", IDS)
def test_without_javascript_it_is_a_printable_form(site_url, browser, worksheet_id):
    worksheet = WORKSHEETS[worksheet_id]
    context = browser.new_context(java_script_enabled=False, viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(url(site_url, worksheet_id))
        assert page.locator("noscript").count() == 1
        labels = page.locator(".onward-worksheet .onward-field__label")
        assert labels.count() >= len([f for f in worksheet.fields if f.type != "note"])
        for control in ("[data-onward-tools]", "[data-onward-add]", "[data-onward-clear-choice]"):
            assert page.locator(f".onward-worksheet {control}").first.is_hidden() or \
                page.locator(f".onward-worksheet {control}").count() == 0
        page.emulate_media(media="print")
        first = worksheet.fields[0]
        assert page.locator(".onward-worksheet .onward-field").first.is_visible(), first.id
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    finally:
        context.close()


@pytest.mark.parametrize("worksheet_id", IDS)
def test_can_be_completed_with_the_keyboard_alone(site_url, browser, worksheet_id):
    worksheet = WORKSHEETS[worksheet_id]
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(url(site_url, worksheet_id))
        bound(page)
        page.locator("h1").evaluate("h => { h.tabIndex = -1; h.focus(); }")
        visited = set()
        for _ in range(600):
            page.keyboard.press("Tab")
            kind = page.evaluate(
                """() => { const e = document.activeElement;
                   if (!e.closest('[data-onward-worksheet]')) return 'outside';
                   return e.tagName === 'INPUT' ? e.type : e.tagName.toLowerCase(); }"""
            )
            if kind == "outside":
                if visited:
                    break
                continue
            element_id = page.evaluate("document.activeElement.id || document.activeElement.textContent")
            if element_id in visited and kind == "date":
                continue  # Tab walks through the day, month and year of one date field
            visited.add(element_id)
            if kind in ("text", "textarea"):
                page.keyboard.type("k")
            elif kind in ("radio", "checkbox"):
                page.keyboard.press("Space")
            elif kind == "date":
                page.keyboard.type("11202026")  # this Chromium orders date fields month, day, year
        expected = {
            f.id: [c.id for c in f.fields if c.type != "note"] if f.type == GROUP else None
            for f in worksheet.fields
            if f.type != "note"
        }
        # Saving is debounced: wait until the last keystrokes are stored, then every answer is there.
        page.wait_for_function(
            """([id, expected]) => {
                const ns = document.querySelector('meta[name=onward-storage]').content;
                const r = JSON.parse(localStorage.getItem(`onward:${ns}:worksheet:${id}`) || 'null');
                const given = (v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && !v.length);
                return !!r && Object.entries(expected).every(([key, children]) => children
                    ? given(r.answers[key]) && children.every((c) => given(r.answers[key][0][c]))
                    : given(r.answers[key]));
            }""",
            arg=[worksheet_id, expected],
            timeout=5_000,
        )
    finally:
        context.close()


# These tests type into a worksheet's first question, so they use one that opens with a text field.
TEXT_FIRST = "goals-plan"


def test_clear_asks_first_then_empties_the_worksheet(site_url, open_page):
    worksheet = WORKSHEETS[TEXT_FIRST]
    page = open_page(url(site_url, worksheet.id)).page
    bound(page)
    answers = sample_answers(worksheet)
    fill(page, worksheet, answers)
    wait_for_stored(page, worksheet.id, answers)
    page.locator("[data-onward-clear]").click()
    assert page.locator("[data-onward-confirm]").is_visible()
    page.locator("[data-onward-confirm-no]").click()
    assert stored_record(page, worksheet.id) is not None
    page.locator("[data-onward-clear]").click()
    page.locator("[data-onward-confirm-yes]").click()
    assert stored_record(page, worksheet.id) is None
    assert page.locator("[data-onward-status]").inner_text() == "This worksheet is empty now."
    page.reload()
    bound(page)
    assert page.locator(f"#{field_id(worksheet, worksheet.fields[0])}").input_value() == ""


def test_an_unreadable_record_is_kept_aside_and_reported(site_url, open_page):
    worksheet = WORKSHEETS[TEXT_FIRST]
    page = open_page(url(site_url, worksheet.id)).page
    bound(page)
    page.evaluate(
        "() => { const ns = document.querySelector('meta[name=onward-storage]').content;"
        " localStorage.setItem(`onward:${ns}:worksheet:goals-plan`, '{\"format\": 1, \"answ'); }"
    )
    page.reload()
    bound(page)
    assert page.locator('[data-onward-message="unreadable"]').is_visible()
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.includes(':unreadable:goals-plan:'))")
    assert len(kept) == 1
    assert page.evaluate(f"localStorage.getItem('{kept[0]}')") == '{"format": 1, "answ'
    with page.expect_download() as download:
        page.locator('[data-onward-download="unreadable"]').click()
    assert download.value.path().read_text() == '{"format": 1, "answ'
    set_field(page, field_id(worksheet, worksheet.fields[0]), worksheet.fields[0], "a fresh start")
    wait_for_stored(page, worksheet.id, {worksheet.fields[0].id: "a fresh start"})
    assert page.evaluate(f"localStorage.getItem('{kept[0]}')") == '{"format": 1, "answ'

    # "Your answers" lists the copy and hands it over exactly as it was stored.
    page.goto(f"{site_url}/my-answers/")
    item = page.locator("[data-onward-held-list] li", has_text="A copy kept aside from Goals and action plan")
    with page.expect_download() as download:
        item.get_by_role("button", name="Download this copy").click()
    assert download.value.path().read_text() == '{"format": 1, "answ'


def test_full_storage_is_reported_and_answers_stay_in_memory(site_url, open_page):
    worksheet = WORKSHEETS[TEXT_FIRST]
    page = open_page(url(site_url, worksheet.id)).page
    bound(page)
    page.evaluate(
        """() => { let i = 0;
           for (let size = 1 << 20; size >= 16; size >>= 1) {
             const chunk = 'x'.repeat(size);
             try { while (i < 100000) localStorage.setItem('filler-' + i++, chunk); } catch (e) {} } }"""
    )
    first = worksheet.fields[0]
    set_field(page, field_id(worksheet, first), first, "kept in memory " + "y" * 2000)
    page.locator('[data-onward-message="unsaved"]').wait_for()
    assert page.locator('[data-onward-problem]').get_attribute("role") == "alert"
    with page.expect_download() as download:
        page.locator('[data-onward-download="answers"]').click()
    backup = json.loads(download.value.path().read_text())
    assert backup["onward"] == "backup" and backup["format"] == 3  # a file "Restore" takes back
    assert backup["worksheets"][worksheet.id]["answers"][first.id].startswith("kept in memory")
    assert page.locator(f"#{field_id(worksheet, first)}").input_value().startswith("kept in memory")


def test_blocked_storage_is_reported_and_the_form_still_works(site_url, browser):
    worksheet = WORKSHEETS[TEXT_FIRST]
    context = browser.new_context(viewport=DESKTOP)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }});"
    )
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(error.stack or str(error)))
        page.goto(url(site_url, worksheet.id))
        bound(page)
        assert page.locator('[data-onward-message="unsaved"]').is_visible()
        first = worksheet.fields[0]
        set_field(page, field_id(worksheet, first), first, "still typing")
        assert page.locator(f"#{field_id(worksheet, first)}").input_value() == "still typing"
        with page.expect_download() as download:
            page.locator('[data-onward-download="answers"]').click()
        backup = json.loads(download.value.path().read_text())
        assert backup["worksheets"] == {
            worksheet.id: {**backup["worksheets"][worksheet.id], "answers": {first.id: "still typing"}}
        }
        assert [e for e in errors if "onward" in e] == [], "Onward's own code must cope with blocked storage"
    finally:
        context.close()


def test_worksheet_sits_beside_its_guide_section(site_url, open_page):
    page = open_page(f"{site_url}/moving-forward/").page
    embed = page.locator("#set-new-goals ~ details.onward-embed").first
    embed.locator("summary").click()
    bound(page)
    worksheet = WORKSHEETS[TEXT_FIRST]
    first = worksheet.fields[0]
    set_field(page, field_id(worksheet, first), first, "typed beside the guide")
    wait_for_stored(page, worksheet.id, {first.id: "typed beside the guide"})
    page.goto(url(site_url, worksheet.id))
    bound(page)
    assert page.locator(f"#{field_id(worksheet, first)}").input_value() == "typed beside the guide"


def test_typing_after_a_clear_is_saved_again(site_url, open_page):
    worksheet = WORKSHEETS[TEXT_FIRST]
    page = open_page(url(site_url, worksheet.id)).page
    bound(page)
    first = worksheet.fields[0]
    set_field(page, field_id(worksheet, first), first, "before")
    wait_for_stored(page, worksheet.id, {first.id: "before"})
    page.locator("[data-onward-clear]").click()
    page.locator("[data-onward-confirm-yes]").click()
    set_field(page, field_id(worksheet, first), first, "after the clear")
    wait_for_stored(page, worksheet.id, {first.id: "after the clear"})


def test_edits_in_two_tabs_at_once_are_both_kept(site_url, browser):
    context = browser.new_context(viewport=DESKTOP)
    try:
        one, two = context.new_page(), context.new_page()
        for page in (one, two):
            page.goto(url(site_url, "interview-self-review"))
            bound(page)
        one.locator("#ow-interview-self-review-role").fill("typed in tab one")
        two.locator("#ow-interview-self-review-organisation").fill("typed in tab two")
        for page in (one, two):
            wait_for_stored(page, "interview-self-review", {"role": "typed in tab one", "organisation": "typed in tab two"})
        one.wait_for_function("document.getElementById('ow-interview-self-review-organisation').value === 'typed in tab two'")
        assert two.locator("#ow-interview-self-review-role").input_value() == "typed in tab one"
    finally:
        context.close()


def test_typing_before_the_script_arrives_never_replaces_saved_answers(site_url, browser):
    worksheet = WORKSHEETS["rejection-log"]
    saved = sample_answers(worksheet, entries=2)
    context = browser.new_context(viewport=DESKTOP)
    held = []
    try:
        page = context.new_page()
        page.goto(url(site_url, worksheet.id))
        bound(page)
        fill(page, worksheet, saved)
        wait_for_stored(page, worksheet.id, saved)
        page.route("**/assets/onward/worksheets.js", lambda route: held.append(route))  # hold the script back
        page.reload(wait_until="commit")
        page.wait_for_function("() => !!document.getElementById('ow-rejection-log-applications-0-role')")
        page.locator("#ow-rejection-log-applications-0-role").fill("typed while the page was loading")
        page.wait_for_timeout(200)
        for route in held:
            route.continue_()
        bound(page)
        wait_for_stored(page, worksheet.id, saved)
        assert read_form(page, worksheet) == saved
        kept = page.evaluate(
            "Object.keys(localStorage).filter(k => k.includes(':typed-early:rejection-log:'))"
            ".map(k => localStorage.getItem(k))"
        )
        assert len(kept) == 1 and "typed while the page was loading" in kept[0]
    finally:
        context.close()


# Recorded when the DOMContentLoaded event reaches the window, after every listener on the
# document (Material's start-up among them) has run.
BOUND_AT_START_UP = """
window.addEventListener("DOMContentLoaded", () => {
  window.__boundDuringStartUp = document.querySelectorAll("[data-onward-bound]").length;
});
"""


@pytest.mark.parametrize("path", ["/worksheets/rejection-log/", "/coping/"])
def test_onward_binds_in_a_task_of_its_own_after_materials_start_up(site_url, browser, path):
    """On a phone, Material's start-up and Onward's binding in one task block the page for a
    third of a second; each in its own task, the page can answer a tap in between."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.add_init_script(BOUND_AT_START_UP)
        page.goto(site_url + path)
        page.locator("[data-onward-bound]").first.wait_for(state="attached")
        assert page.evaluate("window.__boundDuringStartUp") == 0
    finally:
        context.close()


# At DOMContentLoaded, before Material's start-up: a reader already typing in the worksheet.
TYPES_DURING_START_UP = """
document.addEventListener("DOMContentLoaded", () => {
  const field = document.querySelector("[data-onward-worksheet] textarea, [data-onward-worksheet] input[type=text]");
  field.focus();
  field.value += "typed during start-up";
  field.dispatchEvent(new InputEvent("input", { bubbles: true, data: "x", inputType: "insertText" }));
});
"""


def test_a_reader_typing_during_start_up_is_saved_without_waiting_for_it(site_url, browser):
    """Onward's binding gives way to Material's start-up, but not to a reader already typing."""
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.add_init_script(TYPES_DURING_START_UP + BOUND_AT_START_UP)
        page.goto(url(site_url, "thought-record"))
        bound(page)
        assert page.evaluate("window.__boundDuringStartUp") == 1
        page.wait_for_function("Object.values(localStorage).some(v => v.includes('typed during start-up'))")
    finally:
        context.close()
