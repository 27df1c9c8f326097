"""Rejection log: patterns across applications, so one no is seen as one data point among several."""

from __future__ import annotations

from collections.abc import Sequence

from ._common import (
    DATE,
    LONG_TEXT,
    SHORT_TEXT,
    Answers,
    Block,
    Entry,
    Result,
    Step,
    bar_chart,
    capitalise,
    check_answers,
    choice,
    choices,
    count_of,
    date_answer,
    filled_entries,
    group,
    join_words,
    multiple_choice,
    next_steps,
    number_word,
    paragraph,
    parse_today,
    result,
    scale,
    scale_field,
    single_choice,
    times,
)

WORKSHEET = "rejection-log"

STAGES = ("application", "first-interview", "later-interview", "offer-stage")
STAGE_LABELS = {
    "application": "Application",
    "first-interview": "First interview",
    "later-interview": "A later interview",
    "offer-stage": "Offer stage",
}
STAGE_PHRASES = {
    "application": "at the application stage",
    "first-interview": "after a first interview",
    "later-interview": "after a later interview",
    "offer-stage": "at the offer stage",
}
REASONS = (
    "skills-and-qualifications",
    "interview-performance",
    "cultural-fit",
    "competition",
    "salary-expectations",
    "not-sure",
)
REASON_LABELS = {
    "skills-and-qualifications": "skills or qualifications",
    "interview-performance": "how the interview went",
    "cultural-fit": "fit with the team",
    "competition": "someone else being a closer match",
    "salary-expectations": "salary expectations",
    "not-sure": "not sure",
}

ENTRY_FIELDS = {
    "organisation": SHORT_TEXT,
    "role": SHORT_TEXT,
    "date": DATE,
    "stage": single_choice(*STAGES),
    "what-they-said": LONG_TEXT,
    "reasons": multiple_choice(*REASONS),
    "feeling": scale_field(0, 10),
}
FIELDS = {"applications": group(ENTRY_FIELDS)}

# How far each stage got, for comparing earlier and later applications.
STAGE_DEPTH = {stage: depth for depth, stage in enumerate(STAGES)}
# Stages grouped by what tends to help next, following "What the stage tells you".
POINTER_GROUPS = (("application",), ("first-interview",), ("later-interview", "offer-stage"))
POINTERS = {
    ("application",): (
        Step(
            "Ask someone you trust to read your CV and application against the advert, "
            "checking that your most relevant experience is easy to find.",
            "reasons#what-the-stage-tells-you",
        ),
        Step(
            "A careers adviser at a college, university or public careers service can review an application with you.",
            "learning#learning-resources",
        ),
    ),
    ("first-interview",): (
        Step(
            "Look back gently at one interview, noting what went well as well as what was hard.",
            "worksheets/interview-self-review",
        ),
        Step(
            "Choose one or two interview skills to practise, such as saying examples out loud.",
            "learning#improving-interview-skills",
        ),
    ),
    ("later-interview", "offer-stage"): (
        Step(
            "Getting this far usually means they saw you as a serious candidate. A short, polite request for feedback may show what made the difference.",
            "worksheets/feedback-request",
        ),
        Step("How to ask for feedback kindly and briefly.", "feedback#how-to-ask"),
    ),
}


def insights(answers: Answers, today: str) -> Result:
    """Look across the logged applications for the stage, reasons and feelings that keep coming up."""
    check_answers(answers, FIELDS)
    parse_today(today)  # the log does not depend on the date, but a bad one is still refused
    applications = filled_entries(answers, "applications", ENTRY_FIELDS)
    if not applications:
        return result(
            WORKSHEET,
            "There is nothing to look at yet. Whenever you feel ready, add an application, even with only a "
            "few details, and patterns can start to show over time.",
            [],
        )
    ordered, order_note = in_time_order(applications)
    stages = [stage for entry in ordered if (stage := entry_stage(entry))]
    counts = [stages.count(stage) for stage in STAGES]
    blocks: list[Block | None] = [
        stage_paragraph(len(applications), stages, counts),
        stage_chart(counts) if stages else None,
        reasons_paragraph(applications),
        stage_trend_paragraph(ordered, order_note),
        feeling_paragraph(ordered, order_note),
        one_entry_paragraph() if len(applications) == 1 else None,
        next_steps(
            "Where you might look next", pointer_steps(counts) + reason_steps(applications) + feeling_steps(ordered)
        ),
    ]
    return result(WORKSHEET, summary(len(applications), stages, counts), blocks)


