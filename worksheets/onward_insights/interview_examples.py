"""Interview examples: which are complete, what each still needs, which to practise first, and what is going well.

Each example is told in four parts (situation, task, action, result). The insight does not
read the examples back: it names each one only by its short name (or its number), says in
plain words which parts are still to write, picks the example practice would help most, and
notices what a careers adviser would, such as an action told as "we", or shorter than the
rest of the story. Which common questions the examples suit is a guess from their words, in
English or French, and the insight says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._answers import Answers, Entry, check_answers, filled_entries, parse_today, scale, text
from ._blocks import Block, Result, Step, bullet_list, next_steps, paragraph, prompt, result
from ._facts import Field, field_at, fields_of
from ._i18n import N_, _, capitalise, join_words, ngettext, number_word, quoted, shorten
from ._reading import Cue, cues, found_cues

WORKSHEET = "interview-examples"
GROUP = "examples"
# The four parts of a structured answer, in the order it is told, and what each holds in plain words.
PARTS = ("situation", "task", "action", "result")
PART_NEEDS = {
    "situation": N_("where you were and what was happening"),
    "task": N_("what you needed to do"),
    "action": N_("what you did yourself"),
    "result": N_("what came of it"),
}
# Everything the reader wrote about an example, read for the kinds of question it may suit.
READ_FOR_KINDS = ("name", "questions", *PARTS, "learned")
NAME_LIMIT = 40
MOST_NAMED = 3

# The common "tell me about a time" questions, in the guide's order, and words that suggest each.
QUESTION_KINDS: dict[str, tuple[str, tuple[Cue, ...]]] = {
    "problem": (
        N_("solving a problem"),
        cues((
            "problem*", "solv*", "solution*", "fix*", "figured out", "worked out how", "sorted out", "troubleshoot*",
            "broke", "broken", "workaround", "stop-gap", "issue*", "probleme*", "souci*", "en panne", "resoudre",
            "resolu*", "repare*", "debloque*", "trouve une solution", "trouver une solution",
        )),
    ),
    "team": (
        N_("working in a team"),
        cues((
            "team*", "group", "groups", "together", "colleague*", "collaborat*", "with others", "co-worker*",
            "classmates", "equipe*", "groupe*", "ensemble", "collegue*", "collabor*", "binome*",
        )),
    ),
    "went-wrong": (
        N_("something that went wrong"),
        cues((
            "wrong", "mistake*", "error*", "failed", "failure", "setback*", "did not go", "didn't go", "let down",
            "lost", "erreur*", "perdu*", "echec*", "mal passe*", "mal tourne*", "trompe*", "j'ai rate", "avais rate",
            "avait rate", "loupe*",
        )),
    ),
    "busy": (
        N_("having a lot to do at once"),
        cues((
            "lot to do", "at once", "at the same time", "same week", "same day", "busy", "busiest", "deadline*",
            "prioriti*", "juggl*", "workload", "plan", "planned", "planning", "schedul*", "en meme temps",
            "meme semaine", "meme jour", "debord*", "charge de travail", "echeance*", "delai*", "priorit*",
            "planifi*",
        )),
    ),
    "difficult-person": (
        N_("dealing with a difficult person"),
        cues((
            "difficult person", "difficult people", "difficult customer*", "difficult client*", "upset", "angry",
            "complain*", "conflict*", "disagree*", "rude", "argument*", "calm things down", "calmed", "mecontent*",
            "en colere", "enerve*", "conflit*", "desaccord*", "plainte*", "personne difficile", "client difficile",
            "cliente difficile", "agressi*", "calmer",
        )),
    ),
}

# Words that tell an action as "we" or as "I" (English, French), read as a guess.
WE_CUES = cues(
    (
        "we", "we're", "we've", "we'd", "we'll", "our", "ours", "ourselves", "nous", "notre", "nos", "on s'est",
        "on est", "on etait", "on avait", "on devait", "on l'a", "on les a",
    ),
    negatable=False,
)
I_CUES = cues(
    ("i", "i'm", "i've", "i'd", "i'll", "my", "me", "myself", "je", "j'*", "moi", "mon", "ma", "mes", "m'*"),
    negatable=False,
)


@dataclass(frozen=True)
class Example:
    """One example, as far as it is written: which parts, how ready it feels, what its words suggest."""

    number: int
    name: str
    written: tuple[str, ...]
    learned: bool
    questions: bool
    ready: int | None
    action_shorter: bool  # another part is at least a quarter longer than the action
    action_as_we: bool  # the action speaks of "we" and never of "I"
    kinds: tuple[str, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(part for part in PARTS if part not in self.written)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def label(self) -> str:
        """The example's own short name, or its number in the form when it has none."""
        return quoted(shorten(self.name, NAME_LIMIT)) if self.name else _("Example %(number)s", number=self.number)


