"""Internal links written as ids ("feedback#how-to-ask") and their checks.

Editors link by id, never by file name, so that pages can move and a career
centre's overlay can replace a page without breaking links into it.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

# [label](target) but not ![image](src); the target has no spaces.
INLINE_LINK = re.compile(r"(?<!!)\[(?P<label>[^\]]*)\]\((?P<target>[^)\s]+)\)")
_EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class Target:
    """Where a link goes: a page id and, optionally, an anchor on that page."""

    page: str | None  # None means "this page"
    anchor: str | None


def is_external(target: str) -> bool:
    return bool(_EXTERNAL.match(target))


def parse_target(text: str) -> Target:
    """Parse "page", "page#anchor" or "#anchor"; raise ValueError with a hint otherwise."""
    page, _, anchor = text.partition("#")
    if (page and not _ID.match(page)) or (anchor and not _ID.match(anchor)) or not (page or anchor):
        raise ValueError(
            f"link target {text!r} should be a page id or page-id#section-id "
            "(lowercase words joined by hyphens, no '.md' and no slashes)"
        )
    return Target(page or None, anchor or None)


def inline_targets(markdown: str) -> list[str]:
    """The internal link targets written in a piece of inline Markdown."""
    return [m["target"] for m in INLINE_LINK.finditer(markdown) if not is_external(m["target"])]


def relative_href(target_src: str, from_src: str, anchor: str | None) -> str:
    """A Markdown link from one source file to another, as MkDocs resolves them."""
    href = posixpath.relpath(target_src, posixpath.dirname(from_src) or ".")
    return f"{href}#{anchor}" if anchor else href


def page_url(src_uri: str, use_directory_urls: bool) -> str:
    """The address MkDocs gives a page's source file ("coping.md" -> "coping/")."""
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def relative_url(target_src: str, from_src: str, anchor: str | None, use_directory_urls: bool) -> str:
    """A final link between two pages, for raw HTML, where MkDocs rewrites nothing."""
    target = page_url(target_src, use_directory_urls)
    here = page_url(from_src, use_directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    href = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") or not target:
        href = "./" if href == "." else f"{href}/"
    return f"{href}#{anchor}" if anchor else href


def check_target(
    text: str, from_page: str, anchors: Mapping[str, frozenset[str]], worksheet_ids: Iterable[str] = ()
) -> str | None:
    """Why a link target is broken, or None when it resolves."""
    worksheet = worksheet_named(text, anchors, worksheet_ids)
    if worksheet is not None:
        return (
            f"link to '{text}': a worksheet is not linked from text. Point to it with a worksheet_link block "
            f"(type: worksheet_link, worksheet: {worksheet}, text: a line on why it helps), or show its form "
            f"here with a worksheet block (type: worksheet, worksheet: {worksheet})"
            f"{suggestion(worksheet, worksheet_ids) if worksheet not in worksheet_ids else ''}"
        )
    try:
        target = parse_target(text)
    except ValueError as exc:
        return str(exc)
    page_id = target.page or from_page
    if page_id not in anchors:
        return f"link to '{text}': there is no page '{page_id}'{suggestion(page_id, anchors)}"
    if target.anchor and target.anchor not in anchors[page_id]:
        hint = suggestion(target.anchor, anchors[page_id])
        return f"link to '{text}': page '{page_id}' has no section or item '{target.anchor}'{hint}"
    return None


def worksheet_named(text: str, anchors: Mapping[str, frozenset[str]], worksheet_ids: Iterable[str]) -> str | None:
    """The worksheet id a link target means, when it is written like a worksheet's address or id."""
    page = text.partition("#")[0].strip("/").removesuffix(".md").removesuffix("/index")
    if page.startswith("worksheets/"):
        return page.removeprefix("worksheets/").strip("/") or None
    if page not in anchors and page in set(worksheet_ids):
        return page
    return None


def suggestion(wrong: str, known: Iterable[str]) -> str:
    """", did you mean 'x'?" for the closest known id, when one is close enough."""
    close = difflib.get_close_matches(wrong, list(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""
