"""The browser's record model (record.js, merge.js; run in Node) against properties and Python.

One set of blank values is checked in both runtimes, so the insight Python and the browser
agree on what counts as an empty answer. fast-check runs the browser's properties over
generated records; Hypothesis generates the records a worksheet's form can write and checks
that Python's backup reader and the browser's record reader take them the same way.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import REPO

from onward.backup import read_backup
from onward.components import load_components
from onward.paths import bundled
from onward.worksheets import load_worksheets

sys.path.insert(0, str(REPO / "worksheets"))
from onward_insights._answers import is_blank_value  # noqa: E402

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is installed with the npm packages by make test")
BLANKS: list[dict[str, Any]] = json.loads((REPO / "tests" / "fixtures" / "blank-values.json").read_text())
DEFINITIONS = [sheet.definition() for sheet in load_worksheets(bundled("worksheets"), load_components(bundled("macros"))).values()]


def run_module(tmp_path: Path, module: str, function: str, cases: list[list[Any]]) -> list[Any]:
    file = tmp_path / f"{function}.json"
    file.write_text(json.dumps(cases))
    script = REPO / "tests" / "node" / "run_module.mjs"
    result = subprocess.run([NODE, str(script), module, function, str(file)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.mark.parametrize("case", BLANKS, ids=lambda case: json.dumps(case["value"]))
def test_python_knows_a_blank_answer(case: dict[str, Any]) -> None:
    assert is_blank_value(case["value"]) is case["blank"]


def test_the_browser_knows_the_same_blank_answers(tmp_path: Path) -> None:
    verdicts = run_module(tmp_path, "values.js", "isBlank", [[case["value"]] for case in BLANKS])
    assert verdicts == [case["blank"] for case in BLANKS]


def test_the_browser_properties_hold(tmp_path: Path) -> None:
    definitions = tmp_path / "definitions.json"
    definitions.write_text(json.dumps(DEFINITIONS))
    script = REPO / "tests" / "node" / "record_properties.mjs"
    result = subprocess.run([NODE, str(script), str(definitions), "300"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert result.stdout.count("ok ") == 6, result.stdout


def test_keys_that_name_object_methods_are_answers_like_any_other(tmp_path: Path) -> None:
    definition = {"id": "plan", "title": "Plan", "version": 1, "fields": [{"id": "goal", "type": "short_text", "label": "Goal"}]}
    stored = {"format": 2, "worksheet": "plan", "version": 1, "updated": None,
              "answers": {"goal": "Apply", "toString": "mine", "valueOf": 3, "hasOwnProperty": ["x"]}}
    [opened] = run_module(tmp_path, "record.js", "openRecord", [[json.dumps(stored), definition]])
    retired = opened["record"]["retired"]
    assert {item["question"]: item["value"] for item in retired.values()} == {"toString": "mine", "valueOf": 3, "hasOwnProperty": ["x"]}
    [text] = run_module(tmp_path, "values.js", "valueText", [[retired["toString"]["value"]]])
    assert "function" not in text


# ---- Records a form can write, from Hypothesis --------------------------------------------

def value_for(field: dict[str, Any]) -> st.SearchStrategy[Any]:
    options = [value for value, _ in field.get("options", [])]
    kind = field["type"]
    if kind in ("short_text", "long_text"):
        return st.text(max_size=30)
    if kind == "date":
        return st.one_of(st.just(""), st.dates().map(lambda day: day.isoformat()).filter(lambda text: len(text) == 10))
    if kind == "single_choice":
        return st.one_of(st.none(), st.sampled_from(options))
    if kind in ("multiple_choice", "checklist"):
        return st.lists(st.sampled_from(options), unique=True).map(lambda picked: [o for o in options if o in picked])
    if kind == "scale":
        return st.one_of(st.none(), st.sampled_from(list(range(field["min"], field["max"] + 1, field["step"]))))
    if kind == "group":
        return st.lists(answers_for(field.get("fields", [])), max_size=3)
    raise AssertionError(kind)


def answers_for(fields: list[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({}, optional={field["id"]: value_for(field) for field in fields})


@st.composite
def written_records(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    definition = draw(st.sampled_from(DEFINITIONS))
    answers = draw(answers_for(definition["fields"]))
    entries = {key: [f"e{index}" for index in range(len(value))] for key, value in answers.items() if isinstance(value, list) and value and isinstance(value[0], dict)}
    record = {"format": 2, "worksheet": definition["id"], "version": definition["version"], "updated": "2026-12-01T10:00:00.000Z", "answers": answers}
    if entries:
        record["entries"] = entries
    return definition, record


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(written_records(), min_size=8, max_size=8))
def test_python_and_the_browser_read_every_written_record_the_same(tmp_path: Path, batch: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    cases = [[json.dumps(record), definition] for definition, record in batch]
    opened = run_module(tmp_path, "record.js", "openRecord", cases)
    for (definition, record), result in zip(batch, opened):
        assert "unreadable" not in result and not result["changed"]
        assert result["record"]["answers"] == record["answers"]
        assert result["record"].get("entries", {}) == record.get("entries", {})
        backup = read_backup(json.dumps(record).encode())
        assert backup["worksheets"][definition["id"]]["answers"] == record["answers"]
