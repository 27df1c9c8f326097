"""Build the guide's pages from their sources (``sources.Merged``) into a checked, typed model.

Which documents make up the guide (Onward's own, or a centre's overlay over
them) is decided before this module runs (``overlay.resolve``); here each page
and section is built from the document it was written in, blocks are checked
against their components, anchors are collected and every link is checked.
Every problem is collected and reported with file, line and path, so a broken
file stops the build with a message an editor can act on, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable, Mapping

from .components import ROLE_ANCHOR, ROLE_LINK, ROLE_MARKDOWN, ROLE_WORKSHEET, Component, replace_at, walk_roles
from .errors import ContentError, Path_, Problem
from .fallback import left_english, mark
from .links import INLINE_LINK, check_target, inline_targets, is_external
from .sources import PAGE_SCHEMA, SECTION_SCHEMA, Displaced, Merged, PageSource, Renames, SectionSource, read_guide
from .validation import schema_problems
from .yamlsource import YamlDocument

__all__ = ["PAGE_SCHEMA", "SECTION_SCHEMA", "Block", "Guide", "Page", "Section", "build_guide", "load_guide"]


@dataclass(frozen=True)
class Block:
    """One typed block; ``params`` are the component's parameters (everything but ``type``)."""

    type: str
    params: Mapping[str, Any]
    path: Path_
    doc: YamlDocument | None = field(default=None, compare=False, repr=False)  # where it was written
    own: bool = field(default=False, compare=False)  # the centre wrote it, in its overlay
    english: frozenset[Path_] = field(default=frozenset(), compare=False)  # params left untranslated


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]
    doc: YamlDocument | None = field(default=None, compare=False, repr=False)
    path: Path_ = ()  # the section's own path inside ``doc``
    english: frozenset[Path_] = field(default=frozenset(), compare=False)  # ("title",) when left untranslated

    @property
    def shown_title(self) -> str:
        return mark(self.title) if ("title",) in self.english else self.title


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
    english: frozenset[Path_] = field(default=frozenset(), compare=False)  # its own fields left untranslated

    @property
    def src_uri(self) -> str:
        return f"{self.id}.md"

    def shown(self, name: str) -> str:
        """``title``, ``nav_title`` or ``summary`` as the site shows it: marked when left in English."""
        value: str = getattr(self, name)
        return mark(value) if (name,) in self.english else value

    def blocks(self) -> Iterable[Block]:
        yield from self.intro
        for section in self.sections:
            yield from section.blocks


@dataclass(frozen=True)
class Guide:
    """All pages in navigation order, plus every anchor each page offers."""

    pages: tuple[Page, ...]
    anchors: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # Links in Onward's own text to things an overlay took away (shown as plain text), and old ids
    # in the centre's links that Onward has renamed: each one, for the build log.
    notes: tuple[str, ...] = ()
    # What an overlay took away, by page: a page id with no anchors left here is gone altogether.
    displaced_anchors: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def page(self, page_id: str) -> Page:
        return next(p for p in self.pages if p.id == page_id)

    @cached_property
    def sources(self) -> Mapping[str, str]:
        """Page id -> source path, made once: every page's links look it up (per page, it grew with the guide)."""
        return {p.id: p.src_uri for p in self.pages}


def load_guide(
    content_dir: Path, components: Mapping[str, Component], worksheet_ids: Iterable[str] = (), root: Path | None = None
) -> Guide:
    """The guide in ``content_dir`` as it is, with no overlay; raise ContentError listing every problem.

    ``worksheet_ids`` are the worksheets the guide may refer to.
    """
    merged = read_guide(content_dir, root)
    guide, problems = build_guide(merged, components, worksheet_ids)
    if merged.problems or problems:
        raise ContentError([*merged.problems, *problems])
    return guide


def build_guide(
    merged: Merged, components: Mapping[str, Component], worksheet_ids: Iterable[str]
) -> tuple[Guide, list[Problem]]:
    """The guide from the merged sources, and every problem found in building it (not those of ``merged``)."""
    problems: list[Problem] = []
    notes: list[str] = []
    pages = [_build_page(source, components, merged.renames, problems, notes) for source in merged.pages]
    anchors, id_problems = _collect_anchors(pages, components)
    problems.extend(id_problems)
    displaced = _displaced_anchors(merged.displaced, components)
    links = _Links(components, anchors, set(worksheet_ids), merged.unreadable, displaced, merged.displaced, notes)
    problems.extend(links.problems(pages))
    ordered = tuple(sorted(pages, key=lambda p: (p.order, p.id)))
    return Guide(ordered, anchors, tuple(notes), displaced), problems


def _build_page(
    source: PageSource,
    components: Mapping[str, Component],
    renames: Renames,
    problems: list[Problem],
    notes: list[str],
) -> Page:
    doc, data = source.doc, source.doc.data
    builder = _Blocks(components, renames, source.id, problems, notes)
    intro = builder.build(doc, data.get("intro", []), ("intro",), source.own)
    sections = tuple(
        Section(
            s.id,
            s.data["title"],
            builder.build(s.doc, s.data["blocks"], s.path + ("blocks",), s.own),
            s.doc,
            s.path,
            left_english(s.doc, s.path),
        )
        for s in source.sections
    )
    return Page(
        id=source.id,
        title=data["title"],
        nav_title=data.get("nav_title", data["title"]),
        summary=data["summary"],
        order=data["order"],
        intro=intro,
        sections=sections,
        source=doc.name,
        doc=doc,
        english=frozenset(p for p in left_english(doc, ()) if len(p) == 1),
    )


