"""Strengths: which strengths the reader's own examples already show, which need one, and what is ready to use.

It does not read the strengths back. It sets the strengths ticked beside the accomplishments
written (a guess from the words, in English or French), says which are backed by an example
and which could use one, notices strengths the examples suggest that were not ticked, and
says which accomplishments are ready to tell at an interview or in an application.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._answers import Answers, Entry, check_answers, choices, filled_entries, parse_today, text
from ._blocks import Block, Result, Step, next_steps, paragraph, prompt, result, table
from ._facts import field_at, fields_of
from ._i18n import _, capitalise, join_words, ngettext, number_word, quoted
from ._reading import Cue, cues, found_cues

WORKSHEET = "strengths"
GROUP = "accomplishments"
PARTS = ("what-happened", "what-i-did", "what-it-shows")

# Words in an example that suggest each strength (values as in the form's options).
STRENGTH_CUES: dict[str, tuple[Cue, ...]] = {
    "reliable": cues(("reliable", "reliably", "dependable", "trusted", "on time", "never missed", "every week", "fiable", "ponctuel*", "on pouvait compter", "confiance")),
    "organised": cues(("organis*", "organiz*", "planned", "plan", "schedule*", "rota", "coordinat*", "deadline*", "spreadsheet", "planifi*", "planning", "coordonn*", "echeance*")),
    "curious": cues(("curious", "curiosity", "research*", "explored", "found out", "asked questions", "learned about", "curieux", "curieuse", "curiosite", "recherche*", "explore*", "me suis renseigne*")),
    "creative": cues(("creativ*", "design*", "idea*", "invent*", "came up with", "new way", "imagin*", "creati*", "concu", "idee*", "nouvelle facon")),
    "kind": cues(("kind", "kindness", "cared", "caring", "supported", "looked after", "comforted", "helped a", "gentil*", "bienveill*", "soutenu", "aide un", "aide une", "pris soin")),
    "good-listener": cues(("listen*", "heard", "understood what", "ecoute*", "compris ce")),
    "clear-communicator": cues(("explain*", "present*", "wrote", "written", "report", "communicat*", "spoke", "talk", "presente*", "explique*", "redige*", "rapport", "expose")),
    "calm-under-pressure": cues(("calm", "pressure", "stress*", "crisis", "emergency", "busy", "rush", "last minute", "last-minute", "steady", "calme", "sous pression", "urgence", "crise", "sang-froid", "derniere minute")),
    "determined": cues(("determin*", "kept going", "persever*", "persist*", "did not give up", "didn't give up", "despite", "again and again", "perseve*", "tenace", "malgre", "pas abandonne", "continue")),
    "quick-learner": cues(("learn*", "taught myself", "picked up", "new to", "first time", "within a week", "quickly", "appris", "apprendre", "formé", "forme sur", "rapidement", "premiere fois")),
    "problem-solver": cues(("solv*", "fixed", "problem*", "figured out", "worked out", "solution*", "improv*", "resolu*", "resoudre", "probleme*", "ameliore*", "trouve une solution")),
    "works-well-with-others": cues(("team*", "together", "collaborat*", "colleague*", "volunteer*", "group", "with others", "equipe*", "ensemble", "collabor*", "collegue*", "benevol*", "groupe")),
}


@dataclass(frozen=True)
class Accomplishment:
    """One accomplishment: which parts are written, and the strengths its words suggest."""

    number: int
    parts: tuple[str, ...]
    suggests: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """All three parts written: ready to tell as an example."""
        return len(self.parts) == len(PARTS)


def read(entry: Entry, offered: Sequence[str]) -> Accomplishment:
    """The facts about one accomplishment."""
    parts = tuple(part for part in PARTS if text(entry, part))
    words = "\n".join(text(entry, part) for part in PARTS)
    return Accomplishment(entry.number, parts, tuple(s for s in offered if s in STRENGTH_CUES and found_cues(words, STRENGTH_CUES[s])))


def insights(answers: Answers, today: str) -> Result:
    """Set the strengths ticked beside the examples written, and say what is ready to use."""
    check_answers(answers, fields_of(WORKSHEET))
    parse_today(today)
    strengths = field_at(WORKSHEET, "strengths")
    ticked = choices(answers, "strengths", strengths.options)
    examples = [read(entry, strengths.options) for entry in filled_entries(answers, GROUP, field_at(WORKSHEET, GROUP).fields)]
    others_say = text(answers, "what-others-say")
    skills = text(answers, "skills")
    if not (ticked or examples or skills or others_say):
        return result(
            WORKSHEET,
            _("Nothing is gathered here yet. Small things count, from work, study or your own life."),
            [
                prompt(_("Which one of the strengths sounds a little like you, even if you do not feel it every day?")),
                next_steps(_("Putting them to use"), steps(examples)),
            ],
        )
    blocks: list[Block | None] = [
        backed_paragraph(ticked, examples),
        untick_paragraph(ticked, examples),
        ready_paragraph(examples),
        missing_prompt(examples),
        evidence_table(ticked, examples),
        others_paragraph(others_say, skills),
        next_steps(_("Putting them to use"), steps(examples)),
    ]
    return result(WORKSHEET, summary(ticked, examples), blocks)


def label(strength: str) -> str:
    return quoted(field_at(WORKSHEET, "strengths").label_of(strength))


def summary(ticked: Sequence[str], examples: Sequence[Accomplishment]) -> str:
    """What the page adds up to, without listing it back."""
    backed = [strength for strength in ticked if any(strength in example.suggests for example in examples)]
    if ticked and examples:
        opening = _(
            "You ticked %(ticked)s and wrote %(examples)s.",
            ticked=ngettext("one strength", "%(count)s strengths", len(ticked), count=number_word(len(ticked))),
            examples=ngettext(
                "one accomplishment", "%(count)s accomplishments", len(examples), count=number_word(len(examples))
            ),
        )
        if not backed:
            return opening + " " + _(
                "None of those strengths is clearly shown by an example yet; a line on what each example shows can help."
            )
        return opening + " " + ngettext(
            "Your examples seem to back up one of those strengths, and an example is what makes a strength easy to "
            "talk about.",
            "Your examples seem to back up %(count)s of those strengths, and an example is what makes a strength "
            "easy to talk about.",
            len(backed),
            count=number_word(len(backed)),
        )
    if ticked:
        return ngettext(
            "You ticked one strength. An example from work, study or your own life would show it in action.",
            "You ticked %(count)s strengths. An example or two from work, study or your own life would show them in "
            "action.",
            len(ticked),
            count=number_word(len(ticked)),
        )
    if examples:
        return ngettext(
            "You wrote one accomplishment. It is worth rereading before an interview and on harder days.",
            "You wrote %(count)s accomplishments. They are worth rereading before an interview and on harder days.",
            len(examples),
            count=number_word(len(examples)),
        )
    return _("You have noted some skills and kind words. They are easy to forget after a no, so it helps to have them written down.")


def backed_paragraph(ticked: Sequence[str], examples: Sequence[Accomplishment]) -> Block | None:
    """Which ticked strengths already have an example behind them, and which could use one."""
    if not ticked or not examples:
        return None
    backed = [strength for strength in ticked if any(strength in example.suggests for example in examples)]
    waiting = [strength for strength in ticked if strength not in backed]
    sentences: list[str] = []
    if backed:
        sentences.append(
            _("Your examples already show %(strengths)s.", strengths=join_words([label(s) for s in backed]))
        )
    if waiting:
        sentences.append(
            ngettext(
                "%(strengths)s has no example yet; even a small one, from outside work, makes it easier to talk about.",
                "%(strengths)s have no example yet; even a small one, from outside work, makes each easier to talk about.",
                len(waiting),
                strengths=join_words([label(s) for s in waiting[:3]]),
            )
        )
    sentences.append(_("This is a guess from your words, so trust your own reading over it."))
    return paragraph(" ".join(sentences))


def untick_paragraph(ticked: Sequence[str], examples: Sequence[Accomplishment]) -> Block | None:
    """Strengths the examples suggest that were not ticked: the reader may be underselling themselves."""
    offered = field_at(WORKSHEET, "strengths").options
    suggested = [s for s in offered if s not in ticked and sum(s in example.suggests for example in examples) >= 1]
    if not suggested or not examples:
        return None
    return paragraph(
        ngettext(
            "Your examples also suggest %(strengths)s, which you did not tick. It may be worth a second look.",
            "Your examples also suggest %(strengths)s, which you did not tick. They may be worth a second look.",
            len(suggested[:3]),
            strengths=join_words([label(s) for s in suggested[:3]]),
        )
    )


def ready_paragraph(examples: Sequence[Accomplishment]) -> Block | None:
    """Accomplishments with all three parts are ready to tell; say how many."""
    ready = [example for example in examples if example.complete]
    if not ready:
        return None
    return paragraph(
        ngettext(
            "One accomplishment has what happened, what you did and what it shows: ready to tell as an example "
            "in an application or an interview.",
            "%(count)s accomplishments have what happened, what you did and what it shows: ready to tell as "
            "examples in an application or an interview.",
            len(ready),
            count=capitalise(number_word(len(ready))),
        )
    )


def missing_prompt(examples: Sequence[Accomplishment]) -> Block | None:
    """Invite the part that turns an accomplishment into an example: your own part, and what it shows."""
    no_part = [example.number for example in examples if "what-i-did" not in example.parts]
    no_shows = [example.number for example in examples if "what-it-shows" not in example.parts]
    if no_part:
        return prompt(
            ngettext(
                "What was your own part in accomplishment %(numbers)s? Interviewers listen for what you did, even "
                "when others were involved.",
                "What was your own part in accomplishments %(numbers)s? Interviewers listen for what you did, even "
                "when others were involved.",
                len(no_part),
                numbers=join_words([str(number) for number in no_part]),
            )
        )
    if no_shows:
        return prompt(
            ngettext(
                "What does accomplishment %(numbers)s show about you? For example, that you learn quickly or stay "
                "steady when plans change.",
                "What do accomplishments %(numbers)s show about you? For example, that you learn quickly or stay "
                "steady when plans change.",
                len(no_shows),
                numbers=join_words([str(number) for number in no_shows]),
            )
        )
    return None


def evidence_table(ticked: Sequence[str], examples: Sequence[Accomplishment]) -> Block | None:
    """Each ticked strength and the accomplishments that seem to show it."""
    if not ticked or not examples:
        return None
    rows = []
    for strength in ticked:
        shown = [str(example.number) for example in examples if strength in example.suggests]
        rows.append([field_at(WORKSHEET, "strengths").label_of(strength), ", ".join(shown) if shown else "–"])
    return table(
        _("Your strengths and the accomplishments that seem to show them"),
        [_("Strength"), _("Accomplishments")],
        rows,
    )


def others_paragraph(others_say: str, skills: str) -> Block | None:
    """What others say is evidence too, and reads well as a line in an application."""
    if others_say:
        return paragraph(
            _(
                "What others say about you is evidence too: a line such as “my manager described me as …” can "
                "carry a strength further than your own words."
            )
        )
    if skills:
        return paragraph(
            _("You have noted your skills. Setting one example beside each makes them easier to bring up.")
        )
    return None


def steps(examples: Sequence[Accomplishment]) -> list[Step]:
    """Turn strengths into interview examples, and keep the list somewhere it can be found."""
    found: list[Step] = []
    if examples:
        found.append(
            Step(
                _("Turn one accomplishment into a short interview example: situation, task, action, result."),
                "learning#improving-interview-skills",
            )
        )
    found.append(
        Step(
            _("Keep this list where you can find it, before an interview and on days when confidence is low."),
            "moving-forward#your-strengths",
        )
    )
    return found
