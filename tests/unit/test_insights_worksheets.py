"""Worksheet insights, one worksheet at a time: the findings, pointers, drafts and calendars they give."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from insights_package import onward_insights  # noqa: F401 - puts the shipped package on the path
from onward_insights._answers import parse_iso_date
from onward_insights._calendar import ics_escape, ics_fold
from onward_insights._i18n import shorten
from test_insights import TODAY, all_text, blocks_of, parse_ics, run_ok, targets


def texts(result: dict[str, Any], kind: str) -> list[str]:
    return [block["text"] for block in blocks_of(result, kind)]


def only(result: dict[str, Any], kind: str) -> dict[str, Any]:
    found = blocks_of(result, kind)
    assert len(found) == 1, [block["kind"] for block in result["blocks"]]
    return found[0]


def events_of(result: dict[str, Any]) -> list[dict[str, str]]:
    return parse_ics(only(result, "calendar")["ics"], TODAY)


def steps_text(result: dict[str, Any]) -> list[str]:
    return [item["text"] for block in blocks_of(result, "next_steps") for item in block["items"]]


# ---- Rejection log ---------------------------------------------------------------------------


def applications(*stages: str | None, dates: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    entries = []
    for index, stage in enumerate(stages):
        entry: dict[str, Any] = {"organisation": f"Org {index + 1}", "stage": stage}
        if dates:
            entry["date"] = dates[index]
        entry.update({key.replace("_", "-"): values[index] for key, values in extra.items()})
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


def test_rejection_log_chart_counts_the_stages_reached_in_the_forms_order():
    result = run_ok("rejection-log", applications("offer-stage", "application", "first-interview", "application", None))
    chart = only(result, "chart")
    assert chart["table"]["columns"] == ["Stage", "Applications"]
    assert chart["table"]["rows"] == [["Application", 2], ["First interview", 1], ["Offer stage", 1]]
    widths = [
        int(el["attrs"]["width"])
        for group in chart["svg"]["children"]
        if group.get("tag") == "g"
        for el in group["children"]
        if el["tag"] == "rect"
    ]
    assert widths == [236, 118, 118]
    assert "out of 4 with a stage noted" in chart["description"]
    assert result["summary"].endswith("The one that got furthest ended at the offer stage.")
    assert "One application has no stage noted yet." in all_text(result)


def test_rejection_log_has_no_chart_for_a_single_stage():
    assert blocks_of(run_ok("rejection-log", applications("application", "application")), "chart") == []


def test_rejection_log_graduate_stages_are_stages_of_their_own():
    result = run_ok("rejection-log", applications("online-tests", "online-tests", "assessment-centre", "application"))
    rows = only(result, "chart")["table"]["rows"]
    assert rows == [["Application", 1], ["Online tests", 2], ["Assessment centre", 1]]
    text = all_text(result)
    assert "Two ended after online tests. Tests can be practised" in text
    assert "Assessment centres are usually scored against set criteria" in text
    assert "worksheets/feedback-request" in targets(result)


@pytest.mark.parametrize(
    ("stages", "expected", "not_expected"),
    [
        (
            ("application", "application", "online-tests"),
            ["reasons#what-the-stage-tells-you", "learning#learning-resources"],
            ["worksheets/interview-self-review", "worksheets/feedback-request"],
        ),
        (
            ("first-interview", "first-interview", "application", "later-interview"),
            ["worksheets/interview-self-review", "learning#improving-interview-skills"],
            ["reasons#what-the-stage-tells-you", "moving-forward#networking"],
        ),
        (
            ("later-interview", "offer-stage", "first-interview"),
            ["worksheets/feedback-request", "moving-forward#networking"],
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


def test_rejection_log_before_any_interview_never_speaks_of_one():
    stages = ["application"] * 9 + ["online-tests"] * 3
    said = ["No reason given"] * 6 + ["High volume of applications"] * 3 + ["Online test score too low"] * 3
    result = run_ok("rejection-log", applications(*stages, what_they_said=said, feeling=[5] * 6 + [3] * 6))
    text = all_text(result).lower()
    assert "interview" not in text
    assert "as far as your earlier ones" not in text
    assert "common, especially for graduate roles" in result["summary"]
    assert "a careers adviser reading one or two of them with you" in text
    assert "careers adviser" in " ".join(steps_text(result))


def test_rejection_log_a_run_of_final_rounds_speaks_of_what_decides_them():
    said = ["An internal candidate", "It was very close", "Budget"]
    result = run_ok("rejection-log", applications("later-interview", "offer-stage", "later-interview", what_they_said=said))
    text = all_text(result)
    assert "employers saw you as a serious candidate" in result["summary"]
    assert "You reached the final stages three times" in text
    assert "staying in touch" in text
    assert targets(result)[:2] == ["worksheets/feedback-request", "moving-forward#networking"]


def test_rejection_log_names_the_most_frequent_employer_reason_and_its_limits():
    said = ["We wanted more experience.", "Someone with more experience", "An internal candidate", ""]
    result = run_ok("rejection-log", applications("first-interview", "application", "application", "application", what_they_said=said))
    text = all_text(result)
    assert "wanting more experience (twice)" in text
    assert "Wanting more experience came up most often." in text
    assert "This is a guess from your words" in text
    assert "worksheets/learning-plan" in targets(result)
    assert "We wanted more experience" not in text  # what they said is never quoted back


def test_rejection_log_says_when_most_of_it_was_outside_your_control():
    said = ["Budget cuts", "An internal candidate", "The role was put on hold"]
    text = all_text(run_ok("rejection-log", applications("application", "first-interview", "application", what_they_said=said)))
    assert "Most of it is outside your control" in text


def test_rejection_log_sets_the_guesses_beside_what_employers_said():
    answers = applications(
        "application", "application", "first-interview",
        reasons=[["skills-and-qualifications", "not-sure"], ["skills-and-qualifications", "not-sure"], ["competition"]],
        what_they_said=["No reason given", "Generic email", "Internal candidate"],
    )  # fmt: skip
    text = all_text(run_ok("rejection-log", answers))
    assert "The reason you guessed most often is ‘Skills or qualifications’ (twice)." in text
    assert "the reasons may lie less with you than your guesses suggest" in text
    assert "You marked ‘Not sure’ twice." in text


def test_rejection_log_gently_notes_a_guess_that_does_not_fit_the_stage():
    answers = applications("application", "first-interview", reasons=[["interview-performance"], ["interview-performance"]])
    prompt = next(text for text in texts(run_ok("rejection-log", answers), "prompt") if "you guessed" in text)
    assert prompt.startswith("For one application that ended before an interview, you guessed ‘How the interview went’.")
    assert "‘Something in my CV or application’ may fit better" in prompt


@pytest.mark.parametrize(
    ("stages", "phrase"),
    [
        (["application", "application", "later-interview", "offer-stage"], "more recent applications are getting further"),
        (["offer-stage", "later-interview", "application", "first-interview"], "earlier applications got a little further"),
        (["first-interview", "later-interview", "later-interview", "first-interview"], None),
    ],
)
def test_rejection_log_trend_is_said_only_when_something_moved(stages, phrase):
    text = all_text(run_ok("rejection-log", applications(*stages)))
    if phrase:
        assert phrase in text
    assert "about as far as" not in text


def test_rejection_log_orders_by_date_when_every_entry_has_one():
    answers = applications(
        "offer-stage", "later-interview", "application", "application",
        dates=["2026-10-01", "2026-09-01", "2026-05-01", "2026-03-01"],
    )  # fmt: skip
    assert "more recent applications are getting further" in all_text(run_ok("rejection-log", answers))


def test_rejection_log_notices_several_rejections_close_together():
    answers = applications("application", "application", "application", dates=["2026-11-01", "2026-11-06", "2026-11-12"])
    result = run_ok("rejection-log", answers)
    assert "Three of these arrived within two weeks of each other." in all_text(result)
    assert "moving-forward#pace-your-search" in targets(result)


def test_rejection_log_sees_which_stages_were_hardest_to_take():
    answers = applications("later-interview", "application", "offer-stage", "application", feeling=[1, 7, 2, 6])
    assert "The rejections after the later stages have been the hardest to take (about 2 out of 10, against 7" in all_text(
        run_ok("rejection-log", answers)
    )


@pytest.mark.parametrize(
    ("feelings", "phrase"),
    [([2, 3, 7, 8], "a little easier to take"), ([8, 7, 3, 2], "have been harder to take"), ([5, 5, 6, 5], None)],
)
def test_rejection_log_describes_the_feeling_trend_kindly(feelings, phrase):
    text = all_text(run_ok("rejection-log", applications(*["application"] * 4, feeling=feelings)))
    if phrase:
        assert phrase in text
    else:
        assert "Looking at how you felt" not in text


def test_rejection_log_points_to_self_care_when_the_latest_feeling_was_low():
    low = run_ok("rejection-log", applications("application", "application", feeling=[8, 2]))
    fine = run_ok("rejection-log", applications("application", "application", feeling=[2, 8]))
    assert "coping#self-care" in targets(low)
    assert "coping#self-care" not in targets(fine)


def test_rejection_log_with_thin_entries_says_what_would_help():
    result = run_ok("rejection-log", {"applications": [{"organisation": "A"}, {"organisation": "B"}, {"role": "C"}]})
    assert "Noting how far each one got" in result["summary"]
    assert any("neither a stage nor what they said" in text for text in texts(result, "prompt"))


# ---- Reasons check ---------------------------------------------------------------------------


def test_reasons_check_points_to_the_highest_rated_reasons():
    result = run_ok(
        "reasons-check", {"competition": 3, "cultural-fit": 1, "salary-expectations": 3, "skills-and-qualifications": 2}
    )
    found = targets(result)
    assert found[:2] == ["reasons#competition", "reasons#salary-expectations"]
    assert "reasons#cultural-fit" not in found and "reasons#skills-and-qualifications" not in found
    assert "‘Other candidates’ and ‘Salary expectations’" in result["summary"]


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
    given = run_ok("reasons-check", {"interview-performance": 3, "interview-performance-evidence": "I froze once."})
    assert any("What do you actually know about ‘The interview itself’?" in text for text in texts(missing, "prompt"))
    assert texts(given, "prompt") == []


def test_reasons_check_chart_shows_the_ratings_on_the_forms_scale():
    chart = only(run_ok("reasons-check", {"competition": 4, "cultural-fit": 2}), "chart")
    assert chart["table"]["rows"] == [["Fit with the team", 2], ["Other candidates", 4]]
    assert chart["table"]["columns"] == ["Reason", "Rating (0 to 4)"]


def test_reasons_check_names_the_outside_reasons_it_reads_in_the_words():
    result = run_ok("reasons-check", {"competition": 4, "other-factors": "They had an internal candidate and no budget."})
    assert "such as an internal candidate and budget or funding (a guess from your words)" in all_text(result)
    assert "reasons#reasons-you-may-never-see" in targets(result)


# ---- Feedback request -------------------------------------------------------------------------

FULL_FEEDBACK = {
    "contact-name": "Sam Patel",
    "contact-role": "Hiring manager",
    "contact-email": "sam.patel@example.org",
    "role": "Data analyst",
    "organisation": "Acme Ltd",
    "stage": "first-interview",
    "stage-date": "2026-11-05",
    "topics": ["skills-gap", "answers"],
    "questions": "- Which example felt least strong?\n\n* Was anything missing from my CV?",
    "appreciated": "The clear account of the role",
}


def body_of(answers: dict[str, Any]) -> str:
    return only(run_ok("feedback-request", answers), "draft")["body"]


def test_feedback_request_builds_a_specific_grateful_draft():
    draft = only(run_ok("feedback-request", FULL_FEEDBACK), "draft")
    body = draft["body"]
    assert draft["to"] == "sam.patel@example.org"
    assert draft["subject"] == "Feedback on my interview for Data analyst"
    assert body.startswith("Hello Sam,\n\nThank you")
    assert "the Data analyst role at Acme Ltd" in body
    assert "at the interview on 5 November 2026" in body
    assert "how my answers came across and whether there were any skills you felt were missing" in body
    assert "- Which example felt least strong?\n- Was anything missing from my CV?" in body
    assert "I especially appreciated the clear account of the role." in body
    assert body.endswith("Kind regards,\n[Your name]")
    assert len(body.split()) < 170


@pytest.mark.parametrize(
    ("name", "greeting", "expected"),
    [
        ("Priya Sharma", "", "Hello Priya,"),
        ("Dr Amara Okafor", "", "Dear Dr Okafor,"),
        ("Ms Jo Bell", "", "Dear Ms Bell,"),
        ("Priya Sharma", "Dr Sharma", "Dear Dr Sharma,"),
        ("Priya Sharma", "Pri", "Hello Pri,"),
        ("", "", "Hello,"),
    ],
)
def test_feedback_request_greets_as_a_person_would(name, greeting, expected):
    body = body_of({"contact-name": name, "greeting-name": greeting})
    assert body.split("\n\n")[0] == expected
    assert "Dear Priya Sharma" not in body


def test_feedback_request_for_an_application_never_mentions_an_interview():
    answers = {**FULL_FEEDBACK, "stage": "application", "topics": ["application-strength", "answers"]}
    result = run_ok("feedback-request", answers)
    draft = only(result, "draft")
    assert draft["subject"] == "Feedback on my application for Data analyst"
    assert "interview" not in (draft["subject"] + draft["body"]).lower()
    assert "what would have made my application stronger" in draft["body"]
    assert "how my answers came across" not in draft["body"]
    assert any("leaves out ‘How my answers came across’" in text for text in texts(result, "prompt"))


@pytest.mark.parametrize(
    ("stage", "thanks", "ask"),
    [
        ("online-tests", "the outcome of the online tests", "how I did in the tests"),
        ("assessment-centre", "and for the assessment centre on 5 November 2026", "how I did in the exercises"),
        ("later-interview", "all the time you and your colleagues gave me", "what made the difference at the final stage"),
        ("offer-stage", "all the time you and your colleagues gave me", "what made the difference at the final stage"),
    ],
)
def test_feedback_request_follows_how_far_the_reader_got(stage, thanks, ask):
    body = body_of({**FULL_FEEDBACK, "stage": stage, "topics": []})
    assert thanks in body and ask in body
    if stage in ("later-interview", "offer-stage"):
        assert "stay in touch" in body


def test_feedback_request_without_a_stage_is_neutral_and_says_what_would_help():
    result = run_ok("feedback-request", {"role": "Analyst"})
    assert "interview" not in only(result, "draft")["body"]
    assert any("Noting how far you got" in text for text in texts(result, "prompt"))


@pytest.mark.parametrize("answers", [FULL_FEEDBACK, {}, {"organisation": "Acme Ltd"}])
def test_feedback_request_draft_never_argues_with_the_decision(answers):
    body = body_of(answers).lower()
    for word in ("disagree", "unfair", "reconsider", "wrong", "mistake", "!"):
        assert word not in body


def test_feedback_request_leaves_out_lines_that_dispute_the_decision_and_says_why():
    answers = {**FULL_FEEDBACK, "questions": "Why was it unfair?\nWhich example felt least strong?\nJe ne suis pas d'accord."}
    result = run_ok("feedback-request", answers)
    body = only(result, "draft")["body"]
    assert "unfair" not in body.lower() and "accord" not in body.lower()
    assert "I would also like to ask: Which example felt least strong?" in body
    assert any(text.startswith("Two lines you wrote could read as questioning") for text in texts(result, "prompt"))


def test_feedback_request_uses_placeholders_for_missing_details():
    result = run_ok("feedback-request", {"stage": "first-interview"})
    draft = only(result, "draft")
    assert draft["to"] == ""
    assert draft["body"].startswith("Hello,")
    assert "the [Job title] role at [Organisation]" in draft["body"]
    assert draft["subject"] == "Feedback on my interview for [Job title]"
    assert "at the interview." in draft["body"]
    assert "replace [Job title], [Organisation] and [Your name]" in " ".join(texts(result, "prompt"))


@pytest.mark.parametrize(
    ("appreciated", "expected"),
    [
        ("I enjoyed meeting the team", "I enjoyed meeting the team."),
        ("The panel made me feel welcome", "The panel made me feel welcome."),
        ("how clearly the role was explained", "I especially appreciated how clearly the role was explained."),
        ("The friendly panel!", "I especially appreciated the friendly panel."),
        ("L'accueil chaleureux", "I especially appreciated l'accueil chaleureux."),
    ],
)
def test_feedback_request_turns_thanks_into_a_sentence_a_person_would_write(appreciated, expected):
    body = body_of({"appreciated": appreciated})
    assert expected in body
    assert "Something I especially appreciated:" not in body


def test_feedback_request_suggests_focus_when_many_things_are_asked():
    focused = run_ok("feedback-request", FULL_FEEDBACK)
    broad = run_ok("feedback-request", {**FULL_FEEDBACK, "topics": ["preparation", "answers", "skills-gap", "presentation"]})
    assert not any("several things" in text for text in texts(focused, "prompt"))
    assert any("several things" in text for text in texts(broad, "prompt"))


def test_feedback_request_flags_an_email_address_that_looks_mistyped():
    assert any("email address" in t for t in texts(run_ok("feedback-request", {"contact-email": "sam at example"}), "prompt"))
    assert not any("email address" in t for t in texts(run_ok("feedback-request", FULL_FEEDBACK), "prompt"))


def test_feedback_request_reassures_when_writing_weeks_later():
    late = run_ok("feedback-request", {**FULL_FEEDBACK, "stage-date": "2026-11-11"})
    soon = run_ok("feedback-request", {**FULL_FEEDBACK, "stage-date": "2026-11-12"})
    assert any("later request can still be welcome" in t for t in texts(late, "paragraph"))
    assert not any("later request can still be welcome" in t for t in texts(soon, "paragraph"))


def test_feedback_request_points_to_hearing_feedback():
    assert "feedback#hearing-feedback" in targets(run_ok("feedback-request", FULL_FEEDBACK))
    assert "feedback#hearing-feedback" in targets(run_ok("feedback-request", {}))


# ---- Thought record ---------------------------------------------------------------------------


def records(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"records": list(entries)}


HARSH = "I'm a complete failure and I'll never get a job. There must be something about me."


def test_thought_record_never_quotes_the_thought_and_names_the_traps_once():
    result = run_ok("thought-record", records({"automatic-thought": HARSH, "traps": ["labelling"]}))
    text = all_text(result)
    for harsh in ("complete failure and", "i'll never", "i’ll never", "something about me"):
        assert harsh not in text.lower()
    assert "You spotted ‘Labelling’ yourself." in text
    assert "may also fit ‘All-or-nothing thinking’, ‘Fortune-telling’ or ‘Personalising’" in text
    assert "This is only a guess from your words" in text
    assert "“Should” statements" not in text and "Should\" statements" not in text
    assert text.count("This is only a guess") == 1


def test_thought_record_asks_at_most_two_questions_about_traps():
    result = run_ok("thought-record", records({"automatic-thought": HARSH}))
    trap_prompts = [text for text in texts(result, "prompt") if text.startswith("‘")]
    assert len(trap_prompts) == 2
    assert all(text.endswith("?") for text in trap_prompts)


def test_thought_record_mentions_the_balanced_thought_the_reader_wrote():
    balanced = "One interview went badly; I reached the final two, which counts."
    result = run_ok("thought-record", records({"automatic-thought": HARSH, "balanced-thought": balanced}))
    assert f"Your more balanced thought: ‘{balanced}’" in all_text(result)
    assert "worth keeping" in result["summary"]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (80, 50, "The feeling went from 80 to 50 out of 100, 30 points lower than at the start."),
        (60, 60, "The feeling is where it started, at 60 out of 100."),
        (30, 50, "20 points stronger than at the start. Looking closely at a painful thought can stir it up"),
        (None, 40, "You rated the feeling at 40 out of 100 by the end."),
        (70, None, "You rated the feeling at 70 out of 100 at the start."),
    ],
)
def test_thought_record_states_the_change_in_feeling_neutrally(before, after, expected):
    assert expected in all_text(run_ok("thought-record", records({"emotion-before": before, "emotion-after": after})))


def test_thought_record_prompts_for_the_other_side_and_then_the_balanced_thought():
    first = run_ok("thought-record", records({"automatic-thought": "It went badly."}))
    assert any(text.startswith("What does not fit the thought?") for text in texts(first, "prompt"))
    second = run_ok("thought-record", records({"automatic-thought": "It went badly.", "evidence-against": "I was invited back."}))
    assert any(text.startswith("How might you put it to a friend") for text in texts(second, "prompt"))


def test_thought_record_with_only_the_start_says_what_would_help():
    result = run_ok("thought-record", records({"situation": "Read the email on the bus", "emotion": "sad"}))
    assert any("once the thought itself is written down" in text for text in texts(result, "prompt"))


def test_thought_record_belief_is_acknowledged_without_pushing():
    assert "You do not believe the balanced thought yet, and that is fine." in all_text(run_ok("thought-record", records({"belief": 0})))
    assert "You believe the balanced thought 30 out of 100." in all_text(run_ok("thought-record", records({"belief": 30})))


def test_thought_record_points_to_more_support_only_when_the_feeling_stays_strong():
    strong = run_ok("thought-record", records({"emotion-before": 90, "emotion-after": 80}))
    eased = run_ok("thought-record", records({"emotion-before": 90, "emotion-after": 40}))
    assert "coping#more-support" in targets(strong)
    assert "coping#more-support" not in targets(eased)


def test_thought_records_over_time_show_what_changed():
    answers = records(
        {"date": "2026-11-02", "emotion-before": 90, "emotion-after": 70, "belief": 20, "traps": ["overgeneralising"]},
        {"date": "2026-11-20", "emotion-before": 50, "emotion-after": 30, "belief": 70, "automatic-thought": "It always goes this way"},
        {"date": "2026-11-10", "emotion-before": 80, "emotion-after": 60, "belief": 40},
    )
    result = run_ok("thought-record", answers)
    text = all_text(result)
    assert result["summary"].startswith("You have written three thought records. Below is a closer look at the latest, from 20 November 2026")
    assert "the feeling eased by the end in 3 of 3, by about 20 points on average" in text
    assert "milder in your recent records than in your first ones (about 90 then, about 50 lately)" in text
    assert "You have come to believe your balanced thoughts more in recent records." in text
    assert "‘Overgeneralising’ has come up in 2 of your 3 records" in text
    table = only(result, "table")
    assert table["rows"] == [
        ["2 November 2026", 90, 70, 20],
        ["10 November 2026", 80, 60, 40],
        ["20 November 2026", 50, 30, 70],
    ]


def test_a_single_thought_record_has_no_over_time_part():
    result = run_ok("thought-record", records({"emotion-before": 80, "emotion-after": 50}))
    assert blocks_of(result, "table") == []


# ---- Goals plan ---------------------------------------------------------------------------------


def goal(**fields: Any) -> dict[str, Any]:
    return {"goals": [{key.replace("_", "-"): value for key, value in fields.items()}]}


def test_goals_plan_does_not_read_the_goals_back():
    result = run_ok(
        "goals-plan",
        goal(goal="Send two tailored applications", first_step="Open the job board", target_date="2026-12-12", status="in-progress"),
    )
    text = all_text(result)
    for echo in ("Specific:", "Measurable:", "Checks in place", "of 4"):
        assert echo not in text
    assert blocks_of(result, "list") == []  # nothing is missing


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"goal": "Get a job in marketing", "first_step": "x", "target_date": "2026-12-12"}, "rests partly on someone else's decision"),
        ({"goal": "Trouver un emploi", "first_step": "x", "target_date": "2026-12-12"}, "rests partly on someone else's decision"),
        ({"goal": "Send two applications", "target_date": "2026-12-12"}, "something small enough to do today or tomorrow"),
        ({"goal": "Send two applications", "first_step": "x", "target_date": "2026-11-01"}, "its date has passed"),
        ({"goal": "Apply for things", "first_step": "x", "target_date": "2026-12-12"}, "how will you know it is done?"),
        ({"goal": "Send two applications", "first_step": "x"}, "a rough date can stop it drifting"),
        ({"first_step": "x"}, "Goal 1 has no words yet"),
    ],
)
def test_goals_plan_points_out_only_what_would_help(fields, expected):
    suggestions = only(run_ok("goals-plan", goal(**fields)), "list")["items"]
    assert len(suggestions) == 1 and expected in suggestions[0]


@pytest.mark.parametrize(
    "words",
    ["Postuler chaque\u00a0jour", "Appeler quelqu’un par\u202fsemaine", "Écrire deux lettres", "Relancer hebdomadairement"],
)
def test_goals_plan_counts_a_goal_however_its_spaces_and_accents_were_typed(words):
    """Counting words are looked for in the folded text: a phone's no-break space is a space."""
    text = all_text(run_ok("goals-plan", goal(goal=words, first_step="x", target_date="2026-12-12")))
    assert "how will you know it is done?" not in text