@dataclass
class _Blocks:
    """Builds one page's blocks, checking each against its component."""

    components: Mapping[str, Component]
    renames: Renames
    page_id: str
    problems: list[Problem]
    notes: list[str]

    def build(self, doc: YamlDocument, items: list[dict[str, Any]], prefix: Path_, own: bool) -> tuple[Block, ...]:
        built = []
        for index, item in enumerate(items):
            path = prefix + (index,)
            component = self.components.get(item["type"])
            if component is None or not component.is_block:
                known = ", ".join(sorted(n for n, c in self.components.items() if c.is_block))
                message = f"unknown block type '{item['type']}' (known types: {known})"
                self.problems.append(doc.problem(path + ("type",), message))
                continue
            found = schema_problems(doc, item, component.block_schema, path)
            self.problems.extend(found)
            if not found:
                params = {k: v for k, v in item.items() if k != "type"}
                if own:
                    params = self._today(params, component, doc, path)
                built.append(Block(item["type"], params, path, doc, own, left_english(doc, path)))
        return tuple(built)

    def _today(self, params: dict[str, Any], component: Component, doc: YamlDocument, path: Path_) -> dict[str, Any]:
        """The centre's links with ids Onward has renamed since, pointed at today's ids (with a note)."""
        result: Any = params
        for role, where, value in list(walk_roles(params, component.params_schema)):
            if role == ROLE_LINK:
                new = self._target(value, doc, path + where)
            elif role == ROLE_MARKDOWN:
                new = INLINE_LINK.sub(
                    lambda m: m[0]
                    if is_external(m["target"])
                    else f"[{m['label']}]({self._target(m['target'], doc, path + where)})",
                    value,
                )
            else:
                continue
            if new != value:
                result = replace_at(result, where, new)
        return result

    def _target(self, target: str, doc: YamlDocument, path: Path_) -> str:
        new = self.renames.target(target, self.page_id)
        if new != target:
            message = f"link to '{target}': Onward now calls this '{new}'; the link goes there. Write '{new}' when you next edit this file"
            self.notes.append(str(doc.problem(path, message)))
        return new


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


def block_anchors(items: Iterable[Any], components: Mapping[str, Component]) -> set[str]:
    """The anchors written in a list of blocks as they stand in YAML (unchecked: they were taken away)."""
    found: set[str] = set()
    for item in items:
        component = components.get(item.get("type", "")) if isinstance(item, dict) else None
        if component is not None:
            params = {k: v for k, v in item.items() if k != "type"}
            found.update(value for role, _, value in walk_roles(params, component.params_schema) if role == ROLE_ANCHOR)
    return found


def _section_anchors(section: SectionSource, components: Mapping[str, Component]) -> set[str]:
    return {section.id} | block_anchors(section.data.get("blocks", []), components)


def _displaced_anchors(displaced: Displaced, components: Mapping[str, Component]) -> dict[str, frozenset[str]]:
    """Every page and anchor the overlay took away, by page, so links to them in Onward's text can be let go."""
    found: dict[str, set[str]] = {}
    for page in displaced.pages:
        anchors = found.setdefault(page.id, set())
        anchors |= block_anchors(page.doc.data.get("intro", []), components)
        for section in page.sections:
            anchors |= _section_anchors(section, components)
    for page_id, section in displaced.sections:
        found.setdefault(page_id, set()).update(_section_anchors(section, components))
    return {page: frozenset(anchors) for page, anchors in found.items()}


@dataclass
class _Links:
    """Broken links are errors, except in Onward's own text pointing at what an overlay took away.

    Those render as plain text (links, worksheet blocks and list items are dropped), and
    each one is added to ``notes`` so the build can tell the centre.
    """

    components: Mapping[str, Component]
    anchors: Mapping[str, frozenset[str]]
    worksheet_ids: set[str]
    unreadable: frozenset[str]
    displaced_anchors: Mapping[str, frozenset[str]]
    displaced: Displaced
    notes: list[str]

    def problems(self, pages: list[Page]) -> list[Problem]:
        problems: list[Problem] = []
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
                problems.extend(self._block(page, block))
        return problems

    def _block(self, page: Page, block: Block) -> Iterable[Problem]:
        assert block.doc is not None
        schema = self.components[block.type].params_schema
        for role, path, value in walk_roles(dict(block.params), schema):
            where = block.path + path
            if role == ROLE_WORKSHEET:
                if value not in self.worksheet_ids:
                    known = ", ".join(sorted(self.worksheet_ids)) or "none yet"
                    problem = block.doc.problem(where, f"no worksheet with id '{value}' (known: {known})")
                    if self._let_go(block, problem, value in self.displaced.worksheets):
                        yield problem
                continue
            if role == ROLE_LINK:
                targets = [value]
            elif role == ROLE_MARKDOWN:
                targets = inline_targets(value)
            else:
                continue
            for target in targets:
                if target.partition("#")[0] in self.unreadable:
                    continue
                message = check_target(target, page.id, self.anchors, self.worksheet_ids)
                if message:
                    taken = check_target(target, page.id, self.displaced_anchors) is None
                    problem = block.doc.problem(where, message)
                    if self._let_go(block, problem, taken):
                        yield problem

    def _let_go(self, block: Block, problem: Problem, taken_away: bool) -> bool:
        """Whether ``problem`` stops the build: not when Onward's own text points at what the overlay took away."""
        if taken_away and not block.own:
            self.notes.append(f"{problem} (removed by the overlay: shown without the link)")
            return False
        return True
