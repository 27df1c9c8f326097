"""Measuring English on a French page: the share of English function words outside elements marked lang="en"."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

# Words French never uses (so "on", "a", "an", "or", "but", "me" and "as" are left out):
# a French page has none of them outside names, and English prose is full of them.
ENGLISH_FUNCTION_WORDS = frozenset(
    """the and of to you your yours is are was were be been being it its that this these those for with
    not can could have has had if what when where which who whom why how will would should about at by
    from they them their there we our us my into than then do does did just also only very""".split()
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
WORD = re.compile(r"[A-Za-zÀ-ÿœŒ']+")


class ElementStack(HTMLParser):
    """An HTML parser that keeps the open elements, each with what a subclass notes about it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, Any]] = []  # (tag, note)

    def push(self, tag: str, note: Any) -> None:
        if tag not in VOID:
            self.stack.append((tag, note))

    def top(self, default: Any) -> Any:
        return self.stack[-1][1] if self.stack else default

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return


class MainText(ElementStack):
    """The words of a page's main region (``<main>``), apart from those inside an element marked English."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []
        self.english_words = 0  # inside lang="en"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.top("out")  # "out" | "counted" | "english" | "skip"
        if parent == "out":
            state = "counted" if tag == "main" else "out"
        elif parent != "counted":
            state = parent
        elif tag in ("script", "style", "template"):
            state = "skip"
        else:
            state = "english" if dict(attrs).get("lang") == "en" else "counted"
        self.push(tag, state)

    def handle_data(self, data: str) -> None:
        state = self.top("out")
        if state == "counted":
            self.words.extend(w.lower().strip("'") for w in WORD.findall(data))
        elif state == "english":
            self.english_words += len(WORD.findall(data))


def english_share(html: str) -> tuple[float, list[str]]:
    """The share of English function words among the main region's words outside lang="en", and those words."""
    parser = MainText()
    parser.feed(html)
    english = [w for w in parser.words if w in ENGLISH_FUNCTION_WORDS]
    return (len(english) / len(parser.words) if parser.words else 0.0), english


def marked_english_words(html: str) -> int:
    """How many words of the main region are inside elements marked lang="en"."""
    parser = MainText()
    parser.feed(html)
    return parser.english_words
