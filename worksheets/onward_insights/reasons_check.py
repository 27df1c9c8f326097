"""Reasons check: which reasons the reader weighs most, with evidence and outside factors kept in view.

The reasons are the form's own rated questions ("Skills and qualifications: how much might
this have played a part?"), each with an evidence question beside it. The things noted as
outside the reader's control are read for common reasons (a budget, an internal candidate),
a guess from the words that is said as one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._answers import Answers, check_answers, parse_today, ratings as scale_answers, text
from ._blocks import Block, Result, Step, bar_chart, next_steps, paragraph, prompt, result
from ._employer import OUTSIDE, REASONS as EMPLOYER_REASONS
from ._facts import field_at, fields_of, is_known_target
from ._i18n import N_, _, join_words, quoted, shorten
from ._reading import found_cues

WORKSHEET = "reasons-check"
# A reason has to be rated at least this high to be worth pointing to.
NOTABLE = 2
# What the guide's section on each reason offers, as a next step (by the rated field's id).
REASON_STEPS = {
    "skills-and-qualifications": N_("Ways to show the skills you have, and to start closing one gap that keeps coming up."),
    "interview-performance": N_("Interviews are a skill that grows with practice; some ways to practise."),
    "cultural-fit": N_("What ‘fit’ can mean, and how to judge whether a place would suit you too."),
    "competition": N_("When someone else was a closer match: what it does, and does not, say about you."),
    "salary-expectations": N_("Getting a sense of the usual pay range, and answering salary questions calmly."),
}


def reasons() -> list[str]:
    """The reasons the form asks about: its rated questions, each with an "-evidence" question."""
    fields = fields_of(WORKSHEET)
    return [key for key, spec in fields.items() if spec.type == "scale" and f"{key}-evidence" in fields]


def reason_name(reason: str) -> str:
    """A reason as the form names it: its question up to the colon."""
    label = field_at(WORKSHEET, reason).label
    return label.split(":")[0].strip() or label


def rating_words(value: int) -> str:
    """How much a rating says, in words."""
    return (
        _("not at all"),
        _("a little"),
        _("somewhat"),
        _("quite a lot"),
        _("a lot"),
    )[min(value, 4)]


def insights(answers: Answers, today: str) -> Result:
    """Point to the guide section for the reasons rated highest, and keep 'guesses, not verdicts' in view."""
    check_answers(answers, fields_of(WORKSHEET))
    parse_today(today)
    ratings = rated(answers)
    top = top_reasons(ratings)
    other_factors = text(answers, "other-factors")
    blocks: list[Block | None] = [
        paragraph(
            _(
                "Whatever you have marked, these are guesses, not verdicts. Employers rarely share the full picture, "
                "and several reasons often play a part at once."
            )
        ),
        ratings_chart(ratings) if ratings else None,
        top_paragraph(ratings, top),
        *evidence_prompts(answers, top),
        other_factors_paragraph(other_factors),
        next_steps(_("Where you might look next"), steps(top, bool(ratings), other_factors)),
    ]
    return result(WORKSHEET, summary(answers, ratings, top), blocks)


def rated(answers: Answers) -> list[tuple[str, int]]:
    """The reasons the reader rated, in form order."""
    return scale_answers(answers, fields_of(WORKSHEET), reasons())


def top_reasons(ratings: Sequence[tuple[str, int]]) -> list[str]:
    """Up to two reasons sharing the highest rating, when that rating is at least 'somewhat'."""
    if not ratings:
        return []
    highest = max(value for _reason, value in ratings)
    if highest < NOTABLE:
        return []
    return [reason for reason, value in ratings if value == highest][:2]


def summary(answers: Answers, ratings: Sequence[tuple[str, int]], top: Sequence[str]) -> str:
    """The reasons weighed most, framed as a guess."""
    application = shorten(text(answers, "application"), 60)
    if not ratings:
        if application:
            return _(
                "Nothing is rated yet for %(application)s. Going through the reasons one at a time, when you feel "
                "ready, tends to give a fairer picture.",
                application=application,
            )
        return _(
            "Nothing is rated yet. Going through the reasons one at a time, when you feel ready, tends to give a "
            "fairer picture."
        )
    if not top:
        if application:
            return _(
                "None of the reasons stands out much for %(application)s. Sometimes the decision rests on things "
                "you may never see.",
                application=application,
            )
        return _("None of the reasons stands out much. Sometimes the decision rests on things you may never see.")
    names = join_words([quoted(reason_name(reason)) for reason in top])
    if application:
        return _(
            "Your best guess for %(application)s is that %(reasons)s may have played the biggest part. A guess, not "
            "a verdict.",
            application=application,
            reasons=names,
        )
    return _("Your best guess is that %(reasons)s may have played the biggest part. A guess, not a verdict.", reasons=names)


def ratings_chart(ratings: Sequence[tuple[str, int]]) -> Block:
    """A bar chart of the ratings, with a matching table."""
    high = max(field_at(WORKSHEET, reason).high for reason, _value in ratings)
    described = join_words([_("%(reason)s: %(rating)s", reason=reason_name(reason), rating=value) for reason, value in ratings])
    return bar_chart(
        f"{WORKSHEET}-ratings",
        _("How much each reason might have played a part"),
        _("Your ratings from 0 (not at all) to %(high)s (a lot): %(ratings)s.", high=high, ratings=described),
        [reason_name(reason) for reason, _value in ratings],
        [value for _reason, value in ratings],
        [_("Reason"), _("Rating (0 to %(high)s)", high=high)],
        scale_max=high,
    )


def top_paragraph(ratings: Sequence[tuple[str, int]], top: Sequence[str]) -> Block | None:
    """Say which reasons were rated highest, or that none stands out."""
    if not ratings:
        return None
    if not top:
        return paragraph(
            _(
                "You rated every reason as playing little or no part. That can be a fair reading: some decisions "
                "come down to things outside your control."
            )
        )
    value = dict(ratings)[top[0]]
    return paragraph(
        _(
            "You rated %(reasons)s highest, at %(value)s out of %(high)s (%(words)s). If the same reason keeps coming "
            "up across several applications, it may be worth working on; one application on its own is only one "
            "data point.",
            reasons=join_words([quoted(reason_name(reason)) for reason in top]),
            value=value,
            high=field_at(WORKSHEET, top[0]).high,
            words=rating_words(value),
        )
    )


def evidence_prompts(answers: Answers, top: Sequence[str]) -> list[Block]:
    """Where a highly rated reason has no evidence noted, ask what is actually known."""
    return [
        prompt(
            _(
                "What do you actually know about %(reason)s? The advert, the questions you were asked and anything "
                "they told you all count, and so does having no evidence either way.",
                reason=quoted(reason_name(reason)),
            )
        )
        for reason in top
        if not text(answers, f"{reason}-evidence")
    ]


def other_factors_paragraph(other_factors: str) -> Block | None:
    """Acknowledge the things outside the reader's control, naming the common ones the words suggest."""
    if not other_factors:
        return None
    found = [reason for reason in EMPLOYER_REASONS if reason.kind == OUTSIDE and found_cues(other_factors, reason.cues)]
    if found:
        return paragraph(
            _(
                "You also noted things outside your control, such as %(reasons)s (a guess from your words). They can "
                "matter as much as anything on the list above.",
                reasons=join_words([_(reason.name) for reason in found[:3]]),
            )
        )
    return paragraph(
        _("You also noted things outside your control. They can matter as much as anything on the list above.")
    )


def steps(top: Sequence[str], any_rated: bool, other_factors: str) -> list[Step]:
    """The guide section for each top reason, reasons that are never shared, and the log for spotting patterns."""
    found = [
        Step(_(REASON_STEPS[reason]), f"reasons#{reason}")
        for reason in top
        if reason in REASON_STEPS and is_known_target(f"reasons#{reason}")
    ]
    if not top or other_factors:
        found.append(
            Step(_("Reasons you may never be told, from internal candidates to budgets."), "reasons#reasons-you-may-never-see")
        )
    if any_rated:
        found.append(
            Step(
                _("Note this application in your rejection log, to see whether a reason keeps coming up."),
                "worksheets/rejection-log",
            )
        )
    return found
