"""The reference site built with ``theme.language: fr``: Onward's interface in French (the guide's French is
tested in test_french_site.py)."""

from __future__ import annotations

import re

import pytest

from french_support import ElementStack
from onward.i18n import load_catalog
from support import BuiltSite, build_site, site_config_in

ENGLISH = load_catalog("en").messages
# As the parser reads it: runs of spaces (French typography's no-break ones too) as one space.
FRENCH = {key: " ".join(text.split()) for key, text in load_catalog("fr").messages.items()}
READ_ALOUD = ("aria-label", "title", "placeholder", "alt")
# Material's places that show page titles, which are the guide's (English) content.
TITLE_CLASSES = {"md-ellipsis", "md-nav", "md-header__topic", "md-copyright"}


class InterfaceText(ElementStack):
    """Collects the text a page presents in its own language (lang="fr"), leaving out content marked
    as another language and the places Material prints the guide's page titles."""

    def __init__(self) -> None:
        super().__init__()
        self.page_language = ""
        self.parts: list[str] = []
        self.marked: list[tuple[str, str]] = []  # (tag, lang) of every element that sets one

    def _here(self) -> tuple[str, bool]:  # (language, leaves out its text)
        return self.top((self.page_language, False))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        language, skipped = self._here()
        if tag == "html":
            self.page_language = values.get("lang", "")
            return
        if "lang" in values:
            self.marked.append((tag, values["lang"]))
        language = values.get("lang", language)
        skipped = skipped or tag in ("script", "style", "title", "nav") or bool(
            TITLE_CLASSES & set(values.get("class", "").split())
        )
        if language == self.page_language and not skipped:
            self.parts.extend(values[name] for name in READ_ALOUD if values.get(name))
        self.push(tag, (language, skipped))

    def handle_data(self, data: str) -> None:
        language, skipped = self._here()
        if language == self.page_language and not skipped:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def interface_text(html: str) -> InterfaceText:
    parser = InterfaceText()
    parser.feed(html)
    return parser


def english_phrases() -> dict[str, str]:
    """Each English interface phrase whose French differs: the words between placeholders and markup."""
    phrases: dict[str, str] = {}
    for key, english in ENGLISH.items():
        if FRENCH[key] == english:
            continue
        for piece in re.split(r"%\(\w+\)s|<[^>]+>|\[|\]\([^)]*\)", english):
            piece = " ".join(piece.split()).strip(" :,.()“”")
            if re.search(r"[A-Za-z]{3}", piece):
                phrases[piece] = key
    return phrases


def html_pages(site: BuiltSite) -> dict[str, str]:
    return {p.relative_to(site.directory).as_posix(): p.read_text(encoding="utf-8") for p in site.pages()}


def test_every_page_is_french(french_site: BuiltSite) -> None:
    for name, html in html_pages(french_site).items():
        parsed = interface_text(html)
        assert parsed.page_language == "fr", name
        assert FRENCH["page.loading"] in parsed.text, name


def test_no_english_interface_string_is_left(french_site: BuiltSite) -> None:
    phrases = english_phrases()
    assert len(phrases) > 150
    left = {
        name: sorted(f"{phrase!r} ({key})" for phrase, key in phrases.items() if phrase in parsed.text)
        for name, parsed in ((n, interface_text(h)) for n, h in html_pages(french_site).items())
    }
    assert {name: found for name, found in left.items() if found} == {}


@pytest.mark.parametrize(
    ("page", "keys"),
    [
        ("reasons/index.html", ["guide.what_you_can_do", "field.scale_ends"]),
        ("worksheets/index.html", ["worksheet_index.title", "worksheet_index.intro"]),
        ("worksheets/thought-record/index.html", ["worksheet.saved_as_you_type"]),
        ("404.html", ["not_found.title", "not_found.text", "not_found.home"]),
    ],
)
def test_generated_pages_show_their_french_strings(french_site: BuiltSite, page: str, keys: list[str]) -> None:
    text = interface_text((french_site.directory / page).read_text(encoding="utf-8")).text
    for key in keys:
        words = re.split(r"%\(\w+\)s|<[^>]+>|\[|\]\([^)]*\)", FRENCH[key])
        longest = max((" ".join(w.split()) for w in words), key=len)
        if key == "field.scale_ends":
            continue  # the same in both languages; listed to show the reasons page has no scale
        assert longest in text, (page, key)


def test_materials_own_words_are_french(french_site: BuiltSite) -> None:
    html = (french_site.directory / "index.html").read_text(encoding="utf-8")
    assert 'placeholder="Rechercher"' in html
    assert f'title="{FRENCH["palette.light"]}"' in html or f'aria-label="{FRENCH["palette.light"]}"' in html
    assert f'aria-label="{FRENCH["page.loading"]}"' in html
    assert f'title="{FRENCH["page.permalink"]}"' in html


def test_the_navigation_names_onwards_sections_in_french(french_site: BuiltSite) -> None:
    html = (french_site.directory / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"'):]
    for key in ("navigation.worksheets", "navigation.my_answers"):
        assert re.search(rf">\s*{re.escape(FRENCH[key])}\s*<", nav), key


def test_the_generated_pages_have_french_titles(french_site: BuiltSite) -> None:
    html = (french_site.directory / "worksheets" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{FRENCH['worksheet_index.title']} - Onward</title>" in html
    assert f'content="{FRENCH["worksheet_index.description"]}"' in html.replace("&#39;", "'")


def test_an_unknown_language_leaves_onwards_words_in_english(tmp_path) -> None:
    """Material knows German, Onward does not: Material speaks German, Onward English, marked as such."""
    result = build_site(site_config_in(tmp_path, "de"), tmp_path / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Onward has no interface translation for 'de'" in result.stdout + result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in html and 'placeholder="Suche"' in html
    help_box = '<aside class="onward-help" aria-labelledby="onward-help-title" data-onward="help" lang="en">'
    assert help_box in html and "Need to talk to someone?" in html
    assert f'title="{ENGLISH["page.permalink"]}"' in html


def test_the_english_site_names_materials_controls_in_english(built_site: BuiltSite) -> None:
    html = (built_site.directory / "index.html").read_text(encoding="utf-8")
    for key in ("page.permalink", "palette.light", "palette.dark", "palette.system"):
        assert f'title="{ENGLISH[key]}"' in html or f'aria-label="{ENGLISH[key]}"' in html, key
    assert ' lang="' not in html.split("<html", 1)[1].split(">", 1)[1], "one language: nothing marked"
