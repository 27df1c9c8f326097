"""Result blocks: the plain data the page turns into paragraphs, lists, tables, charts and drafts.

Python writes no HTML. Each block is a small dict of text the page puts into DOM nodes with
textContent; a chart is an element tree limited to a few SVG tags and attributes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._facts import is_known_target
from ._i18n import _

Block = dict[str, Any]
Result = dict[str, Any]
Element = dict[str, Any]


def result(worksheet: str, summary: str, blocks: Iterable[Block | None]) -> Result:
    """The result every worksheet returns, with empty blocks (None) left out."""
    return {"worksheet": worksheet, "summary": summary, "blocks": [block for block in blocks if block]}


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
    """One suggested next step and the guide section ("page#section") or worksheet ("worksheets/ID") behind it."""

    text: str
    target: str


def next_steps(title: str, steps: Sequence[Step]) -> Block | None:
    """A next-steps block, de-duplicated; None when there is nothing to suggest.

    A step whose target this site does not have (a career centre took the section out)
    keeps its words and loses its link: the target is left empty.
    """
    seen: list[tuple[str, str]] = []
    items: list[dict[str, str]] = []
    for step in steps:
        if (step.text, step.target) in seen:
            continue
        seen.append((step.text, step.target))
        items.append({"text": step.text, "target": step.target if is_known_target(step.target) else ""})
    return {"kind": "next_steps", "title": title, "items": items} if items else None


def nothing_yet(worksheet: str, summary: str, step: Step) -> Result:
    """The result for a worksheet with nothing in it yet: a kind word and one place to start."""
    return result(worksheet, summary, [next_steps(_("A place to start"), [step])])


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