def entry_stage(entry: Entry) -> str | None:
    """The stage an application reached, when noted."""
    return choice(entry, "stage", STAGES)


def entry_reasons(entry: Entry) -> list[str]:
    """The reasons guessed for one application."""
    return choices(entry, "reasons", REASONS)


def in_time_order(applications: Sequence[Entry]) -> tuple[list[Entry], str]:
    """Applications oldest first: by date when every one has a date, otherwise in the order they were added."""
    dates = [date_answer(entry, "date") for entry in applications]
    if all(day is not None for day in dates):
        pairs = sorted(zip(dates, applications, strict=True), key=lambda pair: (pair[0], pair[1].number))
        return [entry for _, entry in pairs], "by date"
    return list(applications), "in the order you added them"


def most_common_stages(counts: Sequence[int]) -> list[str]:
    """The stage or stages that most often ended things, in form order."""
    top = max(counts)
    return [stage for stage, count in zip(STAGES, counts, strict=True) if count == top and top > 0]


def summary(total: int, stages: Sequence[str], counts: Sequence[int]) -> str:
    """One or two sentences: how many, and where things most often ended."""
    logged = f"You have logged {count_of(total, 'application')}."
    if not stages:
        return logged + " Noting how far each one got can help show where to look, if you want to look at all."
    top = most_common_stages(counts)
    if total == 1 or len(stages) == 1:
        return f"{logged} It ended {STAGE_PHRASES[stages[0]]}. One no on its own says very little."
    if len(top) == 1:
        return f"{logged} Most often, they ended {STAGE_PHRASES[top[0]]} ({counts[STAGES.index(top[0])]} of {len(stages)})."
    return f"{logged} They ended {join_words([STAGE_PHRASES[stage] for stage in top], 'or')} about equally often."


def stage_paragraph(total: int, stages: Sequence[str], counts: Sequence[int]) -> Block | None:
    """How often the reader reached interview, said as the encouragement it usually is."""
    if not stages:
        return None
    interviews = len(stages) - counts[0]
    if len(stages) == 1:
        words = "Reaching an interview means something in your application worked." if interviews else ""
    else:
        words = (
            f"Of the {count_of(len(stages), 'application')} with a stage noted, "
            f"{number_word(interviews) if interviews else 'none'} reached an interview or further."
        )
        if interviews:
            words += " Each of those means something in your application worked."
    missing = total - len(stages)
    if missing:
        verb = "has" if missing == 1 else "have"
        words += f" {capitalise(count_of(missing, 'application'))} {verb} no stage noted yet."
    return paragraph(words.strip()) if words else None


def stage_chart(counts: Sequence[int]) -> Block:
    """A bar chart, with a matching table, of where applications ended."""
    described = join_words(
        [f"{STAGE_LABELS[stage].lower()}: {count}" for stage, count in zip(STAGES, counts, strict=True)]
    )
    return bar_chart(
        f"{WORKSHEET}-stages",
        "Where your applications ended",
        f"The number of applications that ended at each stage, out of {sum(counts)} with a stage noted: {described}.",
        [STAGE_LABELS[stage] for stage in STAGES],
        list(counts),
        ["Stage", "Applications"],
    )


def reason_counts(applications: Sequence[Entry]) -> list[tuple[str, int]]:
    """How many applications named each reason, in form order, leaving out those never named."""
    named = [entry_reasons(entry) for entry in applications]
    counts = [(reason, sum(reason in chosen for chosen in named)) for reason in REASONS]
    return [(reason, count) for reason, count in counts if count]


def recurring_reasons(applications: Sequence[Entry]) -> list[tuple[str, int]]:
    """Guessed reasons (other than 'not sure') named for two or more applications, most often first."""
    found = [(reason, count) for reason, count in reason_counts(applications) if count >= 2 and reason != "not-sure"]
    return sorted(found, key=lambda pair: (-pair[1], REASONS.index(pair[0])))


