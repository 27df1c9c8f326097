"""The YAML documents a site is made of, read and shape-checked, before anything is built from them.

Reading is one step; deciding which documents make up the site (Onward's own,
or a career centre's overlay over them, in ``overlay.py``) is the next; building
pages and worksheets from the result (``content.py``, ``worksheets.py``) is the
last. The loaders see only the merged result: a list of sources, each saying
which file it came from, which id it has on the site, and whether the centre
wrote it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import ContentError, Path_, Problem, display_name
from .validation import ID_SCHEMA, PROSE_SCHEMA, TYPED_ITEM_SCHEMA, document_problems
from .yamlsource import YamlDocument, load_yaml

# Ids a page or section had in earlier releases of Onward, so a centre's overlay naming
# an old id keeps working after an upgrade (worksheet fields have the same, for answers).
RENAMED_FROM_SCHEMA: dict[str, Any] = {
    "type": "array",
    "items": ID_SCHEMA,
    "minItems": 1,
    "uniqueItems": True,
    "description": "ids this had in earlier releases; an overlay naming one of them still finds it",
}

SECTION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {**ID_SCHEMA, "description": "the section's anchor, unique across the guide"},
        "title": {**PROSE_SCHEMA, "description": "the section heading"},
        "renamed_from": RENAMED_FROM_SCHEMA,
        "blocks": {"type": "array", "minItems": 1, "items": TYPED_ITEM_SCHEMA},
    },
    "required": ["id", "title", "blocks"],
    "additionalProperties": False,
}

PAGE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {**ID_SCHEMA, "description": "the page id; the file must be named ID.yml"},
        "renamed_from": RENAMED_FROM_SCHEMA,
        "title": {**PROSE_SCHEMA, "description": "the page's heading"},
        "nav_title": {**PROSE_SCHEMA, "description": "a shorter title for the navigation"},
        "summary": {**PROSE_SCHEMA, "description": "one sentence: the page's description and card text"},
        "order": {"type": "integer", "description": "position in the navigation, lowest first"},
        "intro": {"type": "array", "items": TYPED_ITEM_SCHEMA, "description": "blocks before the first section"},
        "sections": {"type": "array", "minItems": 1, "items": SECTION_SCHEMA},
    },
    "required": ["id", "title", "summary", "order", "sections"],
    "additionalProperties": False,
}


@dataclass(frozen=True)
class SectionSource:
    """One section as the site shows it: the id it has there, and where it was written."""

    id: str
    doc: YamlDocument = field(compare=False, repr=False)
    path: Path_ = ()  # the section's mapping inside ``doc``: ("sections", 2) in a page file, () in its own file
    own: bool = False  # the centre wrote it (its overlay), not Onward

    @property
    def data(self) -> Mapping[str, Any]:
        value: Any = self.doc.data
        for step in self.path:
            value = value[step]
        return value


@dataclass(frozen=True)
class PageSource:
    """One page as the site shows it: its file and its sections, in order, wherever each was written."""

    id: str
    doc: YamlDocument = field(compare=False, repr=False)
    sections: tuple[SectionSource, ...] = ()
    own: bool = False


@dataclass(frozen=True)
class WorksheetSource:
    """One worksheet file as the site shows it; ``replaces`` is Onward's own one it stands in for."""

    id: str
    doc: YamlDocument = field(compare=False, repr=False)
    own: bool = False
    replaces: YamlDocument | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Displaced:
    """What Onward offered that a centre's overlay took away (removed, or replaced by its own).

    Links to these in Onward's own text are shown as plain text rather than stopping
    the build: the centre chose to take them away.
    """

    pages: tuple[PageSource, ...] = ()
    sections: tuple[tuple[str, SectionSource], ...] = ()  # (the page it was on, the section)
    worksheets: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Renames:
    """Old ids of pages and sections (their ``renamed_from``), so a centre's old ids still find them."""

    pages: Mapping[str, str] = field(default_factory=dict)  # old page id -> page id now
    sections: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # old section id -> (page, section id now)

    def target(self, text: str, from_page: str) -> str:
        """A link target ("page#anchor", "#anchor" on ``from_page``) in today's ids; unchanged when none is old."""
        page, hash_, anchor = text.partition("#")
        new_page = self.pages.get(page, page)
        if anchor in self.sections and self.sections[anchor][0] == (new_page or from_page):
            anchor = self.sections[anchor][1]
        return f"{new_page}{hash_}{anchor}"


