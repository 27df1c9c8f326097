"""A career centre's overlay: its own pages, sections and worksheets over Onward's defaults.

The overlay lives in the centre's own folder, so upgrading Onward never touches it:

    overlay/
      overlay.yml      optional: ``add`` (ids of new things), ``remove`` (ids to hide) and
                     ``language`` (the language its files are written in)
      pages/ID.yml     a page in content form
      sections/ID.yml  one section: id, title, blocks (a new one also names its page)
      worksheets/ID.yml  a worksheet in worksheet form
      locales/         optional: catalogues of the overlay's own texts (translations.py)

A file whose id is a default's replaces that default. A file with a new id must
be listed under ``add``: that way a mistyped id ("copin" for "coping") is an
error with a suggestion, never a silent extra page.

Every overlay rule lives here. ``resolve`` applies the overlay once, to the YAML
documents, and hands the loaders the merged result (``sources.Merged``): which
pages, sections and worksheets the site has, which of them the centre wrote, and
what the overlay took away. An id Onward has since renamed (its ``renamed_from``)
still finds its page or section, with a note naming the new id.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import ContentError, Problem, display_name
from .sources import (
    SECTION_SCHEMA,
    Displaced,
    Merged,
    PageSource,
    SectionSource,
    WorksheetSource,
    read_defaults,
    read_page,
    read_worksheets,
    renames_of,
    yaml_files,
)
from .validation import ID_SCHEMA, document_problems, schema_problems
from .yamlsource import YamlDocument, load_yaml

MANIFEST = "overlay.yml"
HOME = "index"  # the site's start page: it can be replaced, never removed
KINDS = ("pages", "sections", "worksheets")

MANIFEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "add": {"type": "array", "items": ID_SCHEMA, "description": "ids of new pages, sections and worksheets"},
        "remove": {"type": "array", "items": ID_SCHEMA, "description": "ids of default pages, sections, worksheets to hide"},
        "language": {
            "type": "string",
            "pattern": "^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$",
            "description": (
                "the language the overlay's files are written in, as a code such as en or fr "
                "(default: the guide's); when it differs, locales/ translates them"
            ),
        },
    },
    "additionalProperties": False,
}

# An overlay's section file: a section, plus where a new one goes (old ids are Onward's business).
SECTION_FILE_SCHEMA: dict[str, Any] = {
    **SECTION_SCHEMA,
    "properties": {
        **{key: value for key, value in SECTION_SCHEMA["properties"].items() if key != "renamed_from"},
        "page": {**ID_SCHEMA, "description": "a new section only: the page it is added to"},
        "after": {**ID_SCHEMA, "description": "a new section only: the section it follows (default: the end)"},
    },
}


@dataclass(frozen=True)
class Overlay:
    """The overlay folder, read and checked for its own consistency."""

    folder: Path
    files: Mapping[str, Mapping[str, Path]]  # kind -> id -> file
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()  # in the order overlay.yml lists them
    manifest: YamlDocument | None = None
    language: str | None = None  # what its files are written in; None: the guide's language

    @property
    def locales(self) -> Path:
        """The overlay's own catalogues, in gettext's layout (``locales/fr/LC_MESSAGES/content.po``)."""
        return self.folder / "locales"

    def problem(self, key: str, value: str, message: str) -> Problem:
        """A problem with one entry of overlay.yml's ``add`` or ``remove`` list."""
        doc = self.manifest
        assert doc is not None
        index = list(doc.data.get(key, [])).index(value)
        return doc.problem((key, index), message)


def read_overlay(folder: Path, root: Path | None = None) -> Overlay:
    """List the overlay's files and read its manifest; raise ContentError on mistakes."""
    problems: list[Problem] = []
    files = {kind: yaml_files(folder / kind) for kind in KINDS}
    manifest = None
    add: list[str] = []
    remove: list[str] = []
    language: str | None = None
    if (folder / MANIFEST).is_file():
        manifest = load_yaml(folder / MANIFEST, display_name(folder / MANIFEST, root))
        if manifest.data is None:
            manifest.data = {}
        problems.extend(schema_problems(manifest, manifest.data, MANIFEST_SCHEMA))
        if not problems:
            add, remove = list(manifest.data.get("add", [])), list(manifest.data.get("remove", []))
            language = manifest.data.get("language")
    overlay = Overlay(folder, files, tuple(add), tuple(remove), manifest, language)
    every_file = {ident for kind in KINDS for ident in files[kind]}
    for ident in add:
        if ident not in every_file:
            where = ", ".join(f"{kind}/{ident}.yml" for kind in KINDS)
            problems.append(overlay.problem("add", ident, f"'{ident}' is listed under add, but there is no {where}"))
        if ident in remove:
            problems.append(overlay.problem("remove", ident, f"'{ident}' is both added and removed"))
    if problems:
        raise ContentError(problems)
    return overlay


