"""Pointed tests for the guide's own components: what each one promises a reader, beyond its text."""

from __future__ import annotations

import html
import re

from markupsafe import Markup

from onward.components import load_components
from onward.paths import bundled
from onward.render import Renderer
from support import parse_html

RENDERER = Renderer(bundled("macros"), load_components(bundled("macros")))
MESSAGE = "Dear [Name],\n\nThanks <b>so</b> much & more.\nBest,\n[Me]\n"


def copy_payload(rendered: str) -> str:
    [value] = re.findall(r'data-onward-copy="([^"]*)"', rendered)
    return html.unescape(value)


def test_the_copy_button_carries_the_whole_message_as_text():
    rendered = RENDERER.call("sample_message", title="A <note>", text=MESSAGE)
    assert copy_payload(rendered) == MESSAGE.strip()
    assert "<b>" not in rendered and "&lt;b&gt;so&lt;/b&gt;" in rendered
    assert "\n\n" not in rendered.strip(), "a blank line would end Markdown's raw HTML block"


def test_the_copy_button_waits_for_the_script_and_announces_what_happened():
    rendered = RENDERER.call("sample_message", title="Mail", text=MESSAGE)
    box = rendered[rendered.index('<div class="onward-copy"'):]
    assert box.split(">", 1)[0].endswith("hidden"), "no button without a script that can copy"
    assert 'role="status"' in box and 'data-onward-message="copied"' in box
    assert '<button type="button"' in box and "Copy the message" in box
    assert '<span class="onward-visually-hidden">: Mail</span>' in box, "each button names its message"


def test_harsh_and_kinder_thoughts_are_two_labelled_cards_label_first():
    rendered = RENDERER.call("thought_pair", harsh_label="Harsh", harsh="I fail.", kinder_label="Kinder",
                             kinder="I tried.")
    cards = re.findall(r'data-onward-thought="(\w+)"', rendered)
    assert cards == ["harsh", "kinder"]
    text = parse_html(rendered).text
    assert text.index("Harsh") < text.index("I fail.") < text.index("Kinder") < text.index("I tried.")
    assert "onward-thought--harsh" in rendered and "onward-thought--kinder" in rendered


def test_question_groups_are_headings_with_anchors():
    rendered = RENDERER.call("question_bank", groups=[
        {"id": "about-you", "title": "About you", "questions": [{"question": "Who are you?", "behind": "A story."}]}])
    assert "### About you { #about-you }" in rendered and "**Who are you?**" in rendered


def test_the_worked_example_keeps_its_steps_in_order():
    rendered = RENDERER.call("worked_example", title="T", question={"label": "Q:", "text": "Why?"}, steps=[
        {"label": "Situation", "text": "S."}, {"label": "Task", "text": "T."},
        {"label": "Action", "text": "A."}, {"label": "Result", "text": "R."}])
    assert re.findall(r"<dt>(\w+)</dt>", rendered) == ["Situation", "Task", "Action", "Result"]


SETS = [
    {"id": "uk", "country": "United Kingdom", "emergency": {"phone": "999", "before": "Call ", "after": " now."},
     "contacts": [{"name": "Samaritans", "description": "Listens.", "phone": "116 123"}]},
    {"id": "ie", "country": "Ireland", "emergency": None,
     "contacts": [{"name": "Samaritans Ireland", "description": "Listens.", "phone": "116 123"}]},
]
BASE = {"title": "Help", "intro": "Hi.", "contacts": [{"name": "Adviser", "description": "Talk."}]}


def test_a_reader_chooses_among_every_set_the_menu_waiting_for_the_script():
    rendered = RENDERER.call("help", **BASE, sets=SETS)
    assert re.findall(r'<option value="(\w*)"', rendered) == ["", "uk", "ie"]
    assert re.search(r"data-onward-help-choose hidden", rendered), "the menu needs the script that remembers it"
    assert re.findall(r'<details class="onward-help__set" data-onward-help-set="(\w+)"', rendered) == ["uk", "ie"]


def test_the_emergency_line_is_full_size_text_with_its_number_as_a_link():
    rendered = RENDERER.call("help", **BASE, sets=SETS)
    assert '<p class="onward-help__crisis" data-onward-help-crisis><strong>Call <a href="tel:999">999</a> now.</strong></p>' in rendered
    assert "admonition" not in rendered


def test_a_centre_that_picked_a_set_shows_it_after_its_own_contacts_with_no_menu():
    rendered = RENDERER.call("help", **BASE, help_set=SETS[0])
    assert "<select" not in rendered and "<details" not in rendered
    assert rendered.index("Adviser") < rendered.index("Samaritans") and 'href="tel:116123"' in rendered


def test_a_worksheet_in_the_guide_shows_why_and_a_bar_that_says_it_opens():
    from onward.render import WorksheetRef

    ref = WorksheetRef("worksheets/x/", "Thought record", "About 5 minutes", "It helps.", Markup("<form></form>"))
    rendered = RENDERER.call("worksheet", worksheet=ref)
    assert rendered.index("It helps.") < rendered.index("<details")
    assert "Open it to fill it in here" in rendered.split("</summary>")[0]