def test_goals_plan_notices_what_is_in_place():
    answers = {
        "goals": [
            {"goal": "Send two applications", "first-step": "Shortlist", "steps": "2026-12-01 shortlist\n2026-12-03 apply"},
            {"goal": "Call three people", "first-step": "Call Jo", "status": "achieved"},
        ]
    }
    text = all_text(run_ok("goals-plan", answers))
    assert "Your goal has a first step." in text
    assert "Two steps have dates, so they go in your calendar file." in text
    assert "An achieved goal is worth noticing" in text


def test_goals_plan_notices_dates_bunched_in_one_week():
    answers = goal(goal="Apply twice", first_step="x", steps="2026-12-01 a\n2026-12-02 b\n2026-12-04 c")
    assert "Three of your dates fall in the same week, from 1 December 2026." in all_text(run_ok("goals-plan", answers))


def test_goals_plan_table_shows_full_titles_and_the_next_date():
    title = "Send two tailored applications to local charities by 15 December 2026 at the latest"
    table = only(run_ok("goals-plan", goal(goal=title, steps="2026-12-01 draft", target_date="2026-12-15")), "table")
    assert table["columns"] == ["Goal", "Target date", "Where it is", "Next date"]
    assert table["rows"] == [[title, "15 December 2026", "Not set", "1 December 2026"]]


