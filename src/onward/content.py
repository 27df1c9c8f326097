"""Load the guide from ``content/*.yml`` into a checked, typed model.

Every problem is collected and reported with file, line and path, so a broken
file stops the build with a message an editor can act on, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .components import ROLE_ANCHOR, ROLE_LINK, ROLE_MARKDOWN, ROLE_WORKSHEET, Component, walk_roles
from .errors import ContentError, Path_, Problem, display_name
from .links import check_target, inline_targets
from .validation import ID_SCHEMA, TEXT_SCHEMA, TYPED_ITEM_SCHEMA, document_problems, schema_problems
from .yamlsource import YamlDocument, load_yaml

_BLOCK_SHELL = TYPED_ITEM_SCHEMA

PAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {**ID_SCHEMA, "description": "the page id; the file must be named ID.yml"},
        "title": {**TEXT_SCHEMA, "description": "the page's heading"},
        "nav_title": {**TEXT_SCHEMA, "description": "a shorter title for the navigation"},
        "summary": {**TEXT_SCHEMA, "description": "one sentence: the page's description and card text"},
        "order": {"type": "integer", "description": "position in the navigation, lowest first"},
        "intro": {"type": "array", "items": _BLOCK_SHELL, "description": "blocks before the first section"},
        "sections": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "properties": {
                    "id": {**ID_SCHEMA, "description": "the section's anchor, unique across the guide"},
                    "title": {**TEXT_SCHEMA, "description": "the section heading"},
                    "blocks": {"type": "array", "minItems": 1, "items": _BLOCK_SHELL},
                },
                "required": ["id", "title", "blocks"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["id", "title", "summary", "order", "sections"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Block:
    """One typed block; ``params`` are the component's parameters (everything but ``type``)."""

    type: str
    params: Mapping[str, Any]
    path: Path_


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Page:
    """One guide page, as the editor wrote it and validated."""

    id: str
    title: str
    nav_title: str
    summary: str
    order: int
    intro: tuple[Block, ...]
    sections: tuple[Section, ...]
    source: str

    @property
    def src_uri(self) -> str:
        return f"{self.id}.md"

    def blocks(self) -> Iterable[Block]:
        yield from self.intro
        for section in self.sections:
            yield from section.blocks


@dataclass(frozen=True)
class Guide:
    """All pages in navigation order, plus every anchor each page offers."""

    pages: tuple[Page, ...]
    anchors: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def page(self, page_id: str) -> Page:
        return next(p for p in self.pages if p.id == page_id)


def load_guide(
    content_dir: Path,
    components: Mapping[str, Component],
    worksheet_ids: Iterable[str] = (),
    root: Path | None = None,
) -> Guide:
    """Load and check every page in ``content_dir``; raise ContentError listing all problems."""
    problems: list[Problem] = []
    loaded: list[tuple[YamlDocument, Page]] = []
    unreadable: set[str] = set()  # pages with their own errors: links into them are not judged
    files = sorted(content_dir.glob("*.yml"))
    if not files:
        raise ContentError.single(display_name(content_dir, root), None, (), "holds no .yml pages")
    for file in files:
        try:
            doc = load_yaml(file, display_name(file, root))
        except ContentError as exc:
            problems.extend(exc.problems)
            unreadable.add(file.stem)
            continue
        page, page_problems = _build_page(doc, file.stem, components)
        problems.extend(page_problems)
        if page is None:
            unreadable.add(file.stem)
        else:
            loaded.append((doc, page))
    anchors, id_problems = _collect_anchors(loaded, components)
    problems.extend(id_problems)
    problems.extend(_link_problems(loaded, components, anchors, set(worksheet_ids), unreadable))
    if problems:
        raise ContentError(problems)
    pages = tuple(sorted((page for _, page in loaded), key=lambda p: (p.order, p.id)))
    return Guide(pages, anchors)


