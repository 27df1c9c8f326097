"""The French site (theme.language: fr) in real Chromium: accessible, and its worksheets speak French."""

from __future__ import annotations

import pytest

from browser_support import axe_violations, first_search_result
from onward.i18n import load_catalog
from worksheet_driver import WORKSHEETS, fill, read_form, sample_answers, wait_for_stored

FRENCH = load_catalog("fr")
WORKSHEET = "rejection-log"  # it has repeatable entries, so their buttons are checked too


@pytest.mark.parametrize("path", ["/", "/reasons/", f"/worksheets/{WORKSHEET}/", "/worksheets/", "/my-answers/"])
def test_french_pages_have_no_serious_accessibility_findings(french_site_url, open_page, path):
    watched = open_page(french_site_url + path)
    assert watched.page.locator("html").get_attribute("lang") == "fr"
    assert axe_violations(watched.page) == []
    assert watched.console_errors == [] and watched.foreign_requests() == []


def test_a_worksheet_saves_and_says_so_in_french(french_site_url, open_page):
    worksheet = WORKSHEETS[WORKSHEET]
    watched = open_page(f"{french_site_url}/worksheets/{WORKSHEET}/")
    page = watched.page
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")
    answers = sample_answers(worksheet)
    fill(page, worksheet, answers)
    wait_for_stored(page, WORKSHEET, answers)
    assert page.locator("[data-onward-status]").inner_text() == FRENCH.gettext("worksheet.saved")
    move_up = page.locator("[data-onward-entry] [data-onward-move='-1']").nth(1)
    assert move_up.inner_text().startswith("Monter")
    # Removing an entry with answers asks first, in French; saying no keeps it.
    questions: list[str] = []
    page.on("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    second = page.locator("[data-onward-entry]").nth(1)
    heading = second.locator(".onward-entry__heading").inner_text()
    second.locator("[data-onward-remove]").click()
    assert questions == [FRENCH.gettext("worksheet.remove_entry") % {"entry": heading}]
    page.reload()
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")
    assert read_form(page, worksheet) == answers
    # "Your answers" lists the worksheet in French.
    page.goto(f"{french_site_url}/my-answers/")
    item = page.locator("[data-onward-held-list] li").filter(has=page.locator("a"))
    expected = f'{FRENCH.gettext("my_answers.answers")} {worksheet.title}'
    assert " ".join(item.inner_text().split()) == " ".join(expected.split())
    assert watched.console_errors == [] and watched.foreign_requests() == []


def test_search_finds_the_guides_english_words_on_the_french_site(french_site_url, open_page):
    page = open_page(french_site_url + "/").page
    assert "salary" in first_search_result(page, "salary").lower()
