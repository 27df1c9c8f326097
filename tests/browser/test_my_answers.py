"""'Your answers': the privacy statement, what is held here, and deleting all of it."""

from __future__ import annotations

from worksheet_driver import WORKSHEETS, fill, sample_answers, stored_record, wait_for_stored


def test_lists_what_is_held_and_deletes_everything_after_confirming(site_url, open_page):
    page = open_page(f"{site_url}/worksheets/thought-record/").page
    for worksheet_id in ("thought-record", "rejection-log"):
        worksheet = WORKSHEETS[worksheet_id]
        page.goto(f"{site_url}/worksheets/{worksheet_id}/")
        page.wait_for_selector("[data-onward-bound]", state="attached")
        answers = sample_answers(worksheet, entries=1)
        fill(page, worksheet, answers)
        wait_for_stored(page, worksheet_id, answers)
    page.evaluate("localStorage.setItem('someone-else', 'not ours')")

    page.goto(f"{site_url}/my-answers/")
    box = page.locator("[data-onward-my-answers]")
    box.locator("[data-onward-held-list] li").first.wait_for()
    listed = box.locator("[data-onward-held-list] li").all_inner_texts()
    assert "Your answers to Thought record" in listed and "Your answers to Rejection log" in listed
    assert "What is kept, and where" in page.locator("article").inner_text()

    box.locator("[data-onward-delete-all]").click()
    assert box.locator("[data-onward-delete-confirm]").is_visible()
    box.locator("[data-onward-delete-no]").click()
    assert stored_record(page, "thought-record") is not None
    box.locator("[data-onward-delete-all]").click()
    box.locator("[data-onward-delete-yes]").click()
    assert box.locator("[data-onward-held-status]").inner_text().startswith("Everything this site stored")
    assert page.evaluate("Object.keys(localStorage)") == ["someone-else"]
    assert box.locator("[data-onward-held-tools]").is_hidden()


def test_a_first_visit_holds_no_answers(site_url, open_page):
    page = open_page(f"{site_url}/my-answers/").page
    page.wait_for_function("document.querySelector('[data-onward-held-status]').textContent.length > 0")
    listed = page.locator("[data-onward-held-list] li").all_inner_texts()
    assert not [item for item in listed if item.startswith("Your answers")]
    assert set(listed) <= {"Your choice of light or dark theme"}  # Material remembers the scheme
