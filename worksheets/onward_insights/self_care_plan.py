"""Self-care plan: what is planned, what has no plan yet, and one or two gentle suggestions."""

from __future__ import annotations

from collections.abc import Sequence

from ._common import (
    SHORT_TEXT,
    Answers,
    Block,
    Result,
    Step,
    bullet_list,
    check_answers,
    checklist,
    choices,
    count_of,
    join_words,
    next_steps,
    one_line,
    paragraph,
    parse_today,
    result,
    text,
)

WORKSHEET = "self-care-plan"

TODAY_OPTIONS = (
    "water",
    "meal",
    "fresh-air",
    "slow-breaths",
    "message-someone",
    "screen-break",
    "something-comforting",
    "early-night",
)
PRACTICES = ("mindfulness", "physical-activity", "people-you-love", "hobbies", "professional-help")
PRACTICE_LABELS = {
    "mindfulness": "Mindfulness",
    "physical-activity": "Physical activity",
    "people-you-love": "Time with people you love",
    "hobbies": "Hobbies and interests",
    "professional-help": "Professional help",
}
# Shorter names for running text, so a list never reads "hobbies and interests and professional help".
PRACTICE_NAMES = {
    "mindfulness": "mindfulness",
    "physical-activity": "physical activity",
    "people-you-love": "time with loved ones",
    "hobbies": "hobbies",
    "professional-help": "professional help",
}
# A small idea for each practice with nothing planned yet.
PRACTICE_IDEAS = {
    "mindfulness": "a few minutes of slow breathing, or noticing five things you can see around you",
    "physical-activity": "a short walk, a swim or some stretching; anything that gets you moving counts",
    "people-you-love": "a call, a meal or a walk with someone; you do not have to talk about work",
    "hobbies": "something you enjoy for its own sake, such as cooking, music, reading or gardening",
    "professional-help": "a chat with a doctor, a counsellor or a careers adviser, if that would help",
}

FIELDS = {
    "today": checklist(*TODAY_OPTIONS),
    **{f"{practice}-{part}": SHORT_TEXT for practice in PRACTICES for part in ("what", "when")},
}


def insights(answers: Answers, today: str) -> Result:
    """Reflect the plan back and suggest a practice or two that has nothing planned yet, without pressure."""
    check_answers(answers, FIELDS)
    parse_today(today)
    ticked = choices(answers, "today", TODAY_OPTIONS)
    planned = [practice for practice in PRACTICES if text(answers, f"{practice}-what")]
    unplanned = [practice for practice in PRACTICES if practice not in planned]
    blocks: list[Block | None] = [
        today_paragraph(len(ticked)),
        bullet_list("Your plan", [plan_line(answers, practice) for practice in planned]),
        no_time_paragraph(answers, planned),
        bullet_list("Not planned yet", [PRACTICE_LABELS[practice] for practice in unplanned]) if planned else None,
        next_steps("Small things you might add", steps(planned, unplanned)),
    ]
    return result(WORKSHEET, summary(len(ticked), planned), blocks)


def summary(ticked: int, planned: Sequence[str]) -> str:
    """What is in place so far, with no suggestion that more is needed."""
    if not planned and not ticked:
        return "Nothing is planned yet, and that is fine. One small, realistic thing is plenty to begin with."
    parts = []
    if planned:
        names = join_words([PRACTICE_NAMES[practice] for practice in planned])
        parts.append(f"You have planned something for {names}.")
    if ticked:
        parts.append(f"You have ticked {count_of(ticked, 'small thing')} for today.")
    return " ".join(parts) + " Blank boxes are fine; choose whatever fits your life."


def today_paragraph(ticked: int) -> Block | None:
    """Acknowledge the small things done today; one is plenty."""
    if ticked == 0:
        return None
    if ticked == 1:
        return paragraph("You managed one small thing today. One is plenty.")
    return paragraph(f"You managed {count_of(ticked, 'small thing')} today. Each of them counts.")


def plan_line(answers: Answers, practice: str) -> str:
    """'Physical activity: a walk (after lunch)'."""
    what = one_line(answers, f"{practice}-what")
    when = one_line(answers, f"{practice}-when")
    return f"{PRACTICE_LABELS[practice]}: {what}" + (f" ({when})" if when else "")


def no_time_paragraph(answers: Answers, planned: Sequence[str]) -> Block | None:
    """Suggest a time for plans that have none, since a time makes following through a little easier."""
    without_time = [PRACTICE_NAMES[practice] for practice in planned if not text(answers, f"{practice}-when")]
    if not without_time:
        return None
    return paragraph(
        f"You have not noted a time for {join_words(without_time)}. Linking it to something you already do, "
        "such as your morning tea, can make it easier to follow through."
    )


def steps(planned: Sequence[str], unplanned: Sequence[str]) -> list[Step]:
    """One or two practices with nothing planned yet, each with a small idea, and the guide behind them."""
    found = [
        Step(
            f"{PRACTICE_LABELS[practice]}: perhaps {PRACTICE_IDEAS[practice]}.",
            "coping#more-support" if practice == "professional-help" else "coping#self-care",
        )
        for practice in unplanned[:2]
    ]
    if not unplanned:
        found.append(
            Step(
                "Self-care is not only for the first few days; ideas to come back to after another no.",
                "moving-forward#keep-looking-after-yourself",
            )
        )
    return found
