"""Reading catalogues at build time: what is used, what falls back to English, and how each is reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from onward.components import load_components
from onward.errors import ContentError
from onward.extract import previous_english, template, update_catalogue, updated
from onward.fallback import OPEN, to_html
from onward.messages import guide_messages, worksheets_messages
from onward.paths import bundled
from onward.site import OnwardSite
from onward.site_defaults import help_sets_for
from onward.sources import read_defaults
from onward.translations import (
    FUZZY,
    MISSING,
    OUTDATED,
    Translator,
    guide_language,
    load_catalogue,
    translator_for,
)

MACROS = bundled("macros")
COMPONENTS = load_components(MACROS)

PAGE = """\
id: coping
title: Coping
summary: How to cope.
order: 1
sections:
  - id: feelings
    title: Feelings
    blocks:
      - type: paragraph
        text: It is normal to feel low.
      - type: reason
        id: competition
        title: Someone else was a closer match
        text: The employer could only choose one.
        actions:
          - See [how you feel](coping#feelings).
"""
WORKSHEET = """\
id: log
version: 1
title: Log
summary: A log.
why: It helps.
time: 5 minutes
fields:
  - type: single_choice
    id: stage
    label: How far did you get?
    options:
      - {value: application, label: Application}
"""
FRENCH = {
    ("coping.title", "Coping"): "Faire face",
    ("coping.summary", "How to cope."): "Comment faire face.",
    ("coping/feelings.title", "Feelings"): "Les émotions",
    ("coping/feelings/paragraph[0].text", "It is normal to feel low."): "Il est normal d'avoir le moral en berne.",
    ("coping/feelings/competition.title", "Someone else was a closer match"): "Un autre profil correspondait mieux",
    ("coping/feelings/competition.text", "The employer could only choose one."): "L'employeur ne pouvait en choisir qu'un.",
    ("coping/feelings/competition.actions.0", "See [how you feel](coping#feelings)."): "Voir [vos émotions](coping#feelings).",
}


def write_po_file(file: Path, entries: dict[tuple[str, str], str], fuzzy: set[str] = frozenset()) -> Path:
    catalog = Catalog(locale="fr")
    for (context, english), french in entries.items():
        catalog.add(english, french, context=context, flags={"fuzzy"} if context in fuzzy else ())
    file.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    file.write_bytes(buffer.getvalue())
    return file


@pytest.fixture
def guide(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    (tmp_path / "worksheets").mkdir()
    (tmp_path / "content" / "coping.yml").write_text(PAGE, encoding="utf-8")
    (tmp_path / "worksheets" / "log.yml").write_text(WORKSHEET, encoding="utf-8")
    return tmp_path


def load(root: Path, entries: dict, fuzzy: set[str] = frozenset()) -> tuple[OnwardSite, Translator]:
    write_po_file(root / "locales" / "fr" / "LC_MESSAGES" / "content.po", entries, fuzzy)
    translator = Translator("fr", root / "locales", root=root)
    site = OnwardSite.load(root / "content", root / "worksheets", MACROS, root, translator=translator)
    return site, translator


def markdown(site: OnwardSite, src: str) -> str:
    return dict(site.pages())[src]


def test_translations_replace_the_english_and_keep_the_structure(guide: Path) -> None:
    site, translator = load(guide, FRENCH)
    page = site.guide.page("coping")
    assert (page.title, page.sections[0].title) == ("Faire face", "Les émotions")
    reason = page.sections[0].blocks[1]
    assert reason.params["id"] == "competition" and reason.params["title"] == "Un autre profil correspondait mieux"
    text = markdown(site, "coping.md")
    assert "Il est normal d'avoir le moral en berne." in text and "{ #competition }" in text
    assert OPEN not in text  # nothing left in English on the page
    assert [u.message.context for u in translator.untranslated] == [
        "worksheets/log.title", "worksheets/log.summary", "worksheets/log.why", "worksheets/log.time",
        "worksheets/log/stage", "worksheets/log/stage.options.application",
    ]


def test_a_fuzzy_translation_is_not_used_and_is_reported(guide: Path) -> None:
    site, translator = load(guide, FRENCH, fuzzy={"coping/feelings/competition.text"})
    block = site.guide.page("coping").sections[0].blocks[1]
    assert block.params["text"] == "The employer could only choose one."
    assert block.english == frozenset({("text",)})
    [report] = [u for u in translator.untranslated if u.message.context.startswith("coping")]
    assert report.reason == FUZZY
    assert str(report) == (
        "content/coping.yml:14: coping/feelings/competition.text: fuzzy: the English changed and its translation "
        "waits to be checked in locales/fr/LC_MESSAGES/content.po"
    )


def test_a_translation_of_older_english_is_not_used(guide: Path) -> None:
    older = {**FRENCH}
    del older[("coping/feelings/paragraph[0].text", "It is normal to feel low.")]
    older[("coping/feelings/paragraph[0].text", "It is normal to feel sad.")] = "Il est normal d'être triste."
    site, translator = load(guide, older)
    assert site.guide.page("coping").sections[0].blocks[0].params["text"] == "It is normal to feel low."
    assert [(u.message.context, u.reason) for u in translator.untranslated if "coping" in u.message.context] == [
        ("coping/feelings/paragraph[0].text", OUTDATED)
    ]


def test_a_missing_translation_falls_back_marked_as_english(guide: Path) -> None:
    entries = {key: value for key, value in FRENCH.items() if key[0] != "coping/feelings/competition.title"}
    site, translator = load(guide, entries)
    text = markdown(site, "coping.md")
    assert f"### {OPEN}Someone else was a closer match\ue001 {{ #competition }}" in text
    assert ("coping/feelings/competition.title", MISSING) in [(u.message.context, u.reason) for u in translator.untranslated]
    html = to_html(f"<h3>{OPEN}Someone else was a closer match\ue001</h3>")
    assert html == '<h3><span lang="en">Someone else was a closer match</span></h3>'


def test_a_broken_link_in_a_translation_names_the_catalogue_line_and_context(guide: Path) -> None:
    broken = {**FRENCH, ("coping/feelings/competition.actions.0", "See [how you feel](coping#feelings)."): "Voir [ici](coping#feelngs)."}
    with pytest.raises(ContentError) as caught:
        load(guide, broken)
    [problem] = caught.value.problems
    assert problem.file == "locales/fr/LC_MESSAGES/content.po" and problem.line is not None
    text = str(problem)
    assert 'msgctxt "coping/feelings/competition.actions.0"' in text and "feelngs" in text
    assert "(translating content/coping.yml:16)" in text
    po_lines = (guide / problem.file).read_text(encoding="utf-8").splitlines()
    assert "coping#feelngs" in "\n".join(po_lines[problem.line - 1 : problem.line + 2])


def test_an_unreadable_catalogue_stops_the_build_naming_its_line(guide: Path) -> None:
    po = guide / "locales" / "fr" / "LC_MESSAGES" / "content.po"
    po.parent.mkdir(parents=True)
    po.write_text('msgid "a"\nmsgstr "b"\nnot gettext at all\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"locales/fr/LC_MESSAGES/content.po:3: .*not a catalogue gettext tools can read"):
        load_catalogue(po, guide)


def test_updating_keeps_a_changed_texts_own_translation_as_fuzzy() -> None:
    old = Catalog(locale="fr")
    old.add("Application", "Candidature", context="worksheets/log/stage.options.application")
    old.add("Applications", "Candidatures", context="worksheets/log/applications")
    old.add("Gone", "Parti", context="worksheets/log/gone")
    new = Catalog()
    new.add("Applications sent", context="worksheets/log/stage.options.application")  # close to "Applications"
    new.add("Applications", context="worksheets/log/applications")
    new.add("Brand new", context="worksheets/log/new")
    previous: dict[str, str] = {}
    result = {m.context: m for m in updated(old, new, previous) if m.id}
    changed = result["worksheets/log/stage.options.application"]
    assert (changed.string, changed.fuzzy) == ("Candidature", True)
    assert previous == {"worksheets/log/stage.options.application": "Application"}
    assert (result["worksheets/log/applications"].string, result["worksheets/log/applications"].fuzzy) == ("Candidatures", False)
    assert not result["worksheets/log/new"].string and "worksheets/log/gone" not in result


def test_update_catalogue_writes_the_previous_english_for_the_translator(tmp_path: Path) -> None:
    po = write_po_file(tmp_path / "content.po", {("a.title", "Old words"): "Anciens mots"})
    new = Catalog()
    new.add("New words", context="a.title", locations=[("content/a.yml", 2)])
    update_catalogue(po, new)
    text = po.read_text(encoding="utf-8")
    assert '#, fuzzy\n#| msgid "Old words"\nmsgctxt "a.title"\nmsgid "New words"\nmsgstr "Anciens mots"' in text
    with po.open("rb") as source:
        assert [m.fuzzy for m in read_po(source) if m.id] == [True]
    update_catalogue(po, new)  # run again before anyone checks it: the old English is still there
    assert po.read_text(encoding="utf-8") == text


def test_a_long_previous_english_is_written_as_gettext_writes_it(tmp_path: Path) -> None:
    old = "Many roles attract several people who could do the job well. The employer can only choose one."
    po = write_po_file(tmp_path / "content.po", {("a.text", old): "Beaucoup de postes."})
    new = Catalog()
    new.add(old.replace("attract", "draw"), context="a.text")
    update_catalogue(po, new)
    text = po.read_text(encoding="utf-8")
    assert '#| msgid ""\n#| "Many roles attract several people who could do the job well. The employer"\n#| " can only' in text
    assert previous_english(text) == {"a.text": old}


def test_the_help_sets_emergency_sentence_must_keep_its_number(tmp_path: Path) -> None:
    po = write_po_file(
        tmp_path / "fr" / "LC_MESSAGES" / "help.po",
        {("help/uk.emergency.text", "If you might not be safe right now, call 999 or go to A&E."): "Appelez les urgences."},
    )
    translator = Translator("fr", tmp_path)
    with pytest.raises(ContentError) as caught:
        help_sets_for("uk", translator.document)
    assert str(caught.value).startswith(f'{po}:') and 'msgctxt "help/uk.emergency.text"' in str(caught.value)
    assert "should say the number (999)" in str(caught.value)


def test_the_help_sets_shown_in_french_keep_numbers_and_mark_what_is_english() -> None:
    translator = translator_for("fr", bundled("locales"))
    assert translator is not None
    uk = help_sets_for("uk", translator.document)["help_set"]
    assert uk["country"] == "Royaume-Uni"
    assert (uk["emergency"]["phone"], uk["emergency"]["before"]) == ("999", "Si vous n’êtes peut-être pas en sécurité en ce moment, appelez le ")
    assert [c.get("phone") for c in uk["contacts"]] == ["111", "116 123", "0800 100 900"]
    assert translator.untranslated == []


def test_the_guide_follows_the_interface_when_onward_is_translated_into_it(tmp_path: Path) -> None:
    write_po_file(tmp_path / "fr" / "LC_MESSAGES" / "worksheets.po", {})
    assert guide_language("fr", None, tmp_path) == "fr"
    assert guide_language("fr-CA", None, tmp_path) == "fr"
    assert guide_language("de", None, tmp_path) == "en"  # no German catalogue: the guide stays English
    assert guide_language("fr", "en", tmp_path) == "en"  # a site may still ask for the English guide
    assert guide_language("en", None, tmp_path) == "en"


def test_nothing_is_translated_into_english_and_a_centres_own_language_is_left_alone(tmp_path: Path) -> None:
    assert translator_for("en", tmp_path) is None
    assert translator_for("en-GB", tmp_path, "en", tmp_path / "overlay") is None
    french_overlay = translator_for("fr", tmp_path, None, tmp_path / "overlay")
    assert french_overlay is not None and french_overlay.centre_dir is None  # written in French: used as it is
    english_overlay = translator_for("fr", tmp_path, "en", tmp_path / "overlay")
    assert english_overlay is not None and english_overlay.centre_dir == tmp_path / "overlay"
    on_english_site = translator_for("en", tmp_path, "fr", tmp_path / "overlay")
    assert on_english_site is not None and not on_english_site.onward  # only the centre's own text is translated


def test_the_templates_hold_exactly_what_the_build_looks_up(guide: Path) -> None:
    merged = read_defaults(guide / "content", guide / "worksheets", guide)
    catalog = template("content", guide_messages(merged, COMPONENTS))
    assert {(m.context, m.id) for m in catalog if m.id} == set(FRENCH)
    assert len(worksheets_messages(merged, COMPONENTS)) == 6