def reasons_paragraph(applications: Sequence[Entry]) -> Block | None:
    """Which guessed reasons recur, remembering that they are guesses."""
    counts = dict(reason_counts(applications))
    if not counts:
        return None
    recurring = recurring_reasons(applications)
    unsure = counts.get("not-sure", 0)
    if recurring:
        named = join_words([f"{REASON_LABELS[reason]} ({times(count)})" for reason, count in recurring])
        words = (
            f"Reasons you guessed more than once: {named}. These are guesses, not verdicts, "
            "but a theme that keeps coming up may be worth a closer look."
        )
    else:
        words = "No guessed reason has come up more than once so far, which is common: one application is only one data point."
    if unsure:
        words += (
            f" You marked ‘not sure’ {times(unsure)}. That is an honest answer, and a usual one, "
            "since employers rarely share the full picture."
        )
    return paragraph(words)


def halves(values: Sequence[int]) -> tuple[list[int], list[int]]:
    """The earlier and later halves of a sequence, leaving out the middle item when the count is odd."""
    size = len(values) // 2
    return list(values[:size]), list(values[len(values) - size :])


def direction(earlier: Sequence[int], later: Sequence[int], threshold_halves: int) -> int:
    """+1, 0 or -1: whether the later half's average is higher by at least threshold_halves/2, using whole numbers."""
    size = len(earlier)
    difference = sum(later) - sum(earlier)  # average difference times size
    if 2 * difference >= threshold_halves * size:
        return 1
    if 2 * difference <= -threshold_halves * size:
        return -1
    return 0


def stage_trend_paragraph(ordered: Sequence[Entry], order_note: str) -> Block | None:
    """Whether more recent applications get further, once there are at least four to compare."""
    depths = [STAGE_DEPTH[stage] for entry in ordered if (stage := entry_stage(entry))]
    if len(depths) < 4:
        return None
    earlier, later = halves(depths)
    trend = direction(earlier, later, 1)
    lead = f"Looking at your applications {order_note}, "
    if trend > 0:
        return paragraph(lead + "your more recent applications tend to get further than your earlier ones.")
    if trend < 0:
        return paragraph(
            lead + "your earlier applications got a little further than your more recent ones. "
            "That can simply reflect the kinds of roles applied for lately, and it can change again."
        )
    return paragraph(lead + "your more recent applications are getting about as far as your earlier ones.")


def feelings_in_order(ordered: Sequence[Entry]) -> list[int]:
    """The feeling ratings given, oldest first."""
    return [feeling for entry in ordered if (feeling := scale(entry, "feeling", 0, 10)) is not None]


def feeling_paragraph(ordered: Sequence[Entry], order_note: str) -> Block | None:
    """How the reader has felt across applications, said without judgement."""
    feelings = feelings_in_order(ordered)
    if len(feelings) < 2:
        return None
    earlier, later = halves(feelings)
    trend = direction(earlier, later, 2)
    lead = f"Across the applications where you noted how you felt, {order_note}, "
    if trend > 0:
        return paragraph(lead + "the more recent ones have felt a little easier to take.")
    if trend < 0:
        return paragraph(
            lead + "the more recent ones have felt harder. That is understandable, especially after several in a row."
        )
    return paragraph(lead + "your feelings have stayed at about the same level.")


def one_entry_paragraph() -> Block:
    """A reminder that patterns need a few entries."""
    return paragraph("As you add more applications, this page can show whether a stage or a reason keeps coming up.")


def pointer_steps(counts: Sequence[int]) -> list[Step]:
    """Guide pointers for the stage group (or groups, when tied) where things most often ended."""
    group_counts = [(stages, sum(counts[STAGES.index(stage)] for stage in stages)) for stages in POINTER_GROUPS]
    top = max(count for _, count in group_counts)
    if top == 0:
        return [Step("What the stage you reached can suggest about where to look.", "reasons#what-the-stage-tells-you")]
    steps: list[Step] = []
    for stages, count in group_counts:
        if count == top:
            steps.extend(POINTERS[stages])
    return steps


def reason_steps(applications: Sequence[Entry]) -> list[Step]:
    """A pointer to the guide's section on the reason guessed most often, when one recurs."""
    recurring = recurring_reasons(applications)
    if not recurring:
        return []
    reason = recurring[0][0]
    return [
        Step(
            f"Read about {REASON_LABELS[reason]}, the reason you guessed most often, and what can help.",
            f"reasons#{reason}",
        )
    ]


def feeling_steps(ordered: Sequence[Entry]) -> list[Step]:
    """A gentle pointer to self-care when the latest feeling noted was low."""
    feelings = feelings_in_order(ordered)
    if feelings and feelings[-1] <= 3:
        return [
            Step(
                "The latest one was hard to take. Some small ways to look after yourself between applications.",
                "coping#self-care",
            )
        ]
    return []
