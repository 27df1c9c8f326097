"""``onward check``: everything a build would object to in a centre's folder, found at once, without building.

The same checks the build makes, from the same functions: the centre's
configuration, its overlay over Onward's guide, the site's address, and its
Pyodide. Problems stop a build; warnings stop a strict build (``mkdocs build
--strict``); notes are what the build log would tell you.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import yaml

from .centre import Centre, load_centre, untranslated_interface
from .errors import ContentError
from .hosting import site_url_problem
from .overlay import read_overlay
from .paths import PACKAGE_DIR, bundled
from .runtime import find_pyodide
from .site import OnwardSite
from .siteconfig import SiteConfig, read_site_config
from .translations import guide_language, report as untranslated_report, translator_for
from .versions import pyodide_problem


@dataclass
class Report:
    """What ``onward check`` found, each as a line to print."""

    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, error: ContentError) -> None:
        self.problems.extend(str(problem) for problem in error.problems)

    def failed(self, strict: bool = False) -> bool:
        return bool(self.problems or (strict and self.warnings))

    def lines(self) -> list[str]:
        found = [*self.problems, *(f"warning: {w}" for w in self.warnings), *(f"note: {n}" for n in self.notes)]
        if self.problems or self.warnings:
            count = f"{len(self.problems)} problem(s), {len(self.warnings)} warning(s)"
            advice = "a build stops at problems, and a strict build (--strict) at warnings too"
            return [*found, f"{count}: {advice}."]
        return [*found, "No problems found: the site is ready to build (mkdocs build)."]


def check_site(config_file: Path, environ: Mapping[str, str] = os.environ) -> Report:
    """Check the site whose mkdocs.yml is ``config_file``, as a build for deployment would."""
    report = Report()
    try:
        site = read_site_config(config_file)
    except ContentError as exc:
        report.add(exc)
        return report
    if site.onward is None:
        report.problems.append(f"{config_file.name}: plugins: the onward plugin is not listed (add '- onward' under plugins)")
        return report
    url_problem = site_url_problem(site.site_url, environ)
    if url_problem:
        report.problems.append(str(site.doc.problem(("site_url",), url_problem)))
    centre = _centre(site, report)
    language = (centre.language if centre else None) or site.language
    untranslated = untranslated_interface(language)
    if untranslated:
        report.warnings.append(untranslated)
    _content(site, centre, language, report)
    if not (centre and centre.pyodide_url):
        _pyodide(site, report)
    return report


def _centre(site: SiteConfig, report: Report) -> Centre | None:
    try:
        return load_centre(site.onward or {}, site.file, site.docs_dir)
    except ContentError as exc:
        report.add(exc)
        return None


def _content(site: SiteConfig, centre: Centre | None, language: str, report: Report) -> None:
    """The overlay over Onward's guide and worksheets, in the site's language: every rule the build applies.

    Text a catalogue leaves in English is a warning, as ``translations: strict`` would stop the build.
    """
    root = site.file.parent
    options = site.onward or {}
    locales = site.folder("locales_dir") or bundled("locales")
    content_language = guide_language(language, options.get("content_language"), locales)
    try:
        folder = centre.overlay if centre else _overlay_folder(site)
        overlay = read_overlay(folder, root) if folder else None
        translator = translator_for(
            content_language, locales, overlay and overlay.language, overlay and overlay.locales, root
        )
        loaded = OnwardSite.load(
            site.folder("content_dir") or bundled("content"),
            site.folder("worksheets_dir") or bundled("worksheets"),
            bundled("macros"),
            root,
            overlay=overlay,
            translator=translator,
        )
    except ContentError as exc:
        report.add(exc)
        return
    report.notes.extend(loaded.notes)
    if translator is not None and translator.untranslated:
        report.warnings.append(untranslated_report(translator.untranslated, content_language))


def _overlay_folder(site: SiteConfig) -> Path | None:
    """Where the overlay is when the centre file has mistakes of its own: still worth checking."""
    options = site.onward or {}
    base, written = site.file.parent, options.get("overlay")
    if options.get("centre"):
        file = site.file.parent / str(options["centre"])
        try:
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            return None
        base, written = file.parent, data.get("overlay") if isinstance(data, dict) else None
    folder = (base / written).resolve() if isinstance(written, str) and written else None
    return folder if folder and folder.is_dir() else None


def _pyodide(site: SiteConfig, report: Report) -> None:
    found = find_pyodide(site.file.parent, PACKAGE_DIR)
    if found is None:
        report.problems.append(
            f"node_modules/pyodide was not found in or above {site.file.parent}: run `npm ci` there "
            "(the site's package-lock.json pins the Pyodide release Onward is tested with)"
        )
        return
    mismatch = pyodide_problem(found)
    if mismatch:
        report.warnings.append(mismatch)
