"""Networking plan: who to contact next, the balance of what is being asked, and the dates as a calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ._answers import Answers, Entry, check_answers, choice, choices, date_answer, filled_entries, one_line
from ._answers import parse_today
from ._blocks import Block, Result, Step, next_steps, nothing_yet, paragraph, result, table
from ._calendar import CalendarEvent, calendar
from ._facts import field_at, fields_of
from ._i18n import _, capitalise, long_date, ngettext, number_word, pgettext, quoted, shorten

WORKSHEET = "networking-plan"
GROUP = "people"
ASKING_FOR_A_JOB = "opening"  # the ask that is hardest to say yes to, from people who do not know you well


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
        return shorten(self.name, 40) if self.name else _("Person %(number)s", number=self.number)


def insights(answers: Answers, today: str) -> Result:
    """Find the next dated contact, note who is waiting for thanks, look at the asks, and offer a calendar."""
    check_answers(answers, fields_of(WORKSHEET))
    now = parse_today(today)
    people = [read_person(entry) for entry in filled_entries(answers, GROUP, field_at(WORKSHEET, GROUP).fields)]
    if not people:
        return nothing_yet(
            WORKSHEET,
            _("There is no one on your list yet. Starting with one person you already know, and one small ask, is plenty."),
            Step(_("Ways to reach out without feeling pushy, and a short message to adapt."), "moving-forward#networking"),
        )
    upcoming = next_contact(people, now)
    blocks: list[Block | None] = [
        next_contact_paragraph(upcoming, now),
        overdue_paragraph(people, now),
        asks_paragraph(people),
        people_table(people),
        calendar(WORKSHEET, _("Your contacts in a calendar"), "onward-networking.ics", contact_events(people), now),
        next_steps(_("Next"), steps(people, upcoming)),
    ]
    return result(WORKSHEET, summary(people, upcoming), blocks)


def read_person(entry: Entry) -> Person:
    """The facts about one person entry."""
    done = choices(entry, "done", field_at(WORKSHEET, f"{GROUP}/done").options)
    return Person(
        number=entry.number,
        name=one_line(entry, "name"),
        ask=choice(entry, "ask", field_at(WORKSHEET, f"{GROUP}/ask").options),
        next_step=one_line(entry, "next-step"),
        when=date_answer(entry, "when"),
        contacted="contacted" in done,
        thanked="thanked" in done,
    )


def ask_label(person: Person) -> str:
    return field_at(WORKSHEET, f"{GROUP}/ask").label_of(person.ask) if person.ask else ""


def next_contact(people: Sequence[Person], today: date) -> Person | None:
    """The earliest dated person not yet contacted: the next one ahead, or else the earliest that has passed."""
    dated = sorted(
        ((person.when, person.number, person) for person in people if not person.contacted and person.when is not None),
        key=lambda item: (item[0], item[1]),
    )
    ahead = [person for when, _number, person in dated if when >= today]
    passed = [person for when, _number, person in dated if when < today]
    return (ahead or passed or [None])[0]


def summary(people: Sequence[Person], upcoming: Person | None) -> str:
    """How many people, how many contacted, and who is next."""
    count = len(people)
    contacted = sum(person.contacted for person in people)
    opening = ngettext(
        "You have one person on your list.", "You have %(count)s people on your list.", count, count=number_word(count)
    )
    if contacted:
        opening += " " + ngettext(
            "You have been in touch with one so far.",
            "You have been in touch with %(count)s so far.",
            contacted,
            count=number_word(contacted),
        )
    if upcoming and upcoming.when:
        return opening + " " + _("Next: %(person)s, by %(date)s.", person=upcoming.label, date=long_date(upcoming.when))
    return opening


def next_contact_paragraph(upcoming: Person | None, today: date) -> Block | None:
    """A kind word when the next contact's date has slipped by."""
    if upcoming is None or upcoming.when is None or upcoming.when >= today:
        return None
    return paragraph(_("The date for %(person)s has passed, and moving it is fine.", person=upcoming.label))


