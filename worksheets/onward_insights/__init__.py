"""Onward's worksheet insights: turn a reader's saved answers into gentle, structured findings.

The same code runs on CPython (tests) and in Pyodide inside a web worker (the site), so it
uses the standard library only and never reads the clock: `today` always comes from the
caller. Results are plain data that the page renders as text, never HTML.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

from . import (
    expressive_writing,
    feedback_request,
    goals_plan,
    interview_examples,
    interview_self_review,
    learning_plan,
    networking_plan,
    reasons_check,
    rejection_log,
    self_care_plan,
    strengths,
    thought_record,
)
from ._common import WORKSHEET_IDS, AnswerShapeError, RequestError, Result, without_lone_surrogates

MODULES: dict[str, ModuleType] = {
    "rejection-log": rejection_log,
    "reasons-check": reasons_check,
    "feedback-request": feedback_request,
    "thought-record": thought_record,
    "self-care-plan": self_care_plan,
    "interview-self-review": interview_self_review,
    "strengths": strengths,
    "goals-plan": goals_plan,
    "networking-plan": networking_plan,
    "learning-plan": learning_plan,
    "expressive-writing": expressive_writing,
    "interview-examples": interview_examples,
}

WORKSHEETS: tuple[str, ...] = WORKSHEET_IDS

UNEXPECTED_ERROR = (
    "Something went wrong while looking at these answers. They are still saved in this browser, unchanged."
)


def run(worksheet_id: str, answers: dict, today: str) -> Result:
    """The insights for one worksheet's answers, as of `today` (YYYY-MM-DD).

    Raises AnswerShapeError for answers the form cannot produce and RequestError for an
    unknown worksheet or a badly written date.
    """
    module = MODULES.get(worksheet_id) if isinstance(worksheet_id, str) else None
    if module is None:
        raise RequestError(f"There are no insights for a worksheet called “{worksheet_id}”.")
    build: Callable[[Any, str], Result] = module.insights
    return build(answers, today)


def _parse_constant(name: str) -> None:
    """Refuse NaN and Infinity, which JSON.stringify never writes."""
    raise RequestError(f"The request contains {name}, which is not a value any worksheet can store.")


# Answers are at most five levels deep (request, answers, group, entry, choices); anything far
# deeper is refused before decoding, because in Pyodide very deep nesting can overflow the
# WebAssembly stack instead of raising RecursionError.
MAX_NESTING = 32
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def _nesting_depth(request_json: str) -> int:
    """How deeply arrays and objects nest, ignoring brackets inside strings."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_JSON_STRING.sub('""', request_json)):
        depth = depth + 1 if bracket in "[{" else depth - 1
        deepest = max(deepest, depth)
    return deepest


def _read_request(request_json: object) -> dict[str, Any]:
    """The decoded request object, or a RequestError saying what is wrong with it."""
    if not isinstance(request_json, str):
        raise RequestError("The request should be JSON text.")
    if _nesting_depth(request_json) > MAX_NESTING:
        raise RequestError("The request is nested far more deeply than any worksheet's answers can be.")
    try:
        request = json.loads(request_json, parse_constant=_parse_constant)
    except json.JSONDecodeError as error:
        raise RequestError(f"The request is not valid JSON ({error.msg}, at character {error.pos}).") from None
    if not isinstance(request, dict):
        raise RequestError("The request should be a JSON object with “worksheet”, “answers” and “today”.")
    return request


def run_json(request_json: str) -> str:
    """The JavaScript boundary: a JSON request in, a JSON result (or an error result) out, never an exception.

    Output is `json.dumps(..., ensure_ascii=False, sort_keys=True)` so the same request gives
    byte-identical text on CPython and Pyodide.
    """
    worksheet_id: object = ""
    try:
        request = _read_request(request_json)
        worksheet_id = request.get("worksheet", "")
        if not isinstance(worksheet_id, str):
            worksheet_id = ""
            raise RequestError("The request should name its worksheet as text.")
        outcome: dict[str, Any] = run(worksheet_id, request.get("answers"), request.get("today"))  # type: ignore[arg-type]
    except (AnswerShapeError, RequestError) as error:
        outcome = {"worksheet": worksheet_id, "error": str(error)}
    except Exception:  # noqa: BLE001 - the boundary must always answer, whatever went wrong inside
        outcome = {"worksheet": worksheet_id, "error": UNEXPECTED_ERROR}
    return without_lone_surrogates(json.dumps(outcome, ensure_ascii=False, sort_keys=True))


__all__ = ["WORKSHEETS", "AnswerShapeError", "RequestError", "run", "run_json"]
