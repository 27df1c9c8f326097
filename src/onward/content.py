"""Load the guide from ``content/*.yml`` into a checked, typed model.

Every problem is collected and reported with file, line and path, so a broken
file stops the build with a message an editor can act on, never a traceback.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .components import ROLE_ANCHOR, ROLE_LINK, ROLE_MARKDOWN, ROLE_WORKSHEET, Component, walk_roles
from .errors import ContentError, Path_, Problem, display_name
from .links import check_target, inline_targets
from .overlay import Overlay, merge, not_a_default, suggest, unknown_removals
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


SECTION_SCHEMA: dict[str, Any] = PAGE_SCHEMA["properties"]["sections"]["items"]

# An overlay's section file: a section, plus where a new one goes.
SECTION_FILE_SCHEMA: dict[str, Any] = {
    **SECTION_SCHEMA,
    "properties": {
        **SECTION_SCHEMA["properties"],
        "page": {**ID_SCHEMA, "description": "a new section only: the page it is added to"},
        "after": {**ID_SCHEMA, "description": "a new section only: the section it follows (default: the end)"},
    },
}


@dataclass(frozen=True)
class Block:
    """One typed block; ``params`` are the component's parameters (everything but ``type``)."""

    type: str
    params: Mapping[str, Any]
    path: Path_
    doc: YamlDocument | None = field(default=None, compare=False, repr=False)  # where it was written


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]
    doc: YamlDocument | None = field(default=None, compare=False, repr=False)
    path: Path_ = ()  # the section's own path inside ``doc``


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
    doc: YamlDocument | None = field(default=None, compare=False, repr=False)

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
    # Links in Onward's own text to things an overlay removed: shown as plain text, listed here.
    notes: tuple[str, ...] = ()
    default_anchors: Mapping[str, frozenset[str]] = field(default_factory=dict)  # before the overlay

    def page(self, page_id: str) -> Page:
        return next(p for p in self.pages if p.id == page_id)


@dataclass(frozen=True)
class _Before:
    """What Onward's own content offered before an overlay: links that resolved then are not errors."""

    anchors: Mapping[str, frozenset[str]]
    worksheet_ids: frozenset[str]


def load_guide(
    content_dir: Path,
    components: Mapping[str, Component],
    worksheet_ids: Iterable[str] = (),
    root: Path | None = None,
    overlay: Overlay | None = None,
    default_worksheet_ids: Iterable[str] | None = None,
) -> Guide:
    """Load and check every page in ``content_dir``, then apply ``overlay``.

    Raise ContentError listing all problems. ``worksheet_ids`` are the worksheets the
    site will have; ``default_worksheet_ids`` the ones Onward's content was written for.
    """
    problems: list[Problem] = []
    defaults = {file.stem: file for file in sorted(content_dir.glob("*.yml"))}
    if not defaults:
        raise ContentError.single(display_name(content_dir, root), None, (), "holds no .yml pages")
    default_pages, unreadable = _load_pages(defaults.values(), components, root, problems)
    default_anchors, id_problems = _collect_anchors(default_pages, components)
    problems.extend(id_problems)
    pages = default_pages
    before = None
    if overlay is not None:
        files, merge_problems = merge("pages", defaults, overlay, root)
        problems.extend(merge_problems)
        own_files = [file for ident, file in files.items() if file != defaults.get(ident)]
        own_pages, own_unreadable = _load_pages(own_files, components, root, problems)
        unreadable |= own_unreadable
        kept = [page for page in default_pages if files.get(page.id) == defaults[page.id]]
        pages, section_problems = _apply_sections(kept + own_pages, overlay, components, root, default_pages)
        problems.extend(section_problems)
        known = set(defaults) | {s.id for page in default_pages for s in page.sections}
        problems.extend(unknown_removals(overlay, known | set(default_worksheet_ids or worksheet_ids)))
        before = _Before(default_anchors, frozenset(default_worksheet_ids or worksheet_ids))
        anchors, id_problems = _collect_anchors(pages, components)
        problems.extend(id_problems)
    else:
        anchors = default_anchors
    notes: list[str] = []
    problems.extend(_link_problems(pages, components, anchors, set(worksheet_ids), unreadable, overlay, before, notes))
    if problems:
        raise ContentError(problems)
    ordered = tuple(sorted(pages, key=lambda p: (p.order, p.id)))
    return Guide(ordered, anchors, tuple(notes), default_anchors)


