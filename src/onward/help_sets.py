"""Help sets: the services a reader can contact in one country, each number sourced.

A set is ``help/ID.yml`` (``uk``, ``ie``, ``us``...): the country, an optional
emergency line and the contacts (listening and crisis lines, the public careers
service). Every contact and emergency line records the official page its number
or address was confirmed on (``source``) and the date it was checked
(``checked``); the build refuses a set without them, naming file, line and field,
so a number nobody can trace never reaches a reader in distress.

A centre picks one set with ``help_set: ID``; a site that picks none lets the
reader choose a country in the help box. A set's words (its country, sentences and
hours) are translated like the guide (the ``help`` domain, ``translated``); its
numbers, addresses and sources never are. This module never imports MkDocs.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable, Mapping

from .errors import ContentError, Problem
from .paths import bundled
from .validation import ID_SCHEMA, PROSE_SCHEMA, document_problems, list_of
from .yamlsource import YamlDocument, load_yaml

KINDS = ("crisis", "listening", "health", "careers")  # also the order a set is shown in
GENERIC = "generic"  # help/generic.yml: the generic help box (site_defaults.py), not a country's set

_SOURCE = {
    "type": "string",
    "pattern": "^https?://[^\\s]+$",
    "description": "the official page the number or address was confirmed on (http:// or https://)",
}
_CHECKED = {
    "type": "string",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "description": "the date the source was checked, written YYYY-MM-DD",
}
_PHONE = {
    "type": "string",
    "pattern": "^\\+?[0-9][0-9 ()-]{1,}$",
    "description": "a phone number as people dial it (digits, spaces, brackets, hyphens, a leading +)",
}
_URL = {"type": "string", "pattern": "^https?://[^\\s]+$", "description": "a web address starting https://"}

SET_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {**ID_SCHEMA, "description": "the set's id; the file must be named ID.yml"},
        "country": {**PROSE_SCHEMA, "description": "the country's name in English"},
        "emergency": {
            "type": "object",
            "description": "the number to call when someone is in danger now, shown first at full size",
            "properties": {
                "phone": _PHONE,
                "text": {**PROSE_SCHEMA, "description": "one sentence saying when to call it, with the number in it"},
                "source": _SOURCE,
                "checked": _CHECKED,
            },
            "required": ["phone", "text", "source", "checked"],
            "additionalProperties": False,
        },
        "contacts": list_of(
            {
                "name": {**PROSE_SCHEMA, "description": "the service's name"},
                "kind": {"enum": list(KINDS), "description": "crisis, listening, health or careers"},
                "description": {**PROSE_SCHEMA, "description": "when and why to contact it, in a sentence or two"},
                "phone": _PHONE,
                "url": _URL,
                "hours": {**PROSE_SCHEMA, "description": "when it answers"},
                "source": _SOURCE,
                "checked": _CHECKED,
            },
            ["name", "kind", "description", "source", "checked"],
        ),
    },
    "required": ["id", "country", "contacts"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class HelpSet:
    """One country's checked services, in the order the help box shows them."""

    id: str
    country: str
    contacts: tuple[Mapping[str, Any], ...]
    emergency: Mapping[str, Any] | None = None
    doc: YamlDocument | None = field(default=None, compare=False, repr=False)  # where it was written

    def help_contacts(self) -> list[dict[str, Any]]:
        """The contacts as the help component takes them (the sources stay in the YAML)."""
        shown = ("name", "description", "phone", "url", "hours")
        ordered = sorted(self.contacts, key=lambda c: KINDS.index(c["kind"]))
        return [{key: contact[key] for key in shown if key in contact} for contact in ordered]


def _dates_as_text(value: Any) -> Any:
    """YAML reads 2026-12-01 as a date; the schema checks the text, as the editor wrote it."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    return value


def _meaning_problems(doc: YamlDocument) -> list[Problem]:
    """What a schema cannot say: a real date (not 2026-02-30), and an emergency sentence that names its number."""
    places = [("emergency",)] if doc.data.get("emergency") else []
    places += [("contacts", index) for index in range(len(doc.data["contacts"]))]
    problems = []
    emergency = doc.data.get("emergency")
    if emergency and emergency["phone"] not in emergency["text"]:
        problems.append(doc.problem(("emergency", "text"), f"should say the number ({emergency['phone']}) it asks people to call"))
    for place in places:
        item: Any = doc.data
        for step in place:
            item = item[step]
        try:
            datetime.date.fromisoformat(item["checked"])
        except ValueError:
            problems.append(doc.problem(place + ("checked",), f"'{item['checked']}' is not a real date"))
    return problems


def load_help_sets(folder: Path | None = None) -> dict[str, HelpSet]:
    """Every set in ``folder`` (Onward's own by default), checked; raise ContentError listing every problem."""
    return dict(_load_cached((folder or bundled("help")).resolve()))


@cache
def _load_cached(folder: Path) -> tuple[tuple[str, HelpSet], ...]:
    problems: list[Problem] = []
    sets = []
    for file in sorted(folder.glob("*.yml")):
        if file.stem == GENERIC:
            continue
        try:
            doc = load_yaml(file, f"help/{file.name}")
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        doc.data = _dates_as_text(doc.data)
        found = document_problems(doc, SET_SCHEMA, file.stem) if isinstance(doc.data, dict) else [
            doc.problem((), "should be a mapping of fields (id, country, contacts)")
        ]
        if not found:
            found = _meaning_problems(doc)
        problems.extend(found)
        if not found:
            sets.append((doc.data["id"], _help_set(doc)))
    if problems:
        raise ContentError(problems)
    return tuple(sets)


def _help_set(doc: YamlDocument) -> HelpSet:
    data = doc.data
    return HelpSet(data["id"], data["country"], tuple(data["contacts"]), data.get("emergency"), doc)


def translated(one: HelpSet, translate: Callable[[YamlDocument], YamlDocument]) -> HelpSet:
    """``one`` with its words from ``translate`` (a catalogue's); its emergency sentence must still give the number."""
    assert one.doc is not None
    doc = translate(one.doc)
    problems = _meaning_problems(doc)
    if problems:
        raise ContentError(problems)
    return _help_set(doc)


def unknown_set_message(name: str, known: list[str]) -> str:
    """What a centre is told when ``help_set`` names no set."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"no help set '{name}'{hint} (known: {', '.join(known)})"
