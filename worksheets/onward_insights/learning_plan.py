"""Learning plan: the next skill due, what is in place for each, and the dates as a calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ._common import (
    DATE,
    SHORT_TEXT,
    Answers,
    Block,
    CalendarEvent,
    Entry,
    Result,
    Step,
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
    paragraph,
    parse_today,
    prompt,
    result,
    shorten,
    single_choice,
    table,
)

WORKSHEET = "learning-plan"

HOWS = ("course", "workshop", "certification", "practice", "reading", "mentoring")
HOW_LABELS = {
    "course": "A course",
    "workshop": "A workshop or event",
    "certification": "A certification",
    "practice": "Practice",
    "reading": "Reading",
    "mentoring": "Mentoring",
}
PROGRESS = ("not-started", "started", "done")
PROGRESS_LABELS = {"not-started": "Not started yet", "started": "Started", "done": "Done"}

ENTRY_FIELDS = {
    "skill": SHORT_TEXT,
    "why": SHORT_TEXT,
    "how": single_choice(*HOWS),
    "resource": SHORT_TEXT,
    "by-when": DATE,
    "progress": single_choice(*PROGRESS),
}
FIELDS = {"skills": group(ENTRY_FIELDS)}


@dataclass(frozen=True)
class Skill:
    """One skill to build, with what the plan needs to know about it."""

    number: int
    skill: str
    why: str
    how: str | None
    resource: str
    by_when: date | None
    progress: str | None

    @property
    def label(self) -> str:
        """The skill's name, or its place in the list when it has none yet."""
        return shorten(self.skill, 50) if self.skill else f"Skill {self.number}"

    @property
    def is_done(self) -> bool:
        """Whether the reader has marked it done."""
        return self.progress == "done"


def insights(answers: Answers, today: str) -> Result:
    """Name the next skill due, point out gaps kindly, and offer the dates as a calendar."""
    check_answers(answers, FIELDS)
    now = parse_today(today)
    skills = [read_skill(entry) for entry in filled_entries(answers, "skills", ENTRY_FIELDS)]
    if not skills:
        return nothing_yet(
            WORKSHEET,
            "There are no skills here yet. One skill at a time, linked to something you noticed in adverts or feedback, is plenty.",
            Step("Ideas for learning that can lift your mood as well as your CV.", "moving-forward#keep-learning"),
        )
    upcoming = next_due(skills, now)
    blocks: list[Block | None] = [
        next_due_paragraph(upcoming, now),
        gaps_prompt(skills),
        skills_table(skills),
        calendar(WORKSHEET, "Your learning dates in a calendar", "onward-learning.ics", learning_events(skills), now),
        next_steps("Next", steps(skills, upcoming)),
    ]
    return result(WORKSHEET, summary(skills, upcoming), blocks)


def read_skill(entry: Entry) -> Skill:
    """The facts about one skill entry."""
    return Skill(
        number=entry.number,
        skill=one_line(entry, "skill"),
        why=one_line(entry, "why"),
        how=choice(entry, "how", HOWS),
        resource=one_line(entry, "resource"),
        by_when=date_answer(entry, "by-when"),
        progress=choice(entry, "progress", PROGRESS),
    )


def next_due(skills: Sequence[Skill], today: date) -> Skill | None:
    """The earliest dated skill not yet done: the next one ahead, or else the earliest that has passed."""
    dated = sorted(
        ((skill.by_when, skill.number, skill) for skill in skills if not skill.is_done and skill.by_when is not None),
        key=lambda item: (item[0], item[1]),
    )
    ahead = [skill for when, _, skill in dated if when >= today]
    passed = [skill for when, _, skill in dated if when < today]
    return (ahead or passed or [None])[0]


