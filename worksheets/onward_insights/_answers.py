"""Reading a worksheet's saved answers, checked against the fields the form has.

Answers arrive as the browser stores them. A shape the form cannot produce (text where a
list belongs, a rating out of range) is refused with a sentence naming the field; an option
the form no longer offers, or a date typed oddly, simply counts as unanswered.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from ._facts import Field, Fields
from ._i18n import _

Answers = Mapping[str, Any]

TEXT_TYPES = ("short_text", "long_text", "date")
LIST_TYPES = ("multiple_choice", "checklist")


class AnswerShapeError(ValueError):
    """The answers have a shape the worksheet form cannot produce, so they were not typed by a reader."""


class RequestError(ValueError):
    """The request itself is unusable: an unknown worksheet, a bad date for today, or broken JSON."""


class Entry(dict):
    """One group entry, remembering its place in the form so errors and labels can name it."""

    def __init__(self, values: Mapping[str, Any], group_id: str, number: int) -> None:
        super().__init__(values)
        self.group_id = group_id
        self.number = number  # 1-based position in the form, blank entries included


def _where(answers: Answers, key: str) -> str:
    """Name a field for an error message, including its entry when it sits in a group."""
    if isinstance(answers, Entry):
        return _(
            "the field “%(field)s” in entry %(number)s of “%(group)s”",
            field=key,
            number=answers.number,
            group=answers.group_id,
        )
    return _("the field “%(field)s”", field=key)


def describe_value(value: object) -> str:
    """Say in plain words what kind of value arrived, for error messages."""
    if value is None:
        return _("empty")
    if isinstance(value, bool):
        return _("true or false")
    if isinstance(value, (int, float)):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a set of answers")
    return _("something else")


LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(value: str) -> str:
    """Replace halves of broken emoji with U+FFFD, so the text can always be encoded as UTF-8."""
    return LONE_SURROGATES.sub("\ufffd", value)


def text(answers: Answers, key: str) -> str:
    """A text answer, stripped; "" when it was never typed."""
    value = answers.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise AnswerShapeError(
            _(
                "The answer for %(where)s should be text, but it is %(what)s.",
                where=_where(answers, key),
                what=describe_value(value),
            )
        )
    return without_lone_surrogates(value).strip()


def one_line(answers: Answers, key: str) -> str:
    """A text answer with its line breaks and runs of spaces collapsed, for use inside a sentence."""
    return " ".join(text(answers, key).split())


def choice(answers: Answers, key: str, options: Sequence[str]) -> str | None:
    """A single-choice answer, or None. A value no longer among the options counts as unanswered."""
    value = answers.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise AnswerShapeError(
            _(
                "The answer for %(where)s should be one of its options, but it is %(what)s.",
                where=_where(answers, key),
                what=describe_value(value),
            )
        )
    return value if value in options else None


def choices(answers: Answers, key: str, options: Sequence[str]) -> list[str]:
    """A multiple-choice or checklist answer, de-duplicated, in option order, known options only."""
    value = answers.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnswerShapeError(
            _(
                "The answer for %(where)s should be a list of options, but it is %(what)s.",
                where=_where(answers, key),
                what=describe_value(value),
            )
        )
    for position, item in enumerate(value, start=1):
        if not isinstance(item, str):
            raise AnswerShapeError(
                _(
                    "The answer for %(where)s should list its options as text, but item %(position)s is %(what)s.",
                    where=_where(answers, key),
                    position=position,
                    what=describe_value(item),
                )
            )
    return [option for option in options if option in value]


def scale(answers: Answers, key: str, low: int, high: int) -> int | None:
    """A rating within [low, high], or None when not given."""
    value = answers.get(key)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        shown = describe_value(value) if isinstance(value, bool) or not isinstance(value, (int, float)) else repr(value)
        raise AnswerShapeError(
            _(
                "The answer for %(where)s should be a whole number from %(low)s to %(high)s, but it is %(what)s.",
                where=_where(answers, key),
                low=low,
                high=high,
                what=shown,
            )
        )
    return value


def ratings(answers: Answers, fields: Fields, keys: Sequence[str]) -> list[tuple[str, int]]:
    """The scale answers given among ``keys``, as (key, rating), in the order of ``keys``."""
    found = []
    for key in keys:
        value = scale(answers, key, fields[key].low, fields[key].high)
        if value is not None:
            found.append((key, value))
    return found


def entries(answers: Answers, key: str) -> list[Entry]:
    """A group's entries, each an Entry that knows its position; [] when the group is untouched."""
    value = answers.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnswerShapeError(
            _(
                "The answer for %(where)s should be a list of entries, but it is %(what)s.",
                where=_where(answers, key),
                what=describe_value(value),
            )
        )
    found: list[Entry] = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise AnswerShapeError(
                _(
                    "Entry %(number)s of “%(group)s” should be a set of answers, but it is %(what)s.",
                    number=number,
                    group=key,
                    what=describe_value(item),
                )
            )
        found.append(Entry(item, key, number))
    return found


