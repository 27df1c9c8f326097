"""Thought record: the balanced thought kept in view, the feeling's change, traps as questions, change across records.

Records are dated entries kept over time. The latest is looked at closely; across several,
the insight shows how the feeling and the belief in a fairer view have moved, and which
trap keeps returning. The painful thought itself is never quoted back: the wording is only
read for traps, as a guess the reader can ignore.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ._answers import Answers, Entry, check_answers, choices, date_answer, filled_entries, in_time_order
from ._answers import parse_today, scale, text
from ._blocks import Block, Result, Step, next_steps, paragraph, prompt, result, table
from ._facts import Field, field_at, fields_of
from ._i18n import N_, _, join_words, long_date, number_word, quoted, shorten
from ._traps import traps_in
from ._trends import direction, rounded_average

WORKSHEET = "thought-record"
GROUP = "records"

# One question per trap (values as in the form's options), asked rather than told.
TRAP_QUESTIONS = {
    "all-or-nothing": N_("Is there any middle ground between complete success and complete failure here?"),
    "overgeneralising": N_("Is this really how it always goes, or have there been times it went differently?"),
    "catastrophising": N_("What seems most likely to happen, rather than the worst that could?"),
    "mind-reading": N_("Do you know what they thought, or is it a guess? What else might they have been thinking?"),
    "fortune-telling": N_("Is the future really settled, or could it still go more than one way?"),
    "labelling": N_("Would you use that word about a friend in the same place? What would you say to them instead?"),
    "personalising": N_("What else, outside your control, might have played a part?"),
    "mental-filter": N_("What else happened, alongside the part that stands out most?"),
    "discounting-the-positive": N_("If a friend had done the same, would you say it counts?"),
    "should-statements": N_("How would it sound as “I would have liked to” rather than “I should have”?"),
}
STRONG_FEELING = 70  # out of 100: where more support is mentioned
BALANCED_THOUGHT_LIMIT = 240
MOST_TRAPS_NAMED = 3  # from the wording; more than this reads as a list of faults


@dataclass(frozen=True)
class Record:
    """One thought record, as far as it was filled in."""

    number: int
    day: date | None
    situation: bool
    thought: bool
    ticked: tuple[str, ...]
    worded: tuple[str, ...]  # traps the thought's wording may fit, and the reader did not tick
    evidence_for: bool
    evidence_against: bool
    balanced: str
    before: int | None
    after: int | None
    belief: int | None

    @property
    def traps(self) -> tuple[str, ...]:
        """Every trap this record touches, ticked or in the wording."""
        return self.ticked + self.worded


def record_fields() -> dict[str, Field]:
    return dict(field_at(WORKSHEET, GROUP).fields)


def read(entry: Entry) -> Record:
    """The facts about one record; the thought's words are read for traps and then left alone."""
    fields = record_fields()
    offered = fields["traps"].options
    ticked = tuple(choices(entry, "traps", offered))
    thought = text(entry, "automatic-thought")
    worded = tuple(trap for trap in traps_in(thought, offered) if trap not in ticked)

    def rating(key: str) -> int | None:
        return scale(entry, key, fields[key].low, fields[key].high)

    return Record(
        number=entry.number,
        day=date_answer(entry, "date"),
        situation=bool(text(entry, "situation")),
        thought=bool(thought),
        ticked=ticked,
        worded=worded,
        evidence_for=bool(text(entry, "evidence-for")),
        evidence_against=bool(text(entry, "evidence-against")),
        balanced=text(entry, "balanced-thought"),
        before=rating("emotion-before"),
        after=rating("emotion-after"),
        belief=rating("belief"),
    )


def insights(answers: Answers, today: str) -> Result:
    """The latest record looked at closely, and what has changed across records."""
    check_answers(answers, fields_of(WORKSHEET))
    parse_today(today)
    ordered, _by_date = in_time_order(filled_entries(answers, GROUP, record_fields()))
    records = [read(entry) for entry in ordered]
    if not records:
        return result(
            WORKSHEET,
            _(
                "There is nothing here yet. When you are ready, start with what happened and the thought that came "
                "with it. You can stop at any point."
            ),
            [prompt(_("What happened, in a few plain facts? And what went through your mind?"))],
        )
    latest = records[-1]
    blocks: list[Block | None] = [
        balanced_paragraph(latest),
        feeling_paragraph(latest),
        belief_paragraph(latest.belief),
        *trap_blocks(latest),
        evidence_against_prompt(latest),
        balanced_thought_prompt(latest),
        thin_prompt(latest),
        *over_time(records),
        next_steps(_("If you would like to go further"), steps(records)),
    ]
    return result(WORKSHEET, summary(records), blocks)


