"""Interview examples: see which prepared examples are complete, and which to practise next."""

from __future__ import annotations

from collections.abc import Sequence

from ._common import (
    LONG_TEXT,
    SHORT_TEXT,
    Answers,
    Block,
    Entry,
    Result,
    Step,
    bullet_list,
    capitalise,
    check_answers,
    count_of,
    filled_entries,
    group,
    join_words,
    next_steps,
    number_word,
    parse_today,
    prompt,
    quoted,
    result,
    scale,
    scale_field,
    shorten,
    text,
)

WORKSHEET = "interview-examples"

# The four parts of a structured answer, in the order it is told.
PARTS = ("situation", "task", "action", "result")
LOW, HIGH = 1, 5
ENTRY_FIELDS = {
    "name": SHORT_TEXT,
    "questions": SHORT_TEXT,
    **{part: LONG_TEXT for part in PARTS},
    "learned": LONG_TEXT,
    "ready": scale_field(LOW, HIGH),
}
FIELDS = {"examples": group(ENTRY_FIELDS), "practise-with": LONG_TEXT}


def insights(answers: Answers, today: str) -> Result:
    """Say how many examples are ready to tell, what each still lacks, and what to practise first."""
    check_answers(answers, FIELDS)
    parse_today(today)
    examples = filled_entries(answers, "examples", ENTRY_FIELDS)
    complete = [entry for entry in examples if not missing_parts(entry)]
    blocks: list[Block | None] = [
        bullet_list("Examples ready to tell", [name(entry) for entry in complete]),
        bullet_list("Parts still to write", [gaps(entry) for entry in examples if missing_parts(entry)]),
        practise_first(examples),
        prompt("Which moment from work, study or home would make a good first example?") if not examples else None,
        next_steps("Next steps", steps(examples, text(answers, "practise-with"))),
    ]
    return result(WORKSHEET, summary(examples, complete), blocks)


def missing_parts(entry: Entry) -> list[str]:
    """The parts of the structured answer this example has no words for yet."""
    return [part for part in PARTS if not text(entry, part)]


def name(entry: Entry) -> str:
    """The example's own name, or its number when it has none."""
    given = text(entry, "name")
    return quoted(shorten(given)) if given else f"Example {entry.number}"


def gaps(entry: Entry) -> str:
    """One line naming what an example still lacks."""
    return f"{name(entry)}: {join_words(missing_parts(entry))}"


def summary(examples: Sequence[Entry], complete: Sequence[Entry]) -> str:
    """How far the set of examples has come."""
    if not examples:
        return "No examples yet. One true example, written down, is a good start."
    if len(complete) == len(examples):
        ready = count_of(len(examples), "example")
        return f"You have {ready} with all four parts written. Saying them out loud is the next step."
    started = f"You have started {count_of(len(examples), 'example')}."
    if not complete:
        return f"{started} None has all four parts yet, and that is fine: fill one gap at a time."
    verb = "has" if len(complete) == 1 else "have"
    return f"{started} {capitalise(number_word(len(complete)))} {verb} all four parts."


def practise_first(examples: Sequence[Entry]) -> Block | None:
    """Point to the complete example that feels least ready, since practice helps it most."""
    rated = [
        (value, entry)
        for entry in examples
        if not missing_parts(entry) and (value := scale(entry, "ready", LOW, HIGH)) is not None
    ]
    if not rated:
        return None
    value, entry = min(rated, key=lambda pair: (pair[0], pair[1].number))
    if value >= HIGH:
        return None
    return prompt(f"{name(entry)} feels least ready to say out loud. It may be the one to practise first.")


def steps(examples: Sequence[Entry], practise_with: str) -> list[Step]:
    """Where to go from here: common questions to match, a structure to follow, someone to practise with."""
    found = [Step("Match your examples to common questions.", "interview-practice#question-bank")]
    if any(missing_parts(entry) for entry in examples) or not examples:
        found.append(Step("Look at a worked example of all four parts.", "interview-practice#star-method"))
    if not practise_with:
        found.append(Step("Think of someone to practise with, or record yourself.", "interview-practice#practise-out-loud"))
    return found
