"""'Your answers': privacy, backup, restore (and every bad file), summary, shared computer mode."""

from __future__ import annotations

import html
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from browser_support import DESKTOP, axe_violations
from onward.backup import MAX_BYTES
from support import REPO
from worksheet_driver import WORKSHEETS, fill, read_form, sample_answers, stored_record, wait_for_stored

BACKUPS = REPO / "tests" / "fixtures" / "backups"
EXPECTED: dict[str, str] = json.loads((BACKUPS / "expected.json").read_text())
REFUSED = sorted(name for name, code in EXPECTED.items() if code != "ok")
ALL_STORAGE = "JSON.stringify(Object.fromEntries(Object.entries(localStorage).sort()))"
BLANK = "about:blank"  # a test's first page is the worksheet or Your answers it goes to: no load before it
ONWARD_KEYS = "(store) => Object.keys(window[store]).filter((k) => k.startsWith('onward:')).sort()"


def my_answers(page, site_url: str) -> None:
    page.goto(f"{site_url}/my-answers/")
    page.wait_for_selector("[data-onward-my-answers][data-onward-bound]", state="attached")


def fill_worksheet(page, site_url: str, worksheet_id: str, entries: int = 1) -> dict[str, Any]:
    worksheet = WORKSHEETS[worksheet_id]
    page.goto(f"{site_url}/worksheets/{worksheet_id}/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    answers = sample_answers(worksheet, entries=entries)
    fill(page, worksheet, answers)
    wait_for_stored(page, worksheet_id, answers)
    return answers


def download_backup(page) -> dict[str, Any]:
    with page.expect_download() as download:
        page.locator("[data-onward-backup]").click()
    return json.loads(download.value.path().read_text())


def choose_file(page, path: Path) -> None:
    page.locator("[data-onward-restore-file]").set_input_files(str(path))


def restore_with_no_problem(page, path: Path) -> None:
    """Choose ``path``, see it accepted (no problem shown) and confirm the restore."""
    choose_file(page, path)
    page.wait_for_selector("[data-onward-restore-plan] li, [data-onward-restore-problem]:not([hidden])")
    problem = page.locator("[data-onward-restore-problem]")
    assert problem.is_hidden(), problem.inner_text()
    page.locator("[data-onward-restore-confirm]").click()


def help_country(page) -> str | None:
    """The help box's country as this browser keeps it."""
    namespace = page.get_attribute('meta[name="onward-storage"]', "content")
    return page.evaluate(f"localStorage.getItem('onward:{namespace}:help-country')")


def from_this_site(page, name: str, folder: Path) -> Path:
    """A fixture backup as if made on the site under test (its namespace is per build)."""
    backup = json.loads((BACKUPS / name).read_text())
    backup["site"]["namespace"] = page.evaluate("document.querySelector('meta[name=onward-storage]').content")
    path = folder / name
    path.write_text(json.dumps(backup))
    return path


def held_list(page) -> list[str]:
    return page.locator("[data-onward-held-list] li").all_inner_texts()


def test_lists_what_is_held_and_deletes_everything_after_confirming(site_url, open_page):
    page = open_page(BLANK).page
    for worksheet_id in ("thought-record", "rejection-log"):
        fill_worksheet(page, site_url, worksheet_id)
    page.evaluate("localStorage.setItem('someone-else', 'not ours')")

    my_answers(page, site_url)
    page.locator("[data-onward-held-list] li").first.wait_for()
    listed = held_list(page)
    assert "Your answers to Thought record" in listed and "Your answers to Rejection log" in listed
    assert "What is kept, and where" in page.locator("article").inner_text()

    page.locator("[data-onward-delete-all]").click()
    confirm = page.locator("[data-onward-delete-confirm]")
    assert confirm.is_visible()
    named = confirm.locator("li").all_inner_texts()
    assert "Your answers to Thought record" in named and "Your answers to Rejection log" in named
    page.locator("[data-onward-delete-no]").click()
    assert stored_record(page, "thought-record") is not None
    page.locator("[data-onward-delete-all]").click()
    page.locator("[data-onward-delete-yes]").click()
    assert page.locator("[data-onward-held-status]").inner_text().startswith("Everything this site stored")
    assert page.evaluate("Object.keys(localStorage)") == ["someone-else"]
    assert page.locator("[data-onward-held-tools]").is_hidden()


def test_a_first_visit_holds_no_answers(site_url, open_page):
    page = open_page(f"{site_url}/my-answers/").page
    page.wait_for_function("document.querySelector('[data-onward-held-status]').textContent.length > 0")
    listed = held_list(page)
    assert not [item for item in listed if item.startswith("Your answers")]
    assert set(listed) <= {"Your choice of light or dark theme"}  # Material remembers the scheme


def test_round_trip_every_worksheet_export_clear_import_is_identical(site_url, open_page, tmp_path):
    page = open_page(BLANK).page
    for worksheet_id in sorted(WORKSHEETS):
        fill_worksheet(page, site_url, worksheet_id, entries=2)
    before = {w: stored_record(page, w) for w in WORKSHEETS}

    my_answers(page, site_url)
    backup = download_backup(page)
    assert backup["onward"] == "backup" and backup["format"] == 3
    assert backup["site"]["name"] == "Onward"
    assert set(backup["worksheets"]) == set(WORKSHEETS)
    assert all(backup["worksheets"][w]["version"] == WORKSHEETS[w].version for w in WORKSHEETS)

    page.locator("[data-onward-delete-all]").click()
    page.locator("[data-onward-delete-yes]").click()
    assert all(stored_record(page, w) is None for w in WORKSHEETS)

    path = tmp_path / "onward-round-trip.json"
    path.write_text(json.dumps(backup))
    choose_file(page, path)
    preview = page.locator("[data-onward-restore-preview]")
    preview.wait_for()
    plan = preview.locator("[data-onward-restore-plan] li").all_inner_texts()
    assert len(plan) == len(WORKSHEETS) and all(item.endswith("will be added") for item in plan)
    page.locator("[data-onward-restore-confirm]").click()
    assert page.locator("[data-onward-restore-status]").inner_text().startswith("Restored.")
    after = {w: stored_record(page, w) for w in WORKSHEETS}
    assert {w: r["answers"] for w, r in after.items()} == {w: r["answers"] for w, r in before.items()}

    worksheet = WORKSHEETS["rejection-log"]
    page.goto(f"{site_url}/worksheets/{worksheet.id}/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    assert read_form(page, worksheet) == before[worksheet.id]["answers"]


MESSAGES = {
    "empty": "This file is empty",
    "not-json": "it is not in the JSON format",
    "truncated": "cut short",
    "forbidden-key": "__proto__",
    "too-deep": "nested far deeper",
    "not-backup": "not an Onward backup",
    "newer": "made by a newer Onward",
    "wrong-types": "not in the form Onward writes",
    "too-big": "larger than 5 MB",
}


@pytest.fixture(scope="module")
def oversized(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "too-big.json"
    backup = json.loads((BACKUPS / "valid-backup.json").read_text())
    backup["worksheets"]["strengths"] = {"version": 1, "updated": None, "answers": {"skills": "x" * (MAX_BYTES + 1)}}
    path.write_text(json.dumps(backup))
    return path


@pytest.fixture(scope="module")
def answers_held(browser, site_url):
    """A browser holding one worksheet's answers: every bad file is offered to it in turn (each
    test filling its own cost a minute of every run). A file that changed anything fails its test."""
    context = browser.new_context(viewport=DESKTOP, service_workers="block")
    page = context.new_page()
    fill_worksheet(page, site_url, "strengths")
    yield page
    context.close()


@pytest.mark.parametrize("name", [*REFUSED, "too-big"])
def test_a_bad_file_is_refused_with_its_reason_and_nothing_changes(site_url, answers_held, oversized, name):
    page = answers_held
    my_answers(page, site_url)  # loaded afresh: nothing left on it from the file before
    before = page.evaluate(ALL_STORAGE)
    assert "worksheet:strengths" in before  # what a bad file must leave as it was
    choose_file(page, oversized if name == "too-big" else BACKUPS / name)
    problem = page.locator("[data-onward-restore-problem]")
    problem.wait_for()
    assert problem.get_attribute("role") == "alert"
    code = "too-big" if name == "too-big" else EXPECTED[name]
    assert MESSAGES[code] in problem.inner_text()
    assert "Nothing has changed" in problem.inner_text()
    assert page.locator("[data-onward-restore-preview]").is_hidden()
    assert page.evaluate(ALL_STORAGE) == before


def another_sites_backup_chosen(page, site_url: str):
    """Your answers, with a backup from another Onward site chosen: its explanation showing."""
    my_answers(page, site_url)
    choose_file(page, BACKUPS / "valid-other-site.json")
    other = page.locator("[data-onward-restore-other-site]")
    other.wait_for()
    return other


def test_another_sites_backup_is_explained_and_restored_only_when_asked(site_url, open_page):
    page = open_page(BLANK).page
    other = another_sites_backup_chosen(page, site_url)
    assert "Another Careers Service" in other.inner_text()
    assert page.locator("[data-onward-restore-confirm]").is_hidden()
    other.locator("[data-onward-restore-anyway]").click()
    page.locator("[data-onward-restore-confirm]").click()
    assert stored_record(page, "reasons-check")["answers"]["what-happened"].startswith("Second interview")


def test_unknown_worksheets_are_kept_listed_and_backed_up_again(site_url, open_page, tmp_path):
    page = open_page(BLANK).page
    my_answers(page, site_url)
    choose_file(page, from_this_site(page, "valid-unknown-worksheet.json", tmp_path))
    plan = page.locator("[data-onward-restore-plan] li")
    plan.first.wait_for()
    assert "a worksheet this site does not have" in plan.first.inner_text()
    page.locator("[data-onward-restore-confirm]").click()
    assert stored_record(page, "a-worksheet-from-elsewhere")["answers"] == {"x": "kept"}
    assert any("a-worksheet-from-elsewhere" in item for item in held_list(page))
    assert download_backup(page)["worksheets"]["a-worksheet-from-elsewhere"]["answers"] == {"x": "kept"}


def test_html_in_a_restored_backup_stays_text(site_url, open_page, tmp_path):
    page = open_page(BLANK).page
    my_answers(page, site_url)
    choose_file(page, from_this_site(page, "valid-html-in-answers.json", tmp_path))
    page.locator("[data-onward-restore-confirm]").click()
    page.goto(f"{site_url}/worksheets/strengths/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    assert page.locator("#ow-strengths-skills").input_value().startswith("<img src=x")
    retired = page.locator("[data-onward-retired]")
    assert retired.is_visible()
    assert "<i>An old question</i>" in retired.inner_text() and "<b>not bold</b>" in retired.inner_text()
    assert page.locator(".onward-worksheet img, [data-onward-retired] i, [data-onward-retired] b").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_merge_keeps_the_loser_aside_and_replace_makes_storage_match_the_file(site_url, open_page, tmp_path):
    page = open_page(BLANK).page
    strengths = fill_worksheet(page, site_url, "strengths")
    fill_worksheet(page, site_url, "goals-plan")
    my_answers(page, site_url)
    backup = download_backup(page)
    # The file: newer strengths answers, a worksheet not held here, and no goals plan.
    newer = backup["worksheets"]["strengths"]
    newer["answers"] = {**newer["answers"], "skills": "Newer words from the file"}
    newer["updated"] = "2999-01-01T00:00:00.000Z"
    backup["worksheets"] = {"strengths": newer, "learning-plan": {"version": 1, "updated": None, "answers": {}}}
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(backup))

    choose_file(page, path)
    plan = page.locator("[data-onward-restore-plan] li")
    plan.first.wait_for()
    assert plan.all_inner_texts() == [
        "Your strengths and accomplishments: here will be replaced by the file's newer copy; the copy here is kept aside",
        f"{plan.all_inner_texts()[1].split(':')[0]}: will be added",
    ]
    page.locator("label[for=onward-restore-replace]").click()
    assert plan.all_inner_texts()[-1].endswith("here will be deleted: it is not in the file")
    page.locator("label[for=onward-restore-merge]").click()
    page.locator("[data-onward-restore-confirm]").click()
    assert stored_record(page, "strengths")["answers"]["skills"] == "Newer words from the file"
    assert stored_record(page, "goals-plan") is not None
    aside = page.evaluate("Object.keys(localStorage).filter((k) => k.includes(':before-restore:strengths:'))")
    assert len(aside) == 1
    assert json.loads(page.evaluate(f"localStorage.getItem('{aside[0]}')"))["answers"] == strengths

    choose_file(page, path)
    page.locator("label[for=onward-restore-replace]").click()
    page.locator("[data-onward-restore-confirm]").click()
    assert stored_record(page, "goals-plan") is None
    assert stored_record(page, "learning-plan") is not None


def test_a_full_storage_during_restore_changes_nothing(site_url, open_page, tmp_path):
    page = open_page(BLANK).page
    fill_worksheet(page, site_url, "strengths")
    my_answers(page, site_url)
    choose_file(page, from_this_site(page, "valid-backup.json", tmp_path))
    page.locator("[data-onward-restore-preview]").wait_for()
    page.evaluate(
        """() => { let i = 0;
           for (let size = 1 << 20; size >= 4; size >>= 1) {
             const chunk = 'x'.repeat(size);
             try { while (i < 100000) localStorage.setItem('filler-' + i++, chunk); } catch (e) {} } }"""
    )
    before = page.evaluate(ALL_STORAGE)
    page.locator("[data-onward-restore-confirm]").click()
    assert "Nothing has changed" in page.locator("[data-onward-restore-status]").inner_text()
    assert page.evaluate(ALL_STORAGE) == before


def test_the_adviser_summary_prints_the_chosen_answers_and_insights(site_url, open_page):
    page = open_page(BLANK).page
    fill_worksheet(page, site_url, "strengths")
    fill_worksheet(page, site_url, "thought-record")
    page.locator("a.onward-worksheet__keep").click()  # the worksheet's own link preselects it
    page.wait_for_selector("[data-onward-my-answers][data-onward-bound]", state="attached")
    choices = page.locator("[data-onward-summary-choices] input")
    choices.first.wait_for(state="attached")
    checked = {choices.nth(i).get_attribute("value"): choices.nth(i).is_checked() for i in range(choices.count())}
    assert checked == {"strengths": False, "thought-record": True}
    page.locator("label[for=onward-summary-strengths]").click()
    page.locator("[data-onward-summary-show]").click()
    summary = page.locator("[data-onward-summary]")
    summary.wait_for()
    page.locator("[data-onward-summary-print]").wait_for()
    text = summary.inner_text()
    assert "Your strengths and accomplishments" in text and "Thought record" in text
    assert "What the insights suggest" in text
    assert axe_violations(page) == []

    page.emulate_media(media="print")
    assert page.locator(".md-header").is_hidden() and page.locator(".onward-help").is_hidden()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = " ".join(p.extract_text() for p in pdf.pages)
    assert "Summary for a careers appointment" in printed
    assert "Thought record" in printed and "What the insights suggest" in printed
    assert "Restore a backup" not in printed  # the rest of the page stays off the paper


def test_markdown_download_has_every_question_and_answer(site_url, open_page):
    page = open_page(BLANK).page
    answers = fill_worksheet(page, site_url, "strengths")
    my_answers(page, site_url)
    with page.expect_download() as download:
        page.locator("[data-onward-markdown]").click()
    assert download.value.suggested_filename.endswith(".md")
    text = download.value.path().read_text()
    assert text.startswith("# My answers")
    assert "## Your strengths and accomplishments" in text
    assert "### Skills you have" in text
    # Rendered as a reader's viewer would, the answer is exactly what was typed.
    rendered = html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(text)))
    assert answers["skills"].splitlines()[0] in rendered


def test_shared_computer_mode_keeps_nothing_in_local_storage(site_url, open_page):
    page = open_page(BLANK).page
    before = fill_worksheet(page, site_url, "strengths")
    my_answers(page, site_url)
    page.locator("[data-onward-shared-on]").click()
    assert "Shared computer mode is on" in page.locator("[data-onward-shared-status]").inner_text()
    switch = page.evaluate("`onward:${document.querySelector('meta[name=onward-storage]').content}:shared-computer`")
    assert page.evaluate(ONWARD_KEYS, "localStorage") == [switch]  # the switch alone, so every tab sees it
    assert page.evaluate("Object.keys(localStorage)") == [switch]  # the theme choice moved too

    page.goto(f"{site_url}/worksheets/goals-plan/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    assert page.locator("[data-onward-shared-notice]").is_visible()
    goal = page.locator("#ow-goals-plan-situation")
    goal.fill("A quiet start in the new year")
    page.wait_for_function("Object.keys(sessionStorage).some((k) => k.endsWith(':worksheet:goals-plan'))")
    assert "close every tab" in page.locator("[data-onward-status]").inner_text()
    page.reload()
    assert page.locator("#ow-goals-plan-situation").input_value() == "A quiet start in the new year"
    assert page.evaluate("Object.keys(localStorage)") == [switch]

    my_answers(page, site_url)
    page.locator("[data-onward-shared-off]").click()
    assert page.evaluate(ONWARD_KEYS, "sessionStorage") == []
    assert stored_record(page, "strengths")["answers"] == before


def test_shared_computer_mode_can_be_wiped(site_url, open_page):
    page = open_page(f"{site_url}/my-answers/").page
    page.wait_for_selector("[data-onward-my-answers][data-onward-bound]", state="attached")
    page.locator("[data-onward-shared-on]").click()
    page.goto(f"{site_url}/worksheets/strengths/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    page.locator("#ow-strengths-skills").fill("Only for today")
    page.wait_for_function("Object.keys(sessionStorage).some((k) => k.endsWith(':worksheet:strengths'))")
    my_answers(page, site_url)
    page.locator("[data-onward-shared-wipe]").click()
    assert "deleted" in page.locator("[data-onward-shared-status]").inner_text()
    assert page.evaluate(ONWARD_KEYS, "sessionStorage") == []
    assert page.evaluate(ONWARD_KEYS, "localStorage") == []


def test_your_answers_page_has_no_serious_accessibility_findings_with_a_preview(site_url, open_page):
    page = open_page(BLANK).page
    fill_worksheet(page, site_url, "strengths")
    another_sites_backup_chosen(page, site_url).locator("[data-onward-restore-anyway]").click()
    assert axe_violations(page) == []


def test_an_older_single_worksheet_file_is_converted_and_restored(site_url, open_page):
    page = open_page(BLANK).page
    my_answers(page, site_url)
    choose_file(page, BACKUPS / "valid-record-format-1.json")
    preview = page.locator("[data-onward-restore-preview]")
    preview.wait_for()
    assert "does not say which site it came from" in preview.inner_text()
    assert preview.locator("[data-onward-restore-plan] li").all_inner_texts() == [
        "Your strengths and accomplishments: will be added"
    ]
    page.locator("[data-onward-restore-confirm]").click()
    record = stored_record(page, "strengths")
    assert record["format"] == 2 and record["worksheet"] == "strengths"
    assert record["answers"] == {"strengths": "Listening"}


def test_the_help_country_choice_is_listed_as_itself_and_a_backup_made_with_it_restores(site_url, open_page, tmp_path):
    """A setting the site keeps is named for what it is, and stays out of backups (their
    kept-aside section holds copies of answers only, so a backup carrying it was refused)."""
    page = open_page(f"{site_url}/tonight/").page
    page.locator("#onward-help-country").select_option("nz")
    answers = fill_worksheet(page, site_url, "thought-record")
    my_answers(page, site_url)
    page.locator("[data-onward-held-list] li").first.wait_for()
    listed = held_list(page)
    assert "Your choice of country for the help box" in listed
    assert [item for item in listed if item.startswith("A copy kept aside") or "undefined" in item] == []

    backup = download_backup(page)
    assert "aside" not in backup and list(backup["worksheets"]) == ["thought-record"]
    path = tmp_path / "with-a-country.json"
    path.write_text(json.dumps(backup))
    restore_with_no_problem(page, path)
    assert stored_record(page, "thought-record")["answers"] == answers
    assert help_country(page) == "nz"


def test_a_backup_an_earlier_version_made_with_the_help_country_in_it_restores(site_url, open_page, tmp_path):
    """An earlier Onward put the help box's country among a backup's kept-aside copies, and
    such a file was refused whole: it restores now, its answers back and the setting left
    out (the country chosen in this browser stays as it is)."""
    page = open_page(f"{site_url}/tonight/").page
    page.locator("#onward-help-country").select_option("ie")
    answers = fill_worksheet(page, site_url, "thought-record")
    my_answers(page, site_url)
    backup = download_backup(page)
    backup["aside"] = {"help-country": "uk"}
    path = tmp_path / "made-by-an-earlier-version.json"
    path.write_text(json.dumps(backup))
    page.evaluate("localStorage.clear()")
    my_answers(page, site_url)
    page.locator("#onward-help-country").select_option("ie")
    restore_with_no_problem(page, path)
    assert stored_record(page, "thought-record")["answers"] == answers
    assert help_country(page) == "ie"
