"""JSON Schema validation turned into messages an editor can act on.

jsonschema-rs does the checking: it is a maintained, complete JSON Schema
implementation that loads in a fraction of the time of the pure-Python one,
which matters because every build pays for it.
"""

from __future__ import annotations

import re
from typing import Any

import jsonschema_rs

from .components import ROLE_KEY, ROLE_MARKDOWN, ROLE_TEXT
from .errors import Path_, Problem
from .links import ID_PATTERN, suggestion
from .yamlsource import YamlDocument

_JSON_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "nothing",
}

_VALIDATORS: dict[int, tuple[dict[str, Any], Any]] = {}

# Pieces the page and worksheet schemas share.
ID_SCHEMA = {"type": "string", "pattern": ID_PATTERN, "description": "lowercase words joined by hyphens"}
TEXT_SCHEMA = {"type": "string", "minLength": 1}
# Text a reader sees, which the translation catalogues carry: plain, or inline Markdown.
PROSE_SCHEMA = {**TEXT_SCHEMA, ROLE_KEY: ROLE_TEXT}
MARKDOWN_SCHEMA = {**TEXT_SCHEMA, ROLE_KEY: ROLE_MARKDOWN}


def list_of(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    """A schema for a non-empty list of mappings with exactly these fields."""
    return {
        "type": "array",
        "minItems": 1,
        "items": {"type": "object", "properties": properties, "required": required, "additionalProperties": False},
    }
TYPED_ITEM_SCHEMA = {"type": "object", "required": ["type"], "properties": {"type": {"type": "string"}}}


def describe_value(value: Any) -> str:
    """Name a YAML value's type the way an editor would."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    if value is None:
        return "nothing (empty)"
    return type(value).__name__


def _validator(schema: dict[str, Any]) -> Any:
    """One compiled validator per schema object (keyed by identity; schemas are dicts)."""
    cached = _VALIDATORS.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = _VALIDATORS[id(schema)] = (schema, jsonschema_rs.Draft202012Validator(schema))
    return cached[1]


def _subschema(schema: dict[str, Any], schema_path: list[str | int]) -> dict[str, Any]:
    """The schema object that holds the failing keyword (the path's last step)."""
    node: Any = schema
    for step in schema_path[:-1]:
        node = node[step]
    return node


# ``key: #1b3a6b``: YAML reads everything from the ``#`` on as a comment, so the value is empty.
_COMMENTED_VALUE = re.compile(r"^\s*(?:-\s+)?(?P<key>[^\s:#][^:#]*):\s+(?P<value>#\S+)")


def commented_value_hint(doc: YamlDocument, path: Path_) -> str:
    """Why a value the editor can see came out empty, when a ``#`` right after the colon is the cause."""
    match = _COMMENTED_VALUE.match(doc.source_line(doc.line_of(path)))
    if not match:
        return ""
    return (
        f": in YAML a '#' after a space starts a comment, so {match['value']} was read as nothing. "
        f"Put it in quotes: {match['key'].strip()}: \"{match['value']}\""
    )


def _messages(error: Any, schema: dict[str, Any]) -> list[tuple[Path_, str]]:
    path: Path_ = tuple(error.instance_path)
    details = error.kind.as_dict()
    if type(error.kind).__name__ == "AdditionalProperties":
        allowed = sorted(_subschema(schema, list(error.schema_path)).get("properties", {}))
        return [
            (path + (extra,), f"unexpected field '{extra}'{suggestion(extra, allowed)} (allowed: {', '.join(allowed)})")
            for extra in sorted(details["unexpected"])
        ]
    return [_message(error, schema)]


def _message(error: Any, schema: dict[str, Any]) -> tuple[Path_, str]:
    path: Path_ = tuple(error.instance_path)
    instance = error.instance
    details = error.kind.as_dict()
    match type(error.kind).__name__:
        case "Required":
            return path, f"'{details['property']}' is required"
        case "Type":
            expected = details["types"]
            names = [expected] if isinstance(expected, str) else list(expected)
            wanted = " or ".join(_JSON_TYPE_NAMES.get(str(n), str(n)) for n in names)
            return path, f"should be {wanted}, not {describe_value(instance)}"
        case "Enum":
            options = ", ".join(repr(v) for v in details["options"])
            return path, f"{instance!r} is not one of the options: {options}"
        case "Constant":
            return path, f"should be {details['expected_value']!r}"
        case "MinItems":
            return path, f"needs at least {details['limit']} item(s)"
        case "MinLength":
            return path, "should not be empty"
        case "Pattern":
            hint = _subschema(schema, list(error.schema_path)).get("description", f"the pattern {details['pattern']}")
            return path, f"{instance!r} does not fit: {hint}"
        case _:
            return path, error.message


def schema_problems(
    doc: YamlDocument, value: Any, schema: dict[str, Any], prefix: Path_ = ()
) -> list[Problem]:
    """Validate ``value`` (found at ``prefix`` in ``doc``) and describe each failure."""
    problems = []
    errors = sorted(_validator(schema).iter_errors(value), key=lambda e: [str(p) for p in e.instance_path])
    for error in errors:
        for path, message in _messages(error, schema):
            if error.instance is None:
                message += commented_value_hint(doc, prefix + path)
            problems.append(doc.problem(prefix + path, message))
    return problems


def document_problems(doc: YamlDocument, schema: dict[str, Any], stem: str) -> list[Problem]:
    """A whole file against its schema, and its ``id`` against its file name."""
    problems = schema_problems(doc, doc.data, schema)
    if not problems and doc.data["id"] != stem:
        problems.append(doc.problem(("id",), f"'{doc.data['id']}' should match the file name '{stem}.yml'"))
    return problems
