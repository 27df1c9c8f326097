"""Text left in English on a translated page, marked so that screen readers switch voice (WCAG 3.1.2).

A text with no usable translation (missing, fuzzy, or translated from older English)
is shown in English. The renderer wraps each such text in two private-use characters,
which pass through Jinja, Markdown and MkDocs untouched wherever the text goes: a
heading, a label, an admonition title, the navigation. Once the page is HTML,
``to_html`` turns each pair into ``<span lang="en">`` in the page's text and drops
it where no element can be put: inside a tag's attributes, in ``<title>``,
``<option>`` and other elements that hold only text. Nothing else in Onward sees the
marks: the loaded model keeps clean strings, and only the renderer adds them.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from .errors import Path_

OPEN = "\ue000"
CLOSE = "\ue001"
FALLBACK_LANGUAGE = "en"
_MARKS = re.compile(f"[{OPEN}{CLOSE}]")
# Elements whose content is text only: a span there would show as text or be dropped.
_TEXT_ONLY = ("title", "option", "textarea", "script", "style")
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>|[^<]+|<", re.DOTALL)
# Elements a span may not cross: it is closed before them and opened again after.
_BLOCKS = frozenset(
    "address article aside blockquote details dialog dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)


def mark(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


def strip(text: str) -> str:
    """``text`` without marks: for anything that is not a page's HTML (JSON, the search index)."""
    return _MARKS.sub("", text)


def english_within(english: Iterable[Path_], prefix: Path_) -> frozenset[Path_]:
    """The English paths under ``prefix``, relative to it: a block's own, from its document's."""
    size = len(prefix)
    return frozenset(path[size:] for path in english if path[:size] == prefix)


def left_english(doc: Any, prefix: Path_) -> frozenset[Path_]:
    """The paths under ``prefix`` that a translated document left in English, relative to it.

    A page or worksheet without its own ``nav_title`` shows its title there, so an English
    title makes an English ``nav_title`` too.
    """
    english: frozenset[Path_] = getattr(doc, "english", frozenset())
    if not english:
        return english
    found = english_within(english, prefix)
    data = getattr(doc, "data", None)
    if prefix == () and ("title",) in found and isinstance(data, dict) and "nav_title" not in data:
        found |= {("nav_title",)}
    return found


def marked(value: Any, english: frozenset[Path_], path: Path_ = ()) -> Any:
    """``value`` with the strings at the ``english`` paths marked (a copy; the input stays as it is)."""
    if not english:
        return value
    if isinstance(value, str):
        return mark(value) if path in english else value
    if isinstance(value, dict):
        return {key: marked(item, english, path + (key,)) for key, item in value.items()}
    if isinstance(value, list):
        return [marked(item, english, path + (index,)) for index, item in enumerate(value)]
    return value


def to_html(html: str) -> str:
    """The page with every marked text as ``<span lang="en">``; marks left where a span cannot go are dropped."""
    if OPEN not in html:
        return html
    return _Spans().run(html)


class _Spans:
    """One pass over a page: a span is opened only where marked text or an inline element is, and
    closed before any block element, so the result nests correctly whatever the text held."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.depth = 0  # marked runs begun and not yet ended
        self.open = 0  # spans written and not yet closed
        self.text_only: str | None = None  # inside <title>, <option>...: no element can be added

    def run(self, html: str) -> str:
        for match in _TOKEN.finditer(html):
            closing, name = match[1], (match[2] or "").lower()
            if name:
                self._tag(match[0], name, bool(closing))
            elif self.text_only is not None or match[0].startswith("<!--"):
                self.out.append(strip(match[0]))
            else:
                self._text(match[0])
        self._close(0)
        return "".join(self.out)

    def _tag(self, token: str, name: str, closing: bool) -> None:
        if self.text_only is None:
            if name in _BLOCKS:
                self._close(0)
            else:
                self._catch_up()
        if name in _TEXT_ONLY:
            self.text_only = None if closing else name
        self.out.append(strip(token))

    def _text(self, text: str) -> None:
        for piece in re.split(f"([{OPEN}{CLOSE}])", text):
            if piece == OPEN:
                self.depth += 1
            elif piece == CLOSE:
                self.depth = max(0, self.depth - 1)
                self._close(self.depth)
            elif piece:
                if piece.strip():
                    self._catch_up()
                self.out.append(piece)

    def _catch_up(self) -> None:
        if self.open < self.depth:
            self.out.append(f'<span lang="{FALLBACK_LANGUAGE}">' * (self.depth - self.open))
            self.open = self.depth

    def _close(self, keep: int) -> None:
        if self.open > keep:
            self.out.append("</span>" * (self.open - keep))
            self.open = keep
