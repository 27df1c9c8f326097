"""Interview self-review: the areas rated lowest point to one or two things to practise, with what went well kept in view."""

from __future__ import annotations

from collections.abc import Sequence

from ._common import (
    DATE,
    LONG_TEXT,
    SHORT_TEXT,
    Answers,
    Block,
    Result,
    Step,
    check_answers,
    date_answer,
    join_words,
    long_date,
    next_steps,
    paragraph,
    parse_today,
    prompt,
    result,
    scale,
    scale_field,
    shorten,
    table,
    text,
)

WORKSHEET = "interview-self-review"

AREAS = ("preparation", "conveyed-qualifications", "questions-asked", "research", "nerves")
AREA_LABELS = {
    "preparation": "Preparation",
    "conveyed-qualifications": "Getting your qualifications and experience across",
    "questions-asked": "Asking your own questions",
    "research": "Researching the organisation and role",
    "nerves": "Managing nerves",
}
# One practical step per area, and the guide section that explains it.
AREA_STEPS = {
    "preparation": Step(
        "Prepare a handful of short examples you can adapt to many questions, and say them out loud.",
        "learning#improving-interview-skills",
    ),
    "conveyed-qualifications": Step(
        "For each requirement in the advert that you meet, note one real example you could talk about next time.",
        "reasons#skills-and-qualifications",
    ),
    "questions-asked": Step(
        "Have two or three questions ready about the role, the team or how success is measured.",
        "learning#improving-interview-skills",
    ),
    "research": Step(
        "Before the next interview, read the organisation's website, recent news and the advert closely.",
        "learning#improving-interview-skills",
    ),
    "nerves": Step(
        "Nerves are normal. A slow breath before answering, and a glass of water nearby, can help.",
        "learning#improving-interview-skills",
    ),
}
LOW, HIGH = 1, 5
# Areas rated at or below this are worth practising.
PRACTISE_AT_OR_BELOW = 3

FIELDS = {
    "role": SHORT_TEXT,
    "organisation": SHORT_TEXT,
    "interview-date": DATE,
    **{
        field_id: spec
        for area in AREAS
        for field_id, spec in ((area, scale_field(LOW, HIGH)), (f"{area}-note", LONG_TEXT))
    },
    "went-well": LONG_TEXT,
    "hardest-question": LONG_TEXT,
    "practise-next": LONG_TEXT,
}


def insights(answers: Answers, today: str) -> Result:
    """Turn the review into one or two things to practise, pointing to the guide sections behind them."""
    check_answers(answers, FIELDS)
    parse_today(today)
    ratings = rated(answers)
    lowest = lowest_areas(ratings)
    blocks: list[Block | None] = [
        ratings_table(ratings) if ratings else None,
        lowest_paragraph(ratings, lowest),
        went_well_block(answers),
        hardest_question_paragraph(answers),
        next_steps("One or two things to practise", steps(answers, ratings, lowest)),
    ]
    return result(WORKSHEET, summary(answers, ratings, lowest), blocks)


def rated(answers: Answers) -> list[tuple[str, int]]:
    """The areas the reader rated, in form order."""
    return [(area, value) for area in AREAS if (value := scale(answers, area, LOW, HIGH)) is not None]


def lowest_areas(ratings: Sequence[tuple[str, int]]) -> list[str]:
    """Up to two areas sharing the lowest rating, when it is 3 or below."""
    if not ratings:
        return []
    lowest = min(value for _, value in ratings)
    if lowest > PRACTISE_AT_OR_BELOW:
        return []
    return [area for area, value in ratings if value == lowest][:2]


def interview_name(answers: Answers) -> str:
    """'the interview for Data analyst at Acme on 20 November 2026', or as much of it as is known."""
    role = text(answers, "role")
    organisation = text(answers, "organisation")
    day = date_answer(answers, "interview-date")
    name = "the interview"
    if role:
        name += f" for {shorten(role, 50)}"
    if organisation:
        name += f" at {shorten(organisation, 50)}"
    if day:
        name += f" on {long_date(day)}"
    return name


