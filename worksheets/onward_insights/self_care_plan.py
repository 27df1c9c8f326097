"""Self-care plan: what the check-ins show over time, what the plan still lacks, and one or two gentle ideas.

Check-ins are dated entries kept over time: which small things come easily and which rarely
happen, and how the reader has been doing, when they chose to say. The plan's practices
(mindfulness, activity, time with people, hobbies, professional help) come from the form's
own "what" and "when" questions. Nothing is asked of the reader; blank boxes are fine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._answers import Answers, Entry, check_answers, choices, filled_entries, in_time_order
from ._answers import parse_today, scale, text
from ._blocks import Block, Result, Step, next_steps, paragraph, result
from ._facts import field_at, fields_of
from ._i18n import N_, _, join_words, ngettext, number_word, quoted
from ._trends import direction, halves, rounded_average

WORKSHEET = "self-care-plan"
GROUP = "check-ins"
LOW_FEELING = 2  # at or below, on 0 (very low) to 10 (fine)
MANY_SMALL_THINGS = 3

# A small idea for each practice the form asks about, by the start of its field ids.
PRACTICE_IDEAS = {
    "mindfulness": N_("a few minutes of slow breathing, or noticing five things you can see around you"),
    "physical-activity": N_("a short walk, a swim or some stretching; anything that gets you moving counts"),
    "people-you-love": N_("a call, a meal or a walk with someone; you do not have to talk about work"),
    "hobbies": N_("something you enjoy for its own sake, such as cooking, music, reading or gardening"),
    "professional-help": N_("a chat with a doctor, a counsellor or a careers adviser, if that would help"),
}


@dataclass(frozen=True)
class CheckIn:
    number: int
    small_things: tuple[str, ...]
    feeling: int | None


def practices() -> list[str]:
    """The practices the plan asks about: each top-level "X-what" question (with its "X-when")."""
    return [key.removesuffix("-what") for key in fields_of(WORKSHEET) if key.endswith("-what")]


def practice_name(practice: str) -> str:
    """A practice as the form names it: the part of its question before the colon."""
    label = field_at(WORKSHEET, f"{practice}-what").label
    return quoted(label.split(":")[0].strip() or label)


def read(entry: Entry) -> CheckIn:
    group = field_at(WORKSHEET, GROUP)
    feeling = group.fields["feeling"]
    return CheckIn(
        entry.number,
        tuple(choices(entry, "small-things", group.fields["small-things"].options)),
        scale(entry, "feeling", feeling.low, feeling.high),
    )


def insights(answers: Answers, today: str) -> Result:
    """What the check-ins show, what the plan holds, and a practice or two to add, without pressure."""
    check_answers(answers, fields_of(WORKSHEET))
    parse_today(today)
    ordered, _by_date = in_time_order(filled_entries(answers, GROUP, field_at(WORKSHEET, GROUP).fields))
    check_ins = [read(entry) for entry in ordered]
    planned = [practice for practice in practices() if text(answers, f"{practice}-what")]
    unplanned = [practice for practice in practices() if practice not in planned]
    blocks: list[Block | None] = [
        latest_paragraph(check_ins),
        small_things_paragraph(check_ins),
        feeling_paragraph(check_ins),
        plan_paragraph(answers, planned),
        next_steps(_("Small things you might add"), steps(planned, unplanned, check_ins)),
    ]
    return result(WORKSHEET, summary(check_ins, planned, ordered), blocks)


def summary(check_ins: Sequence[CheckIn], planned: Sequence[str], ordered: Sequence[Entry]) -> str:
    """What is in place so far, with no suggestion that more is needed."""
    if not check_ins and not planned:
        return _("Nothing is planned yet, and that is fine. One small, realistic thing is plenty to begin with.")
    parts: list[str] = []
    if check_ins:
        parts.append(
            ngettext("You have checked in once.", "You have checked in %(count)s times.", len(check_ins), count=number_word(len(check_ins)))
        )
    if planned:
        parts.append(
            ngettext(
                "Your plan has something for one practice.",
                "Your plan has something for %(count)s practices.",
                len(planned),
                count=number_word(len(planned)),
            )
        )
    parts.append(_("Blank boxes are fine; choose whatever fits your life."))
    return " ".join(parts)


def latest_paragraph(check_ins: Sequence[CheckIn]) -> Block | None:
    """Acknowledge the small things done in the latest check-in; one is plenty."""
    if not check_ins:
        return None
    count = len(check_ins[-1].small_things)
    if count == 0:
        return None
    return paragraph(
        ngettext(
            "In your latest check-in you managed one small thing. One is plenty.",
            "In your latest check-in you managed %(count)s small things. Each of them counts.",
            count,
            count=number_word(count),
        )
    )


def small_things_paragraph(check_ins: Sequence[CheckIn]) -> Block | None:
    """Across check-ins: the small things that come easily, and those that rarely happen."""
    if len(check_ins) < 2:
        return None
    options = field_at(WORKSHEET, f"{GROUP}/small-things")
    counts = [(value, sum(value in check_in.small_things for check_in in check_ins)) for value in options.options]
    most = max(count for _value, count in counts)
    if most < 2:
        return None
    easy = [value for value, count in counts if count == most][:3]
    rare = [value for value, count in counts if count == 0]
    sentences = [
        _(
            "What comes most easily: %(things)s (in %(count)s of your %(total)s check-ins).",
            things=join_words([quoted(options.label_of(value)) for value in easy]),
            count=most,
            total=len(check_ins),
        )
    ]
    if rare and len(check_ins) >= 3:
        sentences.append(
            _(
                "Not ticked so far: %(things)s. If one of those matters to you, it could go in your plan.",
                things=join_words([quoted(options.label_of(value)) for value in rare[:3]]),
            )
        )
    return paragraph(" ".join(sentences))


def feeling_paragraph(check_ins: Sequence[CheckIn]) -> Block | None:
    """How the reader has been doing across check-ins, when they chose to say; no judgement either way."""
    rated = [check_in for check_in in check_ins if check_in.feeling is not None]
    if len(rated) < 3:
        return None
    feelings = [check_in.feeling or 0 for check_in in rated]
    sentences: list[str] = []
    earlier, later = halves(feelings)
    trend = direction(feelings, 1)
    if trend > 0:
        sentences.append(
            _(
                "How you have been doing has lifted a little across your check-ins (about %(then)s out of 10 at "
                "first, about %(now)s lately).",
                then=rounded_average(earlier),
                now=rounded_average(later),
            )
        )
    elif trend < 0:
        sentences.append(
            _(
                "How you have been doing has dipped lately (about %(then)s out of 10 at first, about %(now)s "
                "lately). That happens; the small things still count, and so does asking for support.",
                then=rounded_average(earlier),
                now=rounded_average(later),
            )
        )
    more = [check_in.feeling or 0 for check_in in rated if len(check_in.small_things) >= MANY_SMALL_THINGS]
    fewer = [check_in.feeling or 0 for check_in in rated if len(check_in.small_things) < MANY_SMALL_THINGS]
    if more and fewer and rounded_average(more) >= rounded_average(fewer) + 2:
        sentences.append(
            _(
                "On days you managed three or more small things, you noted doing a little better (about %(more)s "
                "against %(fewer)s). It is only a pattern in your notes, not a rule, but it may be worth trusting.",
                more=rounded_average(more),
                fewer=rounded_average(fewer),
            )
        )
    return paragraph(" ".join(sentences)) if sentences else None


def plan_paragraph(answers: Answers, planned: Sequence[str]) -> Block | None:
    """Suggest a time for plans that have none, since a time makes following through a little easier."""
    without_time = [practice_name(practice) for practice in planned if not text(answers, f"{practice}-when")]
    if not without_time:
        if planned:
            return paragraph(
                _("Everything in your plan has a time. Linking a plan to a time is what makes it easier to follow through.")
            )
        return None
    return paragraph(
        _(
            "You have not noted a time for %(practices)s. Linking it to something you already do, such as your "
            "morning tea, can make it easier to follow through.",
            practices=join_words(without_time),
        )
    )


def steps(planned: Sequence[str], unplanned: Sequence[str], check_ins: Sequence[CheckIn]) -> list[Step]:
    """One or two practices with nothing planned yet, each with a small idea, and support when it has been hard."""
    found: list[Step] = []
    latest = next((check_in.feeling for check_in in reversed(check_ins) if check_in.feeling is not None), None)
    if latest is not None and latest <= LOW_FEELING:
        found.append(
            Step(_("It has been a hard time lately. When and where to find more support."), "coping#more-support")
        )
    for practice in unplanned[:2]:
        idea = _(PRACTICE_IDEAS[practice]) if practice in PRACTICE_IDEAS else ""
        words = (
            _("%(practice)s: perhaps %(idea)s.", practice=practice_name(practice), idea=idea)
            if idea
            else practice_name(practice)
        )
        found.append(Step(words, "coping#more-support" if practice == "professional-help" else "coping#self-care"))
    if not unplanned:
        found.append(
            Step(
                _("Self-care is not only for the first few days; ideas to come back to after another no."),
                "moving-forward#keep-looking-after-yourself",
            )
        )
    return found
