"""Rejection log: patterns across applications, so one no is seen as one data point among several.

It reads how far each application got (stages are listed in the form in the order they
happen, so the form's order is how far), what the employer said (a guess from the words,
in English or French), the reader's own guesses and how they felt, and says what those show
together: where things tend to end, what employers mention most, what is going well, and
a next step that fits the stage. The employer's words are never quoted back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ._answers import Answers, Entry, check_answers, choice, choices, date_answer, filled_entries, in_time_order
from ._answers import parse_today, scale, text
from ._blocks import Block, Result, Step, bar_chart, next_steps, paragraph, prompt, result
from ._employer import ENCOURAGING, NO_REASON, OUTSIDE, WORK_ON, EmployerReason, reason_counts
from ._facts import field_at, fields_of, is_known_target
from ._i18n import N_, _, capitalise, join_words, ngettext, number_word, quoted, times
from ._trends import direction, rounded_average

WORKSHEET = "rejection-log"
GROUP = "applications"

# What each stage the form offers means for what tends to help next (values as in the YAML).
BEFORE_INTERVIEW = ("application", "online-tests")
FIRST_INTERVIEW = ("first-interview",)
ASSESSMENT = ("assessment-centre",)
FINAL_ROUNDS = ("later-interview", "offer-stage")
INTERVIEWED = FIRST_INTERVIEW + FINAL_ROUNDS
# Guessed reasons that only make sense once there was an interview.
NEEDS_AN_INTERVIEW = ("interview-performance",)
NOT_SURE = "not-sure"

# How the log says where an application ended, for the stages Onward's form offers.
STAGE_PHRASES = {
    "application": N_("at the application stage"),
    "online-tests": N_("after the online tests"),
    "first-interview": N_("after a first interview"),
    "assessment-centre": N_("after an assessment centre"),
    "later-interview": N_("after a later interview"),
    "offer-stage": N_("at the offer stage"),
}

LOW_FEELING = 3  # at or below, on 0 (very low) to 10 (fine)
CLOSE_TOGETHER_DAYS = 14
MANY_APPLICATIONS = 8


@dataclass(frozen=True)
class Application:
    """One logged application, as far as the reader filled it in."""

    number: int
    stage: str | None
    depth: int | None  # how far the stage is in the form's order, 0 for the first
    day: date | None
    said: str
    guesses: tuple[str, ...]
    feeling: int | None


def read(entry: Entry) -> Application:
    """The facts about one entry."""
    stages = field_at(WORKSHEET, f"{GROUP}/stage").options
    stage = choice(entry, "stage", stages)
    feeling_field = field_at(WORKSHEET, f"{GROUP}/feeling")
    return Application(
        number=entry.number,
        stage=stage,
        depth=stages.index(stage) if stage else None,
        day=date_answer(entry, "date"),
        said=text(entry, "what-they-said"),
        guesses=tuple(choices(entry, "reasons", field_at(WORKSHEET, f"{GROUP}/reasons").options)),
        feeling=scale(entry, "feeling", feeling_field.low, feeling_field.high),
    )


def insights(answers: Answers, today: str) -> Result:
    """Look across the logged applications for the stages, reasons and feelings that keep coming up."""
    check_answers(answers, fields_of(WORKSHEET))
    parse_today(today)  # the log does not depend on the date, but a bad one is still refused
    entries = filled_entries(answers, GROUP, field_at(WORKSHEET, GROUP).fields)
    if not entries:
        return result(
            WORKSHEET,
            _(
                "There is nothing to look at yet. Whenever you feel ready, add an application, even with only a "
                "few details, and patterns can start to show over time."
            ),
            [],
        )
    ordered, _by_date = in_time_order(entries)
    apps = [read(entry) for entry in ordered]
    said = reason_counts([app.said for app in apps])
    blocks: list[Block | None] = [
        stage_paragraph(apps),
        stage_chart(apps),
        employer_paragraph(said, apps),
        guesses_paragraph(apps, said),
        mismatch_prompt(apps),
        stage_trend_paragraph(apps),
        pace_paragraph(apps),
        feeling_paragraph(apps),
        thin_prompt(apps),
        next_steps(_("Where you might look next"), steps(apps, said)),
    ]
    return result(WORKSHEET, summary(apps), blocks)


# ---- Stages ------------------------------------------------------------------------------------


def staged(apps: Sequence[Application]) -> list[Application]:
    """The applications with a stage noted."""
    return [app for app in apps if app.stage]


def in_stages(apps: Sequence[Application], stages: Sequence[str]) -> int:
    """How many applications ended at one of these stages."""
    return sum(app.stage in stages for app in apps)


def stage_label(stage: str) -> str:
    """The stage as the form names it."""
    return field_at(WORKSHEET, f"{GROUP}/stage").label_of(stage)


def summary(apps: Sequence[Application]) -> str:
    """How many, and what the stages reached say, in one or two sentences."""
    total = len(apps)
    logged = ngettext(
        "You have logged one application.", "You have logged %(count)s applications.", total, count=number_word(total)
    )
    known = staged(apps)
    if not known:
        return logged + " " + _("Noting how far each one got would let this page show where things tend to end.")
    if total == 1:
        return logged + " " + one_stage_sentence(known[0].stage or "") + " " + _("One no on its own says very little.")
    finals = in_stages(known, FINAL_ROUNDS)
    interviewed = in_stages(known, INTERVIEWED + ASSESSMENT)
    if finals == len(known):
        return logged + " " + _(
            "Every one with a stage noted reached a later interview or further: each time, employers saw you as a "
            "serious candidate."
        )
    if interviewed == 0 and len(known) == in_stages(known, BEFORE_INTERVIEW):
        return logged + " " + _(
            "So far they have all ended at the first stages. That is common, especially for graduate roles, where "
            "each place can draw hundreds of applications."
        )
    deepest = max(app.depth or 0 for app in known)
    furthest = next(app.stage for app in known if app.depth == deepest) or ""
    return logged + " " + _("The one that got furthest ended %(where)s.", where=where_it_ended(furthest))


def where_it_ended(stage: str) -> str:
    """'after a first interview', or the form's label for a stage this code has no words for."""
    if stage in STAGE_PHRASES:
        return _(STAGE_PHRASES[stage])
    return _("at the stage %(stage)s", stage=quoted(stage_label(stage)))


