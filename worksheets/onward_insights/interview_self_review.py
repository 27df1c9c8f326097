"""Interview self-review: the areas rated lowest point to one or two things to practise, with what went well kept in view.

The areas are the form's rated questions, each with a notes question beside it; the names
used for them in sentences, and the step that helps each, are this module's own words.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._answers import Answers, check_answers, date_answer, parse_today, ratings as scale_answers, text
from ._blocks import Block, Result, Step, next_steps, paragraph, prompt, result, table
from ._facts import field_at, fields_of
from ._i18n import N_, _, capitalise, join_words, long_date, shorten

WORKSHEET = "interview-self-review"
# How each rated area reads in a sentence, by its field id.
AREA_NAMES = {
    "preparation": N_("preparation"),
    "conveyed-qualifications": N_("getting your qualifications and experience across"),
    "questions-asked": N_("asking your own questions"),
    "research": N_("researching the organisation and role"),
    "nerves": N_("managing nerves"),
}
# One practical step per area, and the guide section that explains it.
AREA_STEPS = {
    "preparation": (
        N_("Prepare a handful of short examples you can adapt to many questions, and say them out loud."),
        "learning#improving-interview-skills",
    ),
    "conveyed-qualifications": (
        N_("For each requirement in the advert that you meet, note one real example you could talk about next time."),
        "reasons#skills-and-qualifications",
    ),
    "questions-asked": (
        N_("Have two or three questions ready about the role, the team or how success is measured."),
        "learning#improving-interview-skills",
    ),
    "research": (
        N_("Before the next interview, read the organisation's website, recent news and the advert closely."),
        "learning#improving-interview-skills",
    ),
    "nerves": (
        N_("Nerves are normal. A slow breath before answering, and a glass of water nearby, can help."),
        "learning#improving-interview-skills",
    ),
}
# Areas rated at or below this are worth practising (on the form's 1 to 5).
PRACTISE_AT_OR_BELOW = 3


def areas() -> list[str]:
    """The rated areas the form asks about, in form order."""
    return [key for key, spec in fields_of(WORKSHEET).items() if spec.type == "scale"]


def area_name(area: str) -> str:
    """An area's name for a sentence: this module's words, or the form's question for an area it does not know."""
    return _(AREA_NAMES[area]) if area in AREA_NAMES else field_at(WORKSHEET, area).label


def insights(answers: Answers, today: str) -> Result:
    """Turn the review into one or two things to practise, pointing to the guide sections behind them."""
    check_answers(answers, fields_of(WORKSHEET))
    parse_today(today)
    ratings = rated(answers)
    lowest = lowest_areas(ratings)
    blocks: list[Block | None] = [
        ratings_table(ratings) if ratings else None,
        lowest_paragraph(ratings, lowest),
        went_well_block(answers, ratings),
        hardest_question_paragraph(answers),
        next_steps(_("One or two things to practise"), steps(answers, ratings, lowest)),
    ]
    return result(WORKSHEET, summary(answers, ratings, lowest), blocks)


def rated(answers: Answers) -> list[tuple[str, int]]:
    """The areas the reader rated, in form order."""
    return scale_answers(answers, fields_of(WORKSHEET), areas())


def lowest_areas(ratings: Sequence[tuple[str, int]]) -> list[str]:
    """Up to two areas sharing the lowest rating, when it is 3 or below."""
    if not ratings:
        return []
    lowest = min(value for _area, value in ratings)
    if lowest > PRACTISE_AT_OR_BELOW:
        return []
    return [area for area, value in ratings if value == lowest][:2]


def interview_name(answers: Answers) -> str:
    """'the interview for Data analyst at Acme on 20 November 2026', or as much of it as is known."""
    role = shorten(text(answers, "role"), 50)
    organisation = shorten(text(answers, "organisation"), 50)
    day = date_answer(answers, "interview-date")
    when = long_date(day) if day else ""
    if role and organisation and when:
        return _("the interview for %(role)s at %(organisation)s on %(date)s", role=role, organisation=organisation, date=when)
    if role and organisation:
        return _("the interview for %(role)s at %(organisation)s", role=role, organisation=organisation)
    if role and when:
        return _("the interview for %(role)s on %(date)s", role=role, date=when)
    if organisation and when:
        return _("the interview at %(organisation)s on %(date)s", organisation=organisation, date=when)
    if role:
        return _("the interview for %(role)s", role=role)
    if organisation:
        return _("the interview at %(organisation)s", organisation=organisation)
    if when:
        return _("the interview on %(date)s", date=when)
    return _("the interview")