def summary(answers: Answers, ratings: Sequence[tuple[str, int]], lowest: Sequence[str]) -> str:
    """What the review points to, said kindly."""
    about = interview_name(answers)
    if not ratings and not text(answers, "practise-next"):
        for_what = "" if about == "the interview" else f" for {about}"
        return (
            f"Nothing is rated yet{for_what}. When you feel settled, a short, kind look back can turn it into "
            "one or two things to practise."
        )
    if lowest:
        areas = join_words([AREA_LABELS[area].lower() for area in lowest])
        return (
            f"Looking back at {about}, {areas} may be the most useful to practise next. One thing at a time is plenty."
        )
    if ratings:
        return f"Looking back at {about}, you rated every area fairly well. The difference may have been small, or outside your control."
    return f"Looking back at {about}, you have chosen one thing to practise next."


def ratings_table(ratings: Sequence[tuple[str, int]]) -> Block:
    """The ratings side by side."""
    return table(
        "How you rated each area",
        ["Area", f"Rating ({LOW} to {HIGH})"],
        [[AREA_LABELS[area], value] for area, value in ratings],
    )


def lowest_paragraph(ratings: Sequence[tuple[str, int]], lowest: Sequence[str]) -> Block | None:
    """Name the lowest areas as things to practise, not as faults, and notice the strongest one."""
    if not ratings:
        return None
    highest = max(value for _, value in ratings)
    strongest = [AREA_LABELS[area].lower() for area, value in ratings if value == highest][:2]
    strong = (
        f" You rated {join_words(strongest)} highest, which is worth keeping." if highest > PRACTISE_AT_OR_BELOW else ""
    )
    if not lowest:
        return paragraph(
            "None of the areas stands out as a weak spot. Asking for feedback may show what made the difference, "
            "if you would like to know." + strong
        )
    areas = join_words([AREA_LABELS[area].lower() for area in lowest])
    skill = "These are skills" if len(lowest) > 1 else "That is a skill"
    return paragraph(f"You rated {areas} lowest. {skill} to practise, like any other, not a verdict on you.{strong}")


def went_well_block(answers: Answers) -> Block | None:
    """Keep what went well in view, or invite it when it is missing."""
    if text(answers, "went-well"):
        return paragraph("You noted what went well. It belongs in the picture as much as anything that was hard.")
    if rated(answers) or text(answers, "hardest-question"):
        return prompt(
            "What went well? An answer you were pleased with, a good moment with the panel, or simply that you "
            "turned up and did it all count."
        )
    return None


def hardest_question_paragraph(answers: Answers) -> Block | None:
    """Note that writing down the hard question makes it easier next time."""
    if not text(answers, "hardest-question"):
        return None
    return paragraph(
        "Writing down the question that threw you means you can prepare for something like it next time, "
        "perhaps by saying an answer out loud once or twice."
    )


def steps(answers: Answers, ratings: Sequence[tuple[str, int]], lowest: Sequence[str]) -> list[Step]:
    """The reader's own chosen practice first, then the lowest areas' steps, or feedback when nothing is low."""
    found: list[Step] = []
    practise = text(answers, "practise-next")
    if practise:
        found.append(
            Step(f"Your one thing to practise: {shorten(practise, 140)}", "learning#improving-interview-skills")
        )
    found.extend(AREA_STEPS[area] for area in lowest)
    if "nerves" in lowest:
        found.append(
            Step(
                "If looking back stirs up strong feelings, a short self-compassion pause can help.",
                "coping#self-compassion-pause",
            )
        )
    if ratings and not lowest:
        found.append(
            Step(
                "A short, polite request for feedback may show what made the difference.", "worksheets/feedback-request"
            )
        )
    if not found:
        found.append(
            Step("Kind questions to look back on the interview, one at a time.", "learning#reflection-questions")
        )
    return found[:3]
