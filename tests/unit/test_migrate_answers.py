"""Stored answers follow a changed worksheet (migrate.js, run in Node): nothing is dropped."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from support import REPO

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is installed with the npm packages by make test")

DEFINITION = {
    "id": "plan",
    "title": "Plan",
    "version": 2,
    "fields": [
        {"id": "goal", "type": "short_text", "label": "Your goal", "renamed_from": ["aim"]},
        {"id": "mood", "type": "single_choice", "label": "Mood", "options": [["calm", "Calm"], ["tense", "Tense"]]},
        {"id": "steps", "type": "checklist", "label": "Steps", "options": [["ask", "Ask"], ["apply", "Apply"]]},
        {"id": "score", "type": "scale", "label": "Confidence"},
        {
            "id": "contacts",
            "type": "group",
            "label": "People",
            "item_label": "Person",
            "fields": [{"id": "name", "type": "short_text", "label": "Name", "renamed_from": ["who"]}],
        },
    ],
}


def record(answers: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"format": 1, "worksheet": "plan", "version": 1, "updated": None, "answers": answers, **extra}


def migrate(*records: dict[str, Any], tmp_path: Path) -> list[dict[str, Any]]:
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([[r, DEFINITION] for r in records]))
    script = REPO / "tests" / "node" / "run_module.mjs"
    result = subprocess.run(
        [NODE, str(script), "migrate.js", "migrate", str(cases)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_answers_that_still_fit_stay_and_nothing_changes(tmp_path: Path) -> None:
    answers = {"goal": "A job in a library", "mood": "calm", "steps": ["ask"], "score": 4, "contacts": [{"name": "Ana"}]}
    [result] = migrate(record(answers, version=2), tmp_path=tmp_path)
    assert result["changed"] is False
    assert result["record"]["answers"] == answers
    assert "retired" not in result["record"]


def test_a_renamed_field_takes_its_old_answers(tmp_path: Path) -> None:
    [result] = migrate(record({"aim": "Work with books", "contacts": [{"who": "Sam"}]}), tmp_path=tmp_path)
    assert result["record"]["answers"] == {"goal": "Work with books", "contacts": [{"name": "Sam"}]}
    assert result["changed"] is True and result["record"]["version"] == 2


def test_a_rename_never_writes_over_an_answer_under_the_new_id(tmp_path: Path) -> None:
    [result] = migrate(record({"aim": "old words", "goal": "new words"}, questions={"aim": "Your aim"}), tmp_path=tmp_path)
    assert result["record"]["answers"] == {"goal": "new words"}
    assert result["record"]["retired"] == {"aim": {"question": "Your aim", "value": "old words"}}


def test_answers_to_removed_or_changed_questions_are_kept_with_their_wording(tmp_path: Path) -> None:
    answers = {"hobby": "Chess", "mood": "angry", "score": "high", "steps": ["ask", "wait"]}
    [result] = migrate(record(answers, questions={"hobby": "What do you enjoy?"}), tmp_path=tmp_path)
    assert result["record"]["answers"] == {"steps": ["ask"]}
    assert result["record"]["retired"] == {
        "hobby": {"question": "What do you enjoy?", "value": "Chess"},
        "mood": {"question": "Mood", "value": "angry"},
        "score": {"question": "Confidence", "value": "high"},
        "steps": {"question": "Steps", "value": ["wait"]},
    }


def test_a_removed_field_inside_a_group_is_kept_per_entry(tmp_path: Path) -> None:
    entries = [{"name": "Ana", "phone": "01632 960001"}, {"name": "Bo", "phone": ""}]
    [result] = migrate(record({"contacts": entries}, questions={"contacts.phone": "Phone"}), tmp_path=tmp_path)
    assert result["record"]["answers"] == {"contacts": [{"name": "Ana"}, {"name": "Bo"}]}
    assert result["record"]["retired"] == {"contacts.1.phone": {"question": "Person 1: Phone", "value": "01632 960001"}}


def test_earlier_retired_answers_are_kept_and_never_overwritten(tmp_path: Path) -> None:
    earlier = {"hobby": {"question": "Old wording", "value": "Chess"}}
    [result] = migrate(record({"hobby": "Go"}, retired=earlier), tmp_path=tmp_path)
    assert result["record"]["retired"] == {
        "hobby": {"question": "Old wording", "value": "Chess"},
        "hobby~2": {"question": "hobby", "value": "Go"},
    }


# ---- A question that becomes repeatable: its single answers become the first entry ---------------

KEPT_OVER_TIME = {
    "id": "diary",
    "title": "Diary",
    "version": 2,
    "fields": [
        {
            "id": "days",
            "type": "group",
            "label": "Days",
            "item_label": "Day",
            "gathers": ["feeling", "thought", "done"],
            "fields": [
                {"id": "date", "type": "date", "label": "Date"},
                {"id": "feeling", "type": "scale", "label": "How strong?"},
                {"id": "thought", "type": "long_text", "label": "The thought"},
                {
                    "id": "small-things",
                    "type": "checklist",
                    "label": "Small things",
                    "renamed_from": ["done"],
                    "options": [["walk", "A walk"], ["call", "A call"]],
                },
            ],
        },
        {"id": "plan", "type": "short_text", "label": "Plan"},
    ],
}


def run_node(function: str, cases: list[list[Any]], tmp_path: Path) -> list[Any]:
    file = tmp_path / f"{function}.json"
    file.write_text(json.dumps(cases))
    script = REPO / "tests" / "node" / "run_module.mjs"
    done = subprocess.run([NODE, str(script), "migrate.js", function, str(file)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def diary(answers: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"format": 1, "worksheet": "diary", "version": 1, "updated": None, "answers": answers, **extra}


def test_single_answers_become_the_first_entry_with_nothing_retired(tmp_path: Path) -> None:
    old = {"feeling": 70, "thought": "It will always go this way", "done": ["walk"], "plan": "Rest"}
    [result] = run_node("migrate", [[diary(old), KEPT_OVER_TIME]], tmp_path)
    assert result["changed"] is True
    assert result["record"]["version"] == 2
    assert result["record"]["answers"] == {
        "days": [{"feeling": 70, "thought": "It will always go this way", "small-things": ["walk"]}],
        "plan": "Rest",
    }
    assert "retired" not in result["record"]


def test_entries_already_in_the_group_follow_the_gathered_one(tmp_path: Path) -> None:
    old = {"thought": "First words", "days": [{"date": "2026-11-20", "thought": "Later words"}]}
    [result] = run_node("migrate", [[diary(old), KEPT_OVER_TIME]], tmp_path)
    assert result["record"]["answers"]["days"] == [{"thought": "First words"}, {"date": "2026-11-20", "thought": "Later words"}]


def test_empty_single_answers_make_no_entry(tmp_path: Path) -> None:
    [result] = run_node("migrate", [[diary({"thought": "", "done": [], "feeling": None, "plan": "Rest"}), KEPT_OVER_TIME]], tmp_path)
    assert result["record"]["answers"] == {"plan": "Rest"}
    assert "retired" not in result["record"]


def test_a_gathered_answer_that_no_longer_fits_is_kept_aside_with_its_entry(tmp_path: Path) -> None:
    old = {"thought": "Words", "done": ["walk", "swim"]}
    [result] = run_node("migrate", [[diary(old, questions={"done": "What did you do?"}), KEPT_OVER_TIME]], tmp_path)
    assert result["record"]["answers"]["days"] == [{"thought": "Words", "small-things": ["walk"]}]
    assert result["record"]["retired"] == {"days.1.small-things": {"question": "Day 1: Small things", "value": ["swim"]}}


def test_with_something_unreadable_under_the_group_the_single_answers_are_kept_aside(tmp_path: Path) -> None:
    old = {"thought": "Words", "days": "not a list"}
    [result] = run_node("migrate", [[diary(old, questions={"thought": "The thought"}), KEPT_OVER_TIME]], tmp_path)
    assert "days" not in result["record"]["answers"]
    assert result["record"]["retired"] == {
        "thought": {"question": "The thought", "value": "Words"},
        "days": {"question": "Days", "value": "not a list"},
    }


def test_gather_alone_returns_the_same_record_when_there_is_nothing_to_gather(tmp_path: Path) -> None:
    current = {"format": 1, "worksheet": "diary", "version": 2, "updated": None, "answers": {"days": [{"thought": "x"}]}}
    gathered, untouched = run_node(
        "gather", [[diary({"feeling": 30}), KEPT_OVER_TIME], [current, KEPT_OVER_TIME]], tmp_path
    )
    assert gathered["answers"] == {"days": [{"feeling": 30}]} and gathered["version"] == 1
    assert untouched == current
    [plain] = run_node("migrate", [[record({"goal": "A job"}, version=2), DEFINITION]], tmp_path)
    assert plain["changed"] is False
