"""Check a backup file the way the browser does, against the same JSON Schema.

The browser's checks live in ``theme/assets/onward/backup-format.js``; this module
applies the same limits and the same schema (``schemas/backup.schema.json``), so a
test can feed one set of files to both and expect the same verdicts.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs

SCHEMA_PATH = Path(__file__).parent / "schemas" / "backup.schema.json"
BACKUP_FORMAT = 3
RECORD_FORMAT = 2
MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 12
FORBIDDEN_KEYS = frozenset({"__proto__", "constructor", "prototype"})


class BackupProblem(ValueError):
    """A file that cannot be restored; ``code`` matches the browser's message names."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@cache
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def _validator(pointer: str) -> jsonschema_rs.Draft7Validator:
    whole = schema()
    if not pointer:
        return jsonschema_rs.Draft7Validator(whole)
    # A sub-schema keeps the definitions its $refs point into.
    return jsonschema_rs.Draft7Validator({**whole["definitions"][pointer], "definitions": whole["definitions"]})


def nesting(text: str) -> tuple[int, bool]:
    """(deepest bracket nesting, whether the text stops inside a string or open bracket)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "}]":
            depth -= 1
    return deepest, in_string or depth > 0


def _refuse_forbidden(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    for key, _ in pairs:
        if key in FORBIDDEN_KEYS:
            raise BackupProblem("forbidden-key", key)
    return dict(pairs)


def _parse(text: str) -> Any:
    deepest, unclosed = nesting(text)
    if deepest > MAX_DEPTH:
        raise BackupProblem("too-deep", f"nested {deepest} levels")
    try:
        return json.loads(text, object_pairs_hook=_refuse_forbidden)
    except json.JSONDecodeError as exc:
        raise BackupProblem("truncated" if unclosed else "not-json", str(exc)) from None


def _without_settings(backup: dict[str, Any]) -> dict[str, Any]:
    """The backup without settings among its kept-aside copies (record.js's isSetting: a key
    with no colon names no worksheet). An earlier Onward backed the help box's country up
    there; such a file is read without it rather than refused."""
    aside = backup.get("aside")
    if not isinstance(aside, dict):
        return backup
    return {**backup, "aside": {key: text for key, text in aside.items() if ":" in key}}


def _first_error(pointer: str, data: Any) -> str | None:
    for error in _validator(pointer).iter_errors(data):
        path = "/" + "/".join(str(part) for part in error.instance_path)
        return f"{path} {error.message}"
    return None


def read_backup(data: bytes) -> dict[str, Any]:
    """A checked backup of this format from a file's bytes, or BackupProblem saying why not."""
    if len(data) > MAX_BYTES:
        raise BackupProblem("too-big", f"{len(data)} bytes")
    text = data.decode("utf-8-sig", errors="replace")
    if not text.strip():
        raise BackupProblem("empty")
    parsed = _parse(text)
    if not isinstance(parsed, dict):
        raise BackupProblem("not-backup")
    version = parsed.get("format")
    newer_than = BACKUP_FORMAT if parsed.get("onward") == "backup" else RECORD_FORMAT
    is_record = all(key in parsed for key in ("worksheet", "answers", "format"))
    if parsed.get("onward") != "backup" and not is_record:
        raise BackupProblem("not-backup")
    if isinstance(version, (int, float)) and not isinstance(version, bool) and version > newer_than:
        raise BackupProblem("newer", f"format {version}")
    if parsed.get("onward") == "backup":
        parsed = _without_settings(parsed)
    problem = _first_error("" if parsed.get("onward") == "backup" else "record", parsed)
    if problem:
        raise BackupProblem("wrong-types", problem)
    if parsed.get("onward") == "backup":
        return {**parsed, "format": BACKUP_FORMAT, "aside": parsed.get("aside", {})}
    kept = {key: value for key, value in parsed.items() if key not in ("format", "worksheet")}
    return {
        "onward": "backup",
        "format": BACKUP_FORMAT,
        "created": parsed.get("updated") or "",
        "site": None,
        "worksheets": {parsed["worksheet"]: kept},
        "aside": {},
    }