def test_goals_plan_calendar_has_one_event_per_dated_open_goal_and_dated_step():
    answers = {
        "goals": [
            {"goal": "Send two applications", "target-date": "2026-12-12", "status": "in-progress",
             "steps": "2026-11-28: shortlist adverts\n- 2026-12-03 tailor CV\n05/12/2026 ask Jo\nno date here\n2026-02-30 impossible date\n"},
            {"goal": "Practise weekly", "target-date": "2026-12-20"},
            {"goal": "Old goal", "target-date": "2026-12-01", "status": "achieved", "steps": "2026-11-29 step"},
            {"goal": "Dropped", "target-date": "2026-12-02", "status": "no-longer-relevant"},
            {"goal": "No date"},
        ]
    }  # fmt: skip
    result = run_ok("goals-plan", answers)
    assert [(event["DTSTART;VALUE=DATE"], event["SUMMARY"]) for event in events_of(result)] == [
        ("20261128", "Step: shortlist adverts"),
        ("20261203", "Step: tailor CV"),
        ("20261205", "Step: ask Jo"),
        ("20261212", "Goal: Send two applications"),
        ("20261220", "Goal: Practise weekly"),
    ]
    assert only(result, "calendar")["filename"] == "onward-goals.ics"


def test_goals_plan_calendar_never_cuts_a_title_mid_date():
    title = "Send two tailored applications to local charities and the council by 15 December 2026 please, slowly"
    events = events_of(run_ok("goals-plan", goal(goal=title, target_date="2026-12-20")))
    assert events[0]["SUMMARY"] == f"Goal: {title}"
    assert shorten(title, 80) == "Send two tailored applications to local charities and the council…"


