"""Reader situations: what the insight must do for each person, checked in CPython and in the real Pyodide.

Each file in tests/fixtures/insights/readers/ is someone's answers (a graduate with only
application-stage rejections, someone with a run of final rounds, one entry, an empty
record, contradictory answers, very long text, French...). The properties below are what a
careers adviser reading over their shoulder would want to be true; they are checked on the
output of both runtimes, not on a snapshot.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest

from insights_package import FIXTURES, onward_insights
from test_insights import check_result
from test_insights_language import ENGLISH, our_words, reader_fragments, without_reader_words

READERS = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in FIXTURES if path.parent.name == "readers"}
Check = Callable[[dict[str, Any], dict[str, Any]], None]


# ---- Reading a result -----------------------------------------------------------------------------


def text_of(result: dict[str, Any]) -> str:
    return "\n".join(our_words(result))


def blocks(result: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [block for block in result["blocks"] if block["kind"] == kind]


def targets(result: dict[str, Any]) -> list[str]:
    return [item["target"] for block in blocks(result, "next_steps") for item in block["items"]]


def draft(result: dict[str, Any]) -> dict[str, Any]:
    [found] = blocks(result, "draft")
    return found


def typed_texts(request: dict[str, Any], key: str) -> list[str]:
    """Every non-empty answer to ``key``, at the top or in any entry."""
    found = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for child_key, child in value.items():
                if child_key == key and isinstance(child, str) and child.strip():
                    found.append(child)
                walk(child)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(request["answers"])
    return found


# ---- Properties ---------------------------------------------------------------------------------------


def never_says_interview(request, result):
    assert not re.search(r"interview|entretien", text_of(result), re.IGNORECASE), "speaks of an interview that did not happen"


def says(*phrases: str) -> Check:
    def check(request, result):
        text = " ".join(text_of(result).split())
        for phrase in phrases:
            assert phrase in text, phrase

    check.__name__ = f"says {phrases!r}"
    return check


def never_says(*phrases: str) -> Check:
    def check(request, result):
        text = text_of(result).lower()
        for phrase in phrases:
            assert phrase.lower() not in text, phrase

    check.__name__ = f"never says {phrases!r}"
    return check


def points_to(*wanted: str) -> Check:
    def check(request, result):
        for target in wanted:
            assert target in targets(result), target

    check.__name__ = f"points to {wanted!r}"
    return check


def does_not_point_to(*unwanted: str) -> Check:
    def check(request, result):
        for target in unwanted:
            assert target not in targets(result), target

    return check


def names_the_most_frequent_employer_reason(name: str) -> Check:
    def check(request, result):
        reading = next(text for text in text_of(result).split("\n") if "as far as it can be read" in text or "autant qu’on puisse" in text)
        listed = reading.split(":", 1)[1]
        assert listed.strip().startswith(name), (name, listed)

    return check


def states_its_limits(request, result):
    assert re.search(r"guess from your words|supposition d’après vos mots", text_of(result)), "no word on the limits of reading text"


def never_quotes(key: str, at_least: int = 24) -> Check:
    """No stretch of ``at_least`` characters of what the reader typed under ``key`` appears in the output."""

    def check(request, result):
        text = " ".join(text_of(result).split())
        for typed in typed_texts(request, key):
            words = " ".join(typed.split())
            for start in range(0, max(1, len(words) - at_least + 1), 8):
                piece = words[start : start + at_least]
                assert len(piece) < at_least or piece not in text, (key, piece)

    check.__name__ = f"never quotes {key}"
    return check


def mentions_the_balanced_thought(request, result):
    latest = sorted(request["answers"]["records"], key=lambda record: record.get("date", ""))[-1]
    balanced = " ".join(latest["balanced-thought"].split())
    assert balanced[:60] in " ".join(text_of(result).split()), "the latest balanced thought is not mentioned"


def shows_change_across_records(request, result):
    [table] = blocks(result, "table")
    assert len(table["rows"]) == len(request["answers"]["records"])
    assert re.search(r"Across your records|D’une fiche à l’autre", text_of(result))


def greets_by_first_name_not_dear_and_full_name(first: str) -> Check:
    def check(request, result):
        body = draft(result)["body"]
        assert body.split("\n\n")[0] in (f"Hello {first},", f"Bonjour {first},")
        assert "Dear " + request["answers"]["contact-name"] not in body

    return check


def draft_never_says_interview(request, result):
    message = draft(result)
    assert not re.search(r"interview|entretien", message["subject"] + message["body"], re.IGNORECASE)


def is_bounded(limit: int) -> Check:
    def check(request, result):
        assert len(text_of(result)) < limit, len(text_of(result))

    check.__name__ = f"fewer than {limit} characters"
    return check


def no_english_sentence(request, result):
    fragments = reader_fragments(request["answers"], request["worksheet"])
    for words in our_words(result):
        assert not ENGLISH.findall(without_reader_words(words, fragments)), words


def french_typography(request, result):
    for words in our_words(result):
        ours = without_reader_words(words, reader_fragments(request["answers"], request["worksheet"]))
        assert not re.search(r"[^\u00a0\u202f\d]([:;?])(?!\d)", ours.replace("://", "")), ours
        assert "'" not in ours and "‘" not in ours


def has_no_blocks_claiming_patterns(request, result):
    assert not blocks(result, "chart") and not blocks(result, "table")


def calendar_titles_are_whole(request, result):
    [calendar] = blocks(result, "calendar")
    unfolded = calendar["ics"].replace("\r\n ", "")
    for goal in request["answers"]["goals"]:
        if goal.get("target-date") and goal.get("status") not in ("achieved", "no-longer-relevant"):
            escaped = goal["goal"].replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            assert f"SUMMARY:Goal: {escaped}\r\n" in unfolded, goal["goal"]
    assert not re.search(r"by \d{1,2}…", unfolded)


def table_titles_are_whole(request, result):
    [table] = blocks(result, "table")
    assert [row[0] for row in table["rows"]] == [goal["goal"] for goal in request["answers"]["goals"]]


PROPERTIES: dict[str, list[Check]] = {
    "rejection-log--graduate-applications-only": [
        never_says_interview,
        names_the_most_frequent_employer_reason("no reason given (seven times)"),
        states_its_limits,
        says("That is common, especially for graduate roles", "a careers adviser reading one or two of them with you"),
        never_says("as far as your earlier ones", "none reached"),
        points_to("reasons#what-the-stage-tells-you", "learning#learning-resources"),
        never_quotes("what-they-said"),
    ],
    "rejection-log--final-rounds": [
        says("employers saw you as a serious candidate", "You reached the final stages three times", "staying in touch"),
        points_to("worksheets/feedback-request", "moving-forward#networking", "coping#self-care"),
        says("the reasons may lie less with you than your guesses suggest"),
        states_its_limits,
        never_quotes("what-they-said"),
    ],
    "rejection-log--mixed-stages": [
        says("the rest went further", "Your more recent applications are getting further", "hardest to take"),
        lambda request, result: [row[0] for row in blocks(result, "chart")[0]["table"]["rows"]]
        == ["Application", "First interview", "Assessment centre", "A later interview"]
        or pytest.fail("the chart's stages are not in the form's order"),
        points_to("worksheets/feedback-request"),
    ],
    "rejection-log--one-entry": [
        says("One no on its own says very little", "How far each got and what they said"),
        has_no_blocks_claiming_patterns,
        never_says("tend to", "most often"),
    ],
    "rejection-log--contradictory": [
        says("For two applications that ended before an interview, you guessed ‘How the interview went’"),
        never_quotes("what-they-said"),
    ],
    "rejection-log--thin": [
        says("Noting how far each one got", "neither a stage nor what they said"),
        has_no_blocks_claiming_patterns,
    ],
    "rejection-log--french": [
        no_english_sentence,
        french_typography,
        names_the_most_frequent_employer_reason("un candidat interne"),
        says("L’essentiel ne dépend pas de vous", "supposition d’après vos mots", "mots encourageants"),
        never_quotes("what-they-said"),
    ],
    "thought-record--over-time": [
        mentions_the_balanced_thought,
        shows_change_across_records,
        never_quotes("automatic-thought", at_least=16),
        says("milder in your recent records", "come to believe your balanced thoughts more"),
    ],
    "thought-record--very-long": [
        never_quotes("automatic-thought", at_least=24),
        is_bounded(3000),
        says("Your more balanced thought: ‘It hurts, and it was one role out of many", "…’"),
        points_to("coping#more-support"),
    ],
    "thought-record--french": [
        no_english_sentence,
        french_typography,
        mentions_the_balanced_thought,
        never_quotes("automatic-thought", at_least=16),
        says("Vous avez repéré vous-même « Mind-reading »", "« Fortune-telling »", "« Personalising »"),
    ],
    "thought-record--empty-record": [
        says("There is nothing here yet"),
        lambda request, result: len(result["blocks"]) == 1 or pytest.fail("fills space on an empty record"),
    ],
    "feedback-request--graduate-application": [
        draft_never_says_interview,
        greets_by_first_name_not_dear_and_full_name("Priya"),
        says("I especially appreciated the clear job description.", "what would have made my application stronger"),
        never_says("Something I especially appreciated"),
        says("The draft leaves out ‘How my answers came across’"),
    ],
    "feedback-request--final-round": [
        lambda request, result: draft(result)["body"].startswith("Dear Dr Okafor,") or pytest.fail("greeting"),
        says("what made the difference at the final stage", "stay in touch", "I especially appreciated how welcome"),
        lambda request, result: "what made the difference at the final stage" in draft(result)["body"]
        and draft(result)["body"].count("what made the difference") == 1
        or pytest.fail("asks the same thing twice"),
    ],
    "feedback-request--french-assessment-centre": [
        no_english_sentence,
        french_typography,
        greets_by_first_name_not_dear_and_full_name("Claire"),
        says("pour la journée d’évaluation du 3 novembre 2026", "J’ai particulièrement apprécié l’accueil de toute l’équipe."),
    ],
    "goals-plan--long-titles": [
        never_says("Specific:", "Measurable:", "Checks in place", "of 4"),
        calendar_titles_are_whole,
        table_titles_are_whole,
        says("rests partly on someone else's decision", "its date has passed"),
    ],
    "strengths--no-echo": [
        never_quotes("what-happened", at_least=16),
        never_quotes("what-i-did", at_least=16),
        never_quotes("what-others-say", at_least=16),
        says("Your examples already show ‘Organised’ and ‘Calm under pressure’", "‘Creative’ has no example yet"),
        says("Your examples also suggest ‘Good at solving problems’, which you did not tick."),
    ],
    "self-care-plan--check-ins": [
        says("What comes most easily: ‘Drink some water’ (in 4 of your 4 check-ins)", "has lifted a little"),
        says("On days you managed three or more small things"),
        never_says("A walk by the river", "Call my sister"),
    ],
    "interview-examples--school-leaver": [
        says("‘Food bank Saturdays’ may be the one to practise first", "the least ready (2 out of 5)"),
        says("‘Grandad's shopping’: what you needed to do, what you did yourself and what came of it."),
        says("In ‘Five-a-side team’, the action is shorter than another part", "also seems to be told as “we”"),
        states_its_limits,
        never_quotes("situation", at_least=16),
        never_quotes("action", at_least=16),
        never_quotes("result", at_least=16),
        never_quotes("learned", at_least=16),
        points_to("interview-practice#star-method", "interview-practice#practise-out-loud"),
    ],
    "interview-examples--french": [
        no_english_sentence,
        french_typography,
        states_its_limits,
        says("« Mémoire de master » : ce qui en est ressorti.", "Exemple 3 est peut-être celui à travailler en premier"),
        says("L’action semble aussi racontée avec « nous »"),
        never_quotes("situation", at_least=16),
        never_quotes("action", at_least=16),
        never_quotes("result", at_least=16),
    ],
    "interview-examples--all-ready": [
        says("You have five examples, each with all four parts written", "Five examples already feel ready, or nearly"),
        says("each common kind of “tell me about a time” question"),
        never_says("still needs", "least ready", "practise first", "shorter than another part", "told as “we”"),
        points_to("interview-practice#practise-out-loud"),
        does_not_point_to("interview-practice#star-method"),
        never_quotes("action", at_least=16),
        never_quotes("result", at_least=16),
        is_bounded(2000),
    ],
    "expressive-writing--french-sessions": [
        no_english_sentence,
        french_typography,
        never_quotes("writing", at_least=12),
        says("Rien ici ne cite ce que vous avez écrit"),
    ],
}


def test_the_corpus_covers_the_situations_and_every_one_has_properties():
    assert set(PROPERTIES) == set(READERS)
    assert len(READERS) >= 12
    assert {request["language"] for request in READERS.values()} == {"en", "fr"}


CASES = [(name, check) for name, checks in PROPERTIES.items() for check in checks]


@pytest.mark.parametrize(("name", "check"), CASES, ids=[f"{name}-{index}" for index, (name, _check) in enumerate(CASES)])
def test_each_reader_gets_what_they_need_in_cpython(name, check):
    request = READERS[name]
    result = json.loads(onward_insights.run_json(json.dumps(request)))
    check_result(result, request["worksheet"], request["today"])
    check(request, result)


def test_each_reader_gets_what_they_need_in_pyodide(pyodide_outputs):
    for name, checks in PROPERTIES.items():
        request = READERS[name]
        result = json.loads(pyodide_outputs[name, request["language"]])
        check_result(result, request["worksheet"], request["today"])
        for check in checks:
            check(request, result)
