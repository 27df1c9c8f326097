"""Shared helpers for the worksheet insights: reading answers, dates, wording, blocks, SVG and iCalendar.

Everything here is pure and deterministic, and uses the standard library only, because the
same code runs on CPython and inside Pyodide and a parity test compares the two. That is
also why nothing here reads the clock, iterates over a set, or leans on Unicode tables that
differ between Python versions.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

Answers = Mapping[str, Any]
Block = dict[str, Any]
Result = dict[str, Any]
Element = dict[str, Any]


# ---- Errors ------------------------------------------------------------------------------


class AnswerShapeError(ValueError):
    """The answers have a shape the worksheet form cannot produce, so they were not typed by a reader."""


class RequestError(ValueError):
    """The request itself is unusable: an unknown worksheet, a bad date for today, or broken JSON."""


# ---- The shape of each worksheet's answers -------------------------------------------------

TEXT_TYPES = ("short_text", "long_text")
CHOICE_TYPES = ("single_choice",)
LIST_TYPES = ("multiple_choice", "checklist")


@dataclass(frozen=True)
class Field:
    """One field as the form stores it, mirroring the worksheet YAML so shapes can be checked.

    `type` uses the YAML type names; `options` lists option values in form order; `low` and
    `high` bound a scale; `fields` holds a group's child fields.
    """

    type: str
    options: tuple[str, ...] = ()
    low: int = 0
    high: int = 0
    fields: Mapping[str, Field] = field(default_factory=dict)


Fields = Mapping[str, Field]

SHORT_TEXT = Field("short_text")
LONG_TEXT = Field("long_text")
DATE = Field("date")


def single_choice(*options: str) -> Field:
    """A radio-button question with these option values."""
    return Field("single_choice", options=options)


def multiple_choice(*options: str) -> Field:
    """A tick-any question with these option values."""
    return Field("multiple_choice", options=options)


def checklist(*options: str) -> Field:
    """A checklist with these option values; stored like a multiple choice."""
    return Field("checklist", options=options)


def scale_field(low: int, high: int) -> Field:
    """A rating from low to high inclusive."""
    return Field("scale", low=low, high=high)


def group(fields: Mapping[str, Field]) -> Field:
    """A repeatable group of entries with these child fields."""
    return Field("group", fields=dict(fields))


class Entry(dict):
    """One group entry, remembering its place in the form so errors and labels can name it."""

    def __init__(self, values: Mapping[str, Any], group_id: str, number: int) -> None:
        super().__init__(values)
        self.group_id = group_id
        self.number = number  # 1-based position in the form, blank entries included


def _where(answers: Answers, key: str) -> str:
    """Name a field for an error message, including its entry when it sits in a group."""
    if isinstance(answers, Entry):
        return f"the field “{key}” in entry {answers.number} of “{answers.group_id}”"
    return f"the field “{key}”"


def describe_value(value: object) -> str:
    """Say in plain words what kind of value arrived, for error messages."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of answers"
    return "something else"


def _raw(answers: Answers, key: str) -> Any:
    """The stored value, with a missing key and an explicit null both meaning 'not answered'."""
    return answers.get(key)


LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(value: str) -> str:
    """Replace halves of broken emoji with U+FFFD, so the text can always be encoded as UTF-8."""
    return LONE_SURROGATES.sub("\ufffd", value)