def _build_page(
    doc: YamlDocument, stem: str, components: Mapping[str, Component]
) -> tuple[Page | None, list[Problem]]:
    data = doc.data
    problems = document_problems(doc, PAGE_SCHEMA, stem)
    if any(p.path != ("id",) for p in problems):
        return None, problems

    def blocks(items: list[dict[str, Any]], prefix: Path_) -> tuple[Block, ...]:
        built = []
        for index, item in enumerate(items):
            path = prefix + (index,)
            component = components.get(item["type"])
            if component is None or not component.is_block:
                known = ", ".join(sorted(n for n, c in components.items() if c.is_block))
                problems.append(
                    doc.problem(path + ("type",), f"unknown block type '{item['type']}' (known types: {known})")
                )
                continue
            found = schema_problems(doc, item, component.block_schema, path)
            problems.extend(found)
            if not found:
                params = {k: v for k, v in item.items() if k != "type"}
                built.append(Block(item["type"], params, path))
        return tuple(built)

    intro = blocks(data.get("intro", []), ("intro",))
    sections = tuple(
        Section(s["id"], s["title"], blocks(s["blocks"], ("sections", i, "blocks")))
        for i, s in enumerate(data["sections"])
    )
    page = Page(
        id=data["id"],
        title=data["title"],
        nav_title=data.get("nav_title", data["title"]),
        summary=data["summary"],
        order=data["order"],
        intro=intro,
        sections=sections,
        source=doc.name,
    )
    return page, problems


def _collect_anchors(
    loaded: list[tuple[YamlDocument, Page]], components: Mapping[str, Component]
) -> tuple[dict[str, frozenset[str]], list[Problem]]:
    """Page, section and block ids share one namespace, so every link stays unambiguous."""
    first_seen: dict[str, str] = {}
    problems: list[Problem] = []
    anchors: dict[str, frozenset[str]] = {}

    def claim(doc: YamlDocument, ident: str, path: Path_) -> None:
        where = f"{doc.name}:{doc.line_of(path)}"
        if ident in first_seen:
            problems.append(doc.problem(path, f"duplicate id '{ident}' (already used at {first_seen[ident]})"))
        else:
            first_seen[ident] = where

    for doc, page in loaded:
        claim(doc, page.id, ("id",))
        page_anchors = set()
        for index, section in enumerate(page.sections):
            claim(doc, section.id, ("sections", index, "id"))
            page_anchors.add(section.id)
        for block in page.blocks():
            schema = components[block.type].params_schema
            for role, path, value in walk_roles(dict(block.params), schema):
                if role == ROLE_ANCHOR:
                    claim(doc, value, block.path + path)
                    page_anchors.add(value)
        anchors[page.id] = frozenset(page_anchors)
    return anchors, problems


def _link_problems(
    loaded: list[tuple[YamlDocument, Page]],
    components: Mapping[str, Component],
    anchors: Mapping[str, frozenset[str]],
    worksheet_ids: set[str],
    unreadable: set[str],
) -> list[Problem]:
    problems: list[Problem] = []
    for doc, page in loaded:
        shown: set[str] = set()
        for block in page.blocks():
            if block.type == "worksheet":
                # A worksheet's fields have fixed ids: a second copy on one page would clash.
                if block.params["worksheet"] in shown:
                    message = f"worksheet '{block.params['worksheet']}' is already shown on this page"
                    problems.append(doc.problem(block.path + ("worksheet",), message))
                shown.add(block.params["worksheet"])
            schema = components[block.type].params_schema
            for role, path, value in walk_roles(dict(block.params), schema):
                where = block.path + path
                if role == ROLE_LINK:
                    targets = [value]
                elif role == ROLE_MARKDOWN:
                    targets = inline_targets(value)
                elif role == ROLE_WORKSHEET:
                    if value not in worksheet_ids:
                        known = ", ".join(sorted(worksheet_ids)) or "none yet"
                        problems.append(doc.problem(where, f"no worksheet with id '{value}' (known: {known})"))
                    continue
                else:
                    continue
                for target in targets:
                    if target.partition("#")[0] in unreadable:
                        continue
                    message = check_target(target, page.id, anchors)
                    if message:
                        problems.append(doc.problem(where, message))
    return problems