def suggest(wrong: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(wrong, sorted(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def not_a_default(name: str, noun: str, ident: str, defaults: Iterable[str]) -> Problem:
    """The message for an overlay file whose id replaces nothing and was not declared new."""
    return Problem(
        name,
        1,
        ("id",),
        f"there is no default {noun} '{ident}' to replace{suggest(ident, defaults)} "
        f"(to add a new {noun}, list '{ident}' under add in {MANIFEST})",
    )


def resolve(content_dir: Path, worksheets_dir: Path, overlay: Overlay | None, root: Path | None = None) -> Merged:
    """Onward's pages, sections and worksheets with ``overlay`` applied: what the site is built from.

    Never raises for the overlay's mistakes: they come back in ``Merged.problems``,
    all of them, beside whatever could still be merged.
    """
    defaults = read_defaults(content_dir, worksheets_dir, root)
    if overlay is None:
        return defaults
    return _Resolution(defaults, overlay, root).merged()


class _Resolution:
    """One application of an overlay: replaced, added and removed, in that order, by kind."""

    def __init__(self, defaults: Merged, overlay: Overlay, root: Path | None) -> None:
        self.overlay = overlay
        self.root = root
        self.defaults = defaults
        self.renames, rename_problems = renames_of(defaults.pages)
        self.problems: list[Problem] = [*defaults.problems, *rename_problems]
        self.notes: list[str] = []
        self.unreadable = set(defaults.unreadable)
        self.default_pages = {page.id: page for page in defaults.pages}
        self.home = {s.id: page.id for page in defaults.pages for s in page.sections}  # section -> its page
        self.pages: dict[str, PageSource] = dict(self.default_pages)
        self.sections = {page.id: list(page.sections) for page in defaults.pages}
        self.displaced_pages: list[PageSource] = []
        self.displaced_sections: list[tuple[str, SectionSource]] = []
        self.worksheets: dict[str, WorksheetSource] = dict(defaults.worksheets)
        self.removed_worksheets: set[str] = set()
        # overlay.yml's remove list, each entry as (kind, today's id); None where nothing has that id.
        self.removals = {ident: self._kind_of(ident) for ident in overlay.remove}

    def merged(self) -> Merged:
        self._replace_and_add_pages()
        self._remove_pages()
        self._replace_and_add_sections()
        self._remove_sections()
        self._replace_add_and_remove_worksheets()
        self._unknown_removals()
        pages = tuple(
            PageSource(ident, page.doc, tuple(self.sections[ident]), page.own) for ident, page in self.pages.items()
        )
        displaced = Displaced(tuple(self.displaced_pages), tuple(self.displaced_sections), frozenset(self.removed_worksheets))
        return Merged(
            pages,
            self.worksheets,
            displaced,
            self.renames,
            tuple(self.notes),
            tuple(self.problems),
            frozenset(self.unreadable),
        )

    # Ids Onward renamed: the overlay may still use the old one; the build says what it is called now.

    def _page_id(self, ident: str, doc: YamlDocument, path: tuple[str | int, ...]) -> str:
        new = self.renames.pages.get(ident)
        if new is None:
            return ident
        self._renamed(doc, path, "page", ident, new)
        return new

    def _section_id(self, ident: str, doc: YamlDocument, path: tuple[str | int, ...]) -> str:
        page_and_new = self.renames.sections.get(ident)
        if page_and_new is None:
            return ident
        self._renamed(doc, path, "section", ident, page_and_new[1])
        return page_and_new[1]

    def _renamed(self, doc: YamlDocument, path: tuple[str | int, ...], noun: str, old: str, new: str) -> None:
        message = (
            f"Onward's {noun} '{old}' is now called '{new}'; the overlay still finds it by its old id. "
            f"Write '{new}' here when you next edit this file"
        )
        self.notes.append(str(doc.problem(path, message)))

    def _kind_of(self, ident: str) -> tuple[str, str] | None:
        """What a remove entry names: ("page" | "section" | "worksheet", its id today), or None."""
        manifest = self.overlay.manifest
        assert manifest is not None
        path = ("remove", list(self.overlay.remove).index(ident))
        if ident in self.default_pages or ident in self.renames.pages:
            return "page", self._page_id(ident, manifest, path)
        if ident in self.home or ident in self.renames.sections:
            return "section", self._section_id(ident, manifest, path)
        if ident in self.defaults.worksheets:
            return "worksheet", ident
        return None

    def _removed(self, kind: str) -> dict[str, str]:
        """Today's id -> the id overlay.yml wrote, for the removals of one kind."""
        return {found[1]: written for written, found in self.removals.items() if found and found[0] == kind}

    def _name(self, file: Path) -> str:
        return display_name(file, self.root)

    # Pages

    def _replace_and_add_pages(self) -> None:
        removed = self._removed("page")
        for stem, file in self.overlay.files["pages"].items():
            page, found = read_page(file, self.root, own=True)
            self.problems.extend(found)
            ident = self._page_id(stem, page.doc, ("id",)) if page else self.renames.pages.get(stem, stem)
            if ident in self.default_pages:
                if stem in self.overlay.add:
                    message = f"'{stem}' is already a default page: this file replaces it, so leave it out of add"
                    self.problems.append(self.overlay.problem("add", stem, message))
                if ident in removed:
                    message = f"'{removed[ident]}' is both replaced ({self._name(file)}) and removed"
                    self.problems.append(self.overlay.problem("remove", removed[ident], message))
                self.displaced_pages.append(self.default_pages[ident])
                self._place_page(ident, page)
            elif stem in self.overlay.add:
                self._place_page(ident, page)
            else:
                self.problems.append(not_a_default(self._name(file), "page", stem, self.default_pages))

    def _place_page(self, ident: str, page: PageSource | None) -> None:
        if page is None:  # its own errors are reported; links into it are not judged
            self.unreadable.add(ident)
            self.pages.pop(ident, None)
            self.sections.pop(ident, None)
            return
        self.pages[ident] = PageSource(ident, page.doc, page.sections, own=True)
        self.sections[ident] = list(page.sections)

    def _remove_pages(self) -> None:
        for ident, written in self._removed("page").items():
            if ident == HOME:
                message = "the home page cannot be removed: replace it in pages/index.yml"
                self.problems.append(self.overlay.problem("remove", written, message))
            elif ident in self.pages and not self.pages[ident].own:
                self.displaced_pages.append(self.pages.pop(ident))
                self.sections.pop(ident)

    # Sections

    def _replace_and_add_sections(self) -> None:
        removed = self._removed("section")
        for stem, file in self.overlay.files["sections"].items():
            try:
                doc = load_yaml(file, self._name(file))
            except ContentError as exc:
                self.problems.extend(exc.problems)
                continue
            found = document_problems(doc, SECTION_FILE_SCHEMA, stem)
            self.problems.extend(found)
            if found:
                continue
            ident = self._section_id(stem, doc, ("id",))
            section = SectionSource(ident, doc, (), own=True)
            if ident in self.home:
                self._replace_section(section, stem, removed)
            elif stem not in self.overlay.add:
                self.problems.append(not_a_default(doc.name, "section", stem, self.home))
            elif "page" not in doc.data:
                self.problems.append(doc.problem(("page",), "a new section needs 'page': the id of the page it goes on"))
            else:
                self._add_section(section)

    def _replace_section(self, section: SectionSource, stem: str, removed: Mapping[str, str]) -> None:
        doc = section.doc
        placing = [key for key in ("page", "after") if key in doc.data]
        if placing:
            message = "a replacing section stays where the default was; page and after are for new sections"
            self.problems.append(doc.problem((placing[0],), message))
        elif stem in self.overlay.add:
            message = f"'{stem}' is already a default section: its file replaces it, so leave it out of add"
            self.problems.append(self.overlay.problem("add", stem, message))
        elif section.id in removed:
            message = f"'{removed[section.id]}' is both replaced ({doc.name}) and removed"
            self.problems.append(self.overlay.problem("remove", removed[section.id], message))
        else:
            target = self.home[section.id]
            current = self.sections.get(target, [])
            index = next((i for i, s in enumerate(current) if s.id == section.id and not s.own), None)
            if index is None:
                message = (
                    f"section '{section.id}' belonged to page '{target}', which the overlay replaces or removes: "
                    "change that page instead"
                )
                self.problems.append(doc.problem(("id",), message))
            else:
                self.displaced_sections.append((target, current[index]))
                current[index] = section

    def _add_section(self, section: SectionSource) -> None:
        doc = section.doc
        page_id = self._page_id(doc.data["page"], doc, ("page",))
        if page_id not in self.sections:
            message = f"there is no page '{doc.data['page']}'{suggest(doc.data['page'], self.sections)}"
            self.problems.append(doc.problem(("page",), message))
            return
        current = self.sections[page_id]
        ids = [s.id for s in current]
        after = doc.data.get("after")
        if after is not None:
            after = self._section_id(after, doc, ("after",))
            if after not in ids:
                message = f"page '{doc.data['page']}' has no section '{doc.data['after']}'{suggest(after, ids)}"
                self.problems.append(doc.problem(("after",), message))
                return
        current.insert(ids.index(after) + 1 if after else len(current), section)

    def _remove_sections(self) -> None:
        removed = self._removed("section")
        for page_id, current in self.sections.items():
            kept = []
            for section in current:
                if section.id in removed and not section.own:
                    self.displaced_sections.append((page_id, section))
                else:
                    kept.append(section)
            self.sections[page_id] = kept
            if not kept:
                doc = self.pages[page_id].doc
                message = f"the overlay removes every section of page '{page_id}': remove the page itself instead"
                self.problems.append(Problem(doc.name, 1, ("sections",), message))

    # Worksheets

    def _replace_add_and_remove_worksheets(self) -> None:
        removed = self._removed("worksheet")
        own, found = read_worksheets(self.overlay.files["worksheets"], self.root, own=True)
        self.problems.extend(found)
        defaults = self.defaults.worksheets
        for ident, file in self.overlay.files["worksheets"].items():
            if ident in defaults:
                if ident in self.overlay.add:
                    message = f"'{ident}' is already a default worksheet: this file replaces it, so leave it out of add"
                    self.problems.append(self.overlay.problem("add", ident, message))
                if ident in removed:
                    message = f"'{ident}' is both replaced ({self._name(file)}) and removed"
                    self.problems.append(self.overlay.problem("remove", ident, message))
                if ident in own:
                    self.worksheets[ident] = WorksheetSource(ident, own[ident].doc, True, defaults[ident].doc)
            elif ident in self.overlay.add:
                if ident in own:
                    self.worksheets[ident] = own[ident]
            else:
                self.problems.append(not_a_default(self._name(file), "worksheet", ident, defaults))
        for ident in removed:
            if ident not in self.overlay.files["worksheets"]:
                del self.worksheets[ident]
                self.removed_worksheets.add(ident)

    # Removals that name nothing

    def _unknown_removals(self) -> None:
        for ident, found in self.removals.items():
            if found is None:
                message = f"there is no default page, section or worksheet '{ident}'{self._closest(ident)}"
                self.problems.append(self.overlay.problem("remove", ident, message))

    def _closest(self, ident: str) -> str:
        """The nearest id of each kind, each named with its kind, so nothing of the wrong kind is hidden unawares."""
        kinds = {
            "page": {page: "a page" for page in self.default_pages},
            "section": {section: f"a section of page '{page}'" for section, page in self.home.items()},
            "worksheet": {sheet: "a worksheet" for sheet in self.defaults.worksheets},
        }
        found = []
        for described in kinds.values():
            # An id that grew from this one (networking -> networking-and-contacts) is nearer than
            # any that merely shares letters with it.
            grown = sorted((c for c in described if c.startswith(f"{ident}-")), key=len)
            close = grown[:1] or difflib.get_close_matches(ident, sorted(described), n=1)
            if close:
                ratio = 1.0 if grown else difflib.SequenceMatcher(None, ident, close[0]).ratio()
                found.append((-ratio, close[0], described[close[0]]))
        if not found:
            return ""
        (_, best, kind), *others = sorted(found)
        also = "".join(f"; '{other}' is {what}" for _, other, what in others)
        return f"; did you mean '{best}'? That is {kind}{also}"
