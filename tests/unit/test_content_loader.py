"""Loading the guide: the real content loads, and each kind of mistake gets a precise message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from onward.components import load_components
from onward.content import load_guide
from onward.errors import ContentError
from onward.paths import bundled
from onward.worksheets import worksheet_ids

COMPONENTS = load_components(bundled("macros"))

HOME = """\
id: index
title: Home
summary: The start.
order: 0
sections:
  - id: start
    title: Start here
    blocks:
      - type: paragraph
        text: Read [the other page](other#part-two).
"""

OTHER = """\
id: other
title: Other
summary: Another page.
order: 10
sections:
  - id: part-one
    title: Part one
    blocks:
      - type: paragraph
        text: Hello.
  - id: part-two
    title: Part two
    blocks:
      - type: reason
        id: a-reason
        title: A reason
        text: Why.
        actions: [Do this.]
"""


def write_content(tmp_path: Path, **files: str) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    for name, text in {"index": HOME, "other": OTHER, **files}.items():
        if text is not None:
            (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def problems(folder: Path, worksheets: tuple[str, ...] = ()) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_guide(folder, COMPONENTS, worksheets, root=folder.parent)
    return [str(p) for p in caught.value.problems]


def test_the_real_guide_loads_in_order():
    guide = load_guide(bundled("content"), COMPONENTS, worksheet_ids(bundled("worksheets")))
    ids = [page.id for page in guide.pages]
    assert ids[0] == "index"
    assert set(ids) >= {"why-it-matters", "reasons", "feedback", "coping", "learning", "moving-forward", "closing"}
    assert [p.order for p in guide.pages] == sorted(p.order for p in guide.pages)


def test_a_valid_small_guide_loads_with_anchors(tmp_path):
    guide = load_guide(write_content(tmp_path), COMPONENTS)
    assert guide.anchors["other"] == {"part-one", "part-two", "a-reason"}
    assert guide.page("other").nav_title == "Other"


def test_unknown_block_type_lists_the_known_ones(tmp_path):
    folder = write_content(tmp_path, index=HOME.replace("type: paragraph", "type: paragraf"))
    [message] = problems(folder)
    assert message.startswith("content/index.yml:9: sections[0].blocks[0].type: unknown block type 'paragraf'")
    assert "known types: callout, links, list, paragraph, question_bank, questions, quote, reason" in message


def test_layout_components_are_not_block_types(tmp_path):
    folder = write_content(tmp_path, index=HOME.replace("type: paragraph", "type: help"))
    [message] = problems(folder)
    assert "unknown block type 'help'" in message


def test_missing_field(tmp_path):
    folder = write_content(tmp_path, other=OTHER.replace("        title: A reason\n", ""))
    assert problems(folder) == ["content/other.yml:14: sections[1].blocks[0]: 'title' is required"]


def test_extra_field(tmp_path):
    folder = write_content(tmp_path, other=OTHER.replace("        text: Hello.\n", "        text: Hello.\n        colour: red\n"))
    [message] = problems(folder)
    assert message == "content/other.yml:11: sections[0].blocks[0].colour: unexpected field 'colour' (allowed: text, type)"


def test_wrong_type(tmp_path):
    folder = write_content(tmp_path, other=OTHER.replace("actions: [Do this.]", "actions: Do this."))
    assert problems(folder) == ["content/other.yml:18: sections[1].blocks[0].actions: should be a list, not text"]


def test_wrong_choice(tmp_path):
    callout = "      - type: callout\n        style: loud\n        text: Hi.\n"
    folder = write_content(tmp_path, index=HOME + callout)
    [message] = problems(folder)
    assert message.startswith("content/index.yml:12: sections[0].blocks[1].style: 'loud' is not one of the options")


def test_missing_page_field(tmp_path):
    folder = write_content(tmp_path, other=OTHER.replace("summary: Another page.\n", ""))
    assert problems(folder) == ["content/other.yml:1: (top level): 'summary' is required"]


def test_duplicate_id_names_both_places(tmp_path):
    folder = write_content(tmp_path, other=OTHER.replace("id: a-reason", "id: part-one"))
    assert problems(folder) == [
        "content/other.yml:15: sections[1].blocks[0].id: duplicate id 'part-one' (already used at content/other.yml:6)"
    ]


def test_duplicate_id_across_files(tmp_path):
    folder = write_content(tmp_path, other=OTHER.replace("id: part-one", "id: start"))
    [message] = problems(folder)
    assert "duplicate id 'start' (already used at content/index.yml:6)" in message


def test_link_to_a_page_that_does_not_exist(tmp_path):
    folder = write_content(tmp_path, index=HOME.replace("other#part-two", "elsewhere"))
    [message] = problems(folder)
    assert message == "content/index.yml:10: sections[0].blocks[0].text: link to 'elsewhere': there is no page 'elsewhere'"


def test_a_near_miss_gets_a_suggestion(tmp_path):
    folder = write_content(tmp_path, index=HOME.replace("other#part-two", "othr#part-two"))
    [message] = problems(folder)
    assert message.endswith("there is no page 'othr'; did you mean 'other'?")


def test_link_to_a_section_that_does_not_exist(tmp_path):
    folder = write_content(tmp_path, index=HOME.replace("other#part-two", "other#part-three"))
    assert problems(folder) == [
        "content/index.yml:10: sections[0].blocks[0].text: link to 'other#part-three': "
        "page 'other' has no section or item 'part-three'; did you mean 'part-two'?"
    ]


def test_link_written_as_a_file_gets_a_hint(tmp_path):
    folder = write_content(tmp_path, index=HOME.replace("other#part-two", "other.md"))
    [message] = problems(folder)
    assert "should be a page id or page-id#section-id" in message


def test_external_links_are_left_alone(tmp_path):
    folder = write_content(tmp_path, index=HOME.replace("other#part-two", "https://example.org/help"))
    load_guide(folder, COMPONENTS)


def test_links_block_targets_are_checked(tmp_path):
    links = "      - type: links\n        items:\n          - {to: 'other#nowhere', label: Go}\n"
    folder = write_content(tmp_path, index=HOME + links)
    [message] = problems(folder)
    assert message.startswith("content/index.yml:13: sections[0].blocks[1].items[0].to: link to 'other#nowhere'")


def test_link_to_a_worksheet_that_does_not_exist(tmp_path):
    block = "      - type: worksheet_link\n        worksheet: mood-diary\n        text: Try it.\n"
    folder = write_content(tmp_path, index=HOME + block)
    assert problems(folder, worksheets=("thought-record",)) == [
        "content/index.yml:12: sections[0].blocks[1].worksheet: no worksheet with id 'mood-diary' (known: thought-record)"
    ]


def test_invalid_yaml_syntax(tmp_path):
    folder = write_content(tmp_path, other="id: other\ntitle: [unclosed\n")
    [message] = problems(folder)
    assert message.startswith("content/other.yml:3: (top level): invalid YAML:")


def test_id_must_match_the_file_name(tmp_path):
    folder = write_content(tmp_path, other=OTHER.replace("id: other\n", "id: another\n"))
    found = problems(folder)
    assert "content/other.yml:1: id: 'another' should match the file name 'other.yml'" in found


def test_every_problem_is_reported_at_once(tmp_path):
    broken_other = OTHER.replace("summary: Another page.\n", "")
    folder = write_content(tmp_path, index=HOME.replace("type: paragraph", "type: nope"), other=broken_other)
    assert len(problems(folder)) == 2


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(ContentError, match="holds no .yml pages"):
        load_guide(tmp_path, COMPONENTS)


def test_a_worksheet_is_shown_once_per_page(tmp_path):
    block = "      - type: worksheet\n        worksheet: mood\n"
    folder = write_content(tmp_path, index=HOME + block + block)
    assert problems(folder, worksheets=("mood",)) == [
        "content/index.yml:14: sections[0].blocks[2].worksheet: worksheet 'mood' is already shown on this page"
    ]