def summary(answers: Answers, ratings: Sequence[tuple[str, int]], lowest: Sequence[str]) -> str:
    """What the review points to, said kindly."""
    about = interview_name(answers)
    if not ratings and not text(answers, "practise-next"):
        return _(
            "Nothing is rated yet for %(interview)s. When you feel settled, a short, kind look back can turn it into "
            "one or two things to practise.",
            interview=about,
        )
    if lowest:
        return _(
            "Looking back at %(interview)s, %(areas)s may be the most useful to practise next. One thing at a time "
            "is plenty.",
            interview=about,
            areas=join_words([area_name(area) for area in lowest]),
        )
    if ratings:
        return _(
            "Looking back at %(interview)s, you rated every area fairly well. The difference may have been small, "
            "or outside your control.",
            interview=about,
        )
    return _("Looking back at %(interview)s, you have chosen one thing to practise next.", interview=about)


def ratings_table(ratings: Sequence[tuple[str, int]]) -> Block:
    """The ratings side by side."""
    low = min(field_at(WORKSHEET, area).low for area, _value in ratings)
    high = max(field_at(WORKSHEET, area).high for area, _value in ratings)
    return table(
        _("How you rated each area"),
        [_("Area"), _("Rating (%(low)s to %(high)s)", low=low, high=high)],
        [[capitalise(area_name(area)), value] for area, value in ratings],
    )


def lowest_paragraph(ratings: Sequence[tuple[str, int]], lowest: Sequence[str]) -> Block | None:
    """Name the lowest areas as things to practise, not as faults, and notice the strongest one."""
    if not ratings:
        return None
    highest = max(value for _area, value in ratings)
    strongest = [area_name(area) for area, value in ratings if value == highest][:2]
    strong = (
        _("You rated %(areas)s highest, which is worth keeping.", areas=join_words(strongest))
        if highest > PRACTISE_AT_OR_BELOW
        else ""
    )
    if not lowest:
        words = _(
            "None of the areas stands out as a weak spot. Asking for feedback may show what made the difference, if "
            "you would like to know."
        )
    elif len(lowest) == 1:
        words = _(
            "You rated %(areas)s lowest. That is a skill to practise, like any other, not a verdict on you.",
            areas=area_name(lowest[0]),
        )
    else:
        words = _(
            "You rated %(areas)s lowest. These are skills to practise, like any other, not a verdict on you.",
            areas=join_words([area_name(area) for area in lowest]),
        )
    return paragraph(f"{words} {strong}".strip())


def went_well_block(answers: Answers, ratings: Sequence[tuple[str, int]]) -> Block | None:
    """Keep what went well in view, or invite it when it is missing."""
    if text(answers, "went-well"):
        return paragraph(_("You noted what went well. It belongs in the picture as much as anything that was hard."))
    if ratings or text(answers, "hardest-question"):
        return prompt(
            _(
                "What went well? An answer you were pleased with, a good moment with the panel, or simply that you "
                "turned up and did it all count."
            )
        )
    return None


def hardest_question_paragraph(answers: Answers) -> Block | None:
    """Note that writing down the hard question makes it easier next time."""
    if not text(answers, "hardest-question"):
        return None
    return paragraph(
        _(
            "Writing down the question that threw you means you can prepare for something like it next time, "
            "perhaps by saying an answer out loud once or twice."
        )
    )


def steps(answers: Answers, ratings: Sequence[tuple[str, int]], lowest: Sequence[str]) -> list[Step]:
    """The reader's own chosen practice first, then the lowest areas' steps, or feedback when nothing is low."""
    found: list[Step] = []
    practise = text(answers, "practise-next")
    if practise:
        found.append(
            Step(
                _("Your one thing to practise: %(practice)s", practice=shorten(practise, 140)),
                "learning#improving-interview-skills",
            )
        )
    found.extend(Step(_(AREA_STEPS[area][0]), AREA_STEPS[area][1]) for area in lowest if area in AREA_STEPS)
    if "nerves" in lowest:
        found.append(
            Step(_("If looking back stirs up strong feelings, a short self-compassion pause can help."), "coping#self-compassion-pause")
        )
    if ratings and not lowest:
        found.append(
            Step(_("A short, polite request for feedback may show what made the difference."), "worksheets/feedback-request")
        )
    if not found:
        found.append(Step(_("Kind questions to look back on the interview, one at a time."), "learning#reflection-questions"))
    return found[:3]
