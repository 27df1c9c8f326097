"""Internal links written as ids ("feedback#how-to-ask") and their checks.

Editors link by id, never by file name, so that pages can move and a career
centre's overlay can replace a page without breaking links into it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

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
