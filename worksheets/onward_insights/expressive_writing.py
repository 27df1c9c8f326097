"""Expressive writing: sessions over time and how the reader felt before and after, never quoting the writing itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ._answers import Answers, Entry, check_answers, date_answer, filled_entries, in_time_order, parse_today, scale
from ._blocks import Block, Result, Step, next_steps, paragraph, result
from ._facts import field_at, fields_of
from ._i18n import _, ngettext, number_word

WORKSHEET = "expressive-writing"
GROUP = "sessions"
SESSIONS_SUGGESTED = 4
LOW_FEELING = 3  # at or below this on 0 (very stirred up) to 10 (settled)
CLOSE_TOGETHER_DAYS = 7


@dataclass(frozen=True)
class Session:
    day: date | None
    before: int | None
    after: int | None


def read(entry: Entry) -> Session:
    fields = field_at(WORKSHEET, GROUP).fields

    def rating(key: str) -> int | None:
        return scale(entry, key, fields[key].low, fields[key].high) if key in fields else None

    return Session(date_answer(entry, "date"), rating("feeling-before"), rating("feeling-after"))


def insights(answers: Answers, today: str) -> Result:
    """Count the sessions, describe how the feelings moved neutrally, and point to support if it has been low."""
    check_answers(answers, fields_of(WORKSHEET))
    parse_today(today)
    ordered, _by_date = in_time_order(filled_entries(answers, GROUP, field_at(WORKSHEET, GROUP).fields))
    sessions = [read(entry) for entry in ordered]
    afters = [session.after for session in sessions if session.after is not None]
    blocks: list[Block | None] = [
        paragraph(_("Nothing here quotes your writing. It is for you only.")),
        before_after_paragraph(sessions),
        feeling_paragraph(afters),
        spacing_paragraph(sessions),
        low_feeling_paragraph(afters),
        next_steps(_("If you would like"), steps(len(sessions), afters)),
    ]
    return result(WORKSHEET, summary(sessions), blocks)


def summary(sessions: Sequence[Session]) -> str:
    """How many sessions, said without any suggestion of how many there should be."""
    if not sessions:
        return _(
            "No sessions yet. If and when you would like to, a session is about 20 minutes of writing, just for you, "
            "and you can stop at any time."
        )
    return ngettext(
        "You have done one writing session. However it felt, taking the time counts.",
        "You have done %(count)s writing sessions. However it felt, taking the time counts.",
        len(sessions),
        count=number_word(len(sessions)),
    )


def before_after_paragraph(sessions: Sequence[Session]) -> Block | None:
    """Within sessions: how the feeling after writing compares with the feeling before."""
    both = [session for session in sessions if session.before is not None and session.after is not None]
    if not both:
        return None
    settled = sum((session.after or 0) > (session.before or 0) for session in both)
    stirred = sum((session.after or 0) < (session.before or 0) for session in both)
    if len(both) == 1:
        session = both[0]
        return paragraph(
            _(
                "You noted %(before)s out of 10 before writing and %(after)s after, where 0 is very stirred up and "
                "10 is settled.",
                before=session.before,
                after=session.after,
            )
        )
    sentences = []
    if settled:
        sentences.append(
            _(
                "In %(count)s of the %(total)s sessions where you noted both, you felt more settled after writing "
                "than before.",
                count=settled,
                total=len(both),
            )
        )
    if stirred:
        sentences.append(
            _(
                "In %(count)s of them you felt more stirred up afterwards, which is common when writing touches "
                "something painful, and often eases within a few hours.",
                count=stirred,
            )
        )
    if not sentences:
        sentences.append(_("Your feeling after writing has been about where it was before each time."))
    return paragraph(" ".join(sentences))


def feeling_paragraph(feelings: Sequence[int]) -> Block | None:
    """How the feeling after writing has moved across sessions, stated neutrally."""
    if len(feelings) < 2:
        return None
    first, last = feelings[0], feelings[-1]
    if last > first:
        return paragraph(
            _(
                "Across sessions, your feeling after writing went from %(first)s to %(last)s out of 10 (0 is very "
                "stirred up, 10 is settled): more settled in later sessions.",
                first=first,
                last=last,
            )
        )
    if last < first:
        return paragraph(
            _(
                "Across sessions, your feeling after writing went from %(first)s to %(last)s out of 10 (0 is very "
                "stirred up, 10 is settled). Feeling more stirred up after writing is common, especially when it "
                "touches something painful.",
                first=first,
                last=last,
            )
        )
    return paragraph(_("Across sessions, your feeling after writing started and ended at %(first)s out of 10.", first=first))


def spacing_paragraph(sessions: Sequence[Session]) -> Block | None:
    """How the dated sessions were spread: close together, as in the studies, or further apart; both are fine."""
    days = sorted(session.day for session in sessions if session.day is not None)
    if len(days) < 2:
        return None
    span = (days[-1] - days[0]).days
    if span < CLOSE_TOGETHER_DAYS:
        return paragraph(
            _(
                "Your dated sessions fall within a week, close to how people wrote in the studies behind this "
                "exercise."
            )
        )
    return paragraph(
        _(
            "Your dated sessions are spread over %(days)s days. Writing on a few days close together is how the "
            "studies did it, but coming back when it helps is fine too.",
            days=span,
        )
    )


def low_feeling_paragraph(feelings: Sequence[int]) -> Block | None:
    """A calm word for a reader who has felt very stirred up after writing."""
    low = [feeling for feeling in feelings if feeling <= LOW_FEELING]
    if not low:
        return None
    return paragraph(
        ngettext(
            "A session left you feeling quite stirred up. That often eases within a few hours. If it stays with you, "
            "or you would rather not write for a while, that is fine, and talking to someone you trust, or a doctor "
            "or counsellor, can help.",
            "Some sessions left you feeling quite stirred up. That often eases within a few hours. If it stays with "
            "you, or you would rather not write for a while, that is fine, and talking to someone you trust, or a "
            "doctor or counsellor, can help.",
            len(low),
        )
    )


def steps(session_count: int, feelings: Sequence[int]) -> list[Step]:
    """A cool-down idea, support when the feeling has been low, and what might come next."""
    found: list[Step] = []
    if any(feeling <= LOW_FEELING for feeling in feelings):
        found.append(Step(_("When to get more support, and where to find it."), "coping#more-support"))
    found.append(Step(_("A short self-compassion pause, for after a session or any time."), "coping#self-compassion-pause"))
    if 0 < session_count < SESSIONS_SUGGESTED:
        found.append(
            Step(_("If it feels right, another session on a nearby day. It is also fine to stop here."), "coping#feelings-are-normal")
        )
    elif session_count >= SESSIONS_SUGGESTED:
        found.append(Step(_("When you feel ready to look ahead, some gentle ways to move forward."), "closing#where-to-go-next"))
    return found
