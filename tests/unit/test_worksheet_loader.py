"""Worksheet definitions: the real ones load; each kind of mistake names file, line and path."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from onward.components import load_components
from onward.errors import ContentError
from onward.paths import bundled
from onward.worksheets import GROUP, load_worksheets, worksheet_ids

COMPONENTS = load_components(bundled("macros"))

SHEET = """\
id: mood
version: 1
title: Mood
summary: A small check-in.
why: Noticing helps.
time: A minute
fields:
  - type: short_text
    id: word
    label: One word for today
  - type: group
    id: days
    label: Days
    item_label: Day
    add_label: Add a day
    fields:
      - type: date
        id: date
        label: Which day?
      - type: scale
        id: level
        label: How was it?
        min: 0
        max: 10
        min_label: Low
        max_label: Good
"""


def write(tmp_path: Path, text: str, name: str = "mood") -> Path:
    folder = tmp_path / "worksheets"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def problems(folder: Path, anchors=None) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_worksheets(folder, COMPONENTS, anchors, root=folder.parent)
    return [str(p) for p in caught.value.problems]


def test_every_worksheet_loads_in_order():
    worksheets = load_worksheets(bundled("worksheets"), COMPONENTS)
    assert list(worksheets)[:4] == ["rejection-log", "reasons-check", "feedback-request", "thought-record"]
    assert set(worksheets) == {path.stem for path in bundled("worksheets").glob("*.yml")}
    assert worksheet_ids(bundled("worksheets")) == sorted(worksheets)


def test_a_valid_worksheet_loads_with_its_group(tmp_path):
    sheet = load_worksheets(write(tmp_path, SHEET), COMPONENTS)["mood"]
    group = sheet.fields[1]
    assert group.type == GROUP and [f.id for f in group.fields] == ["date", "level"]
    assert sheet.src_uri == "worksheets/mood.md"


def test_unknown_field_type_lists_the_known_ones(tmp_path):
    [message] = problems(write(tmp_path, SHEET.replace("type: short_text", "type: slider")))
    assert message.startswith("worksheets/mood.yml:8: fields[0].type: unknown field type 'slider' (known types: checklist")


def test_duplicate_field_id(tmp_path):
    [message] = problems(write(tmp_path, SHEET.replace("id: days", "id: word")))
    assert message == "worksheets/mood.yml:12: fields[1].id: duplicate field id 'word' (first used on line 9)"


def test_duplicate_id_inside_a_group(tmp_path):
    [message] = problems(write(tmp_path, SHEET.replace("id: level", "id: date")))
    assert message.startswith("worksheets/mood.yml:21: fields[1].fields[1].id: duplicate field id 'date'")


def test_missing_version(tmp_path):
    assert problems(write(tmp_path, SHEET.replace("version: 1\n", ""))) == [
        "worksheets/mood.yml:1: (top level): 'version' is required"
    ]


def test_field_missing_its_label(tmp_path):
    [message] = problems(write(tmp_path, SHEET.replace("    label: One word for today\n", "")))
    assert message == "worksheets/mood.yml:8: fields[0]: 'label' is required"


def test_groups_do_not_nest(tmp_path):
    nested = SHEET + textwrap.indent(
        "- type: group\n  id: inner\n  label: Inner\n  item_label: I\n  add_label: Add\n"
        "  fields: [{type: date, id: d, label: D}]\n", "      "
    )
    [message] = problems(write(tmp_path, nested))
    assert "a group cannot hold another group 'group'" in message


def test_a_scale_with_too_many_points(tmp_path):
    [message] = problems(write(tmp_path, SHEET.replace("max: 10", "max: 100")))
    assert "fields[1].fields[1].step: the scale should have at most 11 points" in message


def test_duplicate_option_values(tmp_path):
    choice = (
        "  - type: single_choice\n    id: pick\n    label: Pick\n"
        "    options: [{value: a, label: A}, {value: a, label: Also A}]\n"
    )
    [message] = problems(write(tmp_path, SHEET + choice))
    assert "fields[2].options[1].value: duplicate option value 'a'" in message


def test_links_in_worksheet_text_are_checked_against_the_guide(tmp_path):
    text = SHEET.replace("why: Noticing helps.", "why: Noticing helps, see [coping](coping#nowhere).")
    [message] = problems(write(tmp_path, text), anchors={"coping": frozenset({"reframing"})})
    assert message.startswith("worksheets/mood.yml:5: why: link to 'coping#nowhere'")


def test_file_name_must_match_the_id(tmp_path):
    [message] = problems(write(tmp_path, SHEET, name="other"))
    assert message == "worksheets/other.yml:1: id: 'mood' should match the file name 'other.yml'"


def test_renamed_from_moves_into_the_definition_the_browser_reads(tmp_path):
    text = SHEET.replace("    id: word\n", "    id: word\n    renamed_from: [feeling]\n").replace(
        "        id: date\n", "        id: date\n        renamed_from: [day, when]\n"
    )
    sheet = load_worksheets(write(tmp_path, text), COMPONENTS)["mood"]
    definition = sheet.definition()
    assert definition["id"] == "mood" and definition["version"] == 1 and definition["title"] == "Mood"
    word, days = definition["fields"]
    assert word == {"id": "word", "type": "short_text", "label": "One word for today", "renamed_from": ["feeling"]}
    assert days["item_label"] == "Day"
    assert days["fields"][0]["renamed_from"] == ["day", "when"]
    assert "renamed_from" not in days["fields"][1]


@pytest.mark.parametrize(
    ("renamed", "message"),
    [
        ("[Feeling!]", "worksheets/mood.yml:10: fields[0].renamed_from[0]: "),
        ("[]", "worksheets/mood.yml:10: fields[0].renamed_from: "),
        ("feeling", "worksheets/mood.yml:10: fields[0].renamed_from: "),
        ("[days]", "worksheets/mood.yml:10: fields[0].renamed_from: 'days' is still the id of a field here"),
    ],
)
def test_a_bad_renamed_from_names_file_line_and_field(tmp_path, renamed, message):
    text = SHEET.replace("    id: word\n", f"    id: word\n    renamed_from: {renamed}\n")
    found = problems(write(tmp_path, text))
    assert any(p.startswith(message) for p in found), found


def test_two_fields_cannot_claim_the_same_old_id(tmp_path):
    text = SHEET.replace("    id: word\n", "    id: word\n    renamed_from: [old]\n").replace(
        "    id: days\n", "    id: days\n    renamed_from: [old]\n"
    )
    found = problems(write(tmp_path, text))
    assert any("'old' is already claimed by field 'word'" in p for p in found), found


def gathering(gathers: str) -> str:
    """The sheet with its one-word question now asked per day: the days group gathers it."""
    return SHEET.replace("    id: days\n", f"    id: days\n    gathers: {gathers}\n")


def test_gathers_moves_into_the_definition_the_browser_reads(tmp_path):
    text = gathering("[feeling, level]").replace("    id: word\n", "    id: mood-word\n").replace(
        "        id: date\n", "        id: date\n        renamed_from: [feeling]\n"
    )
    sheet = load_worksheets(write(tmp_path, text), COMPONENTS)["mood"]
    days = sheet.definition()["fields"][1]
    assert days["gathers"] == ["feeling", "level"]
    assert "gathers" not in sheet.fields[1].params  # the form's HTML does not carry it twice


@pytest.mark.parametrize(
    ("gathers", "message"),
    [
        ("[mood]", "worksheets/mood.yml:13: fields[1].gathers[0]: 'mood' is not a field of this group (its fields: date, level)"),
        ("[level, word]", "worksheets/mood.yml:13: fields[1].gathers[1]: 'word' is not a field of this group"),
        ("[]", "worksheets/mood.yml:13: fields[1].gathers: "),
        ("level", "worksheets/mood.yml:13: fields[1].gathers: "),
        ("[Level]", "worksheets/mood.yml:13: fields[1].gathers[0]: "),
    ],
)
def test_a_bad_gathers_names_file_line_and_field(tmp_path, gathers, message):
    found = problems(write(tmp_path, gathering(gathers)))
    assert any(p.startswith(message) for p in found), found


def test_a_gathered_id_must_not_still_be_asked_at_the_top(tmp_path):
    text = gathering("[word]").replace("        id: level\n", "        id: level\n        renamed_from: [word]\n")
    found = problems(write(tmp_path, text))
    assert found == [
        "worksheets/mood.yml:13: fields[1].gathers[0]: 'word' is still the id of a field here, so its answers cannot move"
    ]


def test_a_gathered_id_is_claimed_once(tmp_path):
    text = gathering("[level]").replace("    id: word\n", "    id: word\n    renamed_from: [level]\n")
    found = problems(write(tmp_path, text))
    assert found == ["worksheets/mood.yml:14: fields[1].gathers[0]: 'level' is already claimed by field 'word'"]


def test_only_a_group_may_gather(tmp_path):
    found = problems(write(tmp_path, SHEET.replace("    id: word\n", "    id: word\n    gathers: [level]\n")))
    assert any(p.startswith("worksheets/mood.yml:") and "gathers" in p for p in found), found
