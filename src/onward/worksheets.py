"""Load worksheet definitions (``worksheets/ID.yml``) into a checked model.

A worksheet's fields are components of kind "field": each field type's spec in
``macros/`` is the JSON Schema its definition must satisfy, exactly as block
types are for guide pages. Errors name file, line and path.
"""

from __future__ import annotations

import difflib

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .components import KIND_FIELD, ROLE_MARKDOWN, Component, walk_roles
from .errors import ContentError, Path_, Problem
from .fallback import english_within, left_english, marked
from .links import check_target, inline_targets
from .sources import WorksheetSource, read_worksheets, yaml_files
from .validation import ID_SCHEMA, MARKDOWN_SCHEMA, PROSE_SCHEMA, TYPED_ITEM_SCHEMA, document_problems, schema_problems
from .yamlsource import YamlDocument

GROUP = "group"
NOTE = "note"  # a field that asks nothing
_FIELD_SHELL = TYPED_ITEM_SCHEMA

WORKSHEET_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {**ID_SCHEMA, "description": "the worksheet id; the file must be named ID.yml"},
        "version": {"type": "integer", "minimum": 1, "description": "bumped whenever the fields change"},
        "title": {**PROSE_SCHEMA, "description": "the worksheet's heading"},
        "nav_title": {**PROSE_SCHEMA, "description": "a shorter title for the navigation"},
        "summary": {**PROSE_SCHEMA, "description": "one sentence: the page description and index card text"},
        "why": {**MARKDOWN_SCHEMA, "description": "why this worksheet helps (inline Markdown)"},
        "time": {**PROSE_SCHEMA, "description": "how long it takes"},
        "order": {"type": "integer", "description": "position in the worksheet list, lowest first"},
        "caution": {**MARKDOWN_SCHEMA, "description": "a gentle warning shown before the form (inline Markdown)"},
        "reference": {
            "type": "object",
            "description": "a reference box kept visible beside the form",
            "properties": {
                "title": PROSE_SCHEMA,
                "intro": MARKDOWN_SCHEMA,
                "items": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "properties": {"title": PROSE_SCHEMA, "text": MARKDOWN_SCHEMA},
                        "required": ["title", "text"],
                        "additionalProperties": False,
                    },
                },
            },
            "required": ["title", "items"],
            "additionalProperties": False,
        },
        "fields": {"type": "array", "minItems": 1, "items": _FIELD_SHELL},
    },
    "required": ["id", "version", "title", "summary", "why", "time", "fields"],
    "additionalProperties": False,
}


# Every field type may say which ids it had before, so stored answers follow a renamed field.
RENAMED_FROM_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": ID_SCHEMA,
    "minItems": 1,
    "uniqueItems": True,
    "description": "ids this field had in earlier versions; answers saved under them move to this field",
}


@dataclass(frozen=True)
class Field:
    """One question in a worksheet; ``fields`` holds a group's own fields."""

    type: str
    id: str
    params: Mapping[str, Any]
    fields: tuple["Field", ...] = ()
    renamed_from: tuple[str, ...] = ()
    english: frozenset[Path_] = field(default=frozenset(), compare=False)  # params left untranslated
    gathers: tuple[str, ...] = ()  # a group's: earlier top-level answers that become its first entry

    def shown(self) -> dict[str, Any]:
        """The params as the form shows them: any left in English marked as such."""
        return marked(dict(self.params), self.english)

    def definition(self) -> dict[str, Any]:
        """What the browser needs to carry answers across versions and print them."""
        found: dict[str, Any] = {"id": self.id, "type": self.type, "label": self.params.get("label", "")}
        if self.renamed_from:
            found["renamed_from"] = list(self.renamed_from)
        if self.gathers:
            found["gathers"] = list(self.gathers)
        if "options" in self.params:
            found["options"] = [[o["value"], o["label"]] for o in self.params["options"]]
        if "item_label" in self.params:
            found["item_label"] = self.params["item_label"]
        if self.type == "scale":
            # The points the form offers: a stored number off them is kept aside, not shown as nothing.
            found.update(min=self.params["min"], max=self.params["max"], step=self.params.get("step", 1))
        if self.fields:
            found["fields"] = [child.definition() for child in self.fields if child.type != NOTE]
        return found


@dataclass(frozen=True)
class Worksheet:
    id: str
    version: int
    title: str
    nav_title: str
    order: int
    summary: str
    why: str
    time: str
    caution: str | None
    reference: Mapping[str, Any] | None
    fields: tuple[Field, ...]
    source: str
    english: frozenset[Path_] = field(default=frozenset(), compare=False)  # its own texts left untranslated

    @property
    def src_uri(self) -> str:
        return f"worksheets/{self.id}.md"

    def shown(self, name: str) -> Any:
        """``title``, ``summary``, ``why``, ``reference``... as the site shows it: any part left in English marked."""
        return marked(getattr(self, name), english_within(self.english, (name,)))

    def definition(self) -> dict[str, Any]:
        """The worksheet as plain data for the browser: its questions, their types and old ids."""
        return {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "fields": [field.definition() for field in self.fields if field.type != NOTE],
        }