def one_stage_sentence(stage: str) -> str:
    """Where a single application ended."""
    return _("It ended %(where)s.", where=where_it_ended(stage))


def stage_paragraph(apps: Sequence[Application]) -> Block | None:
    """What the stages reached suggest, said as the encouragement (or the plain help) it usually is."""
    known = staged(apps)
    if len(known) < 2:
        return None
    early = in_stages(known, BEFORE_INTERVIEW)
    finals = in_stages(known, FINAL_ROUNDS)
    firsts = in_stages(known, FIRST_INTERVIEW)
    assessments = in_stages(known, ASSESSMENT)
    sentences: list[str] = []
    if early == len(known):
        sentences.append(
            _(
                "When applications end at the first stages, the usual place to look is the application itself: "
                "whether your most relevant experience is easy to find in the first few lines, and whether it "
                "answers the advert in its own words. Small changes there tend to make the most difference."
            )
        )
        if len(known) >= MANY_APPLICATIONS:
            sentences.append(
                _(
                    "With this many applications, a careers adviser reading one or two of them with you often "
                    "helps more than sending more in the same way."
                )
            )
    elif early:
        sentences.append(
            ngettext(
                "One ended at the first stages, and the rest went further: something in your applications is "
                "getting you noticed.",
                "%(count)s ended at the first stages, and the rest went further: something in your applications "
                "is getting you noticed.",
                early,
                count=capitalise(number_word(early)),
            )
        )
    tests = in_stages(known, ("online-tests",))
    if tests >= 2:
        sentences.append(
            _(
                "%(count)s ended after online tests. Tests can be practised: careers services and test publishers "
                "offer free practice tests, and doing a few in a quiet place often helps.",
                count=capitalise(number_word(tests)),
            )
        )
    if finals >= 2:
        sentences.append(
            _(
                "You reached the final stages %(times)s. At that point decisions often come down to small "
                "differences, such as one candidate's particular experience, an internal candidate or timing. "
                "What tends to help is asking what made the difference, and staying in touch with the people you "
                "met: a close second is often remembered when another role opens.",
                times=times(finals),
            )
        )
    elif firsts >= 2 and firsts >= early:
        sentences.append(
            _(
                "Several ended after a first interview, so your applications are doing their job. Looking back "
                "kindly at one interview, and practising a few answers out loud, tends to help most from here."
            )
        )
    if assessments:
        sentences.append(
            _(
                "Assessment centres are usually scored against set criteria, so employers can often say how each "
                "exercise went. It is worth asking."
            )
        )
    missing = len(apps) - len(known)
    if missing:
        sentences.append(
            ngettext(
                "One application has no stage noted yet.",
                "%(count)s applications have no stage noted yet.",
                missing,
                count=capitalise(number_word(missing)),
            )
        )
    return paragraph(" ".join(sentences)) if sentences else None