def example_fields() -> dict[str, Field]:
    return dict(field_at(WORKSHEET, GROUP).fields)


def ready_field() -> Field:
    return example_fields()["ready"]


def read(entry: Entry) -> Example:
    """The facts about one example; its words are counted and read for cues, then left alone."""
    ready = ready_field()
    words = {part: text(entry, part) for part in PARTS}
    written = tuple(part for part in PARTS if words[part])
    lengths = {part: len(words[part].split()) for part in written}
    action = words["action"]
    return Example(
        number=entry.number,
        name=text(entry, "name"),
        written=written,
        learned=bool(text(entry, "learned")),
        questions=bool(text(entry, "questions")),
        ready=scale(entry, "ready", ready.low, ready.high),
        action_shorter=bool(action) and any(lengths[part] * 4 > lengths["action"] * 5 for part in written),
        action_as_we=bool(found_cues(action, WE_CUES)) and not found_cues(action, I_CUES),
        kinds=kinds_in("\n".join(text(entry, key) for key in READ_FOR_KINDS)),
    )


def kinds_in(words: str) -> tuple[str, ...]:
    """The kinds of common question an example's words suggest, in the guide's order."""
    return tuple(kind for kind, (_name, kind_cues) in QUESTION_KINDS.items() if found_cues(words, kind_cues))


def insights(answers: Answers, today: str) -> Result:
    """Say which examples are complete, what each still needs, which to practise first and what is going well."""
    check_answers(answers, fields_of(WORKSHEET))
    parse_today(today)
    examples = [read(entry) for entry in filled_entries(answers, GROUP, example_fields())]
    practise_with = bool(text(answers, "practise-with"))
    if not examples:
        return result(
            WORKSHEET,
            _(
                "You have thought about who you could practise with. One true example, written down, is the next "
                "step, and small things count."
            )
            if practise_with
            else _("There are no examples here yet. One true example, written down, is a good start, and small things count."),
            [
                prompt(
                    _(
                        "Which moment from work, study, volunteering or home could be your first example? A busy "
                        "week, a problem you sorted out or a time you helped someone all count."
                    )
                ),
                next_steps(_("A place to start"), steps(examples, practise_with)),
            ],
        )
    blocks: list[Block | None] = [
        going_well(examples, practise_with),
        complete_list(examples),
        needs_list(examples),
        practise_first(examples),
        action_paragraph(examples),
        kinds_paragraph(examples),
        thin_prompt(examples),
        next_steps(_("Next steps"), steps(examples, practise_with)),
    ]
    return result(WORKSHEET, summary(examples), blocks)


def summary(examples: Sequence[Example]) -> str:
    """How far the set of examples has come, without reading any of it back."""
    total = len(examples)
    complete = sum(example.complete for example in examples)
    if complete == total:
        return ngettext(
            "You have one example with all four parts written. Saying it out loud is the next step.",
            "You have %(count)s examples, each with all four parts written. Saying them out loud is the next step.",
            total,
            count=number_word(total),
        )
    if not complete:
        return ngettext(
            "You have started one example. It does not have all four parts yet, and that is fine: one gap at a time "
            "is plenty.",
            "You have started %(count)s examples. None has all four parts yet, and that is fine: one gap at a time "
            "is plenty.",
            total,
            count=number_word(total),
        )
    started = ngettext("You have started one example.", "You have started %(count)s examples.", total, count=number_word(total))
    done = ngettext(
        "One of them has all four parts written.",
        "%(count)s of them have all four parts written.",
        complete,
        count=capitalise(number_word(complete)),
    )
    return f"{started} {done}"


def is_ready(example: Example) -> bool:
    """Rated at the top of the scale or one below it: ready, or nearly."""
    return example.ready is not None and example.ready >= ready_field().high - 1