def summary(records: Sequence[Record]) -> str:
    """One or two sentences on where the records stand, without judging them."""
    latest = records[-1]
    if len(records) > 1:
        count = number_word(len(records))
        if latest.day:
            return _(
                "You have written %(count)s thought records. Below is a closer look at the latest, from %(date)s, "
                "then what has changed across them.",
                count=count,
                date=long_date(latest.day),
            )
        return _(
            "You have written %(count)s thought records. Below is a closer look at the latest, then what has "
            "changed across them.",
            count=count,
        )
    if latest.balanced:
        return _("You have worked a painful thought through to a more balanced one, which is worth keeping.")
    if latest.thought and not latest.evidence_against:
        return _("You have written the thought down. The next step, when you are ready, is what does not fit it.")
    return _("You have started a thought record. Take whatever feels useful from the notes below, and leave the rest.")


def balanced_paragraph(record: Record) -> Block | None:
    """The balanced thought the reader wrote, kept in view: their own fairer words are worth rereading."""
    if not record.balanced:
        return None
    return paragraph(
        _(
            "Your more balanced thought: %(thought)s It is worth keeping somewhere you will see it when the old "
            "thought comes back.",
            thought=quoted(shorten(record.balanced, BALANCED_THOUGHT_LIMIT)),
        )
    )


def feeling_paragraph(record: Record) -> Block | None:
    """How the strength of the feeling changed, stated neutrally whichever way it went."""
    before, after = record.before, record.after
    if before is None and after is None:
        return None
    if before is None:
        return paragraph(_("You rated the feeling at %(after)s out of 100 by the end.", after=after))
    if after is None:
        return paragraph(_("You rated the feeling at %(before)s out of 100 at the start.", before=before))
    if before > after:
        return paragraph(
            _(
                "The feeling went from %(before)s to %(after)s out of 100, %(change)s points lower than at the start.",
                before=before,
                after=after,
                change=before - after,
            )
        )
    if before == after:
        return paragraph(
            _(
                "The feeling is where it started, at %(before)s out of 100. That is fine: a thought record can be "
                "worth doing even when the feeling has barely moved.",
                before=before,
            )
        )
    return paragraph(
        _(
            "The feeling went from %(before)s to %(after)s out of 100, %(change)s points stronger than at the start. "
            "Looking closely at a painful thought can stir it up for a while, and that is fine too.",
            before=before,
            after=after,
            change=after - before,
        )
    )


def belief_paragraph(belief: int | None) -> Block | None:
    """How much the balanced thought rings true, with no suggestion that it should be higher."""
    if belief is None:
        return None
    if belief == 0:
        return paragraph(
            _("You do not believe the balanced thought yet, and that is fine. A fairer view can take time to feel true.")
        )
    return paragraph(
        _("You believe the balanced thought %(belief)s out of 100. Even a little belief is a start.", belief=belief)
    )


def trap_name(trap: str) -> str:
    """A trap as the form names it."""
    return quoted(record_fields()["traps"].label_of(trap))


def trap_blocks(record: Record) -> list[Block]:
    """The traps ticked and those the wording may fit, in one place, with a question or two; never the thought itself."""
    blocks: list[Block] = []
    sentences: list[str] = []
    if record.ticked:
        sentences.append(
            _("You spotted %(traps)s yourself.", traps=join_words([trap_name(trap) for trap in record.ticked]))
        )
    if record.worded:
        also = join_words([trap_name(trap) for trap in record.worded[:MOST_TRAPS_NAMED]], "or")
        sentences.append(
            _(
                "From its wording, the thought may also fit %(traps)s. This is only a guess from your words; you "
                "know what you meant.",
                traps=also,
            )
            if record.ticked
            else _(
                "From its wording, the thought may fit %(traps)s. This is only a guess from your words; you know "
                "what you meant.",
                traps=also,
            )
        )
    if sentences:
        sentences.append(_("Spotting a trap does not make a thought wrong; it is a sign it deserves a second look."))
        blocks.append(paragraph(" ".join(sentences)))
    for trap in record.traps[:2]:
        if trap in TRAP_QUESTIONS:
            blocks.append(prompt(_("%(trap)s: %(question)s", trap=trap_name(trap), question=_(TRAP_QUESTIONS[trap]))))
    return blocks


def evidence_against_prompt(record: Record) -> Block | None:
    """Invite the other side when it is still empty, in the voice of a kind friend."""
    if record.evidence_against or not record.thought:
        return None
    return prompt(
        _(
            "What does not fit the thought? Think of what a kind friend might point out: something that went well, "
            "or reasons that had nothing to do with you. Even one small thing counts."
        )
    )


