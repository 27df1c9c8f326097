"""Thought record: reflect back the change in feeling and the thinking traps the wording hints at, as questions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ._common import (
    LONG_TEXT,
    SHORT_TEXT,
    Answers,
    Block,
    Result,
    Step,
    bullet_list,
    capitalise,
    check_answers,
    choices,
    is_blank_value,
    join_words,
    multiple_choice,
    next_steps,
    normalise_for_matching,
    paragraph,
    parse_today,
    phrase_pattern,
    prompt,
    quoted,
    result,
    scale,
    scale_field,
    shorten,
    text,
)

WORKSHEET = "thought-record"

TRAPS = (
    "all-or-nothing",
    "overgeneralising",
    "catastrophising",
    "mind-reading",
    "fortune-telling",
    "labelling",
    "personalising",
    "mental-filter",
    "discounting-the-positive",
    "should-statements",
)
TRAP_NAMES = {
    "all-or-nothing": "all-or-nothing thinking",
    "overgeneralising": "overgeneralising",
    "catastrophising": "catastrophising",
    "mind-reading": "mind-reading",
    "fortune-telling": "fortune-telling",
    "labelling": "labelling",
    "personalising": "personalising",
    "mental-filter": "a mental filter",
    "discounting-the-positive": "discounting the positive",
    "should-statements": "“should” statements",
}
TRAP_QUESTIONS = {
    "all-or-nothing": "Is there any middle ground between complete success and complete failure here?",
    "overgeneralising": "Is this really how it always goes, or have there been times it went differently?",
    "catastrophising": "What seems most likely to happen, rather than the worst that could?",
    "mind-reading": "Do you know what they thought, or is it a guess? What else might they have been thinking?",
    "fortune-telling": "Is the future really settled, or could it still go more than one way?",
    "labelling": "Would you use that word about a friend in the same place? What would you say to them instead?",
    "personalising": "What else, outside your control, might have played a part?",
    "mental-filter": "What else happened, alongside the part that stands out most?",
    "discounting-the-positive": "If a friend had done the same, would you say it counts?",
    "should-statements": "How would it sound as “I would have liked to” rather than “I should have”?",
}

# Words and phrases that can hint at each trap. Matching is whole-word and case-insensitive.
# A phrase may carry a "not followed by" pattern, so "they must think" is not also a should.
TRAP_CUES: dict[str, tuple[str | tuple[str, str], ...]] = {
    "all-or-nothing": (
        "nothing",
        "everything",
        "completely",
        "totally",
        "perfect",
        "perfectly",
        "whole thing",
        "total failure",
        "complete failure",
    ),
    "overgeneralising": (
        "always",
        "never",
        "everyone",
        "everybody",
        "no one",
        "no-one",
        "nobody",
        "every time",
        "all the time",
    ),
    "catastrophising": (
        "ruined",
        "ruin",
        "disaster",
        "disastrous",
        "terrible",
        "awful",
        "catastrophe",
        "end of the world",
        "never work again",
    ),
    "mind-reading": (
        "they think",
        "they thought",
        "they must think",
        "they must have thought",
        "they probably think",
        "they all think",
        "everyone thinks",
        "he thinks",
        "she thinks",
        "they could tell",
    ),
    "fortune-telling": (
        "will never",
        "won't ever",
        "i'll never",
        "never going to",
        "going to fail",
        "no point",
        "will turn me down",
        "will say no",
    ),
    "labelling": (
        "failure",
        "useless",
        "stupid",
        "loser",
        "idiot",
        "worthless",
        "pathetic",
        "hopeless",
        "incompetent",
        "not good enough",
    ),
    "personalising": ("my fault", "because of me", "all on me", "blame myself", "it was me", "something about me"),
    "mental-filter": (
        "only the bad",
        "all i can think about",
        "only thing i remember",
        "can't stop thinking about",
        "all i remember",
    ),
    "discounting-the-positive": (
        "doesn't count",
        "does not count",
        "didn't count",
        "means nothing",
        "meant nothing",
        "just luck",
        "fluke",
        "anyone could",
    ),
    "should-statements": (
        "should",
        "shouldn't",
        "should have",
        "ought",
        "ought to",
        ("must", r"\s+(?:have|think|thinks|be\s+thinking)(?![A-Za-z])"),
        "mustn't",
        "have to be",
    ),
}


@dataclass(frozen=True)
class Cue:
    """One word or phrase that can hint at a trap, with its compiled pattern."""

    trap: str
    words: str
    pattern: re.Pattern[str]


def _compile_cues() -> tuple[Cue, ...]:
    """All cues, compiled once, in trap order."""
    compiled: list[Cue] = []
    for trap in TRAPS:
        for cue in TRAP_CUES[trap]:
            words, not_followed_by = (cue, "") if isinstance(cue, str) else cue
            compiled.append(Cue(trap, words, phrase_pattern(words, not_followed_by)))
    return tuple(compiled)


CUES = _compile_cues()

FIELDS = {
    "situation": LONG_TEXT,
    "emotion": SHORT_TEXT,
    "emotion-before": scale_field(0, 100),
    "automatic-thought": LONG_TEXT,
    "traps": multiple_choice(*TRAPS),
    "evidence-for": LONG_TEXT,
    "evidence-against": LONG_TEXT,
    "balanced-thought": LONG_TEXT,
    "belief": scale_field(0, 100),
    "emotion-after": scale_field(0, 100),
}


def insights(answers: Answers, today: str) -> Result:
    """Reflect the record back: the feeling's change, possible traps as questions, and gaps as invitations."""
    check_answers(answers, FIELDS)
    parse_today(today)
    if all(is_blank_value(answers.get(key)) for key in FIELDS):
        return result(
            WORKSHEET,
            "There is nothing here yet. When you are ready, start with what happened and the thought that came "
            "with it. You can stop at any point.",
            [prompt("What happened, in a few plain facts? And what went through your mind?")],
        )
    suggested = suggested_traps(text(answers, "automatic-thought") + "\n" + text(answers, "situation"))
    ticked = choices(answers, "traps", TRAPS)
    blocks: list[Block | None] = [
        emotion_paragraph(answers),
        belief_paragraph(scale(answers, "belief", 0, 100)),
        *trap_prompts(suggested, ticked),
        ticked_list(ticked),
        evidence_against_prompt(answers),
        balanced_thought_prompt(answers),
        next_steps("If you would like to go further", steps(answers)),
    ]
    return result(WORKSHEET, summary(answers, suggested), blocks)