def check_value(answers: Answers, key: str, spec: Field) -> None:
    """Check one field against the form, raising AnswerShapeError when the form could not have produced it."""
    if spec.type in TEXT_TYPES:
        text(answers, key)
    elif spec.type == "single_choice":
        choice(answers, key, spec.options)
    elif spec.type in LIST_TYPES:
        choices(answers, key, spec.options)
    elif spec.type == "scale":
        scale(answers, key, spec.low, spec.high)
    elif spec.type == "group":
        for entry in entries(answers, key):
            check_answers(entry, spec.fields)
    # A field type this code does not know yet is left unchecked; nothing reads it.


def check_answers(answers: object, fields: Fields) -> Answers:
    """Check every field the form has; unknown keys (answers to removed questions) are ignored."""
    if not isinstance(answers, dict):
        raise AnswerShapeError(
            _(
                "The answers should be a set of answers keyed by field, but they are %(what)s.",
                what=describe_value(answers),
            )
        )
    for key, spec in fields.items():
        check_value(answers, key, spec)
    return answers


def is_blank_value(value: Any) -> bool:
    """Whether a stored value says nothing, matching the browser's idea of an empty answer."""
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    if isinstance(value, list):
        return all(is_blank_value(item) for item in value)
    if isinstance(value, dict):
        return all(is_blank_value(item) for item in value.values())
    return False


def filled_entries(answers: Answers, key: str, fields: Fields) -> list[Entry]:
    """A group's entries that hold at least one answer to a known field; all-empty entries are skipped."""
    return [entry for entry in entries(answers, key) if any(not is_blank_value(entry.get(name)) for name in fields)]


# ---- Dates ---------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\A(\d{4})-(\d{2})-(\d{2})\Z")


def parse_iso_date(value: object) -> date | None:
    """A strict YYYY-MM-DD date, or None; other spellings are not guessed at."""
    match = _ISO_DATE.match(value.strip()) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def parse_today(today: object) -> date:
    """The caller's date for today; results depend on it, never on the clock."""
    parsed = parse_iso_date(today)
    if parsed is None:
        raise RequestError(_("The date for today should be written as YYYY-MM-DD, such as 2026-11-26."))
    return parsed


def date_answer(answers: Answers, key: str) -> date | None:
    """A date answer as a date, or None when it is empty or not a real calendar date.

    Browsers without a date picker let people type freely, so an odd date is treated as
    missing rather than as an error.
    """
    return parse_iso_date(text(answers, key))


def in_time_order(items: Sequence[Entry], key: str = "date") -> tuple[list[Entry], bool]:
    """Entries oldest first and whether that is by date: by date when every one has one, else as added."""
    dates = [date_answer(entry, key) for entry in items]
    if items and all(day is not None for day in dates):
        pairs = sorted(zip(dates, items, strict=True), key=lambda pair: (pair[0], pair[1].number))
        return [entry for _day, entry in pairs], True
    return list(items), False
