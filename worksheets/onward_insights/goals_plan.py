"""Goals and action plan: what would make each goal easier to act on, what is going well, and the dates as a calendar.

It does not read the goals back. It points out only what is missing or worth a second look
(a goal that depends on an employer's decision, one with no first step or date, dates that
have passed or bunch together), notices what is in place, and offers the dated goals and
steps as a calendar file in the reader's language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ._answers import Answers, Entry, check_answers, choice, date_answer, filled_entries, one_line, parse_iso_date
from ._answers import parse_today, text
from ._blocks import Block, Result, Step, bullet_list, next_steps, nothing_yet, paragraph, result, table
from ._calendar import CalendarEvent, calendar
from ._facts import field_at, fields_of
from ._i18n import _, capitalise, long_date, ngettext, number_word, pgettext, quoted, shorten
from ._reading import cues, found_cues, phrase_pattern, reading_form
from ._trends import crowded

WORKSHEET = "goals-plan"
GROUP = "goals"
CLOSED_STATUSES = ("achieved", "no-longer-relevant")
NAME_LIMIT = 70
CALENDAR_LIMIT = 120
SAME_WEEK = 7

# Words that make a goal countable, beyond plain digits (English and French).
COUNT_PATTERNS = tuple(
    phrase_pattern(word)
    for word in (
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "fifty", "hundred", "once", "twice", "dozen", "half", "daily", "weekly",
        "monthly", "every day", "every week", "each day", "each week", "per day", "per week", "a day", "a week",
        "hour", "hours", "minute", "minutes", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix",
        "vingt", "trente", "fois", "par jour", "par semaine", "chaque jour", "chaque semaine", "heure", "heures",
        "quotidien*", "hebdomadaire*", "mensuel*",
    )
)  # fmt: skip
# Goals whose success rests on someone else's decision.
OUTCOME_CUES = cues(
    (
        "get a job", "get the job", "find a job", "find work", "land a job", "land a role", "get hired", "be hired",
        "get an offer", "job offer", "an offer", "get an interview", "be offered", "secure a role", "secure a job",
        "secure a position", "get a role", "get a position", "be employed", "trouver un emploi", "trouver un travail",
        "trouver un poste", "trouver du travail", "decrocher", "etre embauche*", "obtenir un poste", "obtenir un emploi",
        "obtenir un entretien", "une offre", "etre recrute*", "signer un contrat",
    ),
    negatable=False,
)
# Dates inside steps are not counts, so they are taken out before looking for numbers.
_DATES = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}")
_DIGIT = re.compile(r"[0-9]")
_DATED_STEP = re.compile(
    r"\A\s*(?:[-*•·]\s*)?(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})(?![0-9])\s*[:\-–—,.)]*\s*(.*)\Z"
)
_DAY_MONTH_YEAR = re.compile(r"\A(\d{1,2})[/.](\d{1,2})[/.](\d{4})\Z")


@dataclass(frozen=True)
class Goal:
    """One goal as read from the form, with the facts the insight needs."""

    number: int
    title: str
    first_step: str
    target: date | None
    status: str | None
    measurable: bool
    outcome: bool
    steps: tuple[tuple[date, str], ...]

    @property
    def name(self) -> str:
        """The goal's words for sentences, or its number when it has none yet."""
        return quoted(shorten(self.title, NAME_LIMIT)) if self.title else _("Goal %(number)s", number=self.number)

    @property
    def is_open(self) -> bool:
        """Whether the goal is still being worked on (achieved and let-go goals are not)."""
        return self.status not in CLOSED_STATUSES


def insights(answers: Answers, today: str) -> Result:
    """What would help each goal, what is in place, a table and a calendar of the dates."""
    check_answers(answers, fields_of(WORKSHEET))
    now = parse_today(today)
    goals = [read_goal(entry) for entry in filled_entries(answers, GROUP, field_at(WORKSHEET, GROUP).fields)]
    if not goals:
        return nothing_yet(
            WORKSHEET,
            _("There are no goals here yet. One small goal, about something within your control, is a fine place to start."),
            Step(_("Shaping a goal so that it is easier to act on."), "moving-forward#set-new-goals"),
        )
    blocks: list[Block | None] = [
        going_well_paragraph(goals),
        bullet_list(_("What might make them easier to act on"), [item for goal in goals if (item := suggestion(goal, now))][:4]),
        bunching_paragraph(goals, now),
        summary_table(goals, now),
        calendar(WORKSHEET, _("Your goals in a calendar"), "onward-goals.ics", goal_events(goals), now),
        next_steps(_("Next"), steps(goals, now)),
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
        status=choice(entry, "status", field_at(WORKSHEET, f"{GROUP}/status").options),
        measurable=is_measurable(title + "\n" + steps),
        outcome=bool(title) and bool(found_cues(title, OUTCOME_CUES)),
        steps=dated_steps(steps),
    )


