"""The Markdown download is only text: typed characters come out as themselves when rendered.

answers-text.js (run in Node) writes the document; markdown-it renders it as a reader's
viewer would (CommonMark, plus tables, strikethrough and bare-link detection, as GitHub-like
viewers do), and the rendered HTML may hold only Onward's own structure.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from support import REPO

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(NODE is None, reason="node is installed with the npm packages by make test")

TYPED = [
    '<img src=x onerror="alert(1)">',
    "[click me](javascript:alert(1))",
    "![a remote image](https://example.com/pixel.png)",
    "| name | value |\n| --- | --- |\n| a | b |",
    "```\nnot code\n```",
    "<no reply>",
    "**not bold** _not italic_ ~~not struck~~ `not code`",
    "# not a heading\n- not a list\n1. not a numbered list\n> not a quote",
    "    four spaces first, and a tab\tinside, and spaces after   ",
    "https://example.com and www.example.org and someone@example.com",
    "a line\n\nafter a blank line\n\n\nand two",
    "Title\n=====",
    "&amp; &lt;b&gt; &#65; \\ a backslash at the end \\",
    "[^1] a footnote marker, <!-- a comment -->, <script>alert(1)</script>",
    "1) not a list either\n+ nor this\n* nor this",
    "   ",
    "Ünïcode ✓ 東京 🌱 — “quotes”",
    "ends with line breaks, which show nothing\n\n",
]
ALLOWED = {"h1", "h2", "h3", "h4", "p", "strong", "em", "br"}


class Reader(HTMLParser):
    """Every tag used, and the text of each paragraph (line breaks as newlines)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.paragraphs: list[str] = []
        self._in_p = False
        self._after_br = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "p":
            self._in_p = True
            self.paragraphs.append("")
        elif tag == "br" and self._in_p:
            self.paragraphs[-1] += "\n"
            self._after_br = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._in_p = False

    def handle_data(self, data: str) -> None:
        if self._in_p:
            # The renderer puts a newline after each <br />: layout, not text.
            self.paragraphs[-1] += data[1:] if self._after_br and data.startswith("\n") else data
        self._after_br = False


def markdown_for(tmp_path: Path, texts: list[str]) -> str:
    sheets = [{"title": "Rejection log", "updated": "", "rows": [{"question": f"Question {n}", "text": text} for n, text in enumerate(texts)], "retired": []}]
    labels = {"heading": "My answers", "intro": "Kept on my own device.", "updated": "Last changed", "retired": "Kept aside"}
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([[sheets, labels]]))
    script = REPO / "tests" / "node" / "run_module.mjs"
    result = subprocess.run([NODE, str(script), "answers-text.js", "toMarkdown", str(cases)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)[0]


def rendered(markdown: str) -> Reader:
    renderer = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])
    reader = Reader()
    reader.feed(renderer.render(markdown))
    return reader


def test_typed_text_renders_as_exactly_that_text(tmp_path: Path) -> None:
    reader = rendered(markdown_for(tmp_path, TYPED))
    assert reader.tags <= ALLOWED, reader.tags - ALLOWED
    # The first paragraph is the document's introduction. Line breaks at the very end of an
    # answer show nothing and cannot be written in Markdown: they are the one thing left off.
    assert reader.paragraphs[1:] == [text.rstrip("\n") for text in TYPED]


def test_headings_and_labels_stay_text_too(tmp_path: Path) -> None:
    sheets = [{"title": "# Worksheet <b>", "updated": "1/12/2026", "rows": [{"question": "Why *this*?\nsecond line", "text": "ok"}],
               "retired": [{"question": "[old](x)", "text": "<i>kept</i>"}]}]
    labels = {"heading": "My answers", "intro": "Intro", "updated": "Last changed", "retired": "Kept aside"}
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps([[sheets, labels]]))
    script = REPO / "tests" / "node" / "run_module.mjs"
    result = subprocess.run([NODE, str(script), "answers-text.js", "toMarkdown", str(cases)], capture_output=True, text=True, check=True)
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(json.loads(result.stdout)[0])
    assert "<h2># Worksheet &lt;b&gt;</h2>" in html
    assert "<h3>Why *this*? second line</h3>" in html
    assert "<strong>[old](x)</strong><br />\n&lt;i&gt;kept&lt;/i&gt;" in html
    assert "<a" not in html and "<i>" not in html
