"""Networking plan: who to contact next, and by when, so reaching out feels like one small step at a time."""

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
    capitalise,
    check_answers,
    checklist,
    choice,
    choices,
    count_of,
    date_answer,
    filled_entries,
    group,
    long_date,
    next_steps,
    nothing_yet,
    number_word,
    one_line,
    paragraph,
    parse_today,
    result,
    shorten,
    single_choice,
    table,
)

WORKSHEET = "networking-plan"

ASKS = ("advice", "information-about-a-field", "introduction", "opening", "support")
ASK_LABELS = {
    "advice": "Advice",
    "information-about-a-field": "Information about a field",
    "introduction": "An introduction to someone",
    "opening": "News of an opening",
    "support": "Support",
}
DONE = ("contacted", "thanked")

ENTRY_FIELDS = {
    "name": SHORT_TEXT,
    "how-i-know-them": SHORT_TEXT,
    "ask": single_choice(*ASKS),
    "next-step": SHORT_TEXT,
    "when": DATE,
    "done": checklist(*DONE),
}
FIELDS = {"people": group(ENTRY_FIELDS)}


@dataclass(frozen=True)
class Person:
    """One person on the list, with what the plan needs to know about them."""

    number: int
    name: str
    ask: str | None
    next_step: str
    when: date | None
    contacted: bool
    thanked: bool

    @property
    def label(self) -> str:
        """Their name, or their place in the list when no name is given."""
        return shorten(self.name, 40) if self.name else f"Person {self.number}"


def insights(answers: Answers, today: str) -> Result:
    """Find the next dated contact, note who is waiting for thanks, and offer the dates as a calendar."""
    check_answers(answers, FIELDS)
    now = parse_today(today)
    people = [read_person(entry) for entry in filled_entries(answers, "people", ENTRY_FIELDS)]
    if not people:
        return nothing_yet(
            WORKSHEET,
            "There is no one on your list yet. Starting with one person you already know, and one small ask, is plenty.",
            Step("Ways to reach out without feeling pushy, and a short message to adapt.", "moving-forward#networking"),
        )
    upcoming = next_contact(people, now)
    blocks: list[Block | None] = [
        next_contact_paragraph(upcoming, now),
        overdue_paragraph(people, now),
        people_table(people),
        calendar(WORKSHEET, "Your contacts in a calendar", "onward-networking.ics", contact_events(people), now),
        next_steps("Next", steps(people, upcoming)),
    ]
    return result(WORKSHEET, summary(people, upcoming), blocks)


def read_person(entry: Entry) -> Person:
    """The facts about one person entry."""
    done = choices(entry, "done", DONE)
    return Person(
        number=entry.number,
        name=one_line(entry, "name"),
        ask=choice(entry, "ask", ASKS),
        next_step=one_line(entry, "next-step"),
        when=date_answer(entry, "when"),
        contacted="contacted" in done,
        thanked="thanked" in done,
    )


def next_contact(people: Sequence[Person], today: date) -> Person | None:
    """The earliest dated person not yet contacted: the next one ahead, or else the earliest that has passed."""
    dated = sorted(
        ((person.when, person.number, person) for person in people if not person.contacted and person.when is not None),
        key=lambda item: (item[0], item[1]),
    )
    ahead = [person for when, _, person in dated if when >= today]
    passed = [person for when, _, person in dated if when < today]
    return (ahead or passed or [None])[0]


def summary(people: Sequence[Person], upcoming: Person | None) -> str:
    """How many people, how many contacted, and who is next."""
    contacted = sum(person.contacted for person in people)
    opening = f"You have {count_of(len(people), 'person', 'people')} on your list"
    opening += f", and you have been in touch with {number_word(contacted)} so far." if contacted else "."
    if upcoming and upcoming.when:
        return f"{opening} Next: {upcoming.label}, by {long_date(upcoming.when)}."
    return opening


def next_contact_paragraph(upcoming: Person | None, today: date) -> Block | None:
    """What the next contact involves, in one sentence."""
    if upcoming is None or upcoming.when is None:
        return None
    ask = f", to ask for {ASK_LABELS[upcoming.ask].lower()}," if upcoming.ask else ""
    step = f" Your next step: {upcoming.next_step}" if upcoming.next_step else ""
    passed = " The date has passed, and moving it is fine." if upcoming.when < today else ""
    return paragraph(f"Next on your list is {upcoming.label}{ask or ','} by {long_date(upcoming.when)}.{passed}{step}")


def overdue_paragraph(people: Sequence[Person], today: date) -> Block | None:
    """A kind word when several planned dates have slipped by."""
    passed = [person for person in people if not person.contacted and person.when is not None and person.when < today]
    if len(passed) < 2:
        return None
    return paragraph(
        f"{capitalise(count_of(len(passed), 'date'))} on your list have passed. "
        "Plans shift, and new dates are fine. One message at a time is plenty."
    )


def people_table(people: Sequence[Person]) -> Block:
    """Everyone on the list at a glance."""
    rows = [
        [
            person.label,
            ASK_LABELS[person.ask] if person.ask else "",
            long_date(person.when) if person.when else "",
            done_label(person),
        ]
        for person in people
    ]
    return table("Your list at a glance", ["Person", "Ask", "By when", "Done"], rows)


def done_label(person: Person) -> str:
    """Where things stand with one person."""
    if person.contacted and person.thanked:
        return "In touch and thanked"
    if person.contacted:
        return "In touch"
    if person.thanked:
        return "Thanked"
    return "Not yet"


def contact_events(people: Sequence[Person]) -> list[CalendarEvent]:
    """A reminder for each dated person not yet contacted."""
    events: list[CalendarEvent] = []
    for person in people:
        if person.contacted or person.when is None:
            continue
        details = []
        if person.ask:
            details.append(f"Ask for: {ASK_LABELS[person.ask].lower()}")
        if person.next_step:
            details.append(f"Next step: {person.next_step}")
        events.append(CalendarEvent(person.when, f"Get in touch: {person.label}", "\n".join(details)))
    return events


def steps(people: Sequence[Person], upcoming: Person | None) -> list[Step]:
    """The next contact, any thank-yous still to send, and the guide section behind them."""
    found: list[Step] = []
    if upcoming is not None:
        action = upcoming.next_step or "send a short message"
        found.append(Step(f"{upcoming.label}: {action}", "moving-forward#networking"))
    unthanked = [person.label for person in people if person.contacted and not person.thanked]
    if unthanked:
        names = unthanked[0] if len(unthanked) == 1 else f"{unthanked[0]} and {count_of(len(unthanked) - 1, 'other')}"
        found.append(
            Step(f"A short thank-you to {names}, whether or not they could help.", "moving-forward#networking")
        )
    if not found:
        undated = [person for person in people if not person.contacted and person.when is None]
        if undated:
            found.append(
                Step(
                    f"Pick a rough date for {undated[0].label}, so the first message has a time.",
                    "moving-forward#networking",
                )
            )
        else:
            found.append(
                Step("Ways to keep in touch, and to offer something back where you can.", "moving-forward#networking")
            )
    return found
