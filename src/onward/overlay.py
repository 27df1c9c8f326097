"""A career centre's overlay: its own pages, sections and worksheets over Onward's defaults.

The overlay lives in the centre's own folder, so upgrading Onward never touches it:

    overlay/
      overlay.yml      optional: ``add`` (ids of new things) and ``remove`` (ids to hide)
      pages/ID.yml     a page in content form
      sections/ID.yml  one section: id, title, blocks (a new one also names its page)
      worksheets/ID.yml  a worksheet in worksheet form

A file whose id is a default's replaces that default. A file with a new id must
be listed under ``add``: that way a mistyped id ("copin" for "coping") is an
error with a suggestion, never a silent extra page.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from .errors import ContentError, Problem, display_name
from .validation import ID_SCHEMA, schema_problems
from .yamlsource import YamlDocument, load_yaml

MANIFEST = "overlay.yml"
HOME = "index"  # the site's start page: it can be replaced, never removed
KINDS = ("pages", "sections", "worksheets")
_KIND_NAMES = {"pages": "page", "sections": "section", "worksheets": "worksheet"}

MANIFEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "add": {"type": "array", "items": ID_SCHEMA, "description": "ids of new pages, sections and worksheets"},
        "remove": {"type": "array", "items": ID_SCHEMA, "description": "ids of default pages, sections, worksheets to hide"},
    },
    "additionalProperties": False,
}


@dataclass(frozen=True)
class Overlay:
    """The overlay folder, read and checked for its own consistency."""

    folder: Path
    files: Mapping[str, Mapping[str, Path]]  # kind -> id -> file
    add: frozenset[str] = frozenset()
    remove: frozenset[str] = frozenset()
    manifest: YamlDocument | None = None
    names: frozenset[str] = field(default_factory=frozenset)  # display names of every overlay file

    def is_own(self, doc_name: str) -> bool:
        """Whether a document came from the overlay (the centre's text) rather than Onward's."""
        return doc_name in self.names

    def problem(self, key: str, value: str, message: str) -> Problem:
        """A problem with one entry of overlay.yml's ``add`` or ``remove`` list."""
        doc = self.manifest
        assert doc is not None
        index = list(doc.data.get(key, [])).index(value)
        return doc.problem((key, index), message)


def read_overlay(folder: Path, root: Path | None = None) -> Overlay:
    """List the overlay's files and read its manifest; raise ContentError on mistakes."""
    problems: list[Problem] = []
    files: dict[str, dict[str, Path]] = {}
    names: set[str] = set()
    for kind in KINDS:
        found = sorted((folder / kind).glob("*.yml")) if (folder / kind).is_dir() else []
        files[kind] = {file.stem: file for file in found}
        names.update(display_name(file, root) for file in found)
    manifest = None
    add: list[str] = []
    remove: list[str] = []
    if (folder / MANIFEST).is_file():
        manifest = load_yaml(folder / MANIFEST, display_name(folder / MANIFEST, root))
        if manifest.data is None:
            manifest.data = {}
        problems.extend(schema_problems(manifest, manifest.data, MANIFEST_SCHEMA))
        if not problems:
            add, remove = list(manifest.data.get("add", [])), list(manifest.data.get("remove", []))
    overlay = Overlay(folder, files, frozenset(add), frozenset(remove), manifest, frozenset(names))
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


def merge(
    kind: str, defaults: Mapping[str, Path], overlay: Overlay | None, root: Path | None
) -> tuple[dict[str, Path], list[Problem]]:
    """The files of one kind (pages or worksheets) after the overlay: replaced, added, removed."""
    final = dict(defaults)
    if overlay is None:
        return final, []
    problems: list[Problem] = []
    noun = _KIND_NAMES[kind]
    for ident, file in overlay.files[kind].items():
        name = display_name(file, root)
        if ident in defaults:
            if ident in overlay.add:
                message = f"'{ident}' is already a default {noun}: this file replaces it, so leave it out of add"
                problems.append(overlay.problem("add", ident, message))
            if ident in overlay.remove:
                problems.append(overlay.problem("remove", ident, f"'{ident}' is both replaced ({name}) and removed"))
            final[ident] = file
        elif ident in overlay.add:
            final[ident] = file
        else:
            problems.append(not_a_default(name, noun, ident, defaults))
    for ident in overlay.remove & set(defaults):
        if kind == "pages" and ident == HOME:
            problems.append(overlay.problem("remove", ident, "the home page cannot be removed: replace it in pages/index.yml"))
            continue
        del final[ident]
    return final, problems


def not_a_default(name: str, noun: str, ident: str, defaults: Iterable[str]) -> Problem:
    """The message for an overlay file whose id replaces nothing and was not declared new."""
    return Problem(
        name,
        1,
        ("id",),
        f"there is no default {noun} '{ident}' to replace{suggest(ident, defaults)} "
        f"(to add a new {noun}, list '{ident}' under add in {MANIFEST})",
    )


def unknown_removals(overlay: Overlay | None, known: set[str]) -> list[Problem]:
    """Every id under ``remove`` must name a default page, section or worksheet."""
    if overlay is None:
        return []
    return [
        overlay.problem("remove", ident, f"there is no default page, section or worksheet '{ident}'{suggest(ident, known)}")
        for ident in sorted(overlay.remove)
        if ident not in known
    ]
