"""Onward's worksheet insights: turn a reader's saved answers into gentle, structured findings.

The same code runs on CPython (tests) and in Pyodide inside a web worker (the site), so it
uses the standard library only and never reads the clock: `today` always comes from the
caller. Results are plain data that the page renders as text, never HTML, written in the
language the request names (English when it names none this package has).

Each worksheet's insights live in a module named after it (`rejection_log` for
"rejection-log"), found by name when asked for.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
from collections.abc import Callable
from types import ModuleType
from typing import Any

from ._answers import AnswerShapeError, RequestError, without_lone_surrogates
from ._blocks import Result
from ._facts import worksheet_ids
from ._i18n import _, speaking

_WORKSHEET_ID = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def module_name(worksheet_id: str) -> str:
    """The module that holds a worksheet's insights: "rejection-log" -> "onward_insights.rejection_log"."""
    return f"{__name__}.{worksheet_id.replace('-', '_')}"


def _has_module(worksheet_id: str) -> bool:
    return importlib.util.find_spec(module_name(worksheet_id)) is not None


# The worksheets of this site that have insights.
WORKSHEETS: tuple[str, ...] = tuple(ident for ident in worksheet_ids() if _has_module(ident))


def insight_module(worksheet_id: object) -> ModuleType | None:
    """The module for a worksheet of this site, or None when it has no insights."""
    if not isinstance(worksheet_id, str) or not _WORKSHEET_ID.match(worksheet_id):
        return None
    if worksheet_id not in WORKSHEETS:
        return None
    return importlib.import_module(module_name(worksheet_id))


def run(worksheet_id: str, answers: dict, today: str, language: object = None) -> Result:
    """The insights for one worksheet's answers, as of `today` (YYYY-MM-DD), in `language`.

    Raises AnswerShapeError for answers the form cannot produce and RequestError for an
    unknown worksheet or a badly written date, each with a sentence in that language.
    """
    with speaking(language):
        module = insight_module(worksheet_id)
        if module is None:
            raise RequestError(_("There are no insights for a worksheet called “%(worksheet)s”.", worksheet=worksheet_id))
        build: Callable[[Any, str], Result] = module.insights
        return build(answers, today)


def _parse_constant(name: str) -> None:
    """Refuse NaN and Infinity, which JSON.stringify never writes."""
    raise RequestError(
        _("The request contains %(value)s, which is not a value any worksheet can store.", value=name)
    )


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
        raise RequestError(_("The request should be JSON text."))
    if _nesting_depth(request_json) > MAX_NESTING:
        raise RequestError(_("The request is nested far more deeply than any worksheet's answers can be."))
    try:
        request = json.loads(request_json, parse_constant=_parse_constant)
    except json.JSONDecodeError as error:
        raise RequestError(
            _("The request is not valid JSON (%(problem)s, at character %(position)s).", problem=error.msg, position=error.pos)
        ) from None
    if not isinstance(request, dict):
        raise RequestError(_("The request should be a JSON object with “worksheet”, “answers” and “today”."))
    return request


def _language_of(request_json: object) -> object:
    """The language a request asks for, read before anything else so even its errors speak it."""
    if isinstance(request_json, str) and len(request_json) < 10_000_000:
        match = re.search(r'"language"\s*:\s*"([A-Za-z0-9_-]{1,35})"', request_json)
        if match:
            return match.group(1)
    return None


def run_json(request_json: str) -> str:
    """The JavaScript boundary: a JSON request in, a JSON result (or an error result) out, never an exception.

    The request is {"worksheet", "answers", "today", "language"}; "language" is the page's
    interface language (a missing or unknown one means English). Output is
    `json.dumps(..., ensure_ascii=False, sort_keys=True)` so the same request gives
    byte-identical text on CPython and Pyodide.
    """
    worksheet_id: object = ""
    with speaking(_language_of(request_json)):
        try:
            request = _read_request(request_json)
            worksheet_id = request.get("worksheet", "")
            if not isinstance(worksheet_id, str):
                worksheet_id = ""
                raise RequestError(_("The request should name its worksheet as text."))
            outcome: dict[str, Any] = run(
                worksheet_id, request.get("answers"), request.get("today"), request.get("language")  # type: ignore[arg-type]
            )
        except (AnswerShapeError, RequestError) as error:
            outcome = {"worksheet": worksheet_id, "error": str(error)}
        except Exception:  # noqa: BLE001 - the boundary must always answer, whatever went wrong inside
            outcome = {
                "worksheet": worksheet_id,
                "error": _(
                    "Something went wrong while looking at these answers. "
                    "They are still saved in this browser, unchanged."
                ),
            }
    return without_lone_surrogates(json.dumps(outcome, ensure_ascii=False, sort_keys=True))


__all__ = ["WORKSHEETS", "AnswerShapeError", "RequestError", "run", "run_json"]
