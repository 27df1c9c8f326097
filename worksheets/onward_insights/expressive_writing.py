"""Expressive writing: sessions so far and how the reader felt afterwards, never quoting the private writing itself."""

from __future__ import annotations

from collections.abc import Sequence

from ._common import (
    DATE,
    LONG_TEXT,
    Answers,
    Block,
    Entry,
    Result,
    Step,
    check_answers,
    count_of,
    date_answer,
    filled_entries,
    group,
    next_steps,
    paragraph,
    parse_today,
    result,
    scale,
    scale_field,
)

WORKSHEET = "expressive-writing"

SESSIONS_SUGGESTED = 4
LOW_FEELING = 3  # at or below this on 0 (very stirred up) to 10 (settled)

ENTRY_FIELDS = {"date": DATE, "writing": LONG_TEXT, "feeling-after": scale_field(0, 10)}
FIELDS = {"sessions": group(ENTRY_FIELDS)}


def insights(answers: Answers, today: str) -> Result:
    """Count the sessions, describe the feeling-after trend neutrally, and point to support if it has been low."""
    check_answers(answers, FIELDS)
    parse_today(today)
    sessions = in_time_order(filled_entries(answers, "sessions", ENTRY_FIELDS))
    feelings = [feeling for entry in sessions if (feeling := scale(entry, "feeling-after", 0, 10)) is not None]
    blocks: list[Block | None] = [
        paragraph("Nothing here quotes your writing. It is for you only."),
        feeling_paragraph(feelings),
        low_feeling_paragraph(feelings),
        next_steps("If you would like", steps(len(sessions), feelings)),
    ]
    return result(WORKSHEET, summary(sessions, feelings), blocks)


def in_time_order(sessions: Sequence[Entry]) -> list[Entry]:
    """Sessions by date when every one has a date, otherwise in the order written."""
    dates = [date_answer(entry, "date") for entry in sessions]
    if all(day is not None for day in dates):
        return [
            entry for _, entry in sorted(zip(dates, sessions, strict=True), key=lambda pair: (pair[0], pair[1].number))
        ]
    return list(sessions)


def summary(sessions: Sequence[Entry], feelings: Sequence[int]) -> str:
    """How many sessions, said without any suggestion of how many there should be."""
    if not sessions:
        return (
            "No sessions yet. If and when you would like to, a session is about 20 minutes of writing, just for you, "
            "and you can stop at any time."
        )
    return f"You have done {count_of(len(sessions), 'writing session')}. However it felt, taking the time counts."


def feeling_paragraph(feelings: Sequence[int]) -> Block | None:
    """How the feeling after writing has moved across sessions, stated neutrally."""
    if not feelings:
        return None
    if len(feelings) == 1:
        return paragraph(
            f"After writing, you noted {feelings[0]} out of 10, where 0 is very stirred up and 10 is settled."
        )
    first, last = feelings[0], feelings[-1]
    scale_note = " (0 is very stirred up, 10 is settled)"
    if last > first:
        return paragraph(
            f"Your feeling after writing went from {first} to {last} out of 10{scale_note}, more settled in later sessions."
        )
    if last < first:
        return paragraph(
            f"Your feeling after writing went from {first} to {last} out of 10{scale_note}. Feeling more stirred up "
            "after writing is common, especially when it touches something painful."
        )
    return paragraph(f"Your feeling after writing started and ended at {first} out of 10{scale_note}.")


def low_feeling_paragraph(feelings: Sequence[int]) -> Block | None:
    """A calm word for a reader who has felt very stirred up after writing."""
    low = [feeling for feeling in feelings if feeling <= LOW_FEELING]
    if not low:
        return None
    which = "A session" if len(low) == 1 else "Some sessions"
    return paragraph(
        f"{which} left you feeling quite stirred up. That often eases within a few hours. If it stays "
        "with you, or you would rather not write for a while, that is fine, and talking to someone you trust, "
        "or a doctor or counsellor, can help."
    )


def steps(session_count: int, feelings: Sequence[int]) -> list[Step]:
    """A cool-down idea, support when the feeling has been low, and what might come next."""
    found: list[Step] = []
    if any(feeling <= LOW_FEELING for feeling in feelings):
        found.append(Step("When to get more support, and where to find it.", "coping#more-support"))
    found.append(
        Step("A short self-compassion pause, for after a session or any time.", "coping#self-compassion-pause")
    )
    if 0 < session_count < SESSIONS_SUGGESTED:
        found.append(
            Step(
                "If it feels right, another session on a nearby day. It is also fine to stop here.",
                "coping#feelings-are-normal",
            )
        )
    elif session_count >= SESSIONS_SUGGESTED:
        found.append(
            Step("When you feel ready to look ahead, some gentle ways to move forward.", "closing#where-to-go-next")
        )
    return found