def is_measurable(words: str) -> bool:
    """Whether the goal or its steps mention something countable (a number or a counting word), dates aside."""
    without_dates = reading_form(_DATES.sub(" ", words))
    return bool(_DIGIT.search(without_dates)) or any(pattern.search(without_dates) for pattern in COUNT_PATTERNS)


def step_date(written: str) -> date | None:
    """A step's date, as YYYY-MM-DD or as day/month/year (the order used in Britain and France)."""
    match = _DAY_MONTH_YEAR.match(written)
    if match:
        return parse_iso_date(f"{match.group(3)}-{int(match.group(2)):02d}-{int(match.group(1)):02d}")
    return parse_iso_date(written)


def dated_steps(steps: str) -> tuple[tuple[date, str], ...]:
    """Lines of the steps that start with a date, as (date, the rest of the line)."""
    found: list[tuple[date, str]] = []
    for line in steps.splitlines():
        match = _DATED_STEP.match(line)
        day = step_date(match.group(1)) if match else None
        if match and day is not None:
            found.append((day, match.group(2).strip()))
    return tuple(found)


def summary(goals: Sequence[Goal], today: date) -> str:
    """How many goals, where they stand, and the nearest date ahead."""
    count = len(goals)
    achieved = sum(goal.status == "achieved" for goal in goals)
    opening = ngettext("You have one goal.", "You have %(count)s goals.", count, count=number_word(count))
    if achieved:
        opening += " " + ngettext(
            "One is achieved.", "%(count)s are achieved.", achieved, count=capitalise(number_word(achieved))
        )
    upcoming = sorted(day for goal in goals if goal.is_open for day in dates_of(goal) if day >= today)
    if upcoming:
        return opening + " " + _("The nearest date ahead is %(date)s.", date=long_date(upcoming[0]))
    return opening + " " + _("Small steps count, and goals can change as you go.")


def dates_of(goal: Goal) -> list[date]:
    """The goal's target date and its dated steps."""
    return ([goal.target] if goal.target else []) + [day for day, _step in goal.steps]


def going_well_paragraph(goals: Sequence[Goal]) -> Block | None:
    """What is already in place across the goals, said plainly."""
    open_goals = [goal for goal in goals if goal.is_open]
    sentences: list[str] = []
    in_control = [goal for goal in open_goals if goal.title and not goal.outcome]
    if len(open_goals) > 1 and len(in_control) == len(open_goals):
        sentences.append(_("Every goal is about something you can do yourself, which makes them easier to act on."))
    ready = [goal for goal in open_goals if goal.first_step]
    if ready and len(ready) == len(open_goals):
        sentences.append(
            ngettext("Your goal has a first step.", "Each goal has a first step.", len(open_goals))
        )
    dated = sum(len(goal.steps) for goal in open_goals)
    if dated:
        sentences.append(
            ngettext(
                "One step has a date, so it goes in your calendar file.",
                "%(count)s steps have dates, so they go in your calendar file.",
                dated,
                count=capitalise(number_word(dated)),
            )
        )
    if any(goal.status == "achieved" for goal in goals):
        sentences.append(_("An achieved goal is worth noticing, however small it seemed when you set it."))
    return paragraph(" ".join(sentences)) if sentences else None


