"""The French site (theme.language: fr) in real Chromium: accessible, and its worksheets speak French.

The insights' own sentences are translated elsewhere (the insights domain); these tests check
the French worksheet around them: saved, restored, given insights, and kept in French.
"""

from __future__ import annotations

import pytest

from browser_support import axe_violations, first_search_result
from french_support import english_share
from onward.i18n import load_catalog
from onward.paths import bundled
from onward.site import OnwardSite
from onward.translations import translator_for
from test_insights_in_browser import PYTHON_START_MS
from worksheet_driver import WORKSHEETS, fill, read_form, sample_answers, wait_for_stored

FRENCH = load_catalog("fr")
WORKSHEET = "rejection-log"  # it has repeatable entries, so their buttons are checked too
# The worksheets as the French site shows them (the same ids and fields, French words).
FRENCH_SHEETS = OnwardSite.load(
    bundled("content"), bundled("worksheets"), bundled("macros"), translator=translator_for("fr", bundled("locales"))
).worksheets


@pytest.mark.parametrize("path", ["/", "/reasons/", f"/worksheets/{WORKSHEET}/", "/worksheets/", "/my-answers/"])
def test_french_pages_have_no_serious_accessibility_findings(french_site_url, open_page, path):
    watched = open_page(french_site_url + path)
    assert watched.page.locator("html").get_attribute("lang") == "fr"
    assert axe_violations(watched.page) == []
    assert watched.console_errors == [] and watched.foreign_requests() == []


def test_a_worksheet_saves_restores_and_gives_insights_in_french(french_site_url, open_page):
    worksheet = WORKSHEETS[WORKSHEET]
    watched = open_page(f"{french_site_url}/worksheets/{WORKSHEET}/")
    page = watched.page
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")
    answers = sample_answers(worksheet)
    fill(page, worksheet, answers)
    wait_for_stored(page, WORKSHEET, answers)
    assert page.locator("[data-onward-status]").inner_text() == FRENCH.gettext("worksheet.saved")
    # Each answered question is kept with its wording as the reader saw it: in French.
    stored = page.evaluate(
        """(id) => localStorage.getItem(`onward:${document.querySelector('meta[name="onward-storage"]').content}:worksheet:${id}`)""",
        WORKSHEET,
    )
    stage = next(f for f in FRENCH_SHEETS[WORKSHEET].fields[0].fields if f.id == "stage")
    assert stage.params["label"] == "Quelle étape avez-vous atteinte\u202f?"
    assert stage.params["label"] in stored and "How far did you get" not in stored
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
    assert "Quelle étape avez-vous atteinte" in " ".join(page.locator("[data-onward-field='stage'] legend").first.inner_text().split())
    # Insights read the restored answers (their sentences come from the insights catalogue).
    page.locator("[data-onward-insights-run]").click()
    page.locator(".onward-insights__summary").wait_for(timeout=PYTHON_START_MS)
    output = page.locator("[data-onward-insights-output]")
    # The insights' own sentences are French too: no English prose among them (names and the
    # reader's own words aside, which the sample answers keep to a few letters).
    share, english = english_share(f"<main>{output.inner_html()}</main>")
    assert output.inner_text().strip() and share == 0, english
    assert output.get_attribute("lang") is None  # the guide, the form and its insights are all French
    assert page.locator("[data-onward-insights-progress]").inner_text() == FRENCH.gettext("insights.insights_done")
    # "Your answers" lists the worksheet in French.
    page.goto(f"{french_site_url}/my-answers/")
    item = page.locator("[data-onward-held-list] li").filter(has=page.locator("a"))
    expected = f'{FRENCH.gettext("my_answers.answers")} {FRENCH_SHEETS[WORKSHEET].title}'
    assert " ".join(item.inner_text().split()) == " ".join(expected.split())
    assert watched.console_errors == [] and watched.foreign_requests() == []


def search_marks(page, query: str) -> set[str]:
    """The words Material highlights in its results for ``query``, typed like a person."""
    first_search_result(page, query)
    page.wait_for_function(
        "(query) => document.querySelector('input.md-search__input').value === query", arg=query
    )
    page.wait_for_timeout(300)  # the results of the last keystroke
    words = page.locator(".md-search-result mark").all_inner_texts()
    page.locator("input.md-search__input").fill("")
    return {word.strip(".,:;!?»« \u00a0\u202f").lower() for word in words} - {""}


def test_search_matches_french_words_by_their_stem(french_site_url, open_page):
    """Onward's search worker stems each word typed (lunr's French Snowball stemmer): "ressentir" finds
    "ressentez" and "ressenti", and a word half typed still finds the word it starts."""
    watched = open_page(french_site_url + "/")
    found = search_marks(watched.page, "ressentir")
    assert {"ressentir", "ressentez", "ressenti"} <= found, found
    assert "entretien" in search_marks(watched.page, "entretie")
    assert "entretien" in search_marks(watched.page, "l’entretien")  # words split at the apostrophe
    assert watched.console_errors == [] and watched.foreign_requests() == []



def test_insights_speak_the_worksheets_language_under_another_interface(english_guide_site_url, open_page):
    """A French interface that keeps the guide in English: the form is English (marked so), and so are
    the insights written into it, whatever the page's own lang says."""
    watched = open_page(f"{english_guide_site_url}/worksheets/{WORKSHEET}/")
    page = watched.page
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")
    fill(page, WORKSHEETS[WORKSHEET], sample_answers(WORKSHEETS[WORKSHEET]))
    page.locator("[data-onward-insights-run]").click()
    page.locator(".onward-insights__summary").wait_for(timeout=PYTHON_START_MS)
    output = page.locator("[data-onward-insights-output]")
    assert output.evaluate("(node) => node.closest('[lang]').lang") == "en"
    share, _ = english_share(f"<main>{output.inner_html()}</main>")
    assert share > 0.05  # English prose (French has none of these words)
    assert page.locator("[data-onward-insights-run]").inner_text() == FRENCH.gettext("insights.run")
    assert watched.console_errors == []