def stage_chart(apps: Sequence[Application]) -> Block | None:
    """Where applications ended, from the first stage to the furthest reached, as bars and a table."""
    known = staged(apps)
    if len({app.stage for app in known}) < 2:
        return None
    shown = [stage for stage in field_at(WORKSHEET, f"{GROUP}/stage").options if in_stages(known, (stage,))]
    counts = [in_stages(known, (stage,)) for stage in shown]
    described = join_words(
        [_("%(stage)s: %(count)s", stage=stage_label(stage), count=count) for stage, count in zip(shown, counts, strict=True)]
    )
    return bar_chart(
        f"{WORKSHEET}-stages",
        _("Where your applications ended"),
        _(
            "The number of applications that ended at each stage, out of %(total)s with a stage noted: %(counts)s.",
            total=len(known),
            counts=described,
        ),
        [stage_label(stage) for stage in shown],
        counts,
        [_("Stage"), _("Applications")],
    )


# ---- What employers said -----------------------------------------------------------------------


def employer_paragraph(said: Sequence[tuple[EmployerReason, int]], apps: Sequence[Application]) -> Block | None:
    """What employers' messages seem to say, most often first, with the limits of reading words stated."""
    messages = sum(bool(app.said) for app in apps)
    if not said:
        return None
    reasons = [(reason, count) for reason, count in said if reason.kind != ENCOURAGING]
    if not reasons:
        return paragraph(" ".join(encouraging_sentences(said)))
    named = join_words(
        [
            _("%(reason)s (%(times)s)", reason=_(reason.name), times=times(count)) if count >= 2 else _(reason.name)
            for reason, count in reasons[:6]
        ]
    )
    sentences = [
        ngettext(
            "From what the employer told you, as far as it can be read from your words: %(reasons)s.",
            "From what employers told you, across %(count)s messages, as far as it can be read from your words: "
            "%(reasons)s.",
            messages,
            count=number_word(messages),
            reasons=named,
        ),
        _("This is a guess from your words, and it can miss or misread things."),
    ]
    sentences.extend(employer_reading(reasons))
    sentences.extend(encouraging_sentences(said))
    return paragraph(" ".join(sentences))


def encouraging_sentences(said: Sequence[tuple[EmployerReason, int]]) -> list[str]:
    """A word on encouraging messages: they are worth noticing, and worth a thank-you."""
    if not any(reason.kind == ENCOURAGING for reason, _count in said):
        return []
    return [
        _(
            "Some of the messages held encouraging words, such as keeping your details or how close it was. "
            "They are worth noting, and a short thank-you keeps that door open."
        )
    ]


def employer_reading(said: Sequence[tuple[EmployerReason, int]]) -> list[str]:
    """What the reasons found add up to: the one that stands out, or what most of them have in common."""
    top, count = said[0]
    stands_out = count >= 2 and (len(said) == 1 or said[1][1] < count)
    if stands_out and top.kind == NO_REASON:
        return [
            _(
                "Most often no reason was given. That is usual, especially when employers receive many "
                "applications, and it is not a judgement on you."
            )
        ]
    if stands_out and top.kind == WORK_ON:
        return [
            _(
                "%(reason)s came up most often. When employers mention the same thing several times, it can be "
                "worth a closer look.",
                reason=capitalise(_(top.name)),
            )
        ]
    if stands_out and top.kind == OUTSIDE:
        return [
            _(
                "What came up most often, %(reason)s, is outside your control. It is worth remembering on the "
                "days it feels personal.",
                reason=_(top.name),
            )
        ]
    outside = sum(count for reason, count in said if reason.kind in (OUTSIDE, NO_REASON))
    if 2 * outside > sum(count for reason, count in said if reason.kind != ENCOURAGING):
        return [_("Most of it is outside your control, which is worth remembering on the days it feels personal.")]
    return []