def overdue_paragraph(people: Sequence[Person], today: date) -> Block | None:
    """A kind word when several planned dates have slipped by."""
    passed = [person for person in people if not person.contacted and person.when is not None and person.when < today]
    if len(passed) < 2:
        return None
    return paragraph(
        _(
            "%(count)s dates on your list have passed. Plans shift, and new dates are fine. One message at a time is "
            "plenty.",
            count=capitalise(number_word(len(passed))),
        )
    )


def asks_paragraph(people: Sequence[Person]) -> Block | None:
    """When most asks are for job openings, a word on asks that are easier to say yes to."""
    asks = [person.ask for person in people if person.ask]
    if len(asks) < 2:
        return None
    openings = asks.count(ASKING_FOR_A_JOB)
    if 2 * openings <= len(asks):
        if len(set(asks)) >= 3:
            return paragraph(_("Your asks are varied, which makes it easy for each person to help in their own way."))
        return None
    options = field_at(WORKSHEET, f"{GROUP}/ask")
    return paragraph(
        _(
            "Most of your asks are for %(opening)s. People can find that harder to say yes to than a request for "
            "%(advice)s or %(information)s, which often lead to openings anyway.",
            opening=quoted(options.label_of(ASKING_FOR_A_JOB)),
            advice=quoted(options.label_of("advice")),
            information=quoted(options.label_of("information-about-a-field")),
        )
    )


def done_label(person: Person) -> str:
    """Where things stand with one person."""
    if person.contacted and person.thanked:
        return _("In touch and thanked")
    if person.contacted:
        return _("In touch")
    if person.thanked:
        return _("Thanked")
    return pgettext("contact", "Not yet")


def people_table(people: Sequence[Person]) -> Block:
    """Everyone on the list at a glance."""
    rows = [
        [person.label, ask_label(person), long_date(person.when) if person.when else "", done_label(person)]
        for person in people
    ]
    done = field_at(WORKSHEET, f"{GROUP}/done").label
    return table(_("Your list at a glance"), [_("Person"), _("Ask"), _("By when"), done], rows)


def contact_events(people: Sequence[Person]) -> list[CalendarEvent]:
    """A reminder for each dated person not yet contacted."""
    events: list[CalendarEvent] = []
    for person in people:
        if person.contacted or person.when is None:
            continue
        details = []
        if person.ask:
            details.append(_("Ask for: %(ask)s", ask=ask_label(person)))
        if person.next_step:
            details.append(_("Next step: %(step)s", step=person.next_step))
        events.append(CalendarEvent(person.when, _("Get in touch: %(person)s", person=person.label), "\n".join(details)))
    return events


def steps(people: Sequence[Person], upcoming: Person | None) -> list[Step]:
    """The next contact, any thank-yous still to send, and the guide section behind them."""
    found: list[Step] = []
    if upcoming is not None:
        action = upcoming.next_step or _("send a short message")
        found.append(Step(_("%(person)s: %(action)s", person=upcoming.label, action=action), "moving-forward#networking"))
    unthanked = [person.label for person in people if person.contacted and not person.thanked]
    if len(unthanked) == 1:
        found.append(
            Step(_("A short thank-you to %(person)s, whether or not they could help.", person=unthanked[0]), "moving-forward#networking")
        )
    elif unthanked:
        found.append(
            Step(
                ngettext(
                    "A short thank-you to %(person)s and one other, whether or not they could help.",
                    "A short thank-you to %(person)s and %(count)s others, whether or not they could help.",
                    len(unthanked) - 1,
                    person=unthanked[0],
                    count=number_word(len(unthanked) - 1),
                ),
                "moving-forward#networking",
            )
        )
    if not found:
        undated = [person for person in people if not person.contacted and person.when is None]
        if undated:
            found.append(
                Step(
                    _("Pick a rough date for %(person)s, so the first message has a time.", person=undated[0].label),
                    "moving-forward#networking",
                )
            )
        else:
            found.append(Step(_("Ways to keep in touch, and to offer something back where you can."), "moving-forward#networking"))
    return found