def balanced_thought_prompt(record: Record) -> Block | None:
    """Invite a balanced thought once there is something on both sides to draw on."""
    if record.balanced or not (record.evidence_for or record.evidence_against):
        return None
    return prompt(
        _("How might you put it to a friend, taking in both sides? It does not need to be cheerful, only fair.")
    )


def thin_prompt(record: Record) -> Block | None:
    """When only the start is filled in, say what makes a thought record useful."""
    if record.thought or record.balanced or record.evidence_for or record.evidence_against:
        return None
    return prompt(
        _(
            "A thought record starts to help once the thought itself is written down, as it came, and then one "
            "thing that does not fit it. There is no hurry."
        )
    )


# ---- Across records ------------------------------------------------------------------------------


def over_time(records: Sequence[Record]) -> list[Block]:
    """What has changed across records: the feeling, the belief, the traps that return, and a table of them."""
    if len(records) < 2:
        return []
    blocks: list[Block] = []
    sentences: list[str] = []
    both = [record for record in records if record.before is not None and record.after is not None]
    eased = [record for record in both if (record.before or 0) > (record.after or 0)]
    if len(both) >= 2 and eased:
        sentences.append(
            _(
                "Across your records, the feeling eased by the end in %(eased)s of %(total)s, by about %(points)s "
                "points on average.",
                eased=len(eased),
                total=len(both),
                points=rounded_average([(record.before or 0) - (record.after or 0) for record in eased]),
            )
        )
    starts = [record.before for record in records if record.before is not None]
    if len(starts) >= 3:
        trend = direction(starts, 10)
        if trend < 0:
            sentences.append(
                _(
                    "The feeling at the start is milder in your recent records than in your first ones (about "
                    "%(then)s then, about %(now)s lately): something may be shifting.",
                    then=rounded_average(starts[: len(starts) // 2]),
                    now=rounded_average(starts[-(len(starts) // 2) :]),
                )
            )
        elif trend > 0:
            sentences.append(
                _(
                    "The feeling at the start has been stronger in your recent records. Hard weeks happen; it may "
                    "help to be especially gentle with yourself just now."
                )
            )
    beliefs = [record.belief for record in records if record.belief is not None]
    if len(beliefs) >= 3 and direction(beliefs, 10) > 0:
        sentences.append(_("You have come to believe your balanced thoughts more in recent records."))
    if sentences:
        blocks.append(paragraph(" ".join(sentences)))
    returning = returning_traps(records)
    if returning:
        trap, count = returning
        blocks.append(
            paragraph(
                _(
                    "%(trap)s has come up in %(count)s of your %(total)s records, ticked or in the wording. A trap "
                    "that keeps returning is a good one to question first next time.",
                    trap=trap_name(trap),
                    count=count,
                    total=len(records),
                )
            )
        )
    blocks.append(records_table(records))
    return blocks


def returning_traps(records: Sequence[Record]) -> tuple[str, int] | None:
    """The trap touched by the most records, when it is at least two."""
    offered = record_fields()["traps"].options
    counts = [(trap, sum(trap in record.traps for record in records)) for trap in offered]
    best = max(counts, key=lambda pair: pair[1], default=None)
    return best if best and best[1] >= 2 else None


def records_table(records: Sequence[Record]) -> Block:
    """Each record's ratings side by side, oldest first."""

    def cell(value: int | None) -> str | int:
        return value if value is not None else ""

    rows = [
        [
            long_date(record.day) if record.day else _("Record %(number)s", number=record.number),
            cell(record.before),
            cell(record.after),
            cell(record.belief),
        ]
        for record in records
    ]
    return table(
        _("Your records over time"),
        [_("Record"), _("Feeling at the start"), _("Feeling at the end"), _("Belief in the balanced thought")],
        rows,
    )


def steps(records: Sequence[Record]) -> list[Step]:
    """Guide sections that fit what the records show."""
    found = [
        Step(_("Questions that can help you look at the rejection from a kinder angle."), "coping#reframing"),
        Step(_("A short self-compassion pause, for whenever the thought comes back."), "coping#self-compassion-pause"),
    ]
    latest = records[-1]
    strength = latest.after if latest.after is not None else latest.before
    if strength is not None and strength >= STRONG_FEELING:
        found.append(
            Step(
                _("If strong feelings stay with you for a couple of weeks or more, you do not have to manage them alone."),
                "coping#more-support",
            )
        )
    return found
