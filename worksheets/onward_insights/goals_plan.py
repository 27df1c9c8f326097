"""Goals and action plan: a gentle SMART check per goal, a summary table and a calendar of dated goals and steps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ._common import (
    DATE,
    LONG_TEXT,
    SHORT_TEXT,
    Answers,
    Block,
    CalendarEvent,
    Entry,
    Result,
    Step,
    bullet_list,
    calendar,
    check_answers,
    choice,
    count_of,
    date_answer,
    filled_entries,
    group,
    join_words,
    long_date,
    next_steps,
    nothing_yet,
    number_word,
    one_line,
    parse_iso_date,
    parse_today,
    phrase_pattern,
    quoted,
    result,
    shorten,
    single_choice,
    table,
    text,
)

WORKSHEET = "goals-plan"

STATUSES = ("in-progress", "achieved", "no-longer-relevant")
STATUS_LABELS = {"in-progress": "In progress", "achieved": "Achieved", "no-longer-relevant": "No longer relevant"}
CLOSED_STATUSES = ("achieved", "no-longer-relevant")

ENTRY_FIELDS = {
    "goal": SHORT_TEXT,
    "why": LONG_TEXT,
    "steps": LONG_TEXT,
    "first-step": SHORT_TEXT,
    "target-date": DATE,
    "resources": LONG_TEXT,
    "status": single_choice(*STATUSES),
}
FIELDS = {"situation": LONG_TEXT, "goals": group(ENTRY_FIELDS)}

# Words that make a goal countable, beyond plain digits.
COUNT_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "fifty", "hundred", "once", "twice", "dozen", "half", "daily", "weekly",
    "monthly", "every day", "every week", "each day", "each week", "per day", "per week", "a day", "a week",
    "hour", "hours", "minute", "minutes",
)  # fmt: skip
COUNT_PATTERNS = tuple(phrase_pattern(word) for word in COUNT_WORDS)
# Dates inside steps are not counts, so they are taken out before looking for numbers.
_DATES = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_DIGIT = re.compile(r"[0-9]")
_DATED_STEP = re.compile(r"\A\s*(?:[-*•·]\s*)?(\d{4}-\d{2}-\d{2})(?![0-9])\s*[:\-–—,.)]*\s*(.*)\Z")


@dataclass(frozen=True)
class Goal:
    """One goal as read from the form, with the facts the SMART check needs."""

    number: int
    title: str
    first_step: str
    target: date | None
    status: str | None
    measurable: bool
    steps: tuple[tuple[date, str], ...]

    @property
    def name(self) -> str:
        """The goal's words for titles, or its number when it has none yet."""
        return shorten(self.title) if self.title else f"Goal {self.number}"

    @property
    def is_open(self) -> bool:
        """Whether the goal is still being worked on (achieved and let-go goals are not)."""
        return self.status not in CLOSED_STATUSES


def insights(answers: Answers, today: str) -> Result:
    """Check each goal gently against SMART, summarise them, and offer their dates as a calendar."""
    check_answers(answers, FIELDS)
    now = parse_today(today)
    goals = [read_goal(entry) for entry in filled_entries(answers, "goals", ENTRY_FIELDS)]
    if not goals:
        return nothing_yet(
            WORKSHEET,
            "There are no goals here yet. One small goal, about something within your control, is a fine place to start.",
            Step("Shaping a goal so that it is easier to act on.", "moving-forward#set-new-goals"),
        )
    blocks: list[Block | None] = [
        *[smart_list(goal, now) for goal in goals],
        summary_table(goals),
        calendar(WORKSHEET, "Your goals in a calendar", "onward-goals.ics", goal_events(goals), now),
        next_steps("Next", steps(goals, now)),
    ]
    return result(WORKSHEET, summary(goals, now), blocks)


def read_goal(entry: Entry) -> Goal:
    """The facts about one goal entry."""
    title = one_line(entry, "goal")
    steps = text(entry, "steps")
    return Goal(
        number=entry.number,
        title=title,
        first_step=one_line(entry, "first-step"),
        target=date_answer(entry, "target-date"),
        status=choice(entry, "status", STATUSES),
        measurable=is_measurable(title + "\n" + steps),
        steps=dated_steps(steps),
    )


def is_measurable(words: str) -> bool:
    """Whether the goal or its steps mention something countable (a number or a counting word), dates aside."""
    without_dates = _DATES.sub(" ", words)
    return bool(_DIGIT.search(without_dates)) or any(pattern.search(without_dates) for pattern in COUNT_PATTERNS)


def dated_steps(steps: str) -> tuple[tuple[date, str], ...]:
    """Lines of the steps that start with a YYYY-MM-DD date, as (date, the rest of the line)."""
    found: list[tuple[date, str]] = []
    for line in steps.splitlines():
        match = _DATED_STEP.match(line)
        day = parse_iso_date(match.group(1)) if match else None
        if match and day is not None:
            found.append((day, match.group(2).strip()))
    return tuple(found)