def _load_pages(
    files: Iterable[Path], components: Mapping[str, Component], root: Path | None, problems: list[Problem]
) -> tuple[list[Page], set[str]]:
    """Build each file's page; the ids of pages with their own errors come back as unreadable."""
    pages: list[Page] = []
    unreadable: set[str] = set()  # links into these pages are not judged
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
            pages.append(page)
    return pages, unreadable


def _build_page(
    doc: YamlDocument, stem: str, components: Mapping[str, Component]
) -> tuple[Page | None, list[Problem]]:
    data = doc.data
    problems = document_problems(doc, PAGE_SCHEMA, stem)
    if any(p.path != ("id",) for p in problems):
        return None, problems
    intro = _build_blocks(doc, data.get("intro", []), ("intro",), components, problems)
    sections = tuple(
        _build_section(doc, s, ("sections", i), components, problems) for i, s in enumerate(data["sections"])
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
        doc=doc,
    )
    return page, problems


def _build_section(
    doc: YamlDocument, data: Mapping[str, Any], path: Path_, components: Mapping[str, Component], problems: list[Problem]
) -> Section:
    blocks = _build_blocks(doc, data["blocks"], path + ("blocks",), components, problems)
    return Section(data["id"], data["title"], blocks, doc, path)


def _build_blocks(
    doc: YamlDocument,
    items: list[dict[str, Any]],
    prefix: Path_,
    components: Mapping[str, Component],
    problems: list[Problem],
) -> tuple[Block, ...]:
    built = []
    for index, item in enumerate(items):
        path = prefix + (index,)
        component = components.get(item["type"])
        if component is None or not component.is_block:
            known = ", ".join(sorted(n for n, c in components.items() if c.is_block))
            problems.append(doc.problem(path + ("type",), f"unknown block type '{item['type']}' (known types: {known})"))
            continue
        found = schema_problems(doc, item, component.block_schema, path)
        problems.extend(found)
        if not found:
            params = {k: v for k, v in item.items() if k != "type"}
            built.append(Block(item["type"], params, path, doc))
    return tuple(built)


def _apply_sections(
    pages: list[Page],
    overlay: Overlay,
    components: Mapping[str, Component],
    root: Path | None,
    default_pages: list[Page],
) -> tuple[list[Page], list[Problem]]:
    """Replace, add and remove single sections, as the overlay's sections/ folder and remove list say."""
    problems: list[Problem] = []
    home = {s.id: p.id for p in default_pages for s in p.sections}  # default section -> its page
    by_id = {page.id: page for page in pages}
    sections = {page.id: list(page.sections) for page in pages}
    for ident, file in overlay.files["sections"].items():
        try:
            doc = load_yaml(file, display_name(file, root))
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        found = document_problems(doc, SECTION_FILE_SCHEMA, ident)
        problems.extend(found)
        if found:
            continue
        section = _build_section(doc, doc.data, (), components, problems)
        placing = [key for key in ("page", "after") if key in doc.data]
        if ident in home:
            if placing:
                problems.append(doc.problem((placing[0],), "a replacing section stays where the default was; "
                                            "page and after are for new sections"))
            elif ident in overlay.add:
                problems.append(overlay.problem("add", ident, f"'{ident}' is already a default section: "
                                                "its file replaces it, so leave it out of add"))
            else:
                target = home[ident]
                current = sections.get(target, [])
                index = next((i for i, s in enumerate(current) if s.id == ident), None)
                if index is None:
                    problems.append(doc.problem(("id",), f"section '{ident}' belonged to page '{target}', which "
                                                "the overlay replaces or removes: change that page instead"))
                else:
                    current[index] = section
        elif ident not in overlay.add:
            problems.append(not_a_default(doc.name, "section", ident, home))
        elif "page" not in doc.data:
            problems.append(doc.problem(("page",), "a new section needs 'page': the id of the page it goes on"))
        elif doc.data["page"] not in sections:
            message = f"there is no page '{doc.data['page']}'{suggest(doc.data['page'], sections)}"
            problems.append(doc.problem(("page",), message))
        else:
            current = sections[doc.data["page"]]
            after = doc.data.get("after")
            ids = [s.id for s in current]
            if after is not None and after not in ids:
                problems.append(doc.problem(("after",), f"page '{doc.data['page']}' has no section '{after}'{suggest(after, ids)}"))
            else:
                current.insert(ids.index(after) + 1 if after else len(current), section)
    for page_id, current in sections.items():
        sections[page_id] = [s for s in current if s.id not in overlay.remove]
        if not sections[page_id]:
            where = by_id[page_id].doc
            name = where.name if where else page_id
            problems.append(Problem(name, 1, ("sections",), f"the overlay removes every section of page '{page_id}': "
                                    "remove the page itself instead"))
    result = [dataclasses.replace(page, sections=tuple(sections[page.id])) for page in pages]
    return result, problems


