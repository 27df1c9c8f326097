"""Worksheet insights: every result has the agreed shape, bad shapes give clear errors, output is deterministic.

Behaviour of each worksheet is tested in test_insights_worksheets.py, which reuses the
result validator defined here.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from insights_package import PACKAGE, onward_insights
from onward_insights import WORKSHEETS, run, run_json
from onward_insights._answers import AnswerShapeError, RequestError

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-26"
FIXTURES = sorted((REPO / "tests" / "fixtures" / "insights").rglob("*.json"))
UNEXPECTED_ERROR = (
    "Something went wrong while looking at these answers. They are still saved in this browser, unchanged."
)


def module_of(worksheet: str):
    return importlib.import_module(onward_insights.module_name(worksheet))


# ---- What exists in the guide and the worksheets -------------------------------------------


def load_yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def guide_anchors() -> dict[str, set[str]]:
    """Page id -> section ids, plus the reason anchors on the reasons page, read from content/*.yml."""
    anchors: dict[str, set[str]] = {}
    for path in sorted((REPO / "content").glob("*.yml")):
        page = load_yaml(path)
        ids = set()
        for section in page.get("sections", []):
            ids.add(section["id"])
            for block in section.get("blocks", []):
                if block.get("type") == "reason":
                    ids.add(block["id"])
        anchors[page["id"]] = ids
    return anchors


ANCHORS = guide_anchors()
SHEETS = {path.stem: load_yaml(path) for path in sorted((REPO / "worksheets").glob("*.yml"))}


def is_known_target(target: str) -> bool:
    if target.startswith("worksheets/"):
        return target.removeprefix("worksheets/") in SHEETS
    page, hash_, section = target.partition("#")
    return page in ANCHORS and (not hash_ or section in ANCHORS[page])


# ---- The result validator -------------------------------------------------------------------

BLOCK_KEYS = {
    "paragraph": {"kind", "text"},
    "list": {"kind", "title", "items"},
    "prompt": {"kind", "text"},
    "next_steps": {"kind", "title", "items"},
    "table": {"kind", "caption", "columns", "rows"},
    "chart": {"kind", "title", "description", "svg", "table"},
    "draft": {"kind", "title", "to", "subject", "body"},
    "calendar": {"kind", "title", "filename", "events", "ics"},
}
SVG_TAGS = {"svg", "g", "rect", "line", "text", "title", "desc"}
SVG_ATTRIBUTES = {
    "viewBox", "role", "aria-labelledby", "id", "class", "x", "y", "x1", "y1", "x2", "y2", "width", "height",
    "rx", "fill", "stroke", "stroke-width", "font-size", "text-anchor", "dominant-baseline", "transform",
}  # fmt: skip
CHART_CLASSES = {"onward-chart__bar", "onward-chart__axis", "onward-chart__label"}


def is_text(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def check_table(block: dict[str, Any]) -> None:
    assert set(block) == BLOCK_KEYS["table"], block.keys()
    assert block["kind"] == "table"
    assert is_text(block["caption"])
    assert block["columns"] and all(is_text(column) for column in block["columns"])
    assert isinstance(block["rows"], list) and block["rows"]
    for row in block["rows"]:
        assert isinstance(row, list) and len(row) == len(block["columns"]), row
        for cell in row:
            assert isinstance(cell, (str, int)) and not isinstance(cell, bool), cell


def walk_svg(node: dict[str, Any], found: list[dict[str, Any]]) -> None:
    """Check every element and text node, collecting elements for the caller."""
    if set(node) == {"text"}:
        assert isinstance(node["text"], str)
        return
    assert set(node) == {"tag", "attrs", "children"}, node.keys()
    assert node["tag"] in SVG_TAGS, node["tag"]
    assert isinstance(node["attrs"], dict)
    for name, value in node["attrs"].items():
        assert name in SVG_ATTRIBUTES, name
        assert isinstance(value, str), (name, value)
    if "fill" in node["attrs"]:
        assert node["attrs"]["fill"] in ("currentColor", "none"), node["attrs"]["fill"]
    if "stroke" in node["attrs"]:
        assert node["attrs"]["stroke"] == "currentColor"
    if "class" in node["attrs"]:
        assert set(node["attrs"]["class"].split()) <= CHART_CLASSES
    assert isinstance(node["children"], list)
    found.append(node)
    for child in node["children"]:
        walk_svg(child, found)


def check_chart(block: dict[str, Any]) -> None:
    assert set(block) == BLOCK_KEYS["chart"]
    assert is_text(block["title"]) and is_text(block["description"])
    svg = block["svg"]
    elements: list[dict[str, Any]] = []
    walk_svg(svg, elements)
    assert svg["tag"] == "svg"
    assert svg["attrs"]["role"] == "img"
    assert re.fullmatch(r"0 0 \d+ \d+", svg["attrs"]["viewBox"])
    labelled_by = svg["attrs"]["aria-labelledby"].split()
    own = {child["attrs"].get("id"): child["tag"] for child in svg["children"] if "tag" in child}
    assert sorted(own[i] for i in labelled_by) == ["desc", "title"], labelled_by
    assert all(i.startswith("onward-chart-") for i in labelled_by)
    ids = [element["attrs"]["id"] for element in elements if "id" in element["attrs"]]
    assert len(ids) == len(set(ids))
    check_table(block["table"])
    # The table holds the same data as the bars: one row per bar group, values drawn as labels.
    groups = [child for child in svg["children"] if child.get("tag") == "g"]
    assert len(groups) == len(block["table"]["rows"])
    for group, row in zip(groups, block["table"]["rows"], strict=True):
        words = [
            grandchild["text"] for text in group["children"] if text["tag"] == "text" for grandchild in text["children"]
        ]
        assert words == [str(cell) for cell in row]


def check_next_steps(block: dict[str, Any]) -> None:
    assert is_text(block["title"])
    assert isinstance(block["items"], list) and block["items"]
    for item in block["items"]:
        assert set(item) == {"text", "target"}, item
        assert is_text(item["text"])
        assert is_known_target(item["target"]), item["target"]


def check_calendar(block: dict[str, Any], today: str) -> None:
    assert is_text(block["title"])
    assert re.fullmatch(r"[a-z0-9-]+\.ics", block["filename"])
    assert isinstance(block["events"], int) and block["events"] >= 1
    events = parse_ics(block["ics"], today)
    assert len(events) == block["events"]


def check_block(block: dict[str, Any], today: str) -> None:
    kind = block.get("kind")
    assert kind in BLOCK_KEYS, kind
    assert set(block) == BLOCK_KEYS[kind], (kind, block.keys())
    if kind in ("paragraph", "prompt"):
        assert is_text(block["text"])
    elif kind == "list":
        assert is_text(block["title"])
        assert block["items"] and all(is_text(item) for item in block["items"])
    elif kind == "next_steps":
        check_next_steps(block)
    elif kind == "table":
        check_table(block)
    elif kind == "chart":
        check_chart(block)
    elif kind == "draft":
        assert is_text(block["title"]) and is_text(block["subject"]) and is_text(block["body"])
        assert isinstance(block["to"], str)
    elif kind == "calendar":
        check_calendar(block, today)


def no_floats(value: object) -> bool:
    """Floats could print differently across runtimes; results never need them."""
    if isinstance(value, float):
        return False
    if isinstance(value, dict):
        return all(no_floats(item) for item in value.values())
    if isinstance(value, list):
        return all(no_floats(item) for item in value)
    return True


def check_result(result: dict[str, Any], worksheet: str, today: str = TODAY) -> dict[str, Any]:
    """Assert that a result has exactly the agreed shape; returns it for chaining."""
    assert set(result) == {"worksheet", "summary", "blocks"}, result.keys()
    assert result["worksheet"] == worksheet
    assert is_text(result["summary"])
    assert isinstance(result["blocks"], list)
    for block in result["blocks"]:
        check_block(block, today)
    assert no_floats(result)
    json.dumps(result, ensure_ascii=False)
    return result


# ---- An iCalendar checker ------------------------------------------------------------------

CONTENT_LINE = re.compile(r"\A([A-Z][A-Z0-9-]*)((?:;[A-Z-]+=[^;:]*)*):(.*)\Z")


def unescape_text(value: str) -> str:
    """Undo RFC 5545 TEXT escaping, failing on anything left unescaped."""
    out = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            assert following in "\\;,nN", f"bad escape \\{following}"
            out.append("\n" if following in "nN" else following)
        else:
            assert char not in ";,", f"unescaped {char!r} in {value!r}"
            out.append(char)
    return "".join(out)


def parse_ics(ics: str, today: str) -> list[dict[str, str]]:
    """Check an .ics file's line structure and return its events as {property: unescaped value}."""
    assert ics.endswith("\r\n")
    physical = ics[:-2].split("\r\n")
    for line in physical:
        assert "\n" not in line and "\r" not in line, line
        assert len(line.encode("utf-8")) <= 75, line
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    assert logical[0] == "BEGIN:VCALENDAR" and logical[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in logical
    assert any(line.startswith("PRODID:") for line in logical)
    assert not any("VALARM" in line or line.startswith("TRIGGER") for line in logical)
    stamp = today.replace("-", "") + "T000000Z"
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in logical:
        match = CONTENT_LINE.match(line)
        assert match, line
        name, params, value = match.groups()
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            key = name + params
            assert key not in current, key
            current[key] = unescape_text(value) if name in ("SUMMARY", "DESCRIPTION") else value
    for event in events:
        assert event["UID"].endswith("@onward")
        assert event["DTSTAMP"] == stamp
        start = date(
            int(event["DTSTART;VALUE=DATE"][:4]),
            int(event["DTSTART;VALUE=DATE"][4:6]),
            int(event["DTSTART;VALUE=DATE"][6:]),
        )
        end = start + timedelta(days=1)
        assert event["DTEND;VALUE=DATE"] == f"{end:%Y%m%d}"
        assert event["SUMMARY"].strip()
    uids = [event["UID"] for event in events]
    assert len(uids) == len(set(uids))
    return events


# ---- Helpers for the tests ------------------------------------------------------------------


def run_ok(worksheet: str, answers: dict[str, Any], today: str = TODAY) -> dict[str, Any]:
    """Run through the JSON boundary, as the page does, and validate the result."""
    output = run_json(json.dumps({"worksheet": worksheet, "answers": answers, "today": today}))
    result = json.loads(output)
    assert "error" not in result, result
    return check_result(result, worksheet, today)


def run_error(worksheet: str, answers: object, today: str = TODAY) -> str:
    """Run through the JSON boundary and return the error sentence."""
    result = json.loads(run_json(json.dumps({"worksheet": worksheet, "answers": answers, "today": today})))
    assert set(result) == {"worksheet", "error"}, result
    assert result["worksheet"] == worksheet
    assert result["error"].endswith("."), result["error"]
    return result["error"]


def blocks_of(result: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [block for block in result["blocks"] if block["kind"] == kind]


def targets(result: dict[str, Any]) -> list[str]:
    return [item["target"] for block in blocks_of(result, "next_steps") for item in block["items"]]


def all_text(result: dict[str, Any]) -> str:
    """Every string in a result, joined, for wording checks."""
    strings: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(result)
    return "\n".join(strings)


def blank_answers(worksheet: str) -> dict[str, Any]:
    """Every field present but empty, as the form stores it after clearing: "" / None / [] / one blank entry."""
    answers: dict[str, Any] = {}

    def blank(field: dict[str, Any]) -> Any:
        kind = field["type"]
        if kind in ("short_text", "long_text", "date"):
            return ""
        if kind in ("single_choice", "scale"):
            return None
        if kind in ("multiple_choice", "checklist"):
            return []
        if kind == "group":
            return [{child["id"]: blank(child) for child in field["fields"] if child["type"] != "note"}]
        raise AssertionError(kind)

    for field in SHEETS[worksheet]["fields"]:
        if field["type"] != "note":
            answers[field["id"]] = blank(field)
    return answers


# ---- The API -------------------------------------------------------------------------------


def test_worksheets_lists_exactly_the_worksheet_files():
    """Every worksheet of the reference site has a module, found by its name; no list repeats them."""
    assert set(WORKSHEETS) == set(SHEETS)
    assert isinstance(WORKSHEETS, tuple)
    modules = {path.stem.replace("_", "-") for path in PACKAGE.glob("*.py") if not path.stem.startswith("_")}
    assert modules == set(SHEETS)


@pytest.mark.parametrize("worksheet", sorted(SHEETS))
def test_run_dispatches_to_the_module_named_after_the_worksheet(worksheet):
    module = module_of(worksheet)
    assert module.__name__ == "onward_insights." + worksheet.replace("-", "_")
    assert run(worksheet, {}, TODAY) == module.insights({}, TODAY)
    assert run(worksheet, {}, TODAY)["worksheet"] == worksheet


@pytest.mark.parametrize("name", ["_facts", "_i18n", "__init__", "../rejection-log", "Rejection-Log", "rejection_log"])
def test_only_a_worksheet_id_reaches_a_module(name):
    assert onward_insights.insight_module(name) is None
    assert run_error(name, {}).startswith("There are no insights for a worksheet called")


def test_the_package_keeps_no_copy_of_the_yaml():
    """Section ids, worksheet ids and option labels come from site_facts.json, never from the code."""
    labels: set[str] = set()
    ids: set[str] = set(SHEETS)

    def collect(fields: list[dict[str, Any]]) -> None:
        for field in fields:
            labels.update(option["label"] for option in field.get("options", []))
            ids.update([field["id"], *(option["value"] for option in field.get("options", []))])
            collect(field.get("fields", []))

    for sheet in SHEETS.values():
        collect(sheet["fields"])
    # A field id or option value may share its name with a section (the reasons); a bare section id may not.
    sections = {section for page in ANCHORS.values() for section in page} - ids
    for path in sorted(PACKAGE.glob("*.py")):
        strings = {
            node.value
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        assert not strings & labels, (path.name, strings & labels)
        targets = {value.partition("#")[2] for value in strings if "#" in value}
        assert not {value for value in strings if value in sections} - targets, path.name


def test_the_package_uses_only_the_standard_library_and_never_reads_the_clock():
    stdlib = set(sys.stdlib_module_names)
    for path in sorted(PACKAGE.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert alias.name.split(".")[0] in stdlib, (path.name, alias.name)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                assert node.module.split(".")[0] in stdlib | {"__future__"}, (path.name, node.module)
        for forbidden in ("date.today", "datetime.now", "datetime.utcnow", "time.time", "random", "uuid"):
            assert forbidden not in source, (path.name, forbidden)


def test_every_module_has_an_insights_function_with_type_hints_and_docstrings():
    for worksheet in WORKSHEETS:
        module = module_of(worksheet)
        assert module.__doc__
        assert module.insights.__doc__
        hints = module.insights.__annotations__
        assert set(hints) == {"answers", "today", "return"}


# ---- Shape of results for every worksheet -----------------------------------------------------


@pytest.mark.parametrize("worksheet", sorted(SHEETS))
def test_empty_answers_give_a_kind_valid_result(worksheet):
    result = run_ok(worksheet, {})
    assert "!" not in all_text(result)


@pytest.mark.parametrize("worksheet", sorted(SHEETS))
def test_every_field_present_but_blank_gives_the_same_result_as_no_answers(worksheet):
    """ "" everywhere, None for choices and scales, [] for lists and one all-empty group entry."""
    assert run_ok(worksheet, blank_answers(worksheet)) == run_ok(worksheet, {})


@pytest.mark.parametrize("worksheet", sorted(SHEETS))
def test_unknown_keys_are_ignored(worksheet):
    extra = {"question-removed-in-v2": "old answer", "another": [1, {"x": None}], "n": 3.5, "language": "fr"}
    fixture = REPO / "tests" / "fixtures" / "insights" / f"{worksheet}--full.json"
    answers = json.loads(fixture.read_text(encoding="utf-8"))["answers"]
    assert run_ok(worksheet, {**answers, **extra}) == run_ok(worksheet, answers)


@pytest.mark.parametrize("worksheet", sorted(SHEETS))
def test_explicit_nulls_read_as_unanswered(worksheet):
    nulls = {field["id"]: None for field in SHEETS[worksheet]["fields"] if field["type"] != "note"}
    assert run_ok(worksheet, nulls) == run_ok(worksheet, {})


@pytest.mark.parametrize("worksheet", sorted(SHEETS))
def test_whitespace_only_text_counts_as_empty(worksheet):
    answers = blank_answers(worksheet)
    for key, value in answers.items():
        if value == "":
            answers[key] = "  \n\t "
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            answers[key] = [{child: ("   " if v == "" else v) for child, v in value[0].items()}]
    assert run_ok(worksheet, answers) == run_ok(worksheet, {})


# ---- Fixtures --------------------------------------------------------------------------------


def test_there_are_at_least_three_fixtures_per_worksheet_including_empty_partial_and_full():
    names = [path.stem for path in FIXTURES if path.parent.name == "insights"]
    for worksheet in SHEETS:
        mine = [name for name in names if name.startswith(worksheet + "--")]
        assert len(mine) >= 3, worksheet
        for kind in ("empty", "partial", "full"):
            assert f"{worksheet}--{kind}" in mine


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_every_fixture_runs_without_error_and_validates(path):
    raw = path.read_text(encoding="utf-8")
    request = json.loads(raw)
    assert set(request) in ({"worksheet", "today", "answers"}, {"worksheet", "today", "answers", "language"})
    assert request["worksheet"] in SHEETS
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", request["today"])
    output = run_json(raw)
    result = json.loads(output)
    assert "error" not in result, result
    check_result(result, request["worksheet"], request["today"])
    assert output == json.dumps(result, ensure_ascii=False, sort_keys=True)


def test_full_fixtures_carry_unicode_emoji_newlines_and_markup():
    for worksheet in SHEETS:
        raw = (REPO / "tests" / "fixtures" / "insights" / f"{worksheet}--full.json").read_text(encoding="utf-8")
        answers = json.dumps(json.loads(raw)["answers"], ensure_ascii=False)
        assert "<script>" in answers, worksheet
        assert "\\n" in answers, worksheet
        assert re.search(r"[\U0001F300-\U0001FAFF]", answers), worksheet
        assert re.search(r"[À-ɏ]|[\u4e00-\u9fff]", answers), worksheet


def test_reader_markup_only_ever_appears_as_text_inside_text_fields():
    """A script payload passes through as plain text; nothing is turned into HTML or SVG markup."""
    for path in FIXTURES:
        result = json.loads(run_json(path.read_text(encoding="utf-8")))
        for chart in blocks_of(result, "chart"):
            assert "<" not in json.dumps(chart["svg"]["attrs"])
    partial = [p for p in FIXTURES if p.stem.endswith("--partial") or p.stem.endswith("--empty")]
    for path in partial:
        assert "<" not in run_json(path.read_text(encoding="utf-8")), path.name


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_our_wording_has_no_exclamation_marks(path):
    raw = path.read_text(encoding="utf-8")
    assert "!" not in raw  # so any "!" in the output would be ours
    assert "!" not in run_json(raw)


# ---- Determinism ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_run_json_is_byte_identical_for_the_same_input(path):
    raw = path.read_text(encoding="utf-8")
    first = run_json(raw)
    assert all(run_json(raw) == first for _ in range(3))
    assert run_json(json.dumps(json.loads(raw))) == first  # ASCII-escaped JSON gives the same result


@pytest.mark.parametrize("worksheet", sorted(SHEETS))
def test_key_order_in_the_answers_does_not_change_the_output(worksheet):
    raw = (REPO / "tests" / "fixtures" / "insights" / f"{worksheet}--full.json").read_text(encoding="utf-8")
    request = json.loads(raw)

    def reversed_keys(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: reversed_keys(value[key]) for key in reversed(list(value))}
        if isinstance(value, list):
            return [reversed_keys(item) for item in value]
        return value

    assert run_json(json.dumps(reversed_keys(request))) == run_json(raw)


def test_output_is_sorted_compact_json_with_unicode_kept():
    output = run_json(json.dumps({"worksheet": "strengths", "answers": {"strengths": ["kind"]}, "today": TODAY}))
    assert output == json.dumps(json.loads(output), ensure_ascii=False, sort_keys=True)
    fixture = (REPO / "tests" / "fixtures" / "insights" / "networking-plan--full.json").read_text(encoding="utf-8")
    assert "Siobhán 🌟" in run_json(fixture)


# ---- Errors at the boundary -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("worksheet", "answers", "named"),
    [
        ("rejection-log", {"applications": "Acme"}, "applications"),
        ("rejection-log", {"applications": {"organisation": "Acme"}}, "applications"),
        ("rejection-log", {"applications": ["Acme"]}, "applications"),
        ("rejection-log", {"applications": [{"stage": ["application"]}]}, "stage"),
        ("rejection-log", {"applications": [{"reasons": "competition"}]}, "reasons"),
        ("rejection-log", {"applications": [{"reasons": ["competition", 3]}]}, "reasons"),
        ("rejection-log", {"applications": [{}, {"feeling": 11}]}, "feeling"),
        ("rejection-log", {"applications": [{"organisation": 12}]}, "organisation"),
        ("thought-record", {"records": [{"emotion-before": 101}]}, "emotion-before"),
        ("thought-record", {"records": [{"emotion-after": -10}]}, "emotion-after"),
        ("thought-record", {"records": [{"belief": "50"}]}, "belief"),
        ("thought-record", {"records": [{"belief": True}]}, "belief"),
        ("thought-record", {"records": [{"belief": 45.5}]}, "belief"),
        ("thought-record", {"records": [{"traps": "labelling"}]}, "traps"),
        ("thought-record", {"records": [{"automatic-thought": ["I", "never"]}]}, "automatic-thought"),
        ("thought-record", {"records": {"situation": "x"}}, "records"),
        ("feedback-request", {"stage-date": 20261120}, "stage-date"),
        ("feedback-request", {"stage": ["application"]}, "stage"),
        ("feedback-request", {"topics": {"answers": True}}, "topics"),
        ("goals-plan", {"goals": [{"status": 1}]}, "status"),
        ("goals-plan", {"situation": {"text": "x"}}, "situation"),
        ("reasons-check", {"competition": 5}, "competition"),
        ("interview-self-review", {"nerves": 0}, "nerves"),
        ("self-care-plan", {"check-ins": [{"small-things": "water"}]}, "small-things"),
        ("self-care-plan", {"check-ins": [{"feeling": 11}]}, "feeling"),
        ("strengths", {"accomplishments": [{"what-it-shows": None}, []]}, "accomplishments"),
        ("networking-plan", {"people": [{"done": "contacted"}]}, "done"),
        ("learning-plan", {"skills": [{"by-when": ["2026-12-01"]}]}, "by-when"),
        ("expressive-writing", {"sessions": [{"feeling-after": 12}]}, "feeling-after"),
        ("expressive-writing", {"sessions": [{"feeling-before": -1}]}, "feeling-before"),
    ],
)
def test_impossible_shapes_give_a_clear_error_naming_the_field(worksheet, answers, named):
    error = run_error(worksheet, answers)
    assert f"“{named}”" in error, error
    with pytest.raises(AnswerShapeError):
        run(worksheet, answers, TODAY)


def test_an_error_inside_a_group_names_the_entry():
    error = run_error("rejection-log", {"applications": [{}, {}, {"feeling": 99}]})
    assert (
        error
        == "The answer for the field “feeling” in entry 3 of “applications” should be a whole number from 0 to 10, but it is 99."
    )


@pytest.mark.parametrize("answers", [[], "answers", 3, None, True])
def test_answers_that_are_not_an_object_give_an_error(answers):
    error = run_error("strengths", answers)
    assert "answers" in error


def test_an_unknown_worksheet_gives_an_error_result():
    result = json.loads(run_json(json.dumps({"worksheet": "mood-diary", "answers": {}, "today": TODAY})))
    assert result == {"worksheet": "mood-diary", "error": "There are no insights for a worksheet called “mood-diary”."}
    with pytest.raises(RequestError):
        run("mood-diary", {}, TODAY)


@pytest.mark.parametrize("today", ["26/11/2026", "2026-11-31", "", None, 20261126, "2026-11-26T10:00"])
def test_a_bad_date_for_today_gives_an_error_result(today):
    error = run_error("goals-plan", {}, today)
    assert "YYYY-MM-DD" in error


@pytest.mark.parametrize(
    "request_json",
    [
        "",
        "{",
        "[]",
        '"hello"',
        "null",
        '{"worksheet": ["goals-plan"], "answers": {}, "today": "2026-11-26"}',
        '{"worksheet": "thought-record", "answers": {"belief": NaN}, "today": "2026-11-26"}',
        '{"worksheet": "thought-record", "answers": {"belief": Infinity}, "today": "2026-11-26"}',
        '{"answers": {}, "today": "2026-11-26"}',
        "[" * 100_000,
    ],
)
def test_broken_requests_give_an_error_result_and_never_raise(request_json):
    result = json.loads(run_json(request_json))
    assert set(result) == {"worksheet", "error"}
    assert isinstance(result["worksheet"], str)
    assert result["error"].endswith(".")


def test_run_json_answers_in_json_even_for_non_text_input():
    result = json.loads(run_json(b'{"worksheet": "strengths"}'))  # type: ignore[arg-type]
    assert result["error"] == "The request should be JSON text."


def test_an_unexpected_failure_inside_still_returns_an_error_result(monkeypatch):
    def broken(answers, today):
        raise ZeroDivisionError

    monkeypatch.setattr(module_of("strengths"), "insights", broken)
    result = json.loads(run_json(json.dumps({"worksheet": "strengths", "answers": {}, "today": TODAY})))
    assert result == {"worksheet": "strengths", "error": UNEXPECTED_ERROR}


def test_broken_emoji_halves_are_replaced_rather_than_failing():
    request = '{"worksheet": "goals-plan", "today": "2026-11-26", "answers": {"goals": [{"goal": "Apply \\ud83d twice", "target-date": "2026-12-01"}]}}'
    output = run_json(request)
    output.encode("utf-8")  # would raise on a lone surrogate
    result = json.loads(output)
    assert "error" not in result
    assert "Apply \ufffd twice" in all_text(result)


def test_option_values_no_longer_in_the_form_are_ignored_rather_than_refused():
    """Saved answers can outlive an option; treating it as unanswered keeps old answers usable."""
    result = run_ok("rejection-log", {"applications": [{"stage": "phone-screen", "reasons": ["luck", "competition"]}]})
    assert blocks_of(result, "chart") == []
    assert run_ok("rejection-log", {"applications": [{"stage": "phone-screen"}]})["summary"].startswith(
        "You have logged one application."
    )


def test_deep_nesting_is_refused_before_decoding_but_brackets_in_text_are_fine():
    result = json.loads(run_json("[" * 5000 + "]" * 5000))
    assert result["error"] == "The request is nested far more deeply than any worksheet's answers can be."
    brackets = "[{" * 500 + " not nested at all"
    result = run_ok("goals-plan", {"goals": [{"goal": brackets}]})
    assert brackets in all_text(result)


# ---- The validator itself catches what it should ------------------------------------------------


def good_chart() -> dict[str, Any]:
    result = run_ok("reasons-check", {"competition": 3})
    return json.loads(json.dumps(blocks_of(result, "chart")[0]))


def good_calendar() -> dict[str, Any]:
    result = run_ok("goals-plan", {"goals": [{"goal": "Apply, then rest", "target-date": "2026-12-01"}]})
    return json.loads(json.dumps(blocks_of(result, "calendar")[0]))


def broken(block: dict[str, Any]) -> dict[str, Any]:
    return {"worksheet": "goals-plan", "summary": "Fine.", "blocks": [block]}


@pytest.mark.parametrize(
    "mutate",
    [
        lambda c: c["svg"]["children"].append({"tag": "script", "attrs": {}, "children": []}),
        lambda c: c["svg"]["attrs"].update({"onload": "alert(1)"}),
        lambda c: c["svg"]["children"][2]["attrs"].update({"fill": "#ff0000"}),
        lambda c: c["svg"]["attrs"].update({"role": "presentation"}),
        lambda c: c["svg"]["attrs"].update({"aria-labelledby": "somewhere-else"}),
        lambda c: c["svg"]["children"][2]["attrs"].update({"x1": 184}),
        lambda c: c["table"]["rows"].append(["Extra", 1]),
        lambda c: c.update({"colour": "red"}),
    ],
)
def test_the_validator_rejects_unsafe_or_inconsistent_charts(mutate):
    chart = good_chart()
    check_result(broken(chart), "goals-plan")
    mutate(chart)
    with pytest.raises((AssertionError, KeyError)):
        check_result(broken(chart), "goals-plan")


@pytest.mark.parametrize(
    "mutate",
    [
        lambda ics: ics.replace("\r\n", "\n"),
        lambda ics: ics.replace("SUMMARY:Goal: Apply\\, then rest", "SUMMARY:Goal: Apply, then rest"),
        lambda ics: ics.replace("SUMMARY:Goal: Apply\\, then rest", "SUMMARY:" + "x" * 80),
        lambda ics: ics.replace("DTEND;VALUE=DATE:20261202", "DTEND;VALUE=DATE:20261201"),
        lambda ics: ics.replace("DTSTAMP:20261126T000000Z", "DTSTAMP:20260101T000000Z"),
        lambda ics: ics.replace("END:VEVENT\r\n", "BEGIN:VALARM\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\nEND:VEVENT\r\n"),
        lambda ics: ics.replace("VERSION:2.0\r\n", ""),
    ],
)
def test_the_validator_rejects_malformed_calendars(mutate):
    calendar = good_calendar()
    check_result(broken(calendar), "goals-plan")
    calendar["ics"] = mutate(calendar["ics"])
    with pytest.raises((AssertionError, KeyError)):
        check_result(broken(calendar), "goals-plan")


@pytest.mark.parametrize(
    "block",
    [
        {"kind": "html", "text": "<b>hi</b>"},
        {"kind": "paragraph", "text": "Hi", "html": "<b>hi</b>"},
        {"kind": "next_steps", "title": "Next", "items": [{"text": "Go", "target": "coping#nowhere"}]},
        {"kind": "next_steps", "title": "Next", "items": [{"text": "Go", "target": "worksheets/mood-diary"}]},
        {"kind": "next_steps", "title": "Next", "items": [{"text": "Go", "target": "feedback#self-care"}]},
        {"kind": "table", "caption": "T", "columns": ["A", "B"], "rows": [["only one"]]},
        {"kind": "table", "caption": "T", "columns": ["A"], "rows": [[1.5]]},
        {"kind": "list", "title": "L", "items": []},
    ],
)
def test_the_validator_rejects_unknown_kinds_keys_targets_and_cells(block):
    with pytest.raises(AssertionError):
        check_result(broken(block), "goals-plan")


def test_the_validator_accepts_reason_anchors_and_page_level_targets():
    block = {
        "kind": "next_steps",
        "title": "Next",
        "items": [{"text": "Go", "target": "reasons#competition"}, {"text": "Go", "target": "coping"}],
    }
    check_result(broken(block), "goals-plan")
