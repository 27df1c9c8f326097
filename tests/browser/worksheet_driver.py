"""Fill, read and check any worksheet in a real page, driven by its YAML definition."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from playwright.sync_api import Page

from onward.components import load_components
from onward.paths import bundled
from onward.worksheets import GROUP, Field, Worksheet, load_worksheets

WORKSHEETS: dict[str, Worksheet] = load_worksheets(bundled("worksheets"), load_components(bundled("macros")))
TEXT_TYPES = ("short_text", "long_text", "date")
TYPED_TEXT = ("short_text", "long_text")  # the fields a person types free text into
LONG_TEXT = ("Line one, with unicode: café, 東京, Ω.\nAn emoji: 🌱🙂\n\n" + "steady words " * 800)[:10_000]
SHORT_TEXT = "Ünïcode ✓ & emoji 🌱 <b>bold?</b>"


def field_id(worksheet: Worksheet, field: Field, entry: int | None = None, group: Field | None = None) -> str:
    """The HTML id the build gives a field (see Renderer.render_field)."""
    if group is not None:
        return f"ow-{worksheet.id}-{group.id}-{entry}-{field.id}"
    return f"ow-{worksheet.id}-{field.id}"


def sample_value(field: Field, seed: int = 0) -> Any:
    """A value for every kind of field, awkward on purpose: unicode, emoji, newlines, length."""
    params = field.params
    if field.type == "short_text":
        return f"{SHORT_TEXT} {seed}"[: params.get("max_length", 200)]
    if field.type == "long_text":
        return LONG_TEXT if seed == 0 else f"Entry {seed}\nsecond line 🙂"
    if field.type == "date":
        return f"2026-11-{10 + seed:02d}"
    options = [o["value"] for o in params.get("options", [])]
    if field.type == "single_choice":
        return options[(seed + 1) % len(options)]
    if field.type in ("multiple_choice", "checklist"):
        return sorted({options[0], options[-1]}, key=options.index)
    if field.type == "scale":
        step = params.get("step", 1)
        return params["min"] + step * ((seed + 1) % ((params["max"] - params["min"]) // step + 1))
    raise ValueError(field.type)


def sample_answers(worksheet: Worksheet, entries: int = 2) -> dict[str, Any]:
    """Answers for every field of a worksheet (groups get ``entries`` entries)."""
    answers: dict[str, Any] = {}
    for field in worksheet.fields:
        if field.type == "note":
            continue
        if field.type == GROUP:
            answers[field.id] = [
                {child.id: sample_value(child, seed + 1) for child in field.fields if child.type != "note"}
                for seed in range(entries)
            ]
        else:
            answers[field.id] = sample_value(field)
    return answers


def set_field(page: Page, html_id: str, field: Field, value: Any) -> None:
    if field.type in TEXT_TYPES:
        page.locator(f"#{html_id}").fill(value)
    elif field.type in ("single_choice", "scale"):
        page.locator(f"#{html_id}-{value}").check()
    else:
        for option in field.params["options"]:
            box = page.locator(f"#{html_id}-{option['value']}")
            box.check() if option["value"] in value else box.uncheck()


def get_field(page: Page, html_id: str, field: Field) -> Any:
    if field.type in TEXT_TYPES:
        return page.locator(f"#{html_id}").input_value()
    values = [o["value"] for o in field.params["options"]] if "options" in field.params else [
        str(v) for v in range(field.params["min"], field.params["max"] + 1, field.params.get("step", 1))
    ]
    chosen = [v for v in values if page.locator(f"#{html_id}-{v}").is_checked()]
    if field.type == "scale":
        return int(chosen[0]) if chosen else None
    if field.type == "single_choice":
        return chosen[0] if chosen else None
    return chosen


def fill(page: Page, worksheet: Worksheet, answers: dict[str, Any]) -> None:
    """Type the answers in as a person would, adding group entries with the add button."""
    for field in worksheet.fields:
        if field.id not in answers:
            continue
        if field.type == GROUP:
            add = page.locator(f'[data-onward-field="{field.id}"] [data-onward-add]')
            for index, entry in enumerate(answers[field.id]):
                if index > 0:
                    add.click()
                for child in field.fields:
                    if child.id in entry:
                        set_field(page, field_id(worksheet, child, index, field), child, entry[child.id])
        else:
            set_field(page, field_id(worksheet, field), field, answers[field.id])


def read_form(page: Page, worksheet: Worksheet) -> dict[str, Any]:
    """What the form shows now, in the shape of stored answers."""
    answers: dict[str, Any] = {}
    for field in worksheet.fields:
        if field.type == "note":
            continue
        if field.type == GROUP:
            count = page.locator(f'[data-onward-field="{field.id}"] [data-onward-entry]').count()
            answers[field.id] = [
                {c.id: get_field(page, field_id(worksheet, c, i, field), c) for c in field.fields if c.type != "note"}
                for i in range(count)
            ]
        else:
            answers[field.id] = get_field(page, field_id(worksheet, field), field)
    return answers


def with_typed_text(worksheet: Worksheet, answers: dict[str, Any], text: str) -> dict[str, Any]:
    """``answers`` with ``text`` as the answer to every free-text question, grouped or not."""
    for field in worksheet.fields:
        if field.type in TYPED_TEXT:
            answers[field.id] = text
        for entry in answers.get(field.id, []) if field.type == GROUP else []:
            for child in field.fields:
                if child.type in TYPED_TEXT:
                    entry[child.id] = text
    return answers


def stored_record(page: Page, worksheet_id: str) -> dict[str, Any] | None:
    return page.evaluate(
        """(id) => {
            const ns = document.querySelector('meta[name="onward-storage"]').content;
            const text = localStorage.getItem(`onward:${ns}:worksheet:${id}`);
            return text === null ? null : JSON.parse(text);
        }""",
        worksheet_id,
    )


def wait_for_stored(page: Page, worksheet_id: str, answers: dict[str, Any]) -> None:
    """Wait until storage holds exactly these answers (saving is debounced)."""
    page.wait_for_function(
        """([id, expected]) => {
            const ns = document.querySelector('meta[name="onward-storage"]').content;
            const text = localStorage.getItem(`onward:${ns}:worksheet:${id}`);
            if (text === null) return false;
            const answers = JSON.parse(text).answers;
            return Object.entries(expected).every(([k, v]) => JSON.stringify(answers[k]) === JSON.stringify(v));
        }""",
        arg=[worksheet_id, answers],
        timeout=5_000,
    )


def first_text_field(worksheet: Worksheet) -> tuple[Field, Field | None]:
    """The first short or long text field (and its group, if it sits in one)."""
    for field in worksheet.fields:
        if field.type in TYPED_TEXT:
            return field, None
        if field.type == GROUP:
            for child in field.fields:
                if child.type in TYPED_TEXT:
                    return child, field
    raise LookupError(worksheet.id)


# Playwright tells every page it has focus. A real browser tells only the tab in use: the
# others keep their activeElement but document.hasFocus() is false. Pages opened in a context
# with this script follow `in_use` instead.
TAB_FOCUS_SCRIPT = "document.hasFocus = () => window.__onwardInUse !== false;"


def in_use(page: Page, *others: Page) -> None:
    """Make `page` the tab the person is using, and `others` tabs in the background."""
    for other in others:
        other.evaluate("window.__onwardInUse = false; window.dispatchEvent(new Event('blur'))")
    page.evaluate("window.__onwardInUse = true")


def fewest_covering(features: Callable[[Worksheet], set[Hashable]]) -> list[str]:
    """The fewest worksheets, chosen greedily, that between them have every feature any has.

    Every worksheet runs the same binding code; what differs is the kinds of field it holds. A
    behaviour of that shared code is proven on each kind of field once, not on every worksheet
    (the checks that depend on a worksheet's own content still run on all of them).
    """
    held = {worksheet_id: set(features(worksheet)) for worksheet_id, worksheet in sorted(WORKSHEETS.items())}
    left = set().union(*held.values())
    chosen: list[str] = []
    while left:
        best = max(held, key=lambda worksheet_id: len(held[worksheet_id] & left))
        chosen.append(best)
        left -= held[best]
    return sorted(chosen)


def text_fields_by_place(worksheet: Worksheet) -> set[tuple[str, bool]]:
    """Each kind of text field a worksheet has, with whether it sits in a group of entries."""
    found = {(field.type, False) for field in worksheet.fields if field.type in TYPED_TEXT}
    for group in (field for field in worksheet.fields if field.type == GROUP):
        found |= {(child.type, True) for child in group.fields if child.type in TYPED_TEXT}
    return found