def _collect_anchors(
    pages: list[Page], components: Mapping[str, Component]
) -> tuple[dict[str, frozenset[str]], list[Problem]]:
    """Page, section and block ids share one namespace, so every link stays unambiguous."""
    first_seen: dict[str, str] = {}
    problems: list[Problem] = []
    anchors: dict[str, frozenset[str]] = {}

    def claim(doc: YamlDocument | None, ident: str, path: Path_) -> None:
        assert doc is not None  # every loaded page, section and block knows its file
        where = f"{doc.name}:{doc.line_of(path)}"
        if ident in first_seen:
            problems.append(doc.problem(path, f"duplicate id '{ident}' (already used at {first_seen[ident]})"))
        else:
            first_seen[ident] = where

    for page in pages:
        claim(page.doc, page.id, ("id",))
        page_anchors = set()
        for section in page.sections:
            claim(section.doc, section.id, section.path + ("id",))
            page_anchors.add(section.id)
        for block in page.blocks():
            schema = components[block.type].params_schema
            for role, path, value in walk_roles(dict(block.params), schema):
                if role == ROLE_ANCHOR:
                    claim(block.doc, value, block.path + path)
                    page_anchors.add(value)
        anchors[page.id] = frozenset(page_anchors)
    return anchors, problems


def _link_problems(
    pages: list[Page],
    components: Mapping[str, Component],
    anchors: Mapping[str, frozenset[str]],
    worksheet_ids: set[str],
    unreadable: set[str],
    overlay: Overlay | None = None,
    before: _Before | None = None,
    notes: list[str] | None = None,
) -> list[Problem]:
    """Broken links are errors, except in Onward's own text pointing at what an overlay removed.

    Those render as plain text (links, worksheet blocks and list items are dropped), and
    each one is added to ``notes`` so the build can tell the centre.
    """
    problems: list[Problem] = []

    def report(block: Block, where: Path_, message: str, was_fine: bool) -> None:
        assert block.doc is not None
        problem = block.doc.problem(where, message)
        if was_fine and before is not None and overlay is not None and not overlay.is_own(block.doc.name):
            if notes is not None:
                notes.append(f"{problem} (removed by the overlay: shown without the link)")
        else:
            problems.append(problem)

    for page in pages:
        shown: set[str] = set()
        for block in page.blocks():
            assert block.doc is not None
            if block.type == "worksheet":
                # A worksheet's fields have fixed ids: a second copy on one page would clash.
                if block.params["worksheet"] in shown:
                    message = f"worksheet '{block.params['worksheet']}' is already shown on this page"
                    problems.append(block.doc.problem(block.path + ("worksheet",), message))
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
                        was_fine = before is not None and value in before.worksheet_ids
                        report(block, where, f"no worksheet with id '{value}' (known: {known})", was_fine)
                    continue
                else:
                    continue
                for target in targets:
                    if target.partition("#")[0] in unreadable:
                        continue
                    message = check_target(target, page.id, anchors)
                    if message:
                        was_fine = before is not None and check_target(target, page.id, before.anchors) is None
                        report(block, where, message, was_fine)
    return problems