def summary(skills: Sequence[Skill], upcoming: Skill | None) -> str:
    """How many skills, how far along, and what is due next."""
    counts = [(label, sum(skill.progress == value for skill in skills)) for value, label in PROGRESS_LABELS.items()]
    standing = join_words([f"{number_word(count)} {label.lower()}" for label, count in counts if count])
    opening = f"You are planning {count_of(len(skills), 'skill')}" + (f": {standing}." if standing else ".")
    if upcoming and upcoming.by_when:
        return f"{opening} Next by date: {upcoming.label}, by {long_date(upcoming.by_when)}."
    return opening


def next_due_paragraph(upcoming: Skill | None, today: date) -> Block | None:
    """What the next skill involves, in one or two sentences."""
    if upcoming is None or upcoming.by_when is None:
        return None
    how = f", through {HOW_LABELS[upcoming.how].lower()}" if upcoming.how else ""
    resource = f" ({upcoming.resource})" if upcoming.resource else ""
    passed = (
        " That date has passed; a new one is fine, and so is changing the plan." if upcoming.by_when < today else ""
    )
    return paragraph(f"Next by date is {upcoming.label}{how}{resource}, by {long_date(upcoming.by_when)}.{passed}")


def gaps_prompt(skills: Sequence[Skill]) -> Block | None:
    """Invite a reason or a way of learning where one is missing, since both keep a plan small and focused."""
    open_skills = [skill for skill in skills if not skill.is_done]
    no_why = [skill.label for skill in open_skills if not skill.why]
    no_how = [skill.label for skill in open_skills if skill.how is None]
    if no_why:
        return prompt(
            f"Why {join_words(no_why[:2])}? Linking a skill to a reason, such as a gap that keeps appearing in adverts "
            "or feedback, helps you choose what to learn first."
        )
    if no_how:
        return prompt(
            f"How might you learn {join_words(no_how[:2])}? A short course, some practice or a person who already does it all count."
        )
    return None


def skills_table(skills: Sequence[Skill]) -> Block:
    """Every skill at a glance."""
    rows = [
        [
            skill.label,
            HOW_LABELS[skill.how] if skill.how else "",
            long_date(skill.by_when) if skill.by_when else "",
            PROGRESS_LABELS[skill.progress] if skill.progress else "Not set",
        ]
        for skill in skills
    ]
    return table("Your learning plan at a glance", ["Skill", "How", "By when", "Progress"], rows)


def learning_events(skills: Sequence[Skill]) -> list[CalendarEvent]:
    """A reminder for each dated skill not yet done."""
    events: list[CalendarEvent] = []
    for skill in skills:
        if skill.is_done or skill.by_when is None:
            continue
        details = []
        if skill.how:
            details.append(f"How: {HOW_LABELS[skill.how].lower()}")
        if skill.resource:
            details.append(f"Using: {skill.resource}")
        if skill.why:
            details.append(f"Why: {skill.why}")
        events.append(CalendarEvent(skill.by_when, f"Learning: {skill.label}", "\n".join(details)))
    return events


def steps(skills: Sequence[Skill], upcoming: Skill | None) -> list[Step]:
    """The next skill due, and the guide sections on finding help and learning steadily."""
    found: list[Step] = []
    if upcoming is not None:
        where = f" with {upcoming.resource}" if upcoming.resource else ""
        found.append(
            Step(f"Make a start on {upcoming.label}{where}; even half an hour counts.", "moving-forward#keep-learning")
        )
    elif undated := [skill for skill in skills if not skill.is_done and skill.by_when is None]:
        found.append(
            Step(
                f"A rough date for {undated[0].label} can help it happen; you can change it later.",
                "moving-forward#keep-learning",
            )
        )
    found.append(
        Step("Where to find courses, coaching and people who can help, much of it free.", "learning#learning-resources")
    )
    if skills and all(skill.is_done for skill in skills):
        found.insert(
            0,
            Step(
                "You have marked everything done. When you are ready, one new skill is plenty.",
                "moving-forward#keep-learning",
            ),
        )
    return found
