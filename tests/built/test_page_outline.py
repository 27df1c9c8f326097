"""The outline a screen reader offers on every built page: headings, named regions, landmarks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from support import BuiltSite

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADING = re.compile(r"h([1-6])")


class Outline(HTMLParser):
    """Headings in order, the text of every element with an id, and the named sections of a page.

    Content inside ``<template>`` is left out: it is not on the page until a script copies it.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []  # (level, id)
        self.sections: list[str] = []  # what each named section is labelled by (ids)
        self.texts: dict[str, str] = {}
        self.progress_ancestors: list[list[str]] = []  # the open elements where each progress bar starts
        self._open: list[tuple[str, str | None]] = []
        self._template = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "template":
            self._template += 1
        if self._template or tag in VOID:
            return
        self._open.append((tag, values.get("id")))
        if values.get("id"):
            self.texts[values["id"]] = ""
        if (match := HEADING.fullmatch(tag)) is not None:
            self.headings.append((int(match[1]), values.get("id", "")))
        if tag == "section" and values.get("aria-labelledby"):
            self.sections.append(values["aria-labelledby"])
        if values.get("role") == "progressbar":
            self.progress_ancestors.append([t for t, _ in self._open])

    def handle_endtag(self, tag: str) -> None:
        if tag == "template":
            self._template -= 1
            return
        if self._template or tag in VOID:
            return
        while self._open:
            open_tag, _ = self._open.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._template:
            return
        for _, element_id in self._open:
            if element_id:
                self.texts[element_id] += data

    def text_of(self, element_id: str) -> str:
        return " ".join(self.texts.get(element_id, "").split())


def outline_of(site: BuiltSite, page: str) -> Outline:
    outline = Outline()
    outline.feed((site.directory / page).read_text(encoding="utf-8"))
    return outline


def page_files(site: BuiltSite) -> list[str]:
    return [p.relative_to(site.directory).as_posix() for p in site.pages()]


def test_headings_go_down_one_level_at_a_time(built_site):
    """A worksheet's entries are h2 on its own page and h3 inside a guide section, never a level skipped."""
    problems = []
    for page in page_files(built_site):
        levels = outline_of(built_site, page).headings
        if not levels or levels[0][0] != 1:
            problems.append(f"{page}: starts with {levels[:1]}")
        for (before, _), (level, heading_id) in zip(levels, levels[1:]):
            if level > before + 1:
                problems.append(f"{page}: h{level} #{heading_id} follows an h{before}")
    assert problems == []


def test_worksheet_pages_and_sections_give_entries_the_next_level(built_site):
    own = outline_of(built_site, "worksheets/rejection-log/index.html").headings
    embedded = outline_of(built_site, "reasons/index.html").headings
    assert (2, "ow-rejection-log-applications-0-heading") in own
    assert (3, "ow-rejection-log-applications-0-heading") in embedded


def test_named_regions_on_a_page_have_names_of_their_own(built_site):
    """Several worksheets' "What this tells you" regions on one page each name their worksheet."""
    problems = []
    for page in page_files(built_site):
        outline = outline_of(built_site, page)
        names = [" ".join(outline.text_of(i) for i in ids.split()) for ids in outline.sections]
        problems += [f"{page}: {name!r} names {names.count(name)} regions" for name in sorted(set(names))
                     if names.count(name) > 1]
    assert problems == []
    reasons = outline_of(built_site, "reasons/index.html")
    assert reasons.text_of("ow-rejection-log-insights-title") == "What this tells you: Rejection log"


@pytest.mark.parametrize("page", ["index.html", "worksheets/rejection-log/index.html", "404.html"])
def test_the_page_loading_bar_sits_in_the_header_landmark(built_site, page):
    (ancestors,) = outline_of(built_site, page).progress_ancestors
    assert "header" in ancestors
