"""Strengths: gather the strengths ticked and what each accomplishment shows, for hard days and applications."""

from __future__ import annotations

from collections.abc import Sequence

from ._common import (
    LONG_TEXT,
    Answers,
    Block,
    Entry,
    Result,
    Step,
    bullet_list,
    check_answers,
    choices,
    count_of,
    filled_entries,
    group,
    join_words,
    multiple_choice,
    next_steps,
    paragraph,
    parse_today,
    prompt,
    result,
    text,
)

WORKSHEET = "strengths"

STRENGTHS = (
    "reliable",
    "organised",
    "curious",
    "creative",
    "kind",
    "good-listener",
    "clear-communicator",
    "calm-under-pressure",
    "determined",
    "quick-learner",
    "problem-solver",
    "works-well-with-others",
)
STRENGTH_LABELS = {
    "reliable": "Reliable",
    "organised": "Organised",
    "curious": "Curious",
    "creative": "Creative",
    "kind": "Kind",
    "good-listener": "A good listener",
    "clear-communicator": "A clear communicator",
    "calm-under-pressure": "Calm under pressure",
    "determined": "Determined",
    "quick-learner": "A quick learner",
    "problem-solver": "Good at solving problems",
    "works-well-with-others": "Good at working with others",
}

ENTRY_FIELDS = {"what-happened": LONG_TEXT, "what-i-did": LONG_TEXT, "what-it-shows": LONG_TEXT}
FIELDS = {
    "strengths": multiple_choice(*STRENGTHS),
    "accomplishments": group(ENTRY_FIELDS),
    "skills": LONG_TEXT,
    "what-others-say": LONG_TEXT,
}


def insights(answers: Answers, today: str) -> Result:
    """Bring the reader's strengths and accomplishments together in one place to come back to."""
    check_answers(answers, FIELDS)
    parse_today(today)
    ticked = choices(answers, "strengths", STRENGTHS)
    accomplishments = filled_entries(answers, "accomplishments", ENTRY_FIELDS)
    shows = [text(entry, "what-it-shows") for entry in accomplishments if text(entry, "what-it-shows")]
    blocks: list[Block | None] = [
        bullet_list("Strengths you ticked", [STRENGTH_LABELS[strength] for strength in ticked]),
        bullet_list("What your accomplishments show", shows),
        what_it_shows_prompt(accomplishments),
        kind_words_paragraph(answers),
        start_prompt()
        if not (ticked or accomplishments or text(answers, "skills") or text(answers, "what-others-say"))
        else None,
        next_steps("Putting them to use", steps(accomplishments)),
    ]
    return result(WORKSHEET, summary(ticked, accomplishments), blocks)


def summary(ticked: Sequence[str], accomplishments: Sequence[Entry]) -> str:
    """What the reader has gathered so far."""
    if not ticked and not accomplishments:
        return "Nothing is gathered here yet. Small things count, from work, study or your own life."
    parts = []
    if ticked:
        parts.append(count_of(len(ticked), "strength"))
    if accomplishments:
        parts.append(count_of(len(accomplishments), "accomplishment"))
    return f"You have gathered {join_words(parts)}. They are worth rereading before an interview and on harder days."


def what_it_shows_prompt(accomplishments: Sequence[Entry]) -> Block | None:
    """Invite the reader to name what an accomplishment shows, since that is what an interviewer listens for."""
    missing = [entry.number for entry in accomplishments if not text(entry, "what-it-shows")]
    if not missing:
        return None
    which = (
        f"accomplishment {missing[0]}"
        if len(missing) == 1
        else f"accomplishments {join_words([str(n) for n in missing])}"
    )
    return prompt(
        f"What does {which} show about you? For example, that you learn quickly or stay steady when plans change."
    )


def kind_words_paragraph(answers: Answers) -> Block | None:
    """Acknowledge skills and kind words noted, without repeating them back."""
    noted = [
        label
        for key, label in (("skills", "your skills"), ("what-others-say", "what others say about you"))
        if text(answers, key)
    ]
    if not noted:
        return None
    return paragraph(
        f"You have also noted {join_words(noted)}. They are easy to forget after a no, so it helps to have them written down."
    )


def start_prompt() -> Block:
    """A gentle way in when the page is empty."""
    return prompt("Which one of the strengths sounds a little like you, even if you do not feel it every day?")


def steps(accomplishments: Sequence[Entry]) -> list[Step]:
    """Turn strengths into interview examples, and keep the list somewhere it can be found."""
    found: list[Step] = []
    if accomplishments:
        found.append(
            Step(
                "Turn one accomplishment into a short interview example: situation, task, action, result.",
                "learning#improving-interview-skills",
            )
        )
    found.append(
        Step(
            "Keep this list where you can find it, before an interview and on days when confidence is low.",
            "moving-forward#your-strengths",
        )
    )
    return found