def worksheet_files(folder: Path) -> dict[str, Path]:
    return yaml_files(folder)


def worksheet_ids(folder: Path) -> list[str]:
    """The ids the guide may refer to, known before the worksheets themselves are read."""
    return sorted(worksheet_files(folder))


def load_worksheets(
    folder: Path,
    components: Mapping[str, Component],
    anchors: Mapping[str, frozenset[str]] | None = None,
    root: Path | None = None,
) -> dict[str, Worksheet]:
    """Every ``*.yml`` in ``folder`` as it is (no overlay), checked; raise ContentError listing all problems.

    ``anchors`` (page id -> its anchors) lets links in worksheet text be checked against the guide.
    """
    sources, problems = read_worksheets(worksheet_files(folder), root)
    worksheets = build_worksheets(sources, components, anchors, problems=problems)
    if problems:
        raise ContentError(problems)
    return worksheets


def build_worksheets(
    sources: Mapping[str, WorksheetSource],
    components: Mapping[str, Component],
    anchors: Mapping[str, frozenset[str]] | None = None,
    displaced_anchors: Mapping[str, frozenset[str]] | None = None,
    notes: list[str] | None = None,
    problems: list[Problem] | None = None,
) -> dict[str, Worksheet]:
    """The worksheets built from their (already merged) sources; every problem is added to ``problems``.

    A link in one of Onward's own worksheets whose target the overlay took away
    (it is in ``displaced_anchors``) is not an error: it goes to ``notes`` and
    renders as plain text.
    """
    problems = [] if problems is None else problems
    worksheets: dict[str, Worksheet] = {}
    for source in sources.values():
        doc = source.doc
        worksheet, found = _build_worksheet(doc, source.id, components)
        problems.extend(found)
        if worksheet is not None and anchors is not None:
            for problem, target in _link_problems(doc, components, anchors):
                taken = displaced_anchors and check_target(target, "", displaced_anchors) is None
                if taken and not source.own:
                    if notes is not None:
                        notes.append(f"{problem} (removed by the overlay: shown without the link)")
                else:
                    problems.append(problem)
        if worksheet is not None:
            worksheets[worksheet.id] = worksheet
    return dict(sorted(worksheets.items(), key=lambda item: (item[1].order, item[1].title)))


def field_types(fields: Iterable[Field], prefix: str = "") -> dict[str, str]:
    """Each field's answer key (a group's fields as "group/field") and its type."""
    found: dict[str, str] = {}
    for item in fields:
        found[prefix + item.id] = item.type
        found.update(field_types(item.fields, f"{prefix}{item.id}/"))
    return found


def _build_worksheet(
    doc: YamlDocument, stem: str, components: Mapping[str, Component]
) -> tuple[Worksheet | None, list[Problem]]:
    data = doc.data
    problems = document_problems(doc, WORKSHEET_SCHEMA, stem)
    if any(p.path != ("id",) for p in problems):
        return None, problems
    fields = _build_fields(doc, data["fields"], ("fields",), components, problems, allow_groups=True)
    worksheet = Worksheet(
        id=data["id"],
        version=data["version"],
        title=data["title"],
        nav_title=data.get("nav_title", data["title"]),
        order=data.get("order", 1000),
        summary=data["summary"],
        why=data["why"],
        time=data["time"],
        caution=data.get("caution"),
        reference=data.get("reference"),
        fields=fields,
        source=doc.name,
        english=left_english(doc, ()),
    )
    return worksheet, problems


def _build_fields(
    doc: YamlDocument,
    items: list[dict[str, Any]],
    prefix: Path_,
    components: Mapping[str, Component],
    problems: list[Problem],
    allow_groups: bool,
) -> tuple[Field, ...]:
    fields: list[Field] = []
    seen: dict[str, Path_] = {}
    known = sorted(name for name, c in components.items() if c.kind == KIND_FIELD)
    for index, item in enumerate(items):
        path = prefix + (index,)
        component = components.get(item["type"])
        if component is None or component.kind != KIND_FIELD or (item["type"] == GROUP and not allow_groups):
            allowed = known if allow_groups else [k for k in known if k != GROUP]
            reason = "a group cannot hold another group" if item["type"] == GROUP else "unknown field type"
            close = difflib.get_close_matches(str(item["type"]), allowed, n=1)
            hint = f"; did you mean '{close[0]}'?" if close and item["type"] != GROUP else ""
            problems.append(
                doc.problem(path + ("type",), f"{reason} '{item['type']}'{hint} (known types: {', '.join(allowed)})")
            )
            continue
        renamed_from = item.get("renamed_from")
        found = []
        if renamed_from is not None:
            found = schema_problems(doc, renamed_from, RENAMED_FROM_SCHEMA, path + ("renamed_from",))
        item = {k: v for k, v in item.items() if k != "renamed_from"}
        found += schema_problems(doc, item, component.block_schema, path)
        problems.extend(found)
        if found:
            continue
        if item["id"] in seen:
            first = doc.line_of(seen[item["id"]])
            problems.append(doc.problem(path + ("id",), f"duplicate field id '{item['id']}' (first used on line {first})"))
            continue
        seen[item["id"]] = path + ("id",)
        problems.extend(_limit_problems(doc, item, path))
        children: tuple[Field, ...] = ()
        if item["type"] == GROUP:
            children = _build_fields(doc, item["fields"], path + ("fields",), components, problems, allow_groups=False)
        params = {k: v for k, v in item.items() if k not in ("type", "fields", "gathers")}
        gathers = tuple(item.get("gathers", ()))
        english = left_english(doc, path)
        fields.append(
            Field(item["type"], item["id"], params, children, tuple(renamed_from or ()), english=english, gathers=gathers)
        )
    problems.extend(_rename_problems(doc, fields, prefix))
    problems.extend(_gather_problems(doc, fields, prefix))
    return tuple(fields)