def going_well(examples: Sequence[Example], practise_with: bool) -> Block | None:
    """What is already in place, said as findings rather than praise."""
    items: list[str] = []
    ready = sum(is_ready(example) for example in examples)
    if ready:
        items.append(
            ngettext(
                "One example already feels ready, or nearly, to say out loud.",
                "%(count)s examples already feel ready, or nearly, to say out loud.",
                ready,
                count=capitalise(number_word(ready)),
            )
        )
    learned = sum(example.learned for example in examples)
    if learned:
        items.append(
            ngettext(
                "One example ends with what you learned. That also helps with questions such as “what would you do "
                "differently?”",
                "%(count)s examples end with what you learned. That also helps with questions such as “what would "
                "you do differently?”",
                learned,
                count=capitalise(number_word(learned)),
            )
        )
    noted = sum(example.questions for example in examples)
    if noted:
        items.append(
            ngettext(
                "You have noted which questions one example could answer, so it is easier to find in the moment.",
                "You have noted which questions %(count)s examples could answer, so the right one is easier to find "
                "in the moment.",
                noted,
                count=number_word(noted),
            )
        )
    if practise_with:
        items.append(_("You have thought about who, or what, could help you practise."))
    return bullet_list(_("What is going well"), items)


def complete_list(examples: Sequence[Example]) -> Block | None:
    """Which examples have all four parts, when only some have (the summary says so when all have)."""
    if all(example.complete for example in examples):
        return None
    return bullet_list(_("With all four parts written"), [example.label for example in examples if example.complete])


def needs_list(examples: Sequence[Example]) -> Block | None:
    """What each unfinished example still needs, in plain words rather than the form's labels."""
    items: list[str] = []
    for example in examples:
        if example.complete:
            continue
        if not example.written:
            items.append(
                _(
                    "%(example)s: all four parts are still to write. It already feels ready to say, so a short note "
                    "for each may be enough.",
                    example=example.label,
                )
                if is_ready(example)
                else _("%(example)s: all four parts are still to write.", example=example.label)
            )
            continue
        needs = join_words([_(PART_NEEDS[part]) for part in example.missing])
        if is_ready(example):
            items.append(
                ngettext(
                    "%(example)s: %(needs)s. It already feels ready to say, so a short note may be enough.",
                    "%(example)s: %(needs)s. It already feels ready to say, so a short note for each may be enough.",
                    len(example.missing),
                    example=example.label,
                    needs=needs,
                )
            )
        else:
            items.append(_("%(example)s: %(needs)s.", example=example.label, needs=needs))
    return bullet_list(_("What each example still needs"), items)


def practise_first(examples: Sequence[Example]) -> Block | None:
    """The example practice would help most, and why: the complete one that feels least ready, else the nearest to complete."""
    complete = [example for example in examples if example.complete]
    high = ready_field().high
    rated = [example for example in complete if example.ready is not None]
    not_ready_yet = [example for example in rated if not is_ready(example)]
    if not_ready_yet:
        chosen = min(not_ready_yet, key=lambda example: (example.ready, example.number))
        if len(rated) == 1:
            words = _(
                "%(example)s may be the one to practise first: it has all four parts, and you rated it %(ready)s "
                "out of %(high)s for how ready it feels. Saying an example out loud a few times is often what makes "
                "it feel easier.",
                example=chosen.label,
                ready=chosen.ready,
                high=high,
            )
        else:
            words = _(
                "%(example)s may be the one to practise first: of your complete examples, it feels the least ready "
                "(%(ready)s out of %(high)s). Practice tends to help most where an example does not feel ready yet.",
                example=chosen.label,
                ready=chosen.ready,
                high=high,
            )
        return paragraph(words)
    unrated = [example for example in complete if example.ready is None]
    if unrated:
        return paragraph(
            _(
                "%(example)s may be the one to practise first, since it has all four parts. Once you have said it "
                "out loud, rating how ready it feels shows which example to come back to.",
                example=unrated[0].label,
            )
        )
    if complete:
        return None  # every complete example feels ready, or nearly: nothing needs picking out
    begun = [example for example in examples if example.written]
    if len(begun) < 2:
        return None  # one example begun, or none: there is nothing to choose between
    nearest = min(begun, key=lambda example: (len(example.missing), -(example.ready or 0), example.number))
    return paragraph(
        _(
            "%(example)s is the nearest to having all four parts, so it may be the one to finish first and then "
            "practise out loud.",
            example=nearest.label,
        )
    )


