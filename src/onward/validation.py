"""JSON Schema validation turned into messages an editor can act on."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import Path_, Problem
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


def _message(error: ValidationError) -> tuple[Path_, str]:
    path: Path_ = tuple(error.absolute_path)
    instance = error.instance
    match error.validator:
        case "required":
            missing = [name for name in error.validator_value if name not in instance]
            return path, f"'{missing[0]}' is required"
        case "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            extra = sorted(set(instance) - set(allowed))
            return path + (extra[0],), f"unexpected field '{extra[0]}' (allowed: {', '.join(allowed)})"
        case "type":
            expected = error.validator_value
            names = [expected] if isinstance(expected, str) else list(expected)
            wanted = " or ".join(_JSON_TYPE_NAMES.get(n, n) for n in names)
            return path, f"should be {wanted}, not {describe_value(instance)}"
        case "enum":
            options = ", ".join(repr(v) for v in error.validator_value)
            return path, f"{instance!r} is not one of the options: {options}"
        case "const":
            return path, f"should be {error.validator_value!r}"
        case "minItems":
            return path, f"needs at least {error.validator_value} item(s)"
        case "minLength":
            return path, "should not be empty"
        case "pattern":
            hint = error.schema.get("description", f"the pattern {error.validator_value}")
            return path, f"{instance!r} does not fit: {hint}"
        case _:
            return path, error.message


def schema_problems(
    doc: YamlDocument, value: Any, schema: dict[str, Any], prefix: Path_ = ()
) -> list[Problem]:
    """Validate ``value`` (found at ``prefix`` in ``doc``) and describe each failure."""
    validator = Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(value), key=lambda e: list(map(str, e.absolute_path))):
        path, message = _message(error)
        problems.append(doc.problem(prefix + path, message))
    return problems
