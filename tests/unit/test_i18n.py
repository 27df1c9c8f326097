"""The interface strings: complete and consistent translations, clear errors, English as the fallback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from onward.components import load_components
from onward.errors import ContentError
from onward.i18n import FALLBACK, Languages, UnknownString, load_catalog
from onward.paths import PACKAGE_DIR, bundled
from onward.render import Renderer

LOCALES = bundled("locales")
TRANSLATIONS = sorted(p.stem for p in LOCALES.glob("*.yml") if p.stem != FALLBACK)
ENGLISH = load_catalog(FALLBACK)
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
TAG = re.compile(r"<[^>]+>")
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\([^)]*\)")
# A key written literally where a string is looked up: _("a.b"), gettext("a.b") and the like.
KEY_USE = re.compile(r"""(?:\b_|gettext|text)\(\s*["']([a-z_]+(?:\.[a-z_]+)+)["']""")


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_french_is_shipped() -> None:
    assert "fr" in TRANSLATIONS


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_every_translation_has_exactly_the_english_keys(language: str) -> None:
    catalog = load_catalog(language)
    assert catalog.language == language
    assert catalog.missing == ()
    assert set(catalog.messages) == set(ENGLISH.messages)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_placeholders_and_markup_agree_with_english(language: str) -> None:
    translated = load_catalog(language).messages
    for key, english in ENGLISH.messages.items():
        text = translated[key]
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(english)), key
        assert sorted(TAG.findall(text)) == sorted(TAG.findall(english)), key
        assert len(MARKDOWN_LINK.findall(text)) == len(MARKDOWN_LINK.findall(english)), key
        # Jinja formats every string: a stray % would fail at build time, here it fails first.
        filled = text % {name: "X" for name in PLACEHOLDER.findall(text)}
        assert "%" not in filled, key


def test_translations_differ_from_english_where_words_are() -> None:
    """A copied English string is an untranslated one (format-only strings may stay the same)."""
    french = load_catalog("fr").messages
    same = [k for k, v in ENGLISH.messages.items() if french[k] == v and re.search(r"[a-z]{3}", PLACEHOLDER.sub("", v))]
    assert same == []


SOURCES = [*bundled("macros").glob("*.j2"), *(PACKAGE_DIR / "theme").rglob("*.html"), *PACKAGE_DIR.glob("*.py")]
QUOTED = re.compile(r"""["']([a-z_]+(?:\.[a-z_]+)+)["']""")


def test_every_key_looked_up_exists() -> None:
    used = {key for file in SOURCES for key in KEY_USE.findall(file.read_text(encoding="utf-8"))}
    assert used, "no look-ups found: has the way templates ask for strings changed?"
    assert sorted(used - set(ENGLISH.messages)) == []


def test_every_key_is_used() -> None:
    """Keys are looked up literally, or named in a module."""
    named = {key for file in SOURCES for key in QUOTED.findall(file.read_text(encoding="utf-8"))}
    assert sorted(set(ENGLISH.messages) - named) == []


def test_an_unknown_key_is_an_error_naming_it() -> None:
    with pytest.raises(UnknownString, match="no interface string 'worksheet.saevd' in locales/en.yml"):
        ENGLISH.gettext("worksheet.saevd")


def test_a_key_english_lacks_is_an_error_naming_file_line_and_key(tmp_path: Path) -> None:
    write(tmp_path, "en.yml", "worksheet:\n  saved: Saved.\n  cleared: Cleared.\n")
    write(tmp_path, "fr.yml", "worksheet:\n  saved: Enregistré.\n  saevd: Oups.\n")
    with pytest.raises(ContentError) as error:
        load_catalog("fr", tmp_path)
    assert str(error.value) == "locales/fr.yml:3: worksheet.saevd: no such key in en.yml; did you mean 'worksheet.saved'?"


def test_a_value_that_is_not_text_is_an_error_naming_its_line(tmp_path: Path) -> None:
    write(tmp_path, "en.yml", "worksheet:\n  saved: Saved.\n  count: [1, 2]\n")
    with pytest.raises(ContentError, match=r"locales/en.yml:3: worksheet.count: must be a mapping of keys to text"):
        load_catalog("en", tmp_path)


def test_a_missing_key_falls_back_to_english(tmp_path: Path) -> None:
    write(tmp_path, "en.yml", "help:\n  website: Website\n  title: Help\n")
    write(tmp_path, "fr.yml", "help:\n  title: Aide\n")
    catalog = load_catalog("fr", tmp_path)
    assert catalog.language == "fr"
    assert catalog.missing == ("help.website",)
    assert (catalog.gettext("help.title"), catalog.gettext("help.website")) == ("Aide", "Website")


def test_a_missing_key_renders_in_english(tmp_path: Path) -> None:
    english = (LOCALES / "en.yml").read_text(encoding="utf-8")
    french = (LOCALES / "fr.yml").read_text(encoding="utf-8")
    write(tmp_path, "en.yml", english)
    write(tmp_path, "fr.yml", french.replace("  website: Site web\n", ""))
    catalog = load_catalog("fr", tmp_path)
    assert catalog.missing == ("help.website",)
    renderer = Renderer(bundled("macros"), load_components(bundled("macros")), catalog=catalog)
    contact = {"name": "Service", "description": "Ici.", "url": "https://example.org/"}
    html = renderer.call("help", title="Aide", intro="Bonjour.", contacts=[contact])
    assert ">Website</a>" in html


@pytest.mark.parametrize(("language", "expected"), [("fr", "fr"), ("fr-CA", "fr"), ("en-GB", "en"), ("de", "en")])
def test_the_language_file_is_found_by_full_or_main_code(language: str, expected: str) -> None:
    catalog = load_catalog(language)
    assert catalog.language == expected
    assert catalog.gettext("help.website") == load_catalog(expected).gettext("help.website")


def test_an_unknown_language_is_english_entirely() -> None:
    assert dict(load_catalog("de").messages) == dict(ENGLISH.messages)


def test_languages_are_marked_only_when_a_page_mixes_them() -> None:
    assert Languages("en", "en", "en").attr("content") == ""
    mixed = Languages("fr", "fr", "en")
    assert (mixed.attr("content"), mixed.attr("interface")) == (' lang="en"', ' lang="fr"')
    # Material in German, Onward's words in English (no German file), the guide in English.
    assert Languages("de", "en", "en").attr("interface") == ' lang="en"'


def test_marked_text_is_escaped_in_html_and_kept_as_written_in_markdown() -> None:
    renderer = Renderer(bundled("macros"), load_components(bundled("macros")), languages=Languages("fr", "fr", "en"))
    template = "{{ in_lang('content', 'a <b> [c](d)') }}"
    markdown = renderer.env.overlay(autoescape=False).from_string(template).render()
    html = renderer.env.overlay(autoescape=True).from_string(template).render()
    assert markdown == '<span lang="en">a <b> [c](d)</span>'
    assert html == '<span lang="en">a &lt;b&gt; [c](d)</span>'