def guesses_paragraph(apps: Sequence[Application], said: Sequence[tuple[EmployerReason, int]]) -> Block | None:
    """The reader's own guesses across applications, set beside what employers said when they differ."""
    reasons = field_at(WORKSHEET, f"{GROUP}/reasons")
    counts = [(value, sum(value in app.guesses for app in apps)) for value in reasons.options]
    recurring = sorted(
        [(value, count) for value, count in counts if count >= 2 and value != NOT_SURE],
        key=lambda pair: (-pair[1], reasons.options.index(pair[0])),
    )
    unsure = dict(counts).get(NOT_SURE, 0)
    sentences: list[str] = []
    if recurring:
        value, count = recurring[0]
        sentences.append(
            _(
                "The reason you guessed most often is %(reason)s (%(times)s). Guesses are not verdicts, but a theme "
                "that keeps coming up may be worth a closer look.",
                reason=quoted(reasons.label_of(value)),
                times=times(count),
            )
        )
        outside = sum(count for reason, count in said if reason.kind in (OUTSIDE, NO_REASON))
        inside = sum(count for reason, count in said if reason.kind == WORK_ON)
        if outside > inside and outside >= 2:
            sentences.append(
                _(
                    "What employers actually said points more often to things outside your control, or to no reason "
                    "at all: the reasons may lie less with you than your guesses suggest."
                )
            )
    if unsure >= 2:
        sentences.append(
            _(
                "You marked %(label)s %(times)s. That is an honest answer, and a usual one, since employers rarely "
                "share the full picture.",
                label=quoted(reasons.label_of(NOT_SURE)),
                times=times(unsure),
            )
        )
    return paragraph(" ".join(sentences)) if sentences else None


def mismatch_prompt(apps: Sequence[Application]) -> Block | None:
    """A gentle word where a guessed reason does not fit how far things got, in case a stage needs changing."""
    reasons = field_at(WORKSHEET, f"{GROUP}/reasons")
    odd = [
        app for app in apps if app.stage in BEFORE_INTERVIEW and any(value in NEEDS_AN_INTERVIEW for value in app.guesses)
    ]
    if not odd:
        return None
    return prompt(
        ngettext(
            "For one application that ended before an interview, you guessed %(reason)s. If it did reach an "
            "interview, changing its stage will make this page more accurate; if you meant something else, "
            "%(other)s may fit better.",
            "For %(count)s applications that ended before an interview, you guessed %(reason)s. If some did reach "
            "an interview, changing their stage will make this page more accurate; if you meant something else, "
            "%(other)s may fit better.",
            len(odd),
            count=number_word(len(odd)),
            reason=quoted(reasons.label_of(NEEDS_AN_INTERVIEW[0])),
            other=quoted(reasons.label_of("application-materials")),
        )
    )


# ---- Over time -----------------------------------------------------------------------------------


def stage_trend_paragraph(apps: Sequence[Application]) -> Block | None:
    """Whether more recent applications get further, once there are four to compare and something moved."""
    depths = [2 * app.depth for app in apps if app.depth is not None]
    if len(depths) < 4:
        return None
    trend = direction(depths, 1)
    if trend > 0:
        return paragraph(_("Your more recent applications are getting further than your earlier ones."))
    if trend < 0:
        return paragraph(
            _(
                "Your earlier applications got a little further than your more recent ones. That can simply reflect "
                "the kinds of roles applied for lately, and it can change again."
            )
        )
    return None


def pace_paragraph(apps: Sequence[Application]) -> Block | None:
    """A kind word when several rejections arrived close together."""
    days = sorted(app.day for app in apps if app.day is not None)
    if len(days) < 3:
        return None
    most = max(
        sum(0 <= (other - first).days <= CLOSE_TOGETHER_DAYS for other in days) for first in days
    )
    if most < 3:
        return None
    return paragraph(
        _(
            "%(count)s of these arrived within two weeks of each other. That is a lot to take in at once, and it is "
            "fine to slow down for a few days.",
            count=capitalise(number_word(most)),
        )
    )


def feeling_paragraph(apps: Sequence[Application]) -> Block | None:
    """How the reader has felt across applications, and which stages were hardest, said without judgement."""
    felt = [app for app in apps if app.feeling is not None]
    if len(felt) < 3:
        return None
    sentences: list[str] = []
    trend = direction([app.feeling or 0 for app in felt], 1)
    if trend > 0:
        sentences.append(_("Looking at how you felt, the more recent ones have been a little easier to take."))
    elif trend < 0:
        sentences.append(
            _(
                "Looking at how you felt, the more recent ones have been harder to take. That is understandable, "
                "especially after several in a row."
            )
        )
    late = [app.feeling or 0 for app in felt if app.stage in FINAL_ROUNDS + ASSESSMENT]
    early = [app.feeling or 0 for app in felt if app.stage in BEFORE_INTERVIEW]
    if late and early and rounded_average(late) + 2 <= rounded_average(early):
        sentences.append(
            _(
                "The rejections after the later stages have been the hardest to take (about %(late)s out of 10, "
                "against %(early)s for the earlier ones). That makes sense: you had put more in.",
                late=rounded_average(late),
                early=rounded_average(early),
            )
        )
    return paragraph(" ".join(sentences)) if sentences else None