def text(answers: Answers, key: str) -> str:
    """A text answer, stripped; "" when it was never typed."""
    value = _raw(answers, key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise AnswerShapeError(
            f"The answer for {_where(answers, key)} should be text, but it is {describe_value(value)}."
        )
    return without_lone_surrogates(value).strip()


def one_line(answers: Answers, key: str) -> str:
    """A text answer with its line breaks and runs of spaces collapsed, for use inside a sentence."""
    return " ".join(text(answers, key).split())


def date_text(answers: Answers, key: str) -> str:
    """A date answer as stored ("YYYY-MM-DD" or ""), checked only for being text."""
    return text(answers, key)


def date_answer(answers: Answers, key: str) -> date | None:
    """A date answer as a date, or None when it is empty or not a real calendar date.

    Browsers without a date picker let people type freely, so an odd date is treated as
    missing rather than as an error.
    """
    return parse_iso_date(date_text(answers, key))


def choice(answers: Answers, key: str, options: Sequence[str] | None = None) -> str | None:
    """A single-choice answer, or None. A value no longer among the options counts as unanswered."""
    value = _raw(answers, key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise AnswerShapeError(
            f"The answer for {_where(answers, key)} should be one of its options, but it is {describe_value(value)}."
        )
    if options is not None and value not in options:
        return None
    return value


def choices(answers: Answers, key: str, options: Sequence[str] | None = None) -> list[str]:
    """A multiple-choice or checklist answer, de-duplicated and in option order when options are given."""
    value = _raw(answers, key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnswerShapeError(
            f"The answer for {_where(answers, key)} should be a list of options, but it is {describe_value(value)}."
        )
    for position, item in enumerate(value, start=1):
        if not isinstance(item, str):
            raise AnswerShapeError(
                f"The answer for {_where(answers, key)} should list its options as text, "
                f"but item {position} is {describe_value(item)}."
            )
    if options is None:
        return list(dict.fromkeys(value))
    return [option for option in options if option in value]


def scale(answers: Answers, key: str, low: int, high: int) -> int | None:
    """A rating within [low, high], or None when not given."""
    value = _raw(answers, key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise AnswerShapeError(
            f"The answer for {_where(answers, key)} should be a whole number from {low} to {high}, "
            f"but it is {describe_value(value)}."
        )
    if isinstance(value, float):
        if not value.is_integer():
            raise AnswerShapeError(
                f"The answer for {_where(answers, key)} should be a whole number from {low} to {high}, but it is {value!r}."
            )
        value = int(value)
    if not low <= value <= high:
        raise AnswerShapeError(
            f"The answer for {_where(answers, key)} should be a whole number from {low} to {high}, but it is {value}."
        )
    return value


def entries(answers: Answers, key: str) -> list[Entry]:
    """A group's entries, each an Entry that knows its position; [] when the group is untouched."""
    value = _raw(answers, key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise AnswerShapeError(
            f"The answer for {_where(answers, key)} should be a list of entries, but it is {describe_value(value)}."
        )
    found: list[Entry] = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise AnswerShapeError(
                f"Entry {number} of “{key}” should be a set of answers, but it is {describe_value(item)}."
            )
        found.append(Entry(item, key, number))
    return found


def check_value(answers: Answers, key: str, spec: Field) -> None:
    """Check one field against its spec, raising AnswerShapeError when the form could not have produced it."""
    if spec.type in TEXT_TYPES or spec.type == "date":
        text(answers, key)
    elif spec.type in CHOICE_TYPES:
        choice(answers, key, spec.options)
    elif spec.type in LIST_TYPES:
        choices(answers, key, spec.options)
    elif spec.type == "scale":
        scale(answers, key, spec.low, spec.high)
    elif spec.type == "group":
        for entry in entries(answers, key):
            check_answers(entry, spec.fields)
    else:  # pragma: no cover - a programming mistake in a FIELDS table
        raise TypeError(f"Unknown field type {spec.type!r} for {key!r}.")


def check_answers(answers: object, fields: Fields) -> Answers:
    """Check every known field; unknown keys (answers to removed questions) are ignored."""
    if not isinstance(answers, dict):
        raise AnswerShapeError(
            f"The answers should be a set of answers keyed by field, but they are {describe_value(answers)}."
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
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def parse_iso_date(value: str) -> date | None:
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
    parsed = parse_iso_date(today) if isinstance(today, str) else None
    if parsed is None:
        raise RequestError("The date for today should be written as YYYY-MM-DD, such as 2026-11-26.")
    return parsed


def long_date(day: date) -> str:
    """A date as people write it in Britain, such as 20 November 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# ---- Wording ---------------------------------------------------------------------------------

_SMALL_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number_word(count: int) -> str:
    """Numbers under ten in words, as plain-English style suggests; larger ones in figures."""
    return _SMALL_NUMBERS[count] if 0 <= count < len(_SMALL_NUMBERS) else str(count)


def count_of(count: int, singular: str, plural: str | None = None) -> str:
    """'one application', 'three applications', 'no goals'."""
    noun = singular if count == 1 else (plural or singular + "s")
    return f"{number_word(count)} {noun}"


def times(count: int) -> str:
    """'once', 'twice', '3 times'."""
    return {1: "once", 2: "twice"}.get(count, f"{number_word(count)} times")


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (no serial comma, as is usual in British English)."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def capitalise(sentence: str) -> str:
    """Upper-case only the first character, leaving the rest as written."""
    return sentence[:1].upper() + sentence[1:]


def shorten(value: str, limit: int = 60) -> str:
    """One line of a reader's text, cut at a word boundary when it is long, for titles and tables."""
    line = " ".join(value.split())
    if len(line) <= limit:
        return line
    cut = line[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def quoted(value: str) -> str:
    """A word or phrase in British single quotation marks."""
    return f"‘{value}’"


# ---- Result blocks ---------------------------------------------------------------------------

GUIDE_SECTIONS: Mapping[str, tuple[str, ...]] = {
    "index": ("start-here", "what-the-guide-covers", "about-this-guide"),
    "why-it-matters": (
        "it-happens-to-most-people",
        "response-shapes-what-next",
        "a-gracious-reply",
        "what-to-leave-for-now",
    ),
    "reasons": (
        "five-common-reasons",
        "skills-and-qualifications",
        "interview-performance",
        "cultural-fit",
        "competition",
        "salary-expectations",
        "reasons-you-may-never-see",
        "what-the-stage-tells-you",
    ),
    "feedback": (
        "why-feedback-helps",
        "how-to-ask",
        "sample-feedback-request",
        "hearing-feedback",
        "using-feedback",
        "no-reply-or-generic",
    ),
    "coping": ("first-hours", "feelings-are-normal", "reframing", "self-compassion-pause", "self-care", "more-support"),
    "learning": ("review-kindly", "reflection-questions", "improving-interview-skills", "learning-resources"),
    "moving-forward": (
        "your-strengths",
        "keep-looking-after-yourself",
        "set-new-goals",
        "networking",
        "keep-learning",
        "pace-your-search",
    ),
    "closing": ("the-path-so-far", "part-of-searching", "where-to-go-next"),
    "tonight": ("five-minutes-now", "instead-now", "if-it-will-not-settle"),
    "before-interview": (
        "what-an-early-no-means",
        "tailoring",
        "applicant-tracking-systems",
        "online-tests",
        "video-interviews",
        "assessment-centres",
        "graduate-schemes",
        "careers-service",
        "track-your-applications",
    ),
    "after-final-round": (
        "what-decides-final-rounds",
        "close-second",
        "keep-me-in-mind",
        "staying-in-touch",
        "when-it-keeps-happening",
    ),
    "no-reply": ("why-silence-happens", "when-to-follow-up", "how-to-follow-up", "when-to-let-go", "while-you-wait"),
    "practical-worries": ("money-while-searching", "unfair-rejection", "see-what-they-hold", "your-centre-can-add"),
    "interview-practice": (
        "question-bank",
        "star-method",
        "prepare-your-examples",
        "practise-out-loud",
    ),
}

WORKSHEET_IDS: tuple[str, ...] = (
    "rejection-log",
    "reasons-check",
    "feedback-request",
    "thought-record",
    "self-care-plan",
    "interview-self-review",
    "strengths",
    "goals-plan",
    "networking-plan",
    "learning-plan",
    "expressive-writing",
    "interview-examples",
)


def is_known_target(target: str) -> bool:
    """Whether a next-step target names a real guide section, guide page or worksheet."""
    if target.startswith("worksheets/"):
        return target.removeprefix("worksheets/") in WORKSHEET_IDS
    page, _, section = target.partition("#")
    if page not in GUIDE_SECTIONS:
        return False
    return section == "" or section in GUIDE_SECTIONS[page]


def result(worksheet: str, summary: str, blocks: Iterable[Block]) -> Result:
    """The result every worksheet returns, with empty blocks (None) left out."""
    return {"worksheet": worksheet, "summary": summary, "blocks": [block for block in blocks if block]}


def nothing_yet(worksheet: str, summary: str, step: Step) -> Result:
    """The result for a worksheet with no entries yet: a kind word and one place to start."""
    return result(worksheet, summary, [next_steps("A place to start", [step])])


def paragraph(words: str) -> Block:
    """A plain paragraph of text."""
    return {"kind": "paragraph", "text": words}


def bullet_list(title: str, items: Sequence[str]) -> Block | None:
    """A titled list, or None when there is nothing to list."""
    return {"kind": "list", "title": title, "items": list(items)} if items else None


def prompt(words: str) -> Block:
    """A gentle question or invitation, shown apart from the findings."""
    return {"kind": "prompt", "text": words}


@dataclass(frozen=True)
class Step:
    """One suggested next step and the guide section or worksheet behind it."""

    text: str
    target: str


def next_steps(title: str, steps: Sequence[Step]) -> Block | None:
    """A next-steps block, de-duplicated by target and text; None when there is nothing to suggest."""
    seen: list[tuple[str, str]] = []
    items: list[dict[str, str]] = []
    for step in steps:
        if not is_known_target(step.target):
            raise ValueError(f"Next-step target {step.target!r} is not a guide section or worksheet.")
        if (step.text, step.target) in seen:
            continue
        seen.append((step.text, step.target))
        items.append({"text": step.text, "target": step.target})
    return {"kind": "next_steps", "title": title, "items": items} if items else None


def table(caption: str, columns: Sequence[str], rows: Sequence[Sequence[str | int]]) -> Block:
    """A small data table; cells are text or whole numbers."""
    return {"kind": "table", "caption": caption, "columns": list(columns), "rows": [list(row) for row in rows]}


def draft(title: str, to: str, subject: str, body: str) -> Block:
    """A message the reader can copy and send."""
    return {"kind": "draft", "title": title, "to": to, "subject": subject, "body": body}


# ---- SVG as an element tree ----------------------------------------------------------------

SVG_TAGS = ("svg", "g", "rect", "line", "text", "title", "desc")
SVG_ATTRIBUTES = (
    "viewBox", "role", "aria-labelledby", "id", "class", "x", "y", "x1", "y1", "x2", "y2",
    "width", "height", "rx", "fill", "stroke", "stroke-width", "font-size", "text-anchor",
    "dominant-baseline", "transform",
)  # fmt: skip


def element(tag: str, attrs: Mapping[str, str | int] | None = None, children: Sequence[Element] = ()) -> Element:
    """One SVG element, limited to the tags and attributes the page knows how to draw safely."""
    if tag not in SVG_TAGS:
        raise ValueError(f"SVG tag {tag!r} is not allowed.")
    clean: dict[str, str] = {}
    for name, value in (attrs or {}).items():
        if name not in SVG_ATTRIBUTES:
            raise ValueError(f"SVG attribute {name!r} is not allowed.")
        clean[name] = str(value)
    return {"tag": tag, "attrs": clean, "children": list(children)}


def text_node(words: str) -> Element:
    """Text inside an SVG element; the only place reader-typed words may go."""
    return {"text": words}


CHART_ROW = 36
CHART_BAR = 22
CHART_WIDTH = 480
CHART_LABEL_RIGHT = 176
CHART_BAR_LEFT = 184
CHART_BAR_SPACE = 236


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[int],
    columns: Sequence[str],
    scale_max: int | None = None,
) -> Block:
    """A horizontal bar chart drawn with currentColor and class names, plus a table of the same data.

    Whole-number coordinates keep the output identical on every Python.
    """
    top = max([scale_max or 0, *values, 1])
    height = 16 + CHART_ROW * len(labels)
    title_id = f"onward-chart-{chart_id}-title"
    desc_id = f"onward-chart-{chart_id}-desc"
    rows: list[Element] = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 8 + CHART_ROW * index
        middle = y + CHART_ROW // 2
        width = value * CHART_BAR_SPACE // top
        parts = [
            element(
                "text",
                {
                    "class": "onward-chart__label",
                    "x": CHART_LABEL_RIGHT,
                    "y": middle,
                    "text-anchor": "end",
                    "dominant-baseline": "middle",
                    "fill": "currentColor",
                    "font-size": 13,
                },
                [text_node(label)],
            )
        ]
        if width > 0:
            parts.append(
                element(
                    "rect",
                    {
                        "class": "onward-chart__bar",
                        "x": CHART_BAR_LEFT,
                        "y": middle - CHART_BAR // 2,
                        "width": width,
                        "height": CHART_BAR,
                        "rx": 3,
                        "fill": "currentColor",
                    },
                )
            )
        parts.append(
            element(
                "text",
                {
                    "class": "onward-chart__label",
                    "x": CHART_BAR_LEFT + width + 8,
                    "y": middle,
                    "dominant-baseline": "middle",
                    "fill": "currentColor",
                    "font-size": 13,
                },
                [text_node(str(value))],
            )
        )
        rows.append(element("g", {}, parts))
    axis = element(
        "line",
        {
            "class": "onward-chart__axis",
            "x1": CHART_BAR_LEFT,
            "y1": 4,
            "x2": CHART_BAR_LEFT,
            "y2": height - 4,
            "stroke": "currentColor",
            "stroke-width": 1,
        },
    )
    svg = element(
        "svg",
        {"viewBox": f"0 0 {CHART_WIDTH} {height}", "role": "img", "aria-labelledby": f"{title_id} {desc_id}"},
        [
            element("title", {"id": title_id}, [text_node(title)]),
            element("desc", {"id": desc_id}, [text_node(description)]),
            axis,
            *rows,
        ],
    )
    data = table(title, columns, [[label, value] for label, value in zip(labels, values, strict=True)])
    return {"kind": "chart", "title": title, "description": description, "svg": svg, "table": data}


# ---- iCalendar ----------------------------------------------------------------------------

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day reminder on a given day."""

    day: date
    summary: str
    description: str = ""


def ics_escape(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and line breaks, dropping other control characters."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL_CHARACTERS.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_fold(line: str) -> str:
    """Fold one content line at 75 octets, never splitting a UTF-8 character, joined with CRLF and a space."""
    pieces: list[str] = []
    current = ""
    current_size = 0
    limit = 75
    for character in line:
        size = len(character.encode("utf-8"))
        if current_size + size > limit:
            pieces.append(current)
            current, current_size, limit = "", 0, 74  # a continuation line starts with one space
        current += character
        current_size += size
    pieces.append(current)
    return "\r\n ".join(pieces)


def ics_date(day: date) -> str:
    """A DATE value, such as 20261126."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def event_uid(worksheet: str, event: CalendarEvent) -> str:
    """A UID that stays the same while the event's subject and date stay the same, so re-imports replace."""
    source = "\n".join([worksheet, event.summary, event.day.isoformat()])
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:32] + "@onward"


def ics_text(worksheet: str, events: Sequence[CalendarEvent], today: date) -> str:
    """A complete VCALENDAR with one all-day VEVENT per event, CRLF line endings and no alarms."""
    stamp = ics_date(today) + "T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Onward//Worksheet insights//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event_uid(worksheet, event)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{ics_date(event.day)}",
            f"DTEND;VALUE=DATE:{ics_date(event.day + timedelta(days=1))}",
            f"SUMMARY:{ics_escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{ics_escape(event.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(ics_fold(line) + "\r\n" for line in lines)


def unique_events(worksheet: str, events: Iterable[CalendarEvent]) -> list[CalendarEvent]:
    """Events in date order, with repeats (same UID) dropped so a calendar never shows one twice."""
    ordered = sorted(events, key=lambda event: (event.day, event.summary, event.description))
    kept: list[CalendarEvent] = []
    seen: list[str] = []
    for event in ordered:
        uid = event_uid(worksheet, event)
        if uid not in seen:
            seen.append(uid)
            kept.append(event)
    return kept


def calendar(worksheet: str, title: str, filename: str, events: Iterable[CalendarEvent], today: date) -> Block | None:
    """A calendar block with an .ics file to download, or None when nothing is dated."""
    kept = unique_events(worksheet, events)
    if not kept:
        return None
    return {
        "kind": "calendar",
        "title": title,
        "filename": filename,
        "events": len(kept),
        "ics": ics_text(worksheet, kept, today),
    }


# ---- Word matching that behaves the same on every Python ------------------------------------

# Letters that count as part of a word: ASCII letters and digits plus the Latin-1 and
# Latin Extended-A/B letters. A fixed set, rather than \w, keeps matching identical across
# Python versions whose Unicode tables differ.
WORD_CHARACTERS = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"


def normalise_for_matching(value: str) -> str:
    """Straighten curly apostrophes and odd spaces so phrase patterns see plain words."""
    return value.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ").replace("\u202f", " ")


def phrase_pattern(phrase: str, not_followed_by: str = "") -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for a phrase, allowing any spacing between its words."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    tail = f"(?!{not_followed_by})" if not_followed_by else ""
    return re.compile(rf"(?<![{WORD_CHARACTERS}]){body}(?![{WORD_CHARACTERS}]){tail}", re.IGNORECASE | re.ASCII)


def contains_phrase(value: str, pattern: re.Pattern[str]) -> bool:
    """Whether the pattern occurs in the text, after normalising apostrophes and spaces."""
    return pattern.search(normalise_for_matching(value)) is not None
