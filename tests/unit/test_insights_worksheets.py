"""Worksheet insights, one worksheet at a time: the findings, pointers, drafts and calendars they give."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "worksheets"))

from onward_insights._common import ics_escape, ics_fold, parse_iso_date  # noqa: E402
from test_insights import TODAY, all_text, blocks_of, parse_ics, run_ok, targets  # noqa: E402


def texts(result: dict[str, Any], kind: str) -> list[str]:
    return [block["text"] for block in blocks_of(result, kind)]


def only(result: dict[str, Any], kind: str) -> dict[str, Any]:
    found = blocks_of(result, kind)
    assert len(found) == 1, [block["kind"] for block in result["blocks"]]
    return found[0]


def events_of(result: dict[str, Any]) -> list[dict[str, str]]:
    return parse_ics(only(result, "calendar")["ics"], TODAY)


# ---- Rejection log ---------------------------------------------------------------------------


def applications(*stages: str | None, dates: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    entries = []
    for index, stage in enumerate(stages):
        entry: dict[str, Any] = {"organisation": f"Org {index + 1}", "stage": stage}
        if dates:
            entry["date"] = dates[index]
        entry.update({key: values[index] for key, values in extra.items()})
        entries.append(entry)
    return {"applications": entries}


def test_rejection_log_with_no_entries_says_there_is_nothing_yet():
    for answers in ({}, {"applications": []}, {"applications": [{"organisation": "", "stage": None, "reasons": []}]}):
        result = run_ok("rejection-log", answers)
        assert "nothing to look at yet" in result["summary"]
        assert result["blocks"] == []


def test_rejection_log_counts_only_entries_with_something_in_them():
    result = run_ok(
        "rejection-log", {"applications": [{"organisation": "A"}, {}, {"role": "", "reasons": []}, {"feeling": 0}]}
    )
    assert result["summary"].startswith("You have logged two applications.")


def test_rejection_log_chart_counts_where_applications_ended():
    result = run_ok("rejection-log", applications("application", "first-interview", "application", "offer-stage", None))
    chart = only(result, "chart")
    assert chart["table"]["columns"] == ["Stage", "Applications"]
    assert chart["table"]["rows"] == [
        ["Application", 2],
        ["First interview", 1],
        ["A later interview", 0],
        ["Offer stage", 1],
    ]
    bars = [
        el
        for group in chart["svg"]["children"]
        if group.get("tag") == "g"
        for el in group["children"]
        if el["tag"] == "rect"
    ]
    widths = [int(bar["attrs"]["width"]) for bar in bars]
    assert widths == [236, 118, 118]  # the zero bar is not drawn; the others are in proportion
    assert all(bar["attrs"]["class"] == "onward-chart__bar" for bar in bars)
    assert "out of 4 with a stage noted: application: 2, first interview: 1" in chart["description"]
    assert (
        result["summary"]
        == "You have logged five applications. Most often, they ended at the application stage (2 of 4)."
    )
    assert "One application has no stage noted yet." in texts(result, "paragraph")[0]


def test_rejection_log_chart_ids_are_prefixed_and_referenced():
    svg = only(run_ok("rejection-log", applications("application", "application")), "chart")["svg"]
    assert (
        svg["attrs"]["aria-labelledby"]
        == "onward-chart-rejection-log-stages-title onward-chart-rejection-log-stages-desc"
    )


@pytest.mark.parametrize(
    ("stages", "expected", "not_expected"),
    [
        (
            ("application", "application", "first-interview"),
            ["reasons#what-the-stage-tells-you", "learning#learning-resources"],
            ["worksheets/interview-self-review", "worksheets/feedback-request"],
        ),
        (
            ("first-interview", "first-interview", "application", "later-interview"),
            ["worksheets/interview-self-review", "learning#improving-interview-skills"],
            ["reasons#what-the-stage-tells-you", "worksheets/feedback-request"],
        ),
        (
            ("later-interview", "offer-stage", "first-interview"),
            ["worksheets/feedback-request", "feedback#how-to-ask"],
            ["worksheets/interview-self-review", "reasons#what-the-stage-tells-you"],
        ),
    ],
)
def test_rejection_log_points_where_the_stage_suggests(stages, expected, not_expected):
    found = targets(run_ok("rejection-log", applications(*stages)))
    for target in expected:
        assert target in found
    for target in not_expected:
        assert target not in found


def test_rejection_log_careers_adviser_is_suggested_for_the_application_stage():
    result = run_ok("rejection-log", applications("application"))
    assert any("careers adviser" in item["text"] for item in only(result, "next_steps")["items"])


def test_rejection_log_tied_stages_give_both_pointers():
    found = targets(run_ok("rejection-log", applications("application", "first-interview")))
    assert found[:4] == [
        "reasons#what-the-stage-tells-you",
        "learning#learning-resources",
        "worksheets/interview-self-review",
        "learning#improving-interview-skills",
    ]


@pytest.mark.parametrize(
    ("stages", "phrase"),
    [
        (
            ["application", "application", "later-interview", "offer-stage"],
            "your more recent applications tend to get further",
        ),
        (
            ["offer-stage", "later-interview", "application", "first-interview"],
            "your earlier applications got a little further",
        ),
        (
            ["first-interview", "later-interview", "later-interview", "first-interview"],
            "about as far as your earlier ones",
        ),
    ],
)
def test_rejection_log_trend_compares_earlier_and_later_halves(stages, phrase):
    result = run_ok("rejection-log", applications(*stages))
    assert any(phrase in paragraph for paragraph in texts(result, "paragraph")), texts(result, "paragraph")


def test_rejection_log_orders_by_date_when_every_entry_has_one():
    # Added newest first, but the dates show the more recent ones got further.
    answers = applications(
        "offer-stage", "later-interview", "application", "application",
        dates=["2026-10-01", "2026-09-01", "2026-05-01", "2026-03-01"],
    )  # fmt: skip
    paragraphs = texts(run_ok("rejection-log", answers), "paragraph")
    assert (
        "Looking at your applications by date, your more recent applications tend to get further than your earlier ones."
        in paragraphs
    )


def test_rejection_log_falls_back_to_entry_order_when_a_date_is_missing():
    answers = applications(
        "offer-stage", "later-interview", "application", "application",
        dates=["2026-10-01", "2026-09-01", "", "2026-03-01"],
    )  # fmt: skip
    paragraphs = texts(run_ok("rejection-log", answers), "paragraph")
    assert any(
        p.startswith("Looking at your applications in the order you added them, your earlier") for p in paragraphs
    )


def test_rejection_log_says_nothing_about_a_trend_with_fewer_than_four_stages():
    paragraphs = texts(run_ok("rejection-log", applications("application", "application", "offer-stage")), "paragraph")
    assert not any("Looking at your applications" in p for p in paragraphs)


def test_rejection_log_reports_recurring_reasons_as_guesses():
    answers = applications(
        "application", "application", "first-interview",
        reasons=[["skills-and-qualifications", "not-sure"], ["skills-and-qualifications"], ["competition", "not-sure"]],
    )  # fmt: skip
    result = run_ok("rejection-log", answers)
    text = all_text(result)
    assert "Reasons you guessed more than once: skills or qualifications (twice)." in text
    assert "guesses, not verdicts" in text
    assert "You marked ‘not sure’ twice." in text
    assert "competition" not in text.split("more than once:")[1].split(".")[0]
    assert "reasons#skills-and-qualifications" in targets(result)


def test_rejection_log_without_recurring_reasons_says_so_and_links_no_reason():
    result = run_ok(
        "rejection-log", applications("application", "application", reasons=[["competition"], ["cultural-fit"]])
    )
    assert "No guessed reason has come up more than once" in all_text(result)
    assert not any(
        target.startswith("reasons#") and target != "reasons#what-the-stage-tells-you" for target in targets(result)
    )


@pytest.mark.parametrize(
    ("feelings", "phrase"),
    [
        ([2, 3, 7, 8], "felt a little easier to take"),
        ([8, 7, 3, 2], "the more recent ones have felt harder"),
        ([5, 5, 6, 5], "stayed at about the same level"),
    ],
)
def test_rejection_log_describes_the_feeling_trend_kindly(feelings, phrase):
    answers = applications(*["application"] * 4, feeling=feelings)
    assert phrase in all_text(run_ok("rejection-log", answers))


def test_rejection_log_points_to_self_care_when_the_latest_feeling_was_low():
    low = run_ok("rejection-log", applications("application", "application", feeling=[8, 2]))
    fine = run_ok("rejection-log", applications("application", "application", feeling=[2, 8]))
    assert "coping#self-care" in targets(low)
    assert "coping#self-care" not in targets(fine)


# ---- Reasons check ---------------------------------------------------------------------------


def test_reasons_check_points_to_the_highest_rated_reasons():
    result = run_ok(
        "reasons-check", {"competition": 3, "cultural-fit": 1, "salary-expectations": 3, "skills-and-qualifications": 2}
    )
    found = targets(result)
    assert found[:2] == ["reasons#competition", "reasons#salary-expectations"]
    assert "reasons#cultural-fit" not in found and "reasons#skills-and-qualifications" not in found
    assert "other candidates and salary expectations" in result["summary"]


def test_reasons_check_names_at_most_two_reasons_when_many_tie():
    answers = {"skills-and-qualifications": 4, "interview-performance": 4, "cultural-fit": 4}
    found = [t for t in targets(run_ok("reasons-check", answers)) if t.startswith("reasons#")]
    assert found == ["reasons#skills-and-qualifications", "reasons#interview-performance"]


def test_reasons_check_always_says_guesses_are_not_verdicts():
    for answers in ({}, {"competition": 4}, {"competition": 0}):
        assert "guesses, not verdicts" in all_text(run_ok("reasons-check", answers))


def test_reasons_check_with_low_ratings_points_to_reasons_you_may_never_see():
    result = run_ok("reasons-check", {"competition": 1, "cultural-fit": 0})
    assert "reasons#reasons-you-may-never-see" in targets(result)
    assert "reasons#competition" not in targets(result)
    assert "None of the reasons stands out much" in result["summary"]


def test_reasons_check_asks_for_evidence_only_where_it_is_missing():
    missing = run_ok("reasons-check", {"interview-performance": 3})
    given = run_ok(
        "reasons-check", {"interview-performance": 3, "interview-performance-evidence": "I froze on one question."}
    )
    assert any("What do you actually know about the interview itself?" in text for text in texts(missing, "prompt"))
    assert texts(given, "prompt") == []


def test_reasons_check_chart_shows_the_ratings_on_a_0_to_4_scale():
    chart = only(run_ok("reasons-check", {"competition": 4, "cultural-fit": 2}), "chart")
    assert chart["table"]["rows"] == [["Fit with the team", 2], ["Other candidates", 4]]
    widths = [
        el["attrs"]["width"]
        for g in chart["svg"]["children"]
        if g.get("tag") == "g"
        for el in g["children"]
        if el["tag"] == "rect"
    ]
    assert widths == ["118", "236"]


def test_reasons_check_acknowledges_things_outside_your_control():
    result = run_ok("reasons-check", {"competition": 4, "other-factors": "An internal candidate."})
    assert "things outside your control" in all_text(result)
    assert "reasons#reasons-you-may-never-see" in targets(result)


# ---- Feedback request -------------------------------------------------------------------------

FULL_FEEDBACK = {
    "contact-name": "Sam Patel",
    "contact-role": "Hiring manager",
    "contact-email": "sam.patel@example.org",
    "role": "Data analyst",
    "organisation": "Acme Ltd",
    "interview-date": "2026-11-05",
    "topics": ["skills-gap", "answers"],
    "questions": "- Which example felt least strong?\n\n* Was anything missing from my CV?",
    "appreciated": "The clear account of the role",
}


def test_feedback_request_builds_a_specific_grateful_draft():
    result = run_ok("feedback-request", FULL_FEEDBACK)
    draft = only(result, "draft")
    body = draft["body"]
    assert draft["to"] == "sam.patel@example.org"
    assert draft["subject"] == "Feedback on my interview for Data analyst"
    assert body.startswith("Dear Sam Patel,\n\nThank you")
    assert "the Data analyst role at Acme Ltd" in body
    assert "on 5 November 2026" in body
    assert "how my answers came across and whether there were any skills you felt were missing" in body  # option order
    assert "- Which example felt least strong?\n- Was anything missing from my CV?" in body
    assert "Something I especially appreciated: the clear account of the role." in body
    assert body.endswith("Kind regards,\n[Your name]")
    assert len(body.split()) < 160  # short


@pytest.mark.parametrize("answers", [FULL_FEEDBACK, {}, {"organisation": "Acme Ltd"}])
def test_feedback_request_draft_never_argues_with_the_decision(answers):
    body = only(run_ok("feedback-request", answers), "draft")["body"].lower()
    for word in ("disagree", "unfair", "reconsider", "wrong", "mistake", "!"):
        assert word not in body


def test_feedback_request_leaves_out_lines_that_dispute_the_decision_and_says_why():
    answers = {
        **FULL_FEEDBACK,
        "questions": "Why was it unfair?\nWhich example felt least strong?\nI disagree with the panel.",
    }
    result = run_ok("feedback-request", answers)
    body = only(result, "draft")["body"]
    assert "unfair" not in body.lower() and "disagree" not in body.lower()
    assert "I would also like to ask: Which example felt least strong?" in body
    prompt = next(text for text in texts(result, "prompt") if "leaves them out" in text)
    assert "‘unfair’ and ‘disagree’" in prompt


def test_feedback_request_uses_placeholders_for_missing_details():
    result = run_ok("feedback-request", {"topics": ["preparation"]})
    draft = only(result, "draft")
    assert draft["to"] == ""
    assert draft["body"].startswith("Dear [Name],")
    assert "the [Job title] role at [Organisation]" in draft["body"]
    assert draft["subject"] == "Feedback on my interview for [Job title]"
    assert "at the interview." in draft["body"]  # no date: the sentence still reads well
    assert any(
        "replace [Name], [Job title], [Organisation] and [Your name]" in text for text in texts(result, "prompt")
    )


def test_feedback_request_with_no_topics_or_questions_leaves_a_placeholder_question():
    body = only(run_ok("feedback-request", {"organisation": "Acme"}), "draft")["body"]
    assert "[one specific question]" in body


def test_feedback_request_keeps_a_full_sentence_of_thanks_as_written():
    body = only(run_ok("feedback-request", {"appreciated": "I enjoyed meeting the team"}), "draft")["body"]
    assert "I enjoyed meeting the team." in body
    assert "appreciated: I enjoyed" not in body


def test_feedback_request_suggests_focus_when_many_things_are_asked():
    focused = run_ok("feedback-request", FULL_FEEDBACK)
    broad = run_ok(
        "feedback-request", {**FULL_FEEDBACK, "topics": ["preparation", "answers", "skills-gap", "presentation"]}
    )
    assert not any("several things" in text for text in texts(focused, "prompt"))
    assert any("several things" in text for text in texts(broad, "prompt"))


def test_feedback_request_flags_an_email_address_that_looks_mistyped():
    assert any(
        "email address" in t for t in texts(run_ok("feedback-request", {"contact-email": "sam at example"}), "prompt")
    )
    assert not any("email address" in t for t in texts(run_ok("feedback-request", FULL_FEEDBACK), "prompt"))


def test_feedback_request_reassures_when_writing_weeks_later():
    late = run_ok("feedback-request", {**FULL_FEEDBACK, "interview-date": "2026-11-11"})
    soon = run_ok("feedback-request", {**FULL_FEEDBACK, "interview-date": "2026-11-12"})
    assert any("later request can still be welcome" in t for t in texts(late, "paragraph"))
    assert not any("later request can still be welcome" in t for t in texts(soon, "paragraph"))


def test_feedback_request_points_to_hearing_feedback():
    assert "feedback#hearing-feedback" in targets(run_ok("feedback-request", FULL_FEEDBACK))
    assert "feedback#hearing-feedback" in targets(run_ok("feedback-request", {}))


# ---- Thought record ---------------------------------------------------------------------------


def traps_suggested(thought: str, **extra: Any) -> list[str]:
    result = run_ok("thought-record", {"automatic-thought": thought, **extra})
    found = []
    for text in texts(result, "prompt"):
        match = re.search(r"can sometimes be a sign of (.+?)\.", text)
        if match:
            found.append(match.group(1))
    return found


@pytest.mark.parametrize(
    ("thought", "expected"),
    [
        ("I always mess up interviews.", ["overgeneralising"]),
        ("NOBODY will hire me", ["overgeneralising"]),
        ("No one ever calls back", ["overgeneralising"]),
        ("Every time it's the same", ["overgeneralising"]),
        ("I will never get a job", ["overgeneralising", "fortune-telling"]),
        ("I won’t ever get there", ["fortune-telling"]),
        ("It was a total disaster and everything is ruined", ["all-or-nothing", "catastrophising"]),
        ("It was terrible", ["catastrophising"]),
        ("They must think I am an idiot", ["mind-reading", "labelling"]),
        ("they think I'm slow", ["mind-reading"]),
        ("I'm such a loser, so stupid", ["labelling"]),
        ("I'm a failure", ["labelling"]),
        ("It was all my fault", ["personalising"]),
        ("I can only remember the bad bits; only the bad stuck", ["mental-filter"]),
        ("Getting to the final round doesn't count", ["discounting-the-positive"]),
        ("I should have prepared more, I ought to know this", ["“should” statements"]),
        ("I must be perfect", ["all-or-nothing", "“should” statements"]),
        ("I must have rambled", []),
        ("Nevermore shouldered idiotic alwayses failures", []),
        ("The interview was on Tuesday and went fine.", []),
    ],
)
def test_thought_record_spots_possible_traps_by_whole_words(thought, expected):
    names = {
        "all-or-nothing": "all-or-nothing thinking",
        "mental-filter": "a mental filter",
        "discounting-the-positive": "discounting the positive",
    }
    assert traps_suggested(thought) == [names.get(trap, trap) for trap in expected]


def test_thought_record_also_reads_the_situation():
    assert traps_suggested("", situation="Everyone else got an interview.") == ["overgeneralising"]


def test_thought_record_trap_prompts_are_questions_not_verdicts():
    result = run_ok("thought-record", {"automatic-thought": "I am useless and I always fail."})
    for text in texts(result, "prompt")[:2]:
        assert "can sometimes be a sign of" in text
        assert text.rstrip().endswith("?")
        assert "‘useless’" in text or "‘always’" in text


def test_thought_record_notes_traps_the_reader_ticked():
    result = run_ok("thought-record", {"automatic-thought": "I am useless.", "traps": ["mind-reading", "labelling"]})
    assert only(result, "list") == {"kind": "list", "title": "Traps you ticked", "items": ["Mind-reading", "Labelling"]}
    labelling = next(text for text in texts(result, "prompt") if "labelling" in text)
    assert "You ticked this one too." in labelling


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (80, 50, "The feeling went from 80 to 50 out of 100, 30 points lower than at the start."),
        (40, 40, "The feeling is where it started, at 40 out of 100. That is fine"),
        (30, 60, "The feeling went from 30 to 60 out of 100, 30 points stronger than at the start."),
        (70, None, "You rated the feeling at 70 out of 100 at the start."),
        (None, 20, "You rated the feeling at 20 out of 100 by the end."),
        (0, 0, "The feeling is where it started, at 0 out of 100."),
    ],
)
def test_thought_record_states_the_change_in_feeling_neutrally(before, after, expected):
    result = run_ok("thought-record", {"emotion-before": before, "emotion-after": after})
    paragraph = texts(result, "paragraph")[0]
    assert paragraph.startswith(expected)
    for pushy in ("try to", "should", "aim", "higher", "better"):
        assert pushy not in paragraph


def test_thought_record_says_a_rise_is_fine():
    paragraph = texts(run_ok("thought-record", {"emotion-before": 30, "emotion-after": 60}), "paragraph")[0]
    assert "that is fine" in paragraph


def test_thought_record_prompts_when_evidence_against_is_empty():
    base = {"automatic-thought": "I messed it up.", "evidence-for": "I fumbled one answer."}
    for empty in ({}, {"evidence-against": ""}, {"evidence-against": "  \n "}):
        prompts = texts(run_ok("thought-record", {**base, **empty}), "prompt")
        assert any(text.startswith("What does not fit the thought?") for text in prompts)
    filled = texts(run_ok("thought-record", {**base, "evidence-against": "They said I was a close second."}), "prompt")
    assert not any(text.startswith("What does not fit the thought?") for text in filled)


def test_thought_record_belief_is_acknowledged_without_pushing():
    zero = all_text(run_ok("thought-record", {"belief": 0}))
    some = all_text(run_ok("thought-record", {"belief": 30}))
    assert "that is fine" in zero
    assert "You believe the balanced thought 30 out of 100. Even a little belief is a start." in some


def test_thought_record_points_to_more_support_only_when_the_feeling_stays_strong():
    assert "coping#more-support" in targets(run_ok("thought-record", {"emotion-before": 90, "emotion-after": 80}))
    assert "coping#more-support" not in targets(run_ok("thought-record", {"emotion-before": 90, "emotion-after": 40}))
    assert "coping#reframing" in targets(run_ok("thought-record", {"emotion-before": 90}))


# ---- Goals plan ---------------------------------------------------------------------------------


def goal(**fields: Any) -> dict[str, Any]:
    return {"goals": [fields]}


def smart_items(result: dict[str, Any]) -> list[list[str]]:
    return [block["items"] for block in blocks_of(result, "list")]


@pytest.mark.parametrize(
    ("words", "measurable"),
    [
        ("Send 2 applications", True),
        ("Send two tailored applications", True),
        ("Practise answers weekly", True),
        ("Get better at interviews", False),
        ("Finish by 2026-12-01", False),  # a date is not a count
        ("Finish by 01/12/2026", False),
        ("Someone to talk to", False),  # "one" only as a whole word
    ],
)
def test_goals_plan_checks_whether_a_goal_is_measurable(words, measurable):
    items = smart_items(run_ok("goals-plan", goal(goal=words)))[0]
    assert items[1].startswith("Measurable:" if measurable else "Not yet measurable:")


def test_goals_plan_counts_numbers_in_the_steps_too():
    items = smart_items(run_ok("goals-plan", goal(goal="Get better at interviews", steps="Practise three examples")))[0]
    assert items[1].startswith("Measurable:")


def test_goals_plan_smart_check_covers_date_first_step_and_status():
    complete = smart_items(
        run_ok(
            "goals-plan",
            goal(
                goal="Send 2 applications",
                **{"first-step": "Pick adverts", "target-date": "2026-12-12", "status": "in-progress"},
            ),
        )
    )[0]
    assert complete == [
        "Specific: it says what you will do.",
        "Measurable: it includes something you can count, so you will know when it is done.",
        "First step: Pick adverts",
        "Target date: 12 December 2026.",
        "Still relevant: in progress.",
    ]
    empty = smart_items(run_ok("goals-plan", goal(why="It matters")))[0]
    assert empty[0].startswith("Not yet specific")
    assert empty[2].startswith("No first step yet")
    assert empty[3].startswith("No date yet")
    assert empty[4].startswith("Status not set yet")


def test_goals_plan_is_kind_about_passed_dates_and_closed_goals():
    passed = smart_items(run_ok("goals-plan", goal(goal="Apply", **{"target-date": "2026-11-01"})))[0]
    assert "which has passed. Moving it, or letting the goal go, is fine." in passed[3]
    achieved = smart_items(
        run_ok("goals-plan", goal(goal="Apply", **{"target-date": "2026-11-01", "status": "achieved"}))
    )[0]
    assert achieved[3] == "Target date: 1 November 2026."
    assert achieved[4] == "Achieved. That is worth noticing."
    let_go = smart_items(run_ok("goals-plan", goal(goal="Apply", status="no-longer-relevant")))[0]
    assert "fair choice" in let_go[4]


def test_goals_plan_table_summarises_goals_and_status():
    answers = {
        "goals": [
            {
                "goal": "Send 2 applications",
                "target-date": "2026-12-12",
                "status": "in-progress",
                "first-step": "Open the job board",
            },
            {"goal": "", "why": "x"},
            {"goal": "Learn SQL", "status": "achieved"},
        ]
    }
    table = only(run_ok("goals-plan", answers), "table")
    assert table["columns"] == ["Goal", "Target date", "Status", "Checks in place"]
    assert table["rows"] == [
        ["Send 2 applications", "12 December 2026", "In progress", "4 of 4"],
        ["Goal 2", "", "Not set", "0 of 4"],
        ["Learn SQL", "", "Achieved", "1 of 4"],
    ]


def test_goals_plan_calendar_has_one_event_per_dated_open_goal_and_dated_step():
    answers = {
        "goals": [
            {"goal": "Send two applications", "target-date": "2026-12-12", "status": "in-progress",
             "steps": "2026-11-28: shortlist adverts\n- 2026-12-03 tailor CV\nno date here\n2026-02-30 impossible date\n"},
            {"goal": "Practise weekly", "target-date": "2026-12-20"},
            {"goal": "Old goal", "target-date": "2026-12-01", "status": "achieved", "steps": "2026-11-29 step"},
            {"goal": "Dropped", "target-date": "2026-12-02", "status": "no-longer-relevant"},
            {"goal": "No date"},
        ]
    }  # fmt: skip
    result = run_ok("goals-plan", answers)
    events = events_of(result)
    assert [(event["DTSTART;VALUE=DATE"], event["SUMMARY"]) for event in events] == [
        ("20261128", "Step: shortlist adverts"),
        ("20261203", "Step: tailor CV"),
        ("20261212", "Goal: Send two applications"),
        ("20261220", "Goal: Practise weekly"),
    ]
    assert only(result, "calendar")["events"] == 4
    assert only(result, "calendar")["filename"] == "onward-goals.ics"


def test_goals_plan_has_no_calendar_when_nothing_is_dated():
    assert blocks_of(run_ok("goals-plan", goal(goal="Apply")), "calendar") == []


def test_goals_plan_uids_are_stable_and_change_with_content():
    first = events_of(run_ok("goals-plan", goal(goal="Apply", **{"target-date": "2026-12-12"})))[0]["UID"]
    again = events_of(run_ok("goals-plan", goal(goal="Apply", **{"target-date": "2026-12-12"}, why="new")))[0]["UID"]
    moved = events_of(run_ok("goals-plan", goal(goal="Apply", **{"target-date": "2026-12-13"})))[0]["UID"]
    assert first == again != moved
    assert re.fullmatch(r"[0-9a-f]{32}@onward", first)


def test_goals_plan_ics_escapes_and_folds_reader_text():
    title = "Call Zoë, Jürgen; then email\\write 😀 " + "x" * 80
    first_step = "Line one\nline two, " + "y" * 80
    result = run_ok("goals-plan", goal(goal=title, **{"target-date": "2026-12-12", "first-step": first_step}))
    ics = only(result, "calendar")["ics"]
    assert "\r\n " in ics  # folded
    assert "Zoë\\, Jürgen\\; then email\\\\write" in ics.replace("\r\n ", "")
    event = events_of(result)[0]
    assert event["DESCRIPTION"] == "First step: Line one line two, " + "y" * 80
    assert event["SUMMARY"].startswith("Goal: Call Zoë, Jürgen; then email\\write 😀")


def test_goals_plan_next_step_is_the_first_step_of_the_nearest_open_goal():
    answers = {
        "goals": [
            {"goal": "Later", "target-date": "2027-01-10", "first-step": "Later step"},
            {"goal": "Sooner", "target-date": "2026-12-01", "first-step": "Sooner step"},
            {"goal": "Done", "target-date": "2026-11-27", "first-step": "Done step", "status": "achieved"},
        ]
    }
    result = run_ok("goals-plan", answers)
    assert only(result, "next_steps")["items"][0] == {
        "text": "First step towards ‘Sooner’: Sooner step",
        "target": "moving-forward#set-new-goals",
    }
    assert result["summary"].endswith("The nearest date ahead is 1 December 2026.")


# ---- iCalendar helpers ---------------------------------------------------------------------------


def test_ics_escape_handles_backslash_semicolon_comma_and_newlines():
    assert ics_escape("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    assert ics_escape("bell\x07 tab\t") == "bell tab\t"


def test_ics_fold_keeps_lines_to_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "é" * 100 + "😀" * 30
    folded = ics_fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(piece[1:] if i else piece for i, piece in enumerate(pieces)) == line
    assert ics_fold("SHORT:x") == "SHORT:x"
    exactly = "X:" + "a" * 73
    assert ics_fold(exactly) == exactly


def test_parse_iso_date_is_strict():
    assert parse_iso_date("2026-11-26").isoformat() == "2026-11-26"
    for bad in ("20261126", "2026-11-31", "26/11/2026", "2026-1-5", " ", "2026-11-26T00:00"):
        assert parse_iso_date(bad) is None


# ---- Networking plan -----------------------------------------------------------------------------


def people(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"people": list(entries)}


def test_networking_plan_names_the_next_dated_contact_not_yet_made():
    answers = people(
        {"name": "Ada", "when": "2026-12-05", "ask": "advice"},
        {"name": "Bea", "when": "2026-11-28", "done": ["contacted"]},
        {"name": "Cal", "when": "2026-12-01", "ask": "introduction", "next-step": "Send a short message"},
        {"name": "Dee", "when": "2026-11-01"},
    )
    result = run_ok("networking-plan", answers)
    assert result["summary"].endswith("Next: Cal, by 1 December 2026.")
    assert (
        "Next on your list is Cal, to ask for an introduction to someone, by 1 December 2026."
        in texts(result, "paragraph")[0]
    )
    assert only(result, "next_steps")["items"][0] == {
        "text": "Cal: Send a short message",
        "target": "moving-forward#networking",
    }


def test_networking_plan_falls_back_to_the_earliest_passed_date():
    result = run_ok(
        "networking-plan", people({"name": "Ada", "when": "2026-11-10"}, {"name": "Bea", "when": "2026-11-01"})
    )
    assert result["summary"].endswith("Next: Bea, by 1 November 2026.")
    assert "The date has passed, and moving it is fine." in texts(result, "paragraph")[0]


def test_networking_plan_suggests_thanking_people_already_contacted():
    result = run_ok(
        "networking-plan",
        people({"name": "Ada", "done": ["contacted"]}, {"name": "Bea", "done": ["contacted", "thanked"]}),
    )
    assert any(item["text"].startswith("A short thank-you to Ada") for item in only(result, "next_steps")["items"])


def test_networking_plan_calendar_skips_people_already_contacted():
    answers = people(
        {"name": "Ada", "when": "2026-12-05", "ask": "advice", "next-step": "Coffee, maybe"},
        {"name": "Bea", "when": "2026-11-28", "done": ["contacted"]},
        {"name": "", "when": "2026-12-09"},
    )
    events = events_of(run_ok("networking-plan", answers))
    assert [(e["DTSTART;VALUE=DATE"], e["SUMMARY"]) for e in events] == [
        ("20261205", "Get in touch: Ada"),
        ("20261209", "Get in touch: Person 3"),
    ]
    assert events[0]["DESCRIPTION"] == "Ask for: advice\nNext step: Coffee, maybe"


def test_networking_plan_table_shows_each_person():
    table = only(run_ok("networking-plan", people({"name": "Ada", "ask": "opening", "done": ["thanked"]})), "table")
    assert table["rows"] == [["Ada", "News of an opening", "", "Thanked"]]


# ---- Learning plan ---------------------------------------------------------------------------------


def test_learning_plan_names_the_next_skill_due_that_is_not_done():
    answers = {
        "skills": [
            {"skill": "SQL", "by-when": "2026-12-20", "how": "course", "why": "Adverts", "resource": "Free course"},
            {"skill": "Excel", "by-when": "2026-12-01", "progress": "done", "why": "x", "how": "reading"},
            {"skill": "Speaking", "by-when": "2027-01-15", "progress": "started", "why": "Feedback", "how": "practice"},
        ]
    }
    result = run_ok("learning-plan", answers)
    assert result["summary"] == (
        "You are planning three skills: one started and one done. Next by date: SQL, by 20 December 2026."
    )
    assert texts(result, "paragraph")[0] == "Next by date is SQL, through a course (Free course), by 20 December 2026."
    assert [e["SUMMARY"] for e in events_of(result)] == ["Learning: SQL", "Learning: Speaking"]
    assert "learning#learning-resources" in targets(result)
    assert "moving-forward#keep-learning" in targets(result)


def test_learning_plan_invites_a_reason_for_a_skill_without_one():
    result = run_ok("learning-plan", {"skills": [{"skill": "SQL", "how": "course"}]})
    assert texts(result, "prompt")[0].startswith("Why SQL?")
    assert blocks_of(result, "calendar") == []


# ---- Self-care plan --------------------------------------------------------------------------------


def test_self_care_plan_suggests_practices_with_nothing_planned_yet():
    result = run_ok(
        "self-care-plan",
        {"mindfulness-what": "Breathing", "physical-activity-what": "Walk", "physical-activity-when": "After lunch"},
    )
    items = only(result, "next_steps")["items"]
    assert [item["text"].split(":")[0] for item in items] == ["Time with people you love", "Hobbies and interests"]
    assert all(item["target"] == "coping#self-care" for item in items)
    plan = next(block for block in blocks_of(result, "list") if block["title"] == "Your plan")
    assert plan["items"] == ["Mindfulness: Breathing", "Physical activity: Walk (After lunch)"]
    assert "You have not noted a time for mindfulness." in all_text(result)


def test_self_care_plan_points_professional_help_to_more_support():
    answers = {f"{p}-what": "x" for p in ("mindfulness", "physical-activity", "people-you-love")}
    items = only(run_ok("self-care-plan", answers), "next_steps")["items"]
    assert [item["target"] for item in items] == ["coping#self-care", "coping#more-support"]


def test_self_care_plan_with_everything_planned_looks_ahead():
    answers = {
        f"{p}-what": "x"
        for p in ("mindfulness", "physical-activity", "people-you-love", "hobbies", "professional-help")
    }
    assert targets(run_ok("self-care-plan", answers)) == ["moving-forward#keep-looking-after-yourself"]


def test_self_care_plan_acknowledges_small_things_ticked_today():
    result = run_ok("self-care-plan", {"today": ["water"]})
    assert "You managed one small thing today. One is plenty." in texts(result, "paragraph")


# ---- Strengths ----------------------------------------------------------------------------------------


def test_strengths_lists_the_strengths_ticked_and_what_accomplishments_show():
    answers = {
        "strengths": ["kind", "reliable"],
        "accomplishments": [
            {"what-happened": "Fixed the rota", "what-it-shows": "I stay calm."},
            {"what-happened": "", "what-i-did": "", "what-it-shows": ""},
            {"what-happened": "Ran a stall"},
        ],
    }
    result = run_ok("strengths", answers)
    lists = {block["title"]: block["items"] for block in blocks_of(result, "list")}
    assert lists == {"Strengths you ticked": ["Reliable", "Kind"], "What your accomplishments show": ["I stay calm."]}
    assert texts(result, "prompt") == [
        "What does accomplishment 3 show about you? For example, that you learn quickly or stay steady when plans change."
    ]
    assert result["summary"].startswith("You have gathered two strengths and two accomplishments.")
    assert "moving-forward#your-strengths" in targets(result)


# ---- Interview self-review -------------------------------------------------------------------------


def test_interview_self_review_points_the_lowest_areas_to_their_guide_sections():
    result = run_ok("interview-self-review", {"preparation": 4, "research": 1, "nerves": 1, "questions-asked": 2})
    assert "researching the organisation and role and managing nerves" in result["summary"]
    items = only(result, "next_steps")["items"]
    assert items[0]["text"].startswith("Before the next interview, read the organisation's website")
    assert items[1]["text"].startswith("Nerves are normal")
    assert all(
        item["target"] in ("learning#improving-interview-skills", "coping#self-compassion-pause") for item in items
    )


def test_interview_self_review_puts_the_readers_own_practice_first():
    result = run_ok(
        "interview-self-review", {"conveyed-qualifications": 2, "practise-next": "Say two examples out loud"}
    )
    assert only(result, "next_steps")["items"][0] == {
        "text": "Your one thing to practise: Say two examples out loud",
        "target": "learning#improving-interview-skills",
    }


def test_interview_self_review_with_every_area_rated_well_suggests_feedback():
    answers = {area: 4 for area in ("preparation", "conveyed-qualifications", "questions-asked", "research", "nerves")}
    result = run_ok("interview-self-review", answers)
    assert targets(result) == ["worksheets/feedback-request"]
    assert only(result, "table")["rows"][0] == ["Preparation", 4]


def test_interview_self_review_invites_what_went_well_when_missing():
    assert any(t.startswith("What went well?") for t in texts(run_ok("interview-self-review", {"nerves": 2}), "prompt"))
    assert texts(run_ok("interview-self-review", {"nerves": 2, "went-well": "Good rapport"}), "prompt") == []


# ---- Expressive writing --------------------------------------------------------------------------------


def test_expressive_writing_counts_sessions_and_never_quotes_the_writing():
    secret = "my private words about the panel"
    answers = {
        "sessions": [
            {"date": "2026-11-24", "writing": secret, "feeling-after": 6},
            {"writing": "", "date": "", "feeling-after": None},
        ]
    }
    result = run_ok("expressive-writing", answers)
    assert result["summary"].startswith("You have done one writing session.")
    assert secret not in all_text(result)


def test_expressive_writing_describes_the_feeling_after_trend_in_date_order():
    answers = {"sessions": [{"date": "2026-11-25", "feeling-after": 7}, {"date": "2026-11-22", "feeling-after": 4}]}
    assert "went from 4 to 7 out of 10" in all_text(run_ok("expressive-writing", answers))


@pytest.mark.parametrize(
    ("feelings", "pointer"), [([2, 6], True), ([6, 3], True), ([0], True), ([4, 8], False), ([], False)]
)
def test_expressive_writing_points_gently_to_more_support_when_feeling_after_is_low(feelings, pointer):
    answers = {"sessions": [{"writing": "x", "feeling-after": feeling} for feeling in feelings] or [{"writing": "x"}]}
    result = run_ok("expressive-writing", answers)
    assert ("coping#more-support" in targets(result)) is pointer
    text = all_text(result).lower()
    for alarming in ("crisis", "emergency", "danger", "urgent", "worry"):
        assert alarming not in text


@pytest.mark.parametrize(
    ("area", "target"),
    [
        ("preparation", "learning#improving-interview-skills"),
        ("conveyed-qualifications", "reasons#skills-and-qualifications"),
        ("questions-asked", "learning#improving-interview-skills"),
        ("research", "learning#improving-interview-skills"),
        ("nerves", "learning#improving-interview-skills"),
    ],
)
def test_interview_self_review_maps_each_area_to_its_guide_section(area, target):
    others = {name: 5 for name in ("preparation", "conveyed-qualifications", "questions-asked", "research", "nerves")}
    result = run_ok("interview-self-review", {**others, area: 2})
    assert targets(result)[0] == target
    assert len(only(result, "next_steps")["items"]) <= 3
