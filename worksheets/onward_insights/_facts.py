"""What the YAML says, as the build wrote it into ``site_facts.json``: guide sections, worksheets, fields.

The insights keep no copy of these. The site's build writes the file from the guide and
worksheets it loaded (a career centre's overlay included), so the option labels shown and
the guide sections linked are the ones this site has. The copy committed beside the code is
the reference site's, for the tests; a test regenerates it to keep it current.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

FACTS_PATH = Path(__file__).resolve().parent / "site_facts.json"


@dataclass(frozen=True)
class Field:
    """One field as the form stores it: its type, label, options (values in form order) and children."""

    id: str
    type: str
    label: str = ""
    options: tuple[str, ...] = ()
    option_labels: Mapping[str, str] = field(default_factory=dict)
    low: int = 0
    high: int = 0
    item_label: str = ""
    fields: Mapping[str, Field] = field(default_factory=dict)

    def label_of(self, value: str) -> str:
        """The label the form shows for an option value (the value itself for one the form no longer has)."""
        return self.option_labels.get(value, value)


Fields = Mapping[str, Field]


def _field(data: Mapping[str, Any]) -> Field:
    options = tuple(value for value, _label in data.get("options", []))
    return Field(
        id=data["id"],
        type=data["type"],
        label=data.get("label", ""),
        options=options,
        option_labels={value: label for value, label in data.get("options", [])},
        low=data.get("min", 0),
        high=data.get("max", 0),
        item_label=data.get("item_label", ""),
        fields={child["id"]: _field(child) for child in data.get("fields", [])},
    )


@cache
def facts() -> Mapping[str, Any]:
    """The whole file, read once."""
    return json.loads(FACTS_PATH.read_text(encoding="utf-8"))


def worksheet_ids() -> tuple[str, ...]:
    """The worksheets this site has, in id order."""
    return tuple(facts()["worksheets"])


@cache
def fields_of(worksheet: str) -> Fields:
    """A worksheet's fields by id, as the form has them on this site."""
    return {data["id"]: _field(data) for data in facts()["worksheets"][worksheet]["fields"]}


def field_at(worksheet: str, path: str) -> Field:
    """One field by its path: "stage" at the top, or "applications/stage" inside a group."""
    found: Field | None = None
    level = fields_of(worksheet)
    for part in path.split("/"):
        found = level[part]
        level = found.fields
    assert found is not None
    return found


def is_known_target(target: str) -> bool:
    """Whether a next step's target is on this site: a guide page, a section ("page#id") or "worksheets/ID"."""
    if target.startswith("worksheets/"):
        return target.removeprefix("worksheets/") in facts()["worksheets"]
    page, _, section = target.partition("#")
    sections = facts()["guide"].get(page)
    if sections is None:
        return False
    return section == "" or section in sections