def test_goals_plan_has_no_calendar_when_nothing_is_dated():
    assert blocks_of(run_ok("goals-plan", goal(goal="Apply")), "calendar") == []


def test_goals_plan_uids_are_stable_and_change_with_content():
    first = events_of(run_ok("goals-plan", goal(goal="Apply", target_date="2026-12-12")))[0]["UID"]
    again = events_of(run_ok("goals-plan", goal(goal="Apply", target_date="2026-12-12", why="new")))[0]["UID"]
    moved = events_of(run_ok("goals-plan", goal(goal="Apply", target_date="2026-12-13")))[0]["UID"]
    assert first == again != moved
    assert re.fullmatch(r"[0-9a-f]{32}@onward", first)


def test_goals_plan_ics_escapes_and_folds_reader_text():
    title = "Call Zoë, Jürgen; then email\\write 😀 " + "x" * 80
    first_step = "Line one\nline two, " + "y" * 80
    result = run_ok("goals-plan", goal(goal=title, target_date="2026-12-12", first_step=first_step))
    ics = only(result, "calendar")["ics"]
    assert "\r\n " in ics
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


# ---- Shared helpers ------------------------------------------------------------------------------


def test_ics_escape_handles_backslash_semicolon_comma_and_newlines():
    assert ics_escape("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    assert ics_escape("bell\x07 tab\t") == "bell tab\t"


def test_ics_fold_keeps_lines_to_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "é" * 100 + "😀" * 30
    pieces = ics_fold(line).split("\r\n")
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


@pytest.mark.parametrize(
    ("words", "limit", "expected"),
    [
        ("short", 60, "short"),
        ("Apply for three graduate schemes by 15 December and ask Sam", 40, "Apply for three graduate schemes…"),
        ("Apply by 2026-12-15 to the council, the library and the museum", 16, "Apply…"),
        ("Écrire à Zoë avant le 3 décembre 2026 puis relancer", 30, "Écrire à Zoë…"),
    ],
)
def test_shorten_never_cuts_a_date_in_two(words, limit, expected):
    assert shorten(words, limit) == expected


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
    assert only(result, "next_steps")["items"][0] == {"text": "Cal: Send a short message", "target": "moving-forward#networking"}


def test_networking_plan_falls_back_to_the_earliest_passed_date():
    result = run_ok("networking-plan", people({"name": "Ada", "when": "2026-11-10"}, {"name": "Bea", "when": "2026-11-01"}))
    assert result["summary"].endswith("Next: Bea, by 1 November 2026.")
    assert "The date for Bea has passed, and moving it is fine." in texts(result, "paragraph")


def test_networking_plan_suggests_easier_asks_when_most_are_for_openings():
    result = run_ok("networking-plan", people({"name": "A", "ask": "opening"}, {"name": "B", "ask": "opening"}, {"name": "C", "ask": "advice"}))
    assert "Most of your asks are for ‘News of an opening’" in all_text(result)


def test_networking_plan_suggests_thanking_people_already_contacted():
    result = run_ok("networking-plan", people({"name": "Ada", "done": ["contacted"]}, {"name": "Bea", "done": ["contacted", "thanked"]}))
    assert any(text.startswith("A short thank-you to Ada") for text in steps_text(result))


def test_networking_plan_calendar_skips_people_already_contacted():
    answers = people(
        {"name": "Ada", "when": "2026-12-05", "ask": "advice", "next-step": "Coffee, maybe"},
        {"name": "Bea", "when": "2026-11-28", "done": ["contacted"]},
        {"name": "", "when": "2026-12-09"},
    )
    events = events_of(run_ok("networking-plan", answers))
    assert [(e["DTSTART;VALUE=DATE"], e["SUMMARY"]) for e in events] == [("20261205", "Get in touch: Ada"), ("20261209", "Get in touch: Person 3")]
    assert events[0]["DESCRIPTION"] == "Ask for: Advice\nNext step: Coffee, maybe"


def test_networking_plan_table_shows_each_person():
    table = only(run_ok("networking-plan", people({"name": "Ada", "ask": "opening", "done": ["thanked"]})), "table")
    assert table["rows"] == [["Ada", "News of an opening", "", "Thanked"]]


# ---- Learning plan ---------------------------------------------------------------------------------


def test_learning_plan_names_the_next_skill_due_that_is_not_done():
    answers = {
        "skills": [
            {"skill": "SQL", "by-when": "2026-12-20", "how": "course", "why": "Keeps coming up in adverts", "resource": "Free course"},
            {"skill": "Excel", "by-when": "2026-12-01", "progress": "done", "why": "x", "how": "reading"},
            {"skill": "Speaking", "by-when": "2027-01-15", "progress": "started", "why": "Feedback said so", "how": "practice"},
        ]
    }
    result = run_ok("learning-plan", answers)
    assert result["summary"] == "You are planning three skills. One is done. Next by date: ‘SQL’, by 20 December 2026."
    assert "‘SQL’ and ‘Speaking’ come from what employers or adverts asked for" in all_text(result)
    assert [e["SUMMARY"] for e in events_of(result)] == ["Learning: SQL", "Learning: Speaking"]
    assert steps_text(result)[0] == "Make a start on ‘SQL’ with Free course; even half an hour counts."


def test_learning_plan_notices_several_skills_due_at_once():
    answers = {"skills": [{"skill": name, "why": "x", "how": "course", "by-when": f"2026-12-{day}"} for name, day in (("A", "01"), ("B", "10"), ("C", "20"))]}
    assert "Three skills are due within a month of 1 December 2026." in all_text(run_ok("learning-plan", answers))


def test_learning_plan_invites_a_reason_for_a_skill_without_one():
    result = run_ok("learning-plan", {"skills": [{"skill": "SQL", "how": "course"}]})
    assert texts(result, "prompt")[0].startswith("Why ‘SQL’?")
    assert blocks_of(result, "calendar") == []


# ---- Self-care plan --------------------------------------------------------------------------------


def test_self_care_plan_suggests_practices_with_nothing_planned_yet():
    result = run_ok(
        "self-care-plan",
        {"mindfulness-what": "Breathing", "physical-activity-what": "Walk", "physical-activity-when": "After lunch"},
    )
    items = only(result, "next_steps")["items"]
    assert [item["text"].split(":")[0] for item in items] == ["‘Time with people you love’", "‘Hobbies and interests’"]
    assert all(item["target"] == "coping#self-care" for item in items)
    assert "You have not noted a time for ‘Mindfulness’." in all_text(result)
    assert "Breathing" not in all_text(result)  # the plan is not read back


def test_self_care_plan_points_professional_help_to_more_support():
    answers = {f"{p}-what": "x" for p in ("mindfulness", "physical-activity", "people-you-love")}
    assert [item["target"] for item in only(run_ok("self-care-plan", answers), "next_steps")["items"]] == ["coping#self-care", "coping#more-support"]


def test_self_care_plan_with_everything_planned_looks_ahead():
    answers = {f"{p}-what": "x" for p in ("mindfulness", "physical-activity", "people-you-love", "hobbies", "professional-help")}
    assert targets(run_ok("self-care-plan", answers)) == ["moving-forward#keep-looking-after-yourself"]


def test_self_care_check_ins_over_time_show_what_comes_easily_and_how_you_have_been():
    check_ins = [
        {"date": "2026-11-01", "small-things": ["water", "fresh-air"], "feeling": 3},
        {"date": "2026-11-03", "small-things": ["water"], "feeling": 3},
        {"date": "2026-11-05", "small-things": ["water", "fresh-air", "meal"], "feeling": 6},
        {"date": "2026-11-07", "small-things": ["water", "meal", "early-night"], "feeling": 7},
    ]
    text = all_text(run_ok("self-care-plan", {"check-ins": check_ins}))
    assert "What comes most easily: ‘Drink some water’ (in 4 of your 4 check-ins)." in text
    assert "Not ticked so far: ‘Take a few slow breaths’" in text
    assert "has lifted a little across your check-ins (about 3 out of 10 at first, about 7 lately)" in text
    assert "On days you managed three or more small things, you noted doing a little better (about 7 against 3)" in text


def test_self_care_plan_acknowledges_the_latest_check_in():
    result = run_ok("self-care-plan", {"check-ins": [{"small-things": ["water"]}]})
    assert "In your latest check-in you managed one small thing. One is plenty." in texts(result, "paragraph")


def test_self_care_plan_points_to_support_after_a_very_low_check_in():
    assert "coping#more-support" in targets(run_ok("self-care-plan", {"check-ins": [{"feeling": 1}]}))


# ---- Strengths ----------------------------------------------------------------------------------------


STRENGTHS = {
    "strengths": ["organised", "creative", "kind"],
    "accomplishments": [
        {"what-happened": "The rota kept collapsing", "what-i-did": "I planned a new schedule for twelve people", "what-it-shows": "I plan ahead"},
        {"what-happened": "Our stall at the fair", "what-i-did": "Kept going when it rained", "what-it-shows": ""},
    ],
    "what-others-say": "Always calm",
}


def test_strengths_sets_the_strengths_beside_the_examples_without_reading_them_back():
    result = run_ok("strengths", STRENGTHS)
    text = all_text(result)
    assert "Your examples already show ‘Organised’." in text
    assert "‘Creative’ and ‘Kind’ have no example yet" in text
    assert "Your examples also suggest ‘Determined’, which you did not tick." in text
    assert "This is a guess from your words" in text
    for typed in ("rota", "twelve people", "I plan ahead", "Always calm", "rained"):
        assert typed not in text
    assert only(result, "table")["rows"] == [["Organised", "1"], ["Creative", "–"], ["Kind", "–"]]


def test_strengths_says_which_accomplishments_are_ready_to_tell():
    text = all_text(run_ok("strengths", STRENGTHS))
    assert "One accomplishment has what happened, what you did and what it shows" in text
    assert "What does accomplishment 2 show about you?" in text


def test_strengths_asks_for_the_readers_own_part_first():
    result = run_ok("strengths", {"accomplishments": [{"what-happened": "Ran a stall"}]})
    assert texts(result, "prompt") == [
        "What was your own part in accomplishment 1? Interviewers listen for what you did, even when others were involved."
    ]


# ---- Interview self-review -------------------------------------------------------------------------


def test_interview_self_review_points_the_lowest_areas_to_their_guide_sections():
    result = run_ok("interview-self-review", {"preparation": 4, "research": 1, "nerves": 1, "questions-asked": 2})
    assert "researching the organisation and role and managing nerves" in result["summary"]
    items = only(result, "next_steps")["items"]
    assert items[0]["text"].startswith("Before the next interview, read the organisation's website")
    assert items[1]["text"].startswith("Nerves are normal")


def test_interview_self_review_puts_the_readers_own_practice_first():
    result = run_ok("interview-self-review", {"conveyed-qualifications": 2, "practise-next": "Say two examples out loud"})
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


# ---- Expressive writing --------------------------------------------------------------------------------


def test_expressive_writing_counts_sessions_and_never_quotes_the_writing():
    secret = "my private words about the panel"
    answers = {"sessions": [{"date": "2026-11-24", "writing": secret, "feeling-after": 6}, {"writing": "", "date": "", "feeling-after": None}]}
    result = run_ok("expressive-writing", answers)
    assert result["summary"].startswith("You have done one writing session.")
    assert secret not in all_text(result)


def test_expressive_writing_describes_the_feelings_before_and_after():
    answers = {
        "sessions": [
            {"date": "2026-11-25", "feeling-before": 3, "feeling-after": 7},
            {"date": "2026-11-22", "feeling-before": 5, "feeling-after": 4},
        ]
    }
    text = all_text(run_ok("expressive-writing", answers))
    assert "went from 4 to 7 out of 10" in text  # date order
    assert "In 1 of the 2 sessions where you noted both, you felt more settled after writing than before." in text
    assert "Your dated sessions fall within a week" in text


@pytest.mark.parametrize(("feelings", "pointer"), [([2, 6], True), ([6, 3], True), ([0], True), ([4, 8], False), ([], False)])
def test_expressive_writing_points_gently_to_more_support_when_feeling_after_is_low(feelings, pointer):
    answers = {"sessions": [{"writing": "x", "feeling-after": feeling} for feeling in feelings] or [{"writing": "x"}]}
    result = run_ok("expressive-writing", answers)
    assert ("coping#more-support" in targets(result)) is pointer
    text = all_text(result).lower()
    for alarming in ("crisis", "emergency", "danger", "urgent", "worry"):
        assert alarming not in text


# ---- Interview examples -----------------------------------------------------------------------------


def example(name: str = "", ready: int | None = None, **parts: str) -> dict[str, Any]:
    """One example; parts are given by field id with "_" for "-"."""
    entry: dict[str, Any] = {"name": name, **{key.replace("_", "-"): value for key, value in parts.items()}}
    if ready is not None:
        entry["ready"] = ready
    return entry


def run_ok_in_french(answers: dict[str, Any]) -> dict[str, Any]:
    request = {"worksheet": "interview-examples", "answers": answers, "today": TODAY, "language": "fr"}
    result = json.loads(onward_insights.run_json(json.dumps(request)))
    assert "error" not in result, result
    return result


WHOLE = {
    "situation": "Saturday job at a bakery, two people off sick.",
    "task": "Keep the counter open.",
    "action": "I took the orders, asked a regular to wait five minutes, and rang my manager for help.",
    "result": "We stayed open all day.",
}


def test_interview_examples_says_which_are_complete_and_what_each_still_needs_in_plain_words():
    answers = {"examples": [example("Bakery", 4, **WHOLE), example("Choir", situation="Our choir lost its venue.")]}
    result = run_ok("interview-examples", answers)
    assert result["summary"] == "You have started two examples. One of them has all four parts written."
    lists = {block["title"]: block["items"] for block in blocks_of(result, "list")}
    assert lists["With all four parts written"] == ["‘Bakery’"]
    assert lists["What each example still needs"] == ["‘Choir’: what you needed to do, what you did yourself and what came of it."]
    text = all_text(result)
    for typed in ("two people off sick", "rang my manager", "lost its venue", "stayed open"):
        assert typed not in text


def test_interview_examples_names_an_unnamed_example_by_its_place_in_the_form():
    result = run_ok("interview-examples", {"examples": [{}, example(situation="At the allotment")]})
    assert blocks_of(result, "list")[-1]["items"] == [
        "Example 2: what you needed to do, what you did yourself and what came of it."
    ]


def test_interview_examples_practises_first_the_complete_example_that_feels_least_ready():
    answers = {"examples": [example("Bakery", 4, **WHOLE), example("Shop", 2, **WHOLE), example("Club", 2, **WHOLE)]}
    assert texts(run_ok("interview-examples", answers), "paragraph")[0].startswith(
        "‘Shop’ may be the one to practise first: of your complete examples, it feels the least ready (2 out of 5)."
    )
    unrated = {"examples": [example("Bakery", **WHOLE)]}
    assert "since it has all four parts" in texts(run_ok("interview-examples", unrated), "paragraph")[0]
    ready = run_ok("interview-examples", {"examples": [example("Bakery", 5, **WHOLE), example("Shop", 4, **WHOLE)]})
    assert "practise first" not in all_text(ready)
    assert "Two examples already feel ready, or nearly, to say out loud." in only(ready, "list")["items"]


def test_interview_examples_with_none_complete_picks_the_nearest_to_finish():
    answers = {"examples": [example("Choir", situation="x"), example("Café", situation="x", task="y", result="z")]}
    assert "‘Café’ is the nearest to having all four parts" in all_text(run_ok("interview-examples", answers))
    one = run_ok("interview-examples", {"examples": [example("Café", situation="x")]})
    assert "nearest" not in all_text(one)


def test_interview_examples_notices_an_action_told_as_we_and_says_it_is_a_guess():
    we = {**WHOLE, "action": "We split the jobs, we rang round and our team sorted the rota together."}
    text = all_text(run_ok("interview-examples", {"examples": [example("Rota", **we)]}))
    assert "In ‘Rota’, the action seems to be told as “we”." in text
    assert "This is only a guess from your words." in text
    assert "told as “we”" not in all_text(run_ok("interview-examples", {"examples": [example("Bakery", **WHOLE)]}))
    nous = {**WHOLE, "action": "Nous avons appelé les clients un par un pour tout expliquer."}
    assert "«\u00a0nous\u00a0»" in all_text(run_ok_in_french({"examples": [example("Rappels", **nous)]}))


def test_interview_examples_notices_an_action_shorter_than_the_rest_of_the_story():
    short = {**WHOLE, "action": "I helped out."}
    text = all_text(run_ok("interview-examples", {"examples": [example("Bakery", **short)]}))
    assert "In ‘Bakery’, the action is shorter than another part." in text
    assert "shorter" not in all_text(run_ok("interview-examples", {"examples": [example("Bakery", **WHOLE)]}))


def test_interview_examples_guesses_which_common_questions_the_examples_suit():
    answers = {"examples": [example("Bakery", questions="a lot to do at once", **WHOLE)]}
    text = all_text(run_ok("interview-examples", answers))
    assert "Your examples seem to speak to having a lot to do at once." in text
    assert "also ask about solving a problem, working in a team, something that went wrong and dealing with a difficult person" in text
    assert "This is only a guess from your words." in text
    vague = {"examples": [example("Bakery", situation="Saturdays.", task="Serve.", action="I served.", result="Done.")]}
    assert "A few words under ‘Questions it could answer’" in all_text(run_ok("interview-examples", vague))


def test_interview_examples_points_to_practice_once_an_example_is_complete():
    assert targets(run_ok("interview-examples", {"examples": [example("Choir", situation="x")]})) == [
        "interview-practice#star-method",
        "interview-practice#question-bank",
    ]
    whole = run_ok("interview-examples", {"examples": [example("Bakery", **WHOLE)], "practise-with": "My brother"})
    assert targets(whole) == ["interview-practice#practise-out-loud", "interview-practice#question-bank"]
    assert steps_text(whole)[0].startswith("Ask the person you thought of")
    assert "My brother" not in all_text(whole)


def test_interview_examples_with_only_names_says_how_little_it_takes_to_begin():
    result = run_ok("interview-examples", {"examples": [example("Bakery", 5), example("Choir")]})
    assert texts(result, "prompt")[0].startswith("A sentence or two on where you were and what was happening")
    assert blocks_of(result, "list")[-1]["items"] == [
        "‘Bakery’: all four parts are still to write. It already feels ready to say, so a short note for each may be enough.",
        "‘Choir’: all four parts are still to write.",
    ]
    assert not [text for text in texts(result, "paragraph") if "guess" in text]