def suggestion(goal: Goal, today: date) -> str | None:
    """The one thing most likely to help this goal, or None when it has what it needs."""
    if not goal.is_open:
        return None
    if not goal.title:
        return _(
            "%(goal)s has no words yet: one sentence saying what you will do, such as “Send two tailored "
            "applications”, can help.",
            goal=goal.name,
        )
    if goal.outcome:
        return _(
            "%(goal)s rests partly on someone else's decision. A version about what you will do, such as "
            "applications sent or people contacted, may be easier to act on and to feel good about.",
            goal=goal.name,
        )
    if not goal.first_step:
        return _("%(goal)s: something small enough to do today or tomorrow makes it easier to begin.", goal=goal.name)
    if goal.target and goal.target < today:
        return _("%(goal)s: its date has passed. Moving it, or letting the goal go, is fine.", goal=goal.name)
    if not goal.measurable:
        return _(
            "%(goal)s: how will you know it is done? A number, such as two applications or three conversations, "
            "can help.",
            goal=goal.name,
        )
    if goal.target is None and not goal.steps:
        return _("%(goal)s: a rough date can stop it drifting, and you can change it later.", goal=goal.name)
    return None


def bunching_paragraph(goals: Sequence[Goal], today: date) -> Block | None:
    """A gentle word when several dates ahead fall in the same week."""
    found = crowded([day for goal in goals if goal.is_open for day in dates_of(goal) if day >= today], SAME_WEEK - 1)
    if found is None:
        return None
    first, count = found
    return paragraph(
        _(
            "%(count)s of your dates fall in the same week, from %(date)s. Spreading them out a little may make "
            "them easier to keep.",
            count=capitalise(number_word(count)),
            date=long_date(first),
        )
    )


def status_label(goal: Goal) -> str:
    """Where the goal stands, as the form names it."""
    if goal.status is None:
        return pgettext("goal status", "Not set")
    return field_at(WORKSHEET, f"{GROUP}/status").label_of(goal.status)


def summary_table(goals: Sequence[Goal], today: date) -> Block:
    """All goals at a glance, with the next date each has ahead."""
    rows = []
    for goal in goals:
        ahead = sorted(day for day in dates_of(goal) if day >= today)
        rows.append(
            [
                goal.title or _("Goal %(number)s", number=goal.number),
                long_date(goal.target) if goal.target else "",
                status_label(goal),
                long_date(ahead[0]) if ahead and goal.is_open else "",
            ]
        )
    return table(_("Your goals at a glance"), [_("Goal"), _("Target date"), _("Where it is"), _("Next date")], rows)


def goal_events(goals: Sequence[Goal]) -> list[CalendarEvent]:
    """One event per dated open goal, plus its dated steps."""
    events: list[CalendarEvent] = []
    for goal in goals:
        if not goal.is_open:
            continue
        title = shorten(goal.title, CALENDAR_LIMIT) if goal.title else _("Goal %(number)s", number=goal.number)
        if goal.target is not None:
            details = _("First step: %(step)s", step=goal.first_step) if goal.first_step else ""
            events.append(CalendarEvent(goal.target, _("Goal: %(goal)s", goal=title), details))
        for day, step in goal.steps:
            summary_words = (
                _("Step: %(step)s", step=shorten(step, CALENDAR_LIMIT)) if step else _("Step towards: %(goal)s", goal=title)
            )
            events.append(CalendarEvent(day, summary_words, _("Part of your goal: %(goal)s", goal=title)))
    return events


def goal_timing(goal: Goal, today: date) -> int:
    """0 for a goal dated ahead, 1 for one whose date has passed, 2 for one with no date: the order to suggest them."""
    if goal.target is None:
        return 2
    return 0 if goal.target >= today else 1


def steps(goals: Sequence[Goal], today: date) -> list[Step]:
    """The first step of the nearest open goal, and the guide on shaping goals."""
    open_goals = [goal for goal in goals if goal.is_open]
    found: list[Step] = []
    ready = sorted(
        (goal for goal in open_goals if goal.first_step),
        key=lambda goal: (goal_timing(goal, today), goal.target or today, goal.number),
    )
    if ready:
        found.append(
            Step(
                _("First step towards %(goal)s: %(step)s", goal=ready[0].name, step=ready[0].first_step),
                "moving-forward#set-new-goals",
            )
        )
    if any(suggestion(goal, today) for goal in open_goals):
        found.append(
            Step(_("A few words on making a goal specific, measurable and time-bound."), "moving-forward#set-new-goals")
        )
    if not open_goals:
        found.append(
            Step(_("When you feel ready, a new small goal, at a pace that suits you."), "moving-forward#pace-your-search")
        )
    return found
