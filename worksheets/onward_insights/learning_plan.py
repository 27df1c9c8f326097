"""Learning plan: the next skill due, what grounds the plan, where it may be too full, and the dates as a calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ._answers import Answers, Entry, check_answers, choice, date_answer, filled_entries, one_line, parse_today
from ._blocks import Block, Result, Step, next_steps, nothing_yet, paragraph, prompt, result, table
from ._calendar import CalendarEvent, calendar
from ._facts import field_at, fields_of
from ._i18n import _, capitalise, join_words, long_date, ngettext, number_word, pgettext, quoted, shorten
from ._reading import cues, found_cues
from ._trends import crowded

WORKSHEET = "learning-plan"
GROUP = "skills"
DONE = "done"
SAME_MONTH_DAYS = 31

# Reasons that come from what employers asked for: a good ground for choosing what to learn.
EVIDENCE_CUES = cues(
    (
        "feedback", "advert*", "job ad*", "job description*", "employer*", "interview*", "recruiter*", "asked for",
        "keeps coming up", "comes up", "required", "essential", "rejection log", "retour*", "annonce*", "offre*",
        "fiche de poste", "employeur*", "entretien*", "recruteur*", "exige*", "demande*", "revient",
    )
)


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
        return quoted(shorten(self.skill, 50)) if self.skill else _("Skill %(number)s", number=self.number)

    @property
    def is_done(self) -> bool:
        """Whether the reader has marked it done."""
        return self.progress == DONE


def insights(answers: Answers, today: str) -> Result:
    """Name the next skill due, notice what grounds the plan and where it is crowded, offer the dates as a calendar."""
    check_answers(answers, fields_of(WORKSHEET))
    now = parse_today(today)
    skills = [read_skill(entry) for entry in filled_entries(answers, GROUP, field_at(WORKSHEET, GROUP).fields)]
    if not skills:
        return nothing_yet(
            WORKSHEET,
            _(
                "There are no skills here yet. One skill at a time, linked to something you noticed in adverts or "
                "feedback, is plenty."
            ),
            Step(_("Ideas for learning that can lift your mood as well as your CV."), "moving-forward#keep-learning"),
        )
    upcoming = next_due(skills, now)
    blocks: list[Block | None] = [
        next_due_paragraph(upcoming, now),
        grounded_paragraph(skills),
        crowded_paragraph(skills, now),
        gaps_prompt(skills),
        skills_table(skills),
        calendar(WORKSHEET, _("Your learning dates in a calendar"), "onward-learning.ics", learning_events(skills), now),
        next_steps(_("Next"), steps(skills, upcoming)),
    ]
    return result(WORKSHEET, summary(skills, upcoming), blocks)


def read_skill(entry: Entry) -> Skill:
    """The facts about one skill entry."""
    return Skill(
        number=entry.number,
        skill=one_line(entry, "skill"),
        why=one_line(entry, "why"),
        how=choice(entry, "how", field_at(WORKSHEET, f"{GROUP}/how").options),
        resource=one_line(entry, "resource"),
        by_when=date_answer(entry, "by-when"),
        progress=choice(entry, "progress", field_at(WORKSHEET, f"{GROUP}/progress").options),
    )


def how_label(skill: Skill) -> str:
    return field_at(WORKSHEET, f"{GROUP}/how").label_of(skill.how) if skill.how else ""


def progress_label(skill: Skill) -> str:
    if skill.progress is None:
        return pgettext("progress", "Not set")
    return field_at(WORKSHEET, f"{GROUP}/progress").label_of(skill.progress)


def next_due(skills: Sequence[Skill], today: date) -> Skill | None:
    """The earliest dated skill not yet done: the next one ahead, or else the earliest that has passed."""
    dated = sorted(
        ((skill.by_when, skill.number, skill) for skill in skills if not skill.is_done and skill.by_when is not None),
        key=lambda item: (item[0], item[1]),
    )
    ahead = [skill for when, _number, skill in dated if when >= today]
    passed = [skill for when, _number, skill in dated if when < today]
    return (ahead or passed or [None])[0]


def summary(skills: Sequence[Skill], upcoming: Skill | None) -> str:
    """How many skills, how many done, and what is due next."""
    count = len(skills)
    opening = ngettext(
        "You are planning one skill.", "You are planning %(count)s skills.", count, count=number_word(count)
    )
    done = sum(skill.is_done for skill in skills)
    if done:
        opening += " " + ngettext(
            "One is done.", "%(count)s are done.", done, count=capitalise(number_word(done))
        )
    if upcoming and upcoming.by_when:
        return opening + " " + _(
            "Next by date: %(skill)s, by %(date)s.", skill=upcoming.label, date=long_date(upcoming.by_when)
        )
    return opening


def next_due_paragraph(upcoming: Skill | None, today: date) -> Block | None:
    """A kind word when the next date has passed; the plan can change."""
    if upcoming is None or upcoming.by_when is None or upcoming.by_when >= today:
        return None
    return paragraph(
        _(
            "The date for %(skill)s has passed. A new one is fine, and so is changing the plan.",
            skill=upcoming.label,
        )
    )


def grounded_paragraph(skills: Sequence[Skill]) -> Block | None:
    """Skills chosen because of what employers asked for are a good place to start; say how many there are."""
    grounded = [skill for skill in skills if skill.why and found_cues(skill.why, EVIDENCE_CUES)]
    if not grounded:
        return None
    return paragraph(
        ngettext(
            "%(skills)s comes from what employers or adverts asked for, which makes it a good one to start with. "
            "This is a guess from your words.",
            "%(skills)s come from what employers or adverts asked for, which makes them good ones to start with. "
            "This is a guess from your words.",
            len(grounded),
            skills=join_words([skill.label for skill in grounded[:3]]),
        )
    )


def crowded_paragraph(skills: Sequence[Skill], today: date) -> Block | None:
    """A gentle word when several open skills are due within a month of each other."""
    found = crowded(
        [skill.by_when for skill in skills if not skill.is_done and skill.by_when and skill.by_when >= today],
        SAME_MONTH_DAYS,
    )
    if found is None:
        return None
    first, count = found
    return paragraph(
        _(
            "%(count)s skills are due within a month of %(date)s. Learning one at a time tends to stick better; "
            "moving a date is fine.",
            count=capitalise(number_word(count)),
            date=long_date(first),
        )
    )


def gaps_prompt(skills: Sequence[Skill]) -> Block | None:
    """Invite a reason or a way of learning where one is missing, since both keep a plan small and focused."""
    open_skills = [skill for skill in skills if not skill.is_done]
    no_why = [skill.label for skill in open_skills if not skill.why]
    no_how = [skill.label for skill in open_skills if skill.how is None]
    if no_why:
        return prompt(
            _(
                "Why %(skills)s? Linking a skill to a reason, such as a gap that keeps appearing in adverts or "
                "feedback, helps you choose what to learn first.",
                skills=join_words(no_why[:2]),
            )
        )
    if no_how:
        return prompt(
            _(
                "How might you learn %(skills)s? A short course, some practice or a person who already does it all "
                "count.",
                skills=join_words(no_how[:2]),
            )
        )
    return None


def skills_table(skills: Sequence[Skill]) -> Block:
    """Every skill at a glance."""
    rows = [
        [
            skill.skill or _("Skill %(number)s", number=skill.number),
            how_label(skill),
            long_date(skill.by_when) if skill.by_when else "",
            progress_label(skill),
        ]
        for skill in skills
    ]
    return table(_("Your learning plan at a glance"), [_("Skill"), _("How"), _("By when"), _("Progress")], rows)


def learning_events(skills: Sequence[Skill]) -> list[CalendarEvent]:
    """A reminder for each dated skill not yet done."""
    events: list[CalendarEvent] = []
    for skill in skills:
        if skill.is_done or skill.by_when is None:
            continue
        details = []
        if skill.how:
            details.append(_("How: %(how)s", how=how_label(skill)))
        if skill.resource:
            details.append(_("Using: %(resource)s", resource=skill.resource))
        if skill.why:
            details.append(_("Why: %(why)s", why=skill.why))
        name = shorten(skill.skill, 120) if skill.skill else _("Skill %(number)s", number=skill.number)
        events.append(CalendarEvent(skill.by_when, _("Learning: %(skill)s", skill=name), "\n".join(details)))
    return events


def steps(skills: Sequence[Skill], upcoming: Skill | None) -> list[Step]:
    """The next skill due, and the guide sections on finding help and learning steadily."""
    found: list[Step] = []
    if skills and all(skill.is_done for skill in skills):
        found.append(
            Step(_("You have marked everything done. When you are ready, one new skill is plenty."), "moving-forward#keep-learning")
        )
    if upcoming is not None:
        if upcoming.resource:
            words = _(
                "Make a start on %(skill)s with %(resource)s; even half an hour counts.",
                skill=upcoming.label,
                resource=upcoming.resource,
            )
        else:
            words = _("Make a start on %(skill)s; even half an hour counts.", skill=upcoming.label)
        found.append(Step(words, "moving-forward#keep-learning"))
    elif undated := [skill for skill in skills if not skill.is_done and skill.by_when is None]:
        found.append(
            Step(
                _("A rough date for %(skill)s can help it happen; you can change it later.", skill=undated[0].label),
                "moving-forward#keep-learning",
            )
        )
    found.append(
        Step(_("Where to find courses, coaching and people who can help, much of it free."), "learning#learning-resources")
    )
    return found
