"""Text left in English: marked in the page's text, dropped where no element can go."""

from __future__ import annotations

import pytest

from onward.fallback import CLOSE, OPEN, left_english, mark, marked, strip, to_html
from onward.yamlsource import parse_yaml

EN = '<span lang="en">'


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (f"<p>{mark('Hello')}</p>", f"<p>{EN}Hello</span></p>"),
        # A link inside the English text stays inside its span.
        (f'<p>{mark("See <a href=x>this</a> now")}</p>', f'<p>{EN}See <a href=x>this</a> now</span></p>'),
        # In an attribute, in <title> and in <option> a span cannot go: the marks are dropped.
        (f'<div aria-label="{mark("Log")}" data-x="{mark("a")}">', '<div aria-label="Log" data-x="a">'),
        (f"<title>{mark('Reasons')} - Onward</title>", "<title>Reasons - Onward</title>"),
        (f"<select><option>{mark('United Kingdom')}</option></select>", "<select><option>United Kingdom</option></select>"),
        # Text spread over block elements gets a span in each, never one across them.
        ("<ul>" + mark("<li>a</li>\n<li>b</li>") + "</ul>", f"<ul><li>{EN}a</span></li>\n<li>{EN}b</span></li></ul>"),
        # A French sentence around an English title: only the title is marked.
        (f"<p>La partie {mark('What the stage tells you')} du guide.</p>", f"<p>La partie {EN}What the stage tells you</span> du guide.</p>"),
        ("<p>Nothing to mark</p>", "<p>Nothing to mark</p>"),
    ],
)
def test_marked_text_becomes_a_span_where_a_span_can_go(html: str, expected: str) -> None:
    assert to_html(html) == expected


def test_a_page_with_marks_everywhere_keeps_its_elements_balanced() -> None:
    html = to_html(f"<h2>{mark('Title')}<a class=headerlink>¶</a></h2><p>{mark('One')} and {mark('two')}</p>")
    assert html.count("<span") == html.count("</span>") == 3
    assert OPEN not in html and CLOSE not in html


def test_marks_never_leave_the_page() -> None:
    assert strip(f'{{"title": "{mark("Coping")}"}}') == '{"title": "Coping"}'


def test_only_the_paths_left_in_english_are_marked() -> None:
    params = {"title": "Titre", "text": "Left in English", "items": ["Un", "Two"]}
    assert marked(params, frozenset({("text",), ("items", 1)})) == {
        "title": "Titre", "text": mark("Left in English"), "items": ["Un", mark("Two")]
    }
    assert marked(params, frozenset()) is params


def test_an_english_title_makes_the_navigation_title_english_when_there_is_no_other() -> None:
    class Translated:
        def __init__(self, text: str, english: set) -> None:
            self.data = parse_yaml(text, "x.yml").data
            self.english = frozenset(english)

    assert left_english(Translated("title: A\n", {("title",)}), ()) == {("title",), ("nav_title",)}
    assert left_english(Translated("title: A\nnav_title: B\n", {("title",)}), ()) == {("title",)}
    assert left_english(Translated("sections: [{title: A}]\n", {("sections", 0, "title")}), ("sections", 0)) == {("title",)}