def smart_list(goal: Goal, today: date) -> Block | None:
    """The SMART check for one goal: what is in place, with a short suggestion for what is not."""
    items = [
        specific_item(goal),
        measurable_item(goal),
        first_step_item(goal),
        date_item(goal, today),
        status_item(goal),
    ]
    return bullet_list(f"Goal {goal.number}: {goal.name}" if goal.title else goal.name, items)


def specific_item(goal: Goal) -> str:
    """Specific: is there a sentence saying what will be done."""
    if goal.title:
        return "Specific: it says what you will do."
    return "Not yet specific: one sentence saying what you will do, such as “Send two tailored applications”, can help."


def measurable_item(goal: Goal) -> str:
    """Measurable: can the reader tell when it is done."""
    if goal.measurable:
        return "Measurable: it includes something you can count, so you will know when it is done."
    return "Not yet measurable: how will you know it is done? A number, such as two applications or three conversations, can help."


def first_step_item(goal: Goal) -> str:
    """Achievable: a first step small enough for today or tomorrow."""
    if goal.first_step:
        return f"First step: {goal.first_step}"
    return "No first step yet: something small enough to do today or tomorrow makes it easier to begin."


def date_item(goal: Goal, today: date) -> str:
    """Time-bound: a target date, and a kind word if it has passed."""
    if goal.target is None:
        return "No date yet: a rough date can stop it drifting, and you can change it later."
    if goal.target < today and goal.is_open:
        return f"Target date: {long_date(goal.target)}, which has passed. Moving it, or letting the goal go, is fine."
    return f"Target date: {long_date(goal.target)}."


def status_item(goal: Goal) -> str:
    """Relevant: whether the goal still matters, and a word on closed ones."""
    if goal.status == "achieved":
        return "Achieved. That is worth noticing."
    if goal.status == "no-longer-relevant":
        return "No longer relevant. Letting a goal go when it stops making sense is a fair choice."
    if goal.status == "in-progress":
        return "Still relevant: in progress."
    return "Status not set yet: marking it in progress, achieved or no longer relevant helps you keep track."


def checks_met(goal: Goal) -> int:
    """How many of the four checks (specific, measurable, first step, date) are in place."""
    return sum([bool(goal.title), goal.measurable, bool(goal.first_step), goal.target is not None])


def summary_table(goals: Sequence[Goal]) -> Block:
    """All goals at a glance."""
    rows = [
        [
            goal.name,
            long_date(goal.target) if goal.target else "",
            STATUS_LABELS.get(goal.status or "", "Not set"),
            f"{checks_met(goal)} of 4",
        ]
        for goal in goals
    ]
    return table("Your goals at a glance", ["Goal", "Target date", "Status", "Checks in place"], rows)


def goal_events(goals: Sequence[Goal]) -> list[CalendarEvent]:
    """One event per dated open goal, plus its dated steps."""
    events: list[CalendarEvent] = []
    for goal in goals:
        if not goal.is_open:
            continue
        if goal.target is not None:
            details = [f"First step: {goal.first_step}"] if goal.first_step else []
            events.append(CalendarEvent(goal.target, f"Goal: {goal.name}", "\n".join(details)))
        for day, step in goal.steps:
            summary_words = f"Step: {shorten(step)}" if step else f"Step towards: {goal.name}"
            events.append(CalendarEvent(day, summary_words, f"Part of your goal: {goal.name}"))
    return events


def summary(goals: Sequence[Goal], today: date) -> str:
    """How many goals, where they stand, and the nearest date ahead."""
    counts = [(label.lower(), sum(goal.status == status for goal in goals)) for status, label in STATUS_LABELS.items()]
    counts.append(("without a status yet", sum(goal.status is None for goal in goals)))
    standing = join_words([f"{number_word(count)} {label}" for label, count in counts if count])
    opening = f"You have {count_of(len(goals), 'goal')}" + (f": {standing}." if standing else ".")
    upcoming = sorted(
        goal.target for goal in goals if goal.is_open and goal.target is not None and goal.target >= today
    )
    if upcoming:
        return f"{opening} The nearest date ahead is {long_date(upcoming[0])}."
    return opening + " Small steps count, and goals can change as you go."


def steps(goals: Sequence[Goal], today: date) -> list[Step]:
    """The first step of the nearest open goal, and the guide on shaping goals."""
    open_goals = [goal for goal in goals if goal.is_open]
    found: list[Step] = []
    ready = sorted(
        (goal for goal in open_goals if goal.first_step),
        key=lambda goal: (goal.target is None, goal.target or today, goal.number),
    )
    if ready:
        found.append(
            Step(f"First step towards {quoted(ready[0].name)}: {ready[0].first_step}", "moving-forward#set-new-goals")
        )
    if any(checks_met(goal) < 4 for goal in open_goals):
        found.append(
            Step("A few words on making a goal specific, measurable and time-bound.", "moving-forward#set-new-goals")
        )
    if not open_goals:
        found.append(
            Step("When you feel ready, a new small goal, at a pace that suits you.", "moving-forward#pace-your-search")
        )
    return found