def _rename_problems(doc: YamlDocument, fields: list[Field], prefix: Path_) -> list[Problem]:
    """An old id must be free: not a current field's id and not claimed by two fields."""
    problems = []
    current = {field.id for field in fields}
    claimed: dict[str, str] = {}
    for index, field in enumerate(fields):
        for old in field.renamed_from:
            path = prefix + (index, "renamed_from")
            if old in current:
                problems.append(doc.problem(path, f"'{old}' is still the id of a field here, so answers cannot move"))
            elif old in claimed:
                problems.append(doc.problem(path, f"'{old}' is already claimed by field '{claimed[old]}'"))
            claimed.setdefault(old, field.id)
    return problems


def _gather_problems(doc: YamlDocument, fields: list[Field], prefix: Path_) -> list[Problem]:
    """A group's gathered ids: each names one of its fields, is free at the top level, and is claimed once."""
    problems = []
    current = {field.id for field in fields}
    claimed = {old: field.id for field in fields for old in field.renamed_from}
    for index, field in enumerate(fields):
        children = {child.id: child.id for child in field.fields}
        children.update({old: child.id for child in field.fields for old in child.renamed_from})
        for position, gathered in enumerate(field.gathers):
            path = prefix + (index, "gathers", position)
            if gathered not in children:
                known = ", ".join(child.id for child in field.fields)
                problems.append(
                    doc.problem(path, f"'{gathered}' is not a field of this group (its fields: {known})")
                )
            elif gathered in current:
                problems.append(
                    doc.problem(path, f"'{gathered}' is still the id of a field here, so its answers cannot move")
                )
            elif gathered in claimed:
                problems.append(doc.problem(path, f"'{gathered}' is already claimed by field '{claimed[gathered]}'"))
            claimed.setdefault(gathered, field.id)
    return problems


def _limit_problems(doc: YamlDocument, item: Mapping[str, Any], path: Path_) -> list[Problem]:
    """Checks JSON Schema cannot express: a scale's range, unique option values."""
    problems = []
    if item["type"] == "scale":
        step = item.get("step", 1)
        if item["max"] <= item["min"]:
            problems.append(doc.problem(path + ("max",), "should be greater than min"))
        elif (item["max"] - item["min"]) % step or (item["max"] - item["min"]) // step > 10:
            problems.append(doc.problem(path + ("step",), "the scale should have at most 11 points, evenly spaced"))
    values = [option["value"] for option in item.get("options", [])]
    for index, value in enumerate(values):
        if value in values[:index]:
            problems.append(doc.problem(path + ("options", index, "value"), f"duplicate option value '{value}'"))
    return problems


_TEXT_PATHS: tuple[tuple[str | int, ...], ...] = (("why",), ("caution",), ("reference", "intro"))


def _link_problems(
    doc: YamlDocument, components: Mapping[str, Component], anchors: Mapping[str, frozenset[str]]
) -> list[tuple[Problem, str]]:
    """Internal links in a worksheet's text must lead somewhere in the guide."""
    texts: list[tuple[Path_, str]] = []
    data = doc.data
    for path in _TEXT_PATHS:
        value: Any = data
        for step in path:
            value = value.get(step) if isinstance(value, dict) else None
        if isinstance(value, str):
            texts.append((path, value))
    for index, item in enumerate((data.get("reference") or {}).get("items", [])):
        texts.append((("reference", "items", index, "text"), item["text"]))

    def field_texts(items: object, prefix: Path_) -> None:
        # Runs before the fields are checked: anything malformed is reported by _build_fields.
        for index, item in enumerate(items if isinstance(items, list) else []):
            component = components.get(item.get("type")) if isinstance(item, dict) else None
            if component is None:
                continue
            for role, path, value in walk_roles(item, component.block_schema):
                if role == ROLE_MARKDOWN:
                    texts.append((prefix + (index,) + path, value))
            if item["type"] == GROUP:
                field_texts(item.get("fields"), prefix + (index, "fields"))

    field_texts(data.get("fields") if isinstance(data, dict) else None, ("fields",))
    problems: list[tuple[Problem, str]] = []
    for path, text in texts:
        for target in inline_targets(text):
            message = check_target(target, "", anchors)
            if message:
                problems.append((doc.problem(path, message), target))
    return problems
