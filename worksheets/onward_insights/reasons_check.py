"""Reasons check: which reasons the reader weighs most, with evidence and outside factors kept in view."""

from __future__ import annotations

from collections.abc import Sequence

from ._common import (
    LONG_TEXT,
    SHORT_TEXT,
    Answers,
    Block,
    Result,
    Step,
    bar_chart,
    check_answers,
    join_words,
    next_steps,
    paragraph,
    parse_today,
    prompt,
    result,
    scale,
    scale_field,
    shorten,
    text,
)

WORKSHEET = "reasons-check"

REASONS = ("skills-and-qualifications", "interview-performance", "cultural-fit", "competition", "salary-expectations")
REASON_LABELS = {
    "skills-and-qualifications": "Skills and qualifications",
    "interview-performance": "The interview itself",
    "cultural-fit": "Fit with the team",
    "competition": "Other candidates",
    "salary-expectations": "Salary expectations",
}
# What the guide's section on each reason offers, as a next step.
REASON_STEPS = {
    "skills-and-qualifications": "Ways to show the skills you have, and to start closing one gap that keeps coming up.",
    "interview-performance": "Interviews are a skill that grows with practice; some ways to practise.",
    "cultural-fit": "What ‘fit’ can mean, and how to judge whether a place would suit you too.",
    "competition": "When someone else was a closer match: what it does, and does not, say about you.",
    "salary-expectations": "Getting a sense of the usual pay range, and answering salary questions calmly.",
}
RATING_WORDS = ("not at all", "a little", "somewhat", "quite a lot", "a lot")
LOW, HIGH = 0, 4
# A reason has to be rated at least this high to be worth pointing to.
NOTABLE = 2

FIELDS = {
    "application": SHORT_TEXT,
    **{
        field_id: spec
        for reason in REASONS
        for field_id, spec in ((reason, scale_field(LOW, HIGH)), (f"{reason}-evidence", LONG_TEXT))
    },
    "other-factors": LONG_TEXT,
}


def insights(answers: Answers, today: str) -> Result:
    """Point to the guide section for the reasons rated highest, and keep 'guesses, not verdicts' in view."""
    check_answers(answers, FIELDS)
    parse_today(today)
    ratings = rated(answers)
    top = top_reasons(ratings)
    other_factors = text(answers, "other-factors")
    blocks: list[Block | None] = [
        paragraph(
            "Whatever you have marked, these are guesses, not verdicts. Employers rarely share the full picture, "
            "and several reasons often play a part at once."
        ),
        ratings_chart(ratings) if ratings else None,
        top_paragraph(ratings, top),
        *evidence_prompts(answers, top),
        other_factors_paragraph(other_factors),
        next_steps("Where you might look next", steps(top, bool(ratings), other_factors)),
    ]
    return result(WORKSHEET, summary(answers, ratings, top), blocks)


def rated(answers: Answers) -> list[tuple[str, int]]:
    """The reasons the reader rated, in form order."""
    return [(reason, value) for reason in REASONS if (value := scale(answers, reason, LOW, HIGH)) is not None]


def top_reasons(ratings: Sequence[tuple[str, int]]) -> list[str]:
    """Up to two reasons sharing the highest rating, when that rating is at least 'somewhat'."""
    if not ratings:
        return []
    highest = max(value for _, value in ratings)
    if highest < NOTABLE:
        return []
    return [reason for reason, value in ratings if value == highest][:2]


def summary(answers: Answers, ratings: Sequence[tuple[str, int]], top: Sequence[str]) -> str:
    """The reasons weighed most, framed as a guess."""
    application = text(answers, "application")
    about = f" for {shorten(application, 60)}" if application else ""
    if not ratings:
        return f"Nothing is rated yet{about}. Going through the reasons one at a time, when you feel ready, tends to give a fairer picture."
    if not top:
        return f"None of the reasons stands out much{about}. Sometimes the decision rests on things you may never see."
    names = join_words([REASON_LABELS[reason].lower() for reason in top])
    return f"Your best guess{about} is that {names} may have played the biggest part. A guess, not a verdict."


def ratings_chart(ratings: Sequence[tuple[str, int]]) -> Block:
    """A bar chart of the ratings, with a matching table."""
    described = join_words([f"{REASON_LABELS[reason].lower()}: {value}" for reason, value in ratings])
    return bar_chart(
        f"{WORKSHEET}-ratings",
        "How much each reason might have played a part",
        f"Your ratings from 0 (not at all) to 4 (a lot): {described}.",
        [REASON_LABELS[reason] for reason, _ in ratings],
        [value for _, value in ratings],
        ["Reason", "Rating (0 to 4)"],
        scale_max=HIGH,
    )


def top_paragraph(ratings: Sequence[tuple[str, int]], top: Sequence[str]) -> Block | None:
    """Say which reasons were rated highest, or that none stands out."""
    if not ratings:
        return None
    if not top:
        return paragraph(
            "You rated every reason as playing little or no part. That can be a fair reading: some decisions "
            "come down to things outside your control."
        )
    value = dict(ratings)[top[0]]
    names = join_words([REASON_LABELS[reason].lower() for reason in top])
    return paragraph(
        f"You rated {names} highest, at {value} out of {HIGH} ({RATING_WORDS[value]}). If the same reason keeps "
        "coming up across several applications, it may be worth working on; one application on its own is only "
        "one data point."
    )


def evidence_prompts(answers: Answers, top: Sequence[str]) -> list[Block]:
    """Where a highly rated reason has no evidence noted, ask what is actually known."""
    return [
        prompt(
            f"What do you actually know about {REASON_LABELS[reason].lower()}? The advert, the questions you were "
            "asked and anything they told you all count, and so does having no evidence either way."
        )
        for reason in top
        if not text(answers, f"{reason}-evidence")
    ]


def other_factors_paragraph(other_factors: str) -> Block | None:
    """Acknowledge the things outside the reader's control they noted."""
    if not other_factors:
        return None
    return paragraph(
        "You also noted things outside your control. They can matter as much as anything on the list above."
    )


def steps(top: Sequence[str], any_rated: bool, other_factors: str) -> list[Step]:
    """The guide section for each top reason, reasons that are never shared, and the log for spotting patterns."""
    found = [Step(REASON_STEPS[reason], f"reasons#{reason}") for reason in top]
    if not top or other_factors:
        found.append(
            Step(
                "Reasons you may never be told, from internal candidates to budgets.",
                "reasons#reasons-you-may-never-see",
            )
        )
    if any_rated:
        found.append(
            Step(
                "Note this application in your rejection log, to see whether a reason keeps coming up.",
                "worksheets/rejection-log",
            )
        )
    return found