def named(examples: Sequence[Example]) -> str:
    return join_words([example.label for example in examples[:MOST_NAMED]])


def action_paragraph(examples: Sequence[Example]) -> Block | None:
    """Two things an adviser listens for in the action: that it is the longest part, and that it says "I"."""
    sentences: list[str] = []
    shorter = [example for example in examples if example.action_shorter]
    if shorter:
        sentences.append(
            _(
                "In %(examples)s, the action is shorter than another part. Most of an answer like this is what you "
                "did yourself, so a step or two more there often helps.",
                examples=named(shorter),
            )
        )
    as_we = [example for example in examples if example.action_as_we]
    if as_we and as_we == shorter:
        sentences.append(
            _(
                "The action there also seems to be told as “we”. Interviewers listen for your own part, so saying "
                "“I” for what you did helps, even in a team story."
            )
        )
    elif as_we:
        sentences.append(
            _(
                "In %(examples)s, the action seems to be told as “we”. Interviewers listen for your own part, so "
                "saying “I” for what you did helps, even in a team story.",
                examples=named(as_we),
            )
        )
    if as_we:
        sentences.append(_("This is only a guess from your words."))
    return paragraph(" ".join(sentences)) if sentences else None


def kinds_paragraph(examples: Sequence[Example]) -> Block | None:
    """Which common questions the examples seem to suit, and which kinds none of them speaks to yet."""
    begun = [example for example in examples if example.written]
    if not begun:
        return None
    covered = [kind for kind in QUESTION_KINDS if any(kind in example.kinds for example in begun)]
    others = [kind for kind in QUESTION_KINDS if kind not in covered]

    def names(kinds: Sequence[str]) -> str:
        return join_words([_(QUESTION_KINDS[kind][0]) for kind in kinds])

    if not covered:
        words = _(
            "From your words, it is hard to tell which common “tell me about a time” questions your examples suit. "
            "A few words under %(label)s help you find the right example in the moment.",
            label=quoted(example_fields()["questions"].label),
        )
    elif not others:
        words = _(
            "Between them, your examples seem to speak to each common kind of “tell me about a time” question in "
            "the guide: %(kinds)s.",
            kinds=names(covered),
        )
    else:
        words = (
            _("Your examples seem to speak to %(kinds)s.", kinds=names(covered))
            + " "
            + ngettext(
                "Common “tell me about a time” questions also ask about %(kinds)s; your example may stretch to fit, "
                "or a new one could.",
                "Common “tell me about a time” questions also ask about %(kinds)s; one of your examples may stretch "
                "to fit, or a new one could.",
                len(begun),
                kinds=names(others),
            )
        )
    return paragraph(words + " " + _("This is only a guess from your words."))


def thin_prompt(examples: Sequence[Example]) -> Block | None:
    """When nothing of the four parts is written yet, say how little it takes to begin."""
    if any(example.written for example in examples):
        return None
    return prompt(
        _(
            "A sentence or two on where you were and what was happening is enough to begin. The other parts tend "
            "to follow from it: what you needed to do, what you did, and what came of it."
        )
    )


def steps(examples: Sequence[Example], practise_with: bool) -> list[Step]:
    """A worked example while parts are missing, practice out loud once one is complete, and the common questions."""
    found: list[Step] = []
    complete = any(example.complete for example in examples)
    if not examples or not all(example.complete for example in examples):
        found.append(Step(_("See a worked example with all four parts, step by step."), "interview-practice#star-method"))
    if complete and practise_with:
        found.append(
            Step(
                _(
                    "Ask the person you thought of to put a few questions to you, then to name one thing that "
                    "worked and one thing to try."
                ),
                "interview-practice#practise-out-loud",
            )
        )
    elif complete:
        found.append(
            Step(
                _("Say an example out loud two or three times, or record yourself on your phone and listen back once."),
                "interview-practice#practise-out-loud",
            )
        )
    found.append(
        Step(_("Match your examples to common “tell me about a time” questions."), "interview-practice#question-bank")
    )
    return found
