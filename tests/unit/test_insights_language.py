"""The insights in the reader's language: catalogues complete and current, French typography, no English left."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from insights_package import FIXTURES, PACKAGE, WHEEL, fixture_requests, onward_insights
from onward import __version__
from onward.catalogues import INSIGHTS_DOMAIN, catalogue_files, compile_catalogue
from onward.paths import bundled
from onward.runtime import InsightWheel
from support import REPO

LOCALES = REPO / "locales"
TEMPLATE = LOCALES / f"{INSIGHTS_DOMAIN}.pot"
CATALOGUES = catalogue_files(LOCALES, INSIGHTS_DOMAIN)
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
NBSP, NNBSP = "\u00a0", "\u202f"


def read(path: Path):
    with path.open("rb") as source:
        return read_po(source)


def keys(catalogue) -> set[tuple[str | None, str]]:
    return {(message.context, message.id if isinstance(message.id, str) else message.id[0]) for message in catalogue if message.id}


# ---- The catalogues ----------------------------------------------------------------------------


def test_the_template_holds_exactly_the_sentences_in_the_code():
    extracted = {
        (context, message if isinstance(message, str) else message[0])
        for _file, _line, message, _comments, context in extract_from_dir(str(PACKAGE))
    }
    assert extracted == keys(read(TEMPLATE)), "locales/insights.pot is stale: run `make catalogues`"


def test_french_is_a_catalogue_the_build_compiles():
    assert "fr" in CATALOGUES
    assert "locale/fr/LC_MESSAGES/insights.mo" in {name.removeprefix("onward_insights/") for name in _wheel_names()}


def _wheel_names() -> list[str]:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(WHEEL.data)).namelist()


@pytest.mark.parametrize("language", sorted(CATALOGUES))
def test_every_language_translates_every_sentence_with_the_same_placeholders(language):
    catalogue = read(CATALOGUES[language])
    assert keys(catalogue) == keys(read(TEMPLATE)), f"run `make catalogues` to update locales/{language}"
    for message in catalogue:
        if not message.id:
            continue
        assert not message.fuzzy, f"{language}: check the translation of {message.id!r} (fuzzy)"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{language}: {message.id!r} is not translated"
        for index, string in enumerate(strings):
            source = ids[min(index, len(ids) - 1)]
            assert set(PLACEHOLDER.findall(string)) == set(PLACEHOLDER.findall(source)), (language, source, string)
            assert "!" not in string


def french_sentences() -> list[tuple[str, str]]:
    catalogue = read(CATALOGUES["fr"])
    found = []
    for message in catalogue:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            found.extend((str(message.id), string) for string in strings)
    return found


@pytest.mark.parametrize(("source", "string"), french_sentences(), ids=lambda value: str(value)[:40])
def test_french_follows_french_typography(source, string):
    without_placeholders = PLACEHOLDER.sub("X", string)
    for index, character in enumerate(without_placeholders):
        if character in ";?!":
            assert without_placeholders[index - 1] == NNBSP, f"narrow no-break space before {character!r}"
        if character == ":":
            assert without_placeholders[index - 1] == NBSP, "no-break space before ':'"
        if character == "«":
            assert without_placeholders[index + 1] == NBSP
        if character == "»":
            assert without_placeholders[index - 1] == NBSP
    for mark in ("'", '"', "‘", "’‘", "“", "”", " ,", " ."):
        assert mark not in string, mark


def test_the_french_plural_rule_counts_one_as_singular():
    assert read(CATALOGUES["fr"]).plural_expr == "(n > 1)"


def test_compiled_catalogues_and_the_wheel_are_reproducible():
    assert compile_catalogue(CATALOGUES["fr"]) == compile_catalogue(CATALOGUES["fr"])
    again = InsightWheel.build(PACKAGE, __version__, None, bundled("locales"))
    assert again.data == WHEEL.data


def test_a_broken_catalogue_names_its_file_and_line(tmp_path):
    broken = tmp_path / "fr" / "LC_MESSAGES" / "insights.po"
    broken.parent.mkdir(parents=True)
    broken.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\nmsgstr[2] "z"\n',
        encoding="utf-8",
    )
    from onward.errors import ContentError

    with pytest.raises(ContentError) as caught:
        compile_catalogue(broken, tmp_path)
    assert str(caught.value).startswith("fr/LC_MESSAGES/insights.po:4: ")


# ---- Which language ---------------------------------------------------------------------------------


def run(worksheet: str, answers: dict[str, Any], language: object, today: str = "2026-11-26") -> dict[str, Any]:
    request: dict[str, Any] = {"worksheet": worksheet, "answers": answers, "today": today}
    if language is not ...:
        request["language"] = language
    return json.loads(onward_insights.run_json(json.dumps(request)))


@pytest.mark.parametrize("language", ["fr", "fr-FR", "FR", "fr_CA", " fr "])
def test_french_is_found_from_the_pages_language(language):
    assert run("goals-plan", {}, language)["summary"].startswith("Il n’y a pas encore d’objectif")


@pytest.mark.parametrize("language", ["en", "en-GB", "de", "", None, 5, ["fr"], "x" * 50, "fr--", "../fr", ...])
def test_an_unknown_or_missing_language_means_english(language):
    assert run("goals-plan", {}, language)["summary"].startswith("There are no goals here yet.")


def test_errors_speak_the_readers_language():
    assert run("goals-plan", {}, "fr", today="26/11/2026")["error"] == (
        "La date du jour doit s’écrire AAAA-MM-JJ, par exemple 2026-11-26."
    )
    broken = json.loads(onward_insights.run_json('{"language": "fr", "worksheet": "goals-plan", "answers": {'))
    assert broken["error"].startswith("La demande n’est pas un JSON valide")
    assert run("rejection-log", {"applications": "x"}, "fr")["error"].startswith("La réponse pour le champ «\u00a0applications\u00a0»")


def test_dates_drafts_and_calendars_are_in_french():
    goals = {"goals": [{"goal": "Envoyer deux candidatures", "target-date": "2026-12-01", "first-step": "Relire le CV"}]}
    result = run("goals-plan", goals, "fr")
    assert result["summary"].endswith("La prochaine date est le 1er décembre 2026.")
    ics = next(block for block in result["blocks"] if block["kind"] == "calendar")["ics"].replace("\r\n ", "")
    assert "SUMMARY:Objectif\u00a0: Envoyer deux candidatures" in ics
    assert "DESCRIPTION:Première étape\u00a0: Relire le CV" in ics
    feedback = {"contact-name": "Claire Martin", "stage": "first-interview", "stage-date": "2026-11-12", "role": "Chargée de communication"}
    draft = next(block for block in run("feedback-request", feedback, "fr")["blocks"] if block["kind"] == "draft")
    assert draft["body"].startswith("Bonjour Claire,\n\nMerci de m’avoir fait part de votre décision")
    assert "lors de l’entretien du 12 novembre 2026." in draft["body"]
    assert draft["body"].endswith("Bien cordialement,\n[Votre nom]")
    assert draft["subject"] == "Retour sur mon entretien pour le poste de Chargée de communication"


# ---- No English left on the French output -----------------------------------------------------------

# Common English words that are not French words: one of these in our own text means a sentence was missed.
ENGLISH = re.compile(
    r"\b(?:the|you|your|and|with|this|that|have|has|what|which|when|where|are|is|was|were|of|to|for|it|its|been|will|"
    r"can|could|would|should|not|about|from|they|their|them|there|here|may|might|some|more|than|then|if|or|an|at|by|"
    r"we|our|how|why|who|just|also|only|still|one|two|three|goal|step|skill|record|feeling|application)\b",
    re.IGNORECASE,
)
STRUCTURE_KEYS = {"kind", "target", "filename", "attrs", "worksheet", "tag", "events"}


def our_words(result: dict[str, Any]) -> list[str]:
    """The text a reader sees in a result, without structure (kinds, targets, SVG attributes) or calendar syntax."""
    found: list[str] = []

    def walk(value: Any, key: str = "") -> None:
        if key in STRUCTURE_KEYS:
            return
        if isinstance(value, dict):
            for child_key, child in value.items():
                walk(child, child_key)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif isinstance(value, str) and key == "ics":
            unfolded = value.replace("\r\n ", "")
            for line in re.findall(r"^(?:SUMMARY|DESCRIPTION):(.*?)\r?$", unfolded, re.MULTILINE):
                found.append(re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), line))
        elif isinstance(value, str):
            found.append(value)

    walk(result)
    return found


def reader_fragments(answers: Any, worksheet: str) -> list[str]:
    """Everything the reader typed, with its lines and shortened forms, and the form's own labels (the YAML's words)."""
    typed: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and value.strip():
            typed.append(value)

    walk(answers)
    facts = json.loads((PACKAGE / "site_facts.json").read_text(encoding="utf-8"))

    def labels(fields: list[dict[str, Any]]) -> None:
        for field in fields:
            typed.extend([field["label"], field["label"].split(":")[0]])  # a question up to its colon names a thing
            typed.extend(label for _value, label in field.get("options", []))
            labels(field.get("fields", []))

    labels(facts["worksheets"][worksheet]["fields"])
    fragments: list[str] = []
    for value in typed:
        one_line = " ".join(value.split())
        fragments.append(one_line)
        for line in value.splitlines():
            line = re.sub(r"\A\s*(?:[-*•·–—]|\d{1,2}[.)])?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})?\s*[:\-–—,.)]*\s*", "", line)
            fragments.append(" ".join(line.split()))
        fragments.append(" ".join(one_line.split()[1:]))  # a greeting keeps only a first name; a title drops its first word
        fragments.extend(one_line.split()[:1])
    return sorted({fragment for fragment in fragments if len(fragment) >= 3}, key=len, reverse=True)


def without_reader_words(text: str, fragments: list[str]) -> str:
    for fragment in fragments:
        text = re.sub(re.escape(fragment), " ", text, flags=re.IGNORECASE)
        if len(fragment) > 12:  # a shortened form: a prefix of the reader's words cut with an ellipsis
            text = re.sub(r"[^«»‘’“”\n]{3,}…", lambda m: " " if fragment.lower().startswith(m.group(0)[:-1].strip().lower()) else m.group(0), text)
    return text


FRENCH_REQUESTS = [(name, request) for name, request in fixture_requests() if request["language"] == "fr"]


@pytest.mark.parametrize(("name", "request_"), FRENCH_REQUESTS, ids=[name for name, _request in FRENCH_REQUESTS])
def test_no_english_sentence_is_left_on_the_french_output(name, request_):
    result = json.loads(onward_insights.run_json(json.dumps(request_)))
    fragments = reader_fragments(request_["answers"], request_["worksheet"])
    for words in our_words(result):
        left = without_reader_words(words, fragments)
        found = ENGLISH.findall(left)
        assert not found, (name, found, words)


def test_the_english_detector_catches_a_missed_sentence():
    fragments = reader_fragments({"goals": [{"goal": "Apply to the library"}]}, "goals-plan")
    assert not ENGLISH.findall(without_reader_words("Objectif : Apply to the library", fragments))
    assert ENGLISH.findall(without_reader_words("You have one goal.", fragments))


def test_every_reader_fixture_is_also_read_in_french():
    readers = [path for path in FIXTURES if path.parent.name == "readers"]
    assert any(json.loads(path.read_text(encoding="utf-8")).get("language") == "fr" for path in readers)