@dataclass(frozen=True)
class Merged:
    """Everything the site is built from: the result of applying an overlay (or none) to Onward's files."""

    pages: tuple[PageSource, ...]
    worksheets: Mapping[str, WorksheetSource]
    displaced: Displaced = Displaced()
    renames: Renames = Renames()
    notes: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()
    unreadable: frozenset[str] = frozenset()  # pages with errors of their own: links into them are not judged


def yaml_files(folder: Path) -> dict[str, Path]:
    """``ID.yml`` files of a folder by id, in name order (none when the folder does not exist)."""
    return {file.stem: file for file in sorted(folder.glob("*.yml"))} if folder.is_dir() else {}


def read_page(file: Path, root: Path | None, own: bool = False) -> tuple[PageSource | None, list[Problem]]:
    """One page file, shape-checked; None when it cannot be built (its id mismatch alone still builds)."""
    try:
        doc = load_yaml(file, display_name(file, root))
    except ContentError as exc:
        return None, exc.problems
    problems = document_problems(doc, PAGE_SCHEMA, file.stem)
    if any(p.path != ("id",) for p in problems):
        return None, problems
    sections = tuple(
        SectionSource(section["id"], doc, ("sections", index), own) for index, section in enumerate(doc.data["sections"])
    )
    return PageSource(doc.data["id"], doc, sections, own), problems


def read_pages(folder: Path, root: Path | None, own: bool = False) -> tuple[list[PageSource], list[Problem], set[str]]:
    """Every page file in ``folder``: the pages, the problems, and the ids of files that could not be built."""
    pages: list[PageSource] = []
    problems: list[Problem] = []
    unreadable: set[str] = set()
    for ident, file in yaml_files(folder).items():
        page, found = read_page(file, root, own)
        problems.extend(found)
        if page is None:
            unreadable.add(ident)
        else:
            pages.append(page)
    return pages, problems, unreadable


def read_worksheets(
    files: Mapping[str, Path], root: Path | None, own: bool = False
) -> tuple[dict[str, WorksheetSource], list[Problem]]:
    """Worksheet files as YAML documents (their fields are checked when the worksheets are built)."""
    found: dict[str, WorksheetSource] = {}
    problems: list[Problem] = []
    for ident, file in files.items():
        try:
            found[ident] = WorksheetSource(ident, load_yaml(file, display_name(file, root)), own)
        except ContentError as exc:
            problems.extend(exc.problems)
    return found, problems


def read_guide(content_dir: Path, root: Path | None = None) -> Merged:
    """Onward's own guide (or a full fork of it) with no overlay, and no worksheets."""
    pages, problems, unreadable = read_pages(content_dir, root)
    if not pages and not unreadable:
        problems.append(Problem(display_name(content_dir, root), None, (), "holds no .yml pages"))
    return Merged(tuple(pages), {}, problems=tuple(problems), unreadable=frozenset(unreadable))


def read_defaults(content_dir: Path, worksheets_dir: Path, root: Path | None = None) -> Merged:
    """Onward's own guide and worksheets (or a full fork of them), with no overlay applied."""
    guide = read_guide(content_dir, root)
    worksheets, problems = read_worksheets(yaml_files(worksheets_dir), root)
    return Merged(guide.pages, worksheets, problems=guide.problems + tuple(problems), unreadable=guide.unreadable)


def renames_of(pages: Iterable[PageSource]) -> tuple[Renames, list[Problem]]:
    """The old ids Onward's pages and sections list; an old id may not be in use or claimed twice."""
    current = {page.id for page in pages} | {s.id for page in pages for s in page.sections}
    old_pages: dict[str, str] = {}
    old_sections: dict[str, tuple[str, str]] = {}
    claimed: set[str] = set()
    problems: list[Problem] = []

    def claim(doc: YamlDocument, path: Path_, old: str) -> bool:
        if old in current:
            problems.append(doc.problem(path, f"'{old}' is still in use as an id, so it cannot be an old id"))
        elif old in claimed:
            problems.append(doc.problem(path, f"'{old}' is already the old id of something else"))
        else:
            claimed.add(old)
            return True
        return False

    for page in pages:
        for old in page.doc.data.get("renamed_from", []):
            if claim(page.doc, ("renamed_from",), old):
                old_pages[old] = page.id
        for section in page.sections:
            for old in section.data.get("renamed_from", []):
                if claim(section.doc, section.path + ("renamed_from",), old):
                    old_sections[old] = (page.id, section.id)
    return Renames(old_pages, old_sections), problems