def thin_prompt(apps: Sequence[Application]) -> Block | None:
    """When entries hold little, say what would make patterns visible instead of guessing at them."""
    if len(apps) == 1:
        return prompt(
            _(
                "As you add more applications, this page can show whether a stage or a reason keeps coming up. "
                "How far each got and what they said, even “no reason given”, are the most useful things to note."
            )
        )
    without = sum(not app.stage and not app.said for app in apps)
    if without * 2 >= len(apps):
        return prompt(
            _(
                "Several entries have neither a stage nor what they said. Those two are the most useful things to "
                "note, even “no reason given”, and patterns will start to show."
            )
        )
    return None


# ---- Next steps --------------------------------------------------------------------------------


def steps(apps: Sequence[Application], said: Sequence[tuple[EmployerReason, int]]) -> list[Step]:
    """Where to look next: for the stage reached most, what employers said most, and how it has felt."""
    known = staged(apps)
    found: list[Step] = []
    early = in_stages(known, BEFORE_INTERVIEW)
    firsts = in_stages(known, FIRST_INTERVIEW)
    finals = in_stages(known, FINAL_ROUNDS)
    assessments = in_stages(known, ASSESSMENT)
    if not known:
        found.append(Step(_("What the stage you reached can suggest about where to look."), "reasons#what-the-stage-tells-you"))
    if finals and finals >= max(early, firsts):
        found.append(
            Step(
                _("A short, polite request for feedback may show what made the difference at the final stage."),
                "worksheets/feedback-request",
            )
        )
        found.append(Step(_("Staying in touch with people you met, without pressure."), "moving-forward#networking"))
    if assessments:
        found.append(Step(_("Ask how each exercise of the assessment centre went."), "worksheets/feedback-request"))
    if firsts and firsts >= max(early, finals):
        found.append(
            Step(_("Look back gently at one interview, noting what went well as well as what was hard."), "worksheets/interview-self-review")
        )
        found.append(
            Step(_("Choose one or two interview skills to practise, such as saying examples out loud."), "learning#improving-interview-skills")
        )
    if early and early >= max(firsts, finals):
        found.append(
            Step(
                _("Ask someone you trust, or a careers adviser, to read one application against its advert."),
                "reasons#what-the-stage-tells-you",
            )
        )
        found.append(
            Step(_("Free help with applications and online tests, from careers services and elsewhere."), "learning#learning-resources")
        )
    found.extend(employer_steps(said))
    found.extend(guess_steps(apps))
    if any(app.day is not None for app in apps) and pace_paragraph(apps) is not None:
        found.append(Step(_("Pacing a search so that it leaves room to recover."), "moving-forward#pace-your-search"))
    felt = [app.feeling for app in apps if app.feeling is not None]
    if felt and felt[-1] <= LOW_FEELING:
        found.append(
            Step(_("The latest one was hard to take. Some small ways to look after yourself between applications."), "coping#self-care")
        )
    return found[:5]


def employer_steps(said: Sequence[tuple[EmployerReason, int]]) -> list[Step]:
    """A pointer for what employers mentioned most, when it is something to act on or to let go of."""
    if not said:
        return []
    top = said[0][0]
    if top.id == "more-experience":
        return [Step(_("Plan one small way to build the experience employers mention."), "worksheets/learning-plan")]
    if top.id == "skills":
        return [Step(_("Ways to show the skills you have, and to close one gap that keeps coming up."), "reasons#skills-and-qualifications")]
    if top.id == "interview-answers":
        return [Step(_("Ways to practise answers, with real examples, out loud."), "learning#improving-interview-skills")]
    if top.kind in (OUTSIDE, NO_REASON):
        return [Step(_("Reasons you may never be told, from internal candidates to budgets."), "reasons#reasons-you-may-never-see")]
    return []


def guess_steps(apps: Sequence[Application]) -> list[Step]:
    """The guide's section on the reason the reader guessed most often, when the guide has one."""
    options = field_at(WORKSHEET, f"{GROUP}/reasons")
    counts = [(value, sum(value in app.guesses for app in apps)) for value in options.options if value != NOT_SURE]
    recurring = [pair for pair in counts if pair[1] >= 2]
    if not recurring:
        return []
    value = max(recurring, key=lambda pair: pair[1])[0]
    target = f"reasons#{value}"
    if not is_known_target(target):
        return []
    return [
        Step(
            _("Read about %(reason)s, the reason you guessed most often, and what can help.", reason=quoted(options.label_of(value))),
            target,
        )
    ]
