"""The reading age of every page of the guide, and of every worksheet's questions.

Readers are often upset, and some read on a phone late at night, so the guide aims at
text a 12 to 14 year old reads easily: a Flesch-Kincaid grade of 8 or lower. This reads
the words a reader sees (titles, paragraphs, list items, labels, hints; not ids, link
targets or sample messages, which are the reader's own to rewrite) and prints one row
per page (grade for every word, grade for running prose alone, reading ease, words):

    .venv/bin/python tools/reading_age.py          # a table, hardest first
    .venv/bin/python tools/reading_age.py --max 8  # also exit 1 when a page is above grade 8

textstat 0.7.4 is pinned: it counts syllables with pyphen, offline.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import textstat

from onward.paths import bundled
from onward.yamlsource import load_yaml

GOAL = 8.0
# Keys whose strings are not read as prose: ids, link targets, types, and sample messages.
NOT_PROSE = {"id", "type", "to", "worksheet", "style", "order", "version", "kind", "renamed_from", "value",
             "source", "checked", "phone", "url", "min", "max", "step", "rows", "max_items"}
SKIP_BLOCKS = {"sample_message"}
# Headings and labels: short, so they pull a grade down; the "prose" figure leaves them out.
HEADINGS = {"title", "nav_title", "label", "item_label", "add_label", "min_label", "max_label", "harsh_label",
            "kinder_label", "question", "by"}
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MARKUP = re.compile(r"[*_`#>]")


@dataclass(frozen=True)
class Score:
    name: str
    grade: float  # every word a reader sees
    prose_grade: float  # running text only: paragraphs, list items, hints, without headings and labels
    ease: float
    words: int


def prose(value: Any, key: str = "", skip: frozenset[str] = frozenset(NOT_PROSE)) -> Iterator[str]:
    """Every string a reader sees, as sentences (a title or label without a full stop gets one)."""
    if isinstance(value, dict):
        if value.get("type") in SKIP_BLOCKS:
            return
        for item_key, item in value.items():
            if item_key not in skip:
                yield from prose(item, item_key, skip)
    elif isinstance(value, list):
        for item in value:
            yield from prose(item, key, skip)
    elif isinstance(value, str):
        text = MARKUP.sub("", LINK.sub(r"\1", value)).strip()
        if text:
            yield text if text[-1] in ".?!:" else f"{text}."


def score(name: str, data: Any) -> Score:
    text = " ".join(prose(data))
    running = " ".join(prose(data, skip=frozenset(NOT_PROSE | HEADINGS)))
    return Score(name, textstat.flesch_kincaid_grade(text), textstat.flesch_kincaid_grade(running),
                 textstat.flesch_reading_ease(text), textstat.lexicon_count(text))


def scores() -> list[Score]:
    """One score per guide page and per worksheet, hardest first."""
    found = []
    for folder, prefix in ((bundled("content"), ""), (bundled("worksheets"), "worksheets/")):
        for file in sorted(folder.glob("*.yml")):
            found.append(score(f"{prefix}{file.stem}", load_yaml(file).data))
    return sorted(found, key=lambda s: -s.prose_grade)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max", type=float, help="exit 1 when any page's grade is above this")
    args = parser.parse_args(argv)
    rows = scores()
    print(f"{'page':32} {'FK grade':>8} {'prose':>6} {'ease':>6} {'words':>6}")
    for row in rows:
        print(f"{row.name:32} {row.grade:8.1f} {row.prose_grade:6.1f} {row.ease:6.1f} {row.words:6d}")
    above = [row.name for row in rows if args.max is not None and max(row.grade, row.prose_grade) > args.max]
    if above:
        print(f"above grade {args.max:g}: {', '.join(above)}", file=sys.stderr)
    return 1 if above else 0


if __name__ == "__main__":
    sys.exit(main())