def summary(answers: Answers, suggested: Sequence[tuple[str, list[str]]]) -> str:
    """One or two sentences on what the record shows, without judging it."""
    emotion = text(answers, "emotion")
    parts = [f"You noted feeling {quoted(shorten(emotion, 40))}." if emotion else "You have started a thought record."]
    if suggested:
        parts.append("Some of the wording may be worth a second look, and there are a few questions below to help.")
    elif text(answers, "balanced-thought"):
        parts.append("You have found a more balanced way of putting it, which is worth keeping.")
    else:
        parts.append("Take whatever feels useful from the notes below, and leave the rest.")
    return " ".join(parts)


def suggested_traps(words: str) -> list[tuple[str, list[str]]]:
    """Traps whose cue words appear in the thought, each with the cues found, in trap order."""
    normalised = normalise_for_matching(words)
    found: dict[str, list[str]] = {}
    for cue in CUES:
        if cue.pattern.search(normalised):
            found.setdefault(cue.trap, [])
            if cue.words not in found[cue.trap]:
                found[cue.trap].append(cue.words)
    return [(trap, without_contained(found[trap])) for trap in TRAPS if trap in found]


def without_contained(cues: Sequence[str]) -> list[str]:
    """Drop a cue found only as part of a longer one ('should' inside 'should have')."""
    return [cue for cue in cues if not any(other != cue and f" {cue} " in f" {other} " for other in cues)]


def trap_prompts(suggested: Sequence[tuple[str, list[str]]], ticked: Sequence[str]) -> list[Block]:
    """One gentle question for each trap the wording hints at; spotting one does not make a thought wrong."""
    prompts: list[Block] = []
    for trap, cues in suggested:
        shown = join_words([quoted(cue) for cue in cues[:3]])
        lead = f"Words like {shown} can sometimes be a sign of {TRAP_NAMES[trap]}."
        also = " You ticked this one too." if trap in ticked else ""
        prompts.append(prompt(f"{lead}{also} {TRAP_QUESTIONS[trap]}"))
    return prompts


def ticked_list(ticked: Sequence[str]) -> Block | None:
    """The traps the reader spotted themselves."""
    return bullet_list("Traps you ticked", [capitalise(TRAP_NAMES[trap]) for trap in ticked])


def emotion_paragraph(answers: Answers) -> Block | None:
    """How the strength of the feeling changed, stated neutrally whichever way it went."""
    before = scale(answers, "emotion-before", 0, 100)
    after = scale(answers, "emotion-after", 0, 100)
    if before is None and after is None:
        return None
    if before is None:
        return paragraph(f"You rated the feeling at {after} out of 100 by the end.")
    if after is None:
        return paragraph(f"You rated the feeling at {before} out of 100 at the start.")
    change = before - after
    if change > 0:
        return paragraph(
            f"The feeling went from {before} to {after} out of 100, {change} points lower than at the start."
        )
    if change == 0:
        return paragraph(
            f"The feeling is where it started, at {before} out of 100. That is fine: a thought record can be "
            "worth doing even when the feeling has barely moved."
        )
    return paragraph(
        f"The feeling went from {before} to {after} out of 100, {-change} points stronger than at the start. "
        "Looking closely at a painful thought can stir it up for a while, and that is fine too."
    )


def belief_paragraph(belief: int | None) -> Block | None:
    """How much the balanced thought rings true, with no suggestion that it should be higher."""
    if belief is None:
        return None
    if belief == 0:
        return paragraph(
            "You do not believe the balanced thought yet, and that is fine. A fairer view can take time to feel true."
        )
    return paragraph(f"You believe the balanced thought {belief} out of 100. Even a little belief is a start.")


def evidence_against_prompt(answers: Answers) -> Block | None:
    """Invite the other side when it is still empty, in the voice of a kind friend."""
    if text(answers, "evidence-against"):
        return None
    return prompt(
        "What does not fit the thought? Think of what a kind friend might point out: something that went well, "
        "or reasons that had nothing to do with you. Even one small thing counts."
    )


def balanced_thought_prompt(answers: Answers) -> Block | None:
    """Invite a balanced thought once there is something on both sides to draw on."""
    if text(answers, "balanced-thought") or not (text(answers, "evidence-for") or text(answers, "evidence-against")):
        return None
    return prompt("How might you put it to a friend, taking in both sides? It does not need to be cheerful, only fair.")


def steps(answers: Answers) -> list[Step]:
    """Guide sections that fit what the record shows."""
    found = [
        Step("Questions that can help you look at the rejection from a kinder angle.", "coping#reframing"),
        Step("A short self-compassion pause, for whenever the thought comes back.", "coping#self-compassion-pause"),
    ]
    latest = scale(answers, "emotion-after", 0, 100)
    if latest is None:
        latest = scale(answers, "emotion-before", 0, 100)
    if latest is not None and latest >= 70:
        found.append(
            Step(
                "If strong feelings stay with you for a couple of weeks or more, you do not have to manage them alone.",
                "coping#more-support",
            )
        )
    return found
