"""Feedback request: a short, thankful draft that fits how far the reader got, from an application to a final round.

The message greets the person as the reader would (their first name, or the title and
name they gave), thanks them for what actually happened (an application read, tests, an
interview, an assessment day, a whole process), asks one clear thing that fits that stage,
and closes warmly. Lines that could read as disputing the decision are kept out, and said so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ._answers import Answers, check_answers, choice, choices, date_answer, parse_today, text
from ._blocks import Block, Result, Step, draft, next_steps, paragraph, prompt, result
from ._facts import field_at, fields_of
from ._i18n import N_, _, capitalise, join_words, long_date, ngettext, number_word, quoted
from ._reading import cues, found_cues

WORKSHEET = "feedback-request"

# What the draft says depends on how far the reader got (stage values as in the form).
APPLICATION, TESTS, INTERVIEW, ASSESSMENT, FINAL, UNKNOWN = "application", "tests", "interview", "assessment", "final", ""
KIND_OF_STAGE = {
    "application": APPLICATION,
    "online-tests": TESTS,
    "first-interview": INTERVIEW,
    "assessment-centre": ASSESSMENT,
    "later-interview": FINAL,
    "offer-stage": FINAL,
}
# How each topic reads inside "it would help to know ...", and the stages it belongs to.
TOPIC_PHRASES = {
    "application-strength": N_("what would have made my application stronger"),
    "test-results": N_("how I did in the tests"),
    "preparation": N_("how prepared I seemed"),
    "answers": N_("how my answers came across"),
    "skills-gap": N_("whether there were any skills you felt were missing"),
    "experience-gap": N_("whether there was any experience you felt was missing"),
    "presentation": N_("how I presented myself"),
    "questions-asked": N_("what you made of the questions I asked"),
    "final-difference": N_("what made the difference at the final stage"),
}
MET_THEM = (INTERVIEW, ASSESSMENT, FINAL)
TOPIC_NEEDS = {
    "test-results": (TESTS, ASSESSMENT, INTERVIEW, FINAL),
    "preparation": MET_THEM,
    "answers": MET_THEM,
    "presentation": MET_THEM,
    "questions-asked": MET_THEM,
    "final-difference": (FINAL,),
}
# A topic the stage's own request already asks.
ASKED_ANYWAY = {APPLICATION: "application-strength", TESTS: "test-results", FINAL: "final-difference"}

# Wording that can read as disputing the decision; such lines are kept out of the draft.
ARGUING = cues(
    (
        "unfair", "not fair", "disagree", "wrong decision", "wrong choice", "you made a mistake", "reconsider",
        "think again", "change your mind", "appeal the decision", "appeal against", "justify", "biased",
        "discrimination", "discriminated", "discriminatory", "injuste", "pas juste", "pas d'accord",
        "mauvaise decision", "mauvais choix", "reconsiderer", "revenir sur votre decision", "justifier", "partial",
        "discrimin*",
    ),
    negatable=False,
)
_BULLET = re.compile(r"\A\s*(?:[-*•·–—]|\d{1,2}[.)])\s*")
_EMAIL = re.compile(r"\A[^@\s]+@[^@\s]+\.[^@\s]+\Z")
_TITLES = (
    "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "prof", "prof.", "professor", "sir",
    "dame", "lord", "lady", "rev", "rev.", "m.", "mme", "mlle", "madame", "monsieur", "mademoiselle", "docteur", "pr",
    "pr.", "maître", "me",
)  # fmt: skip
# Openings that already make a full sentence of thanks, so no "I especially appreciated" is added.
_SENTENCE_OPENINGS = re.compile(r"\A(?:I\b|I'|I’|It\b|Thank|You\b|Everyone\b|J'|J’|Je\b|Merci\b|Vous\b|C'|C’)")
# Words that show the note is already a clause of its own ("the panel made me feel welcome").
_A_CLAUSE = re.compile(
    r"[;:]|\b(?:made|was|were|felt|gave|took|is|are|had|thank|thanks|merci|était|a été|m'a|m’a|ont|avez|étaient)\b",
    re.IGNORECASE,
)
# Openings of a phrase that follows "I appreciated" well even with a verb inside ("how clearly it was explained").
_PHRASE_OPENINGS = re.compile(r"\A(?:how|the way|that|what|being|comment|la façon|la facon|ce que|le fait)\b", re.IGNORECASE)
_LOWER_FIRST_WORDS = (
    "The", "Your", "How", "A", "An", "Being", "Hearing", "Learning", "Getting", "Seeing", "Talking", "Having",
    "Le", "La", "Les", "L'", "L’", "Votre", "Vos", "Un", "Une", "Comment", "Avoir",
)  # fmt: skip


def placeholder_role() -> str:
    return _("[Job title]")


def placeholder_organisation() -> str:
    return _("[Organisation]")


def placeholder_name() -> str:
    return _("[Your name]")


def insights(answers: Answers, today: str) -> Result:
    """Draft the feedback request from the planning answers, with placeholders for anything missing."""
    check_answers(answers, fields_of(WORKSHEET))
    now = parse_today(today)
    stage_value = choice(answers, "stage", field_at(WORKSHEET, "stage").options)
    stage = KIND_OF_STAGE.get(stage_value or "", UNKNOWN)
    questions, held_back = split_questions(text(answers, "questions"))
    appreciated = text(answers, "appreciated")
    if appreciated and found_cues(appreciated, ARGUING):
        held_back.append(appreciated)
        appreciated = ""
    chosen = choices(answers, "topics", field_at(WORKSHEET, "topics").options)
    topics = [topic for topic in chosen if topic in TOPIC_PHRASES and stage in TOPIC_NEEDS.get(topic, (stage,))]
    left_out = [topic for topic in chosen if topic in TOPIC_PHRASES and topic not in topics]
    email = text(answers, "contact-email")
    blocks: list[Block | None] = [
        draft(_("Your feedback request"), email, subject(answers, stage), body(answers, stage, topics, questions, appreciated)),
        placeholder_prompt(answers),
        stage_prompt(stage),
        left_out_prompt(left_out, stage),
        held_back_prompt(held_back),
        focus_prompt(topics, questions),
        email_prompt(email),
        timing_paragraph(date_answer(answers, "stage-date"), now),
        expectation_paragraph(stage),
        next_steps(
            _("After you send it"),
            [
                Step(
                    _("When a reply comes: choosing a good moment to read it, and noticing the positives too."),
                    "feedback#hearing-feedback",
                ),
                Step(_("If there is no reply, or only a brief one."), "feedback#no-reply-or-generic"),
                Step(
                    _("Note anything they tell you in your rejection log, where patterns can show over time."),
                    "worksheets/rejection-log",
                ),
            ],
        ),
    ]
    return result(WORKSHEET, summary(answers, stage), blocks)


def summary(answers: Answers, stage: str) -> str:
    """Who the draft is for, and a reminder that it can be changed."""
    name = text(answers, "contact-name")
    role = text(answers, "role")
    if not (name or role or text(answers, "organisation") or stage):
        return _(
            "Here is a short, thankful draft with placeholders in square brackets. Fill in the worksheet, or edit "
            "the draft directly, to make it yours."
        )
    if name and role:
        return _(
            "Here is a short, thankful draft to %(name)s about the %(role)s role. Change anything you like so it "
            "sounds like you.",
            name=name,
            role=role,
        )
    if role:
        return _(
            "Here is a short, thankful draft about the %(role)s role. Change anything you like so it sounds like you.",
            role=role,
        )
    if name:
        return _("Here is a short, thankful draft to %(name)s. Change anything you like so it sounds like you.", name=name)
    return _("Here is a short, thankful draft. Change anything you like so it sounds like you.")


def subject(answers: Answers, stage: str) -> str:
    """A plain subject line naming the role and what the message is about."""
    role = text(answers, "role") or placeholder_role()
    if stage in (APPLICATION, TESTS):
        return _("Feedback on my application for %(role)s", role=role)
    if stage == INTERVIEW:
        return _("Feedback on my interview for %(role)s", role=role)
    if stage == ASSESSMENT:
        return _("Feedback on the assessment centre for %(role)s", role=role)
    if stage == FINAL:
        return _("Thank you, and a request for feedback: %(role)s", role=role)
    return _("A request for feedback: %(role)s", role=role)


def greeting(answers: Answers) -> str:
    """'Hello Priya,' or 'Dear Dr Okafor,' as the reader would write it; 'Hello,' when there is no name."""
    chosen = " ".join(text(answers, "greeting-name").split())
    words = " ".join(text(answers, "contact-name").split()).split()
    if not chosen and words:
        titled = words[0].lower() in _TITLES and len(words) > 1
        chosen = f"{words[0]} {words[-1]}" if titled else words[0]
    if not chosen:
        return _("Hello,")
    if chosen.split()[0].lower() in _TITLES:
        return _("Dear %(name)s,", name=chosen)
    return _("Hello %(name)s,", name=chosen)


def body(answers: Answers, stage: str, topics: Sequence[str], questions: Sequence[str], appreciated: str) -> str:
    """The message: a greeting, thanks for what happened, one clear ask, an easy way to say no, and a warm close."""
    role = text(answers, "role") or placeholder_role()
    organisation = text(answers, "organisation") or placeholder_organisation()
    when = date_answer(answers, "stage-date")
    opening = thanks(stage, role, organisation, when)
    appreciation = appreciation_sentence(appreciated)
    paragraphs = [
        greeting(answers),
        f"{opening} {appreciation}" if appreciation else opening,
        request_paragraph(stage, topics, questions),
        closing(stage, organisation),
        _("Kind regards,\n%(name)s", name=placeholder_name()),
    ]
    return "\n\n".join(paragraphs)


def thanks(stage: str, role: str, organisation: str, when: date | None) -> str:
    """Thanks for what actually happened, with its date when the reader gave one."""
    values = {"role": role, "organisation": organisation}
    day = long_date(when) if when else ""
    if stage == APPLICATION:
        return _("Thank you for letting me know the outcome of my application for the %(role)s role at %(organisation)s.", **values)
    if stage == TESTS:
        return _("Thank you for letting me know the outcome of the online tests for the %(role)s role at %(organisation)s.", **values)
    if stage == INTERVIEW and day:
        return _(
            "Thank you for letting me know your decision about the %(role)s role at %(organisation)s, and for the "
            "time you gave me at the interview on %(date)s.",
            date=day,
            **values,
        )
    if stage == INTERVIEW:
        return _(
            "Thank you for letting me know your decision about the %(role)s role at %(organisation)s, and for the "
            "time you gave me at the interview.",
            **values,
        )
    if stage == ASSESSMENT and day:
        return _(
            "Thank you for letting me know your decision about the %(role)s role at %(organisation)s, and for the "
            "assessment centre on %(date)s.",
            date=day,
            **values,
        )
    if stage == ASSESSMENT:
        return _(
            "Thank you for letting me know your decision about the %(role)s role at %(organisation)s, and for the "
            "assessment centre.",
            **values,
        )
    if stage == FINAL:
        return _(
            "Thank you for letting me know your decision about the %(role)s role at %(organisation)s, and for all "
            "the time you and your colleagues gave me during the process. I was sorry to hear it, but I valued the "
            "chance to meet the team.",
            **values,
        )
    return _("Thank you for letting me know your decision about the %(role)s role at %(organisation)s.", **values)


def request_paragraph(stage: str, topics: Sequence[str], questions: Sequence[str]) -> str:
    """The ask itself: one that fits the stage, made specific by the chosen topics and the reader's questions."""
    sentences = [stage_request(stage)]
    phrases = [_(TOPIC_PHRASES[topic]) for topic in topics if topic != ASKED_ANYWAY.get(stage)]
    if phrases:
        sentences.append(_("In particular, it would help to know %(topics)s.", topics=join_words(phrases)))
    lead = _("I would also like to ask:") if phrases else _("In particular, I would like to ask:")
    if len(questions) == 1:
        sentences.append(f"{lead} {questions[0]}")
    elif questions:
        sentences.append(lead)
        return " ".join(sentences) + "\n" + "\n".join(f"- {question}" for question in questions)
    return " ".join(sentences)


def stage_request(stage: str) -> str:
    """The one request that fits how far the reader got."""
    if stage == APPLICATION:
        return _("If you have a moment, I would be grateful for a line or two on what would have made my application stronger.")
    if stage == TESTS:
        return _("If your process allows it, I would be grateful to know how I did in the tests, or which part held me back.")
    if stage == INTERVIEW:
        return _("If you have a few minutes, I would be grateful for any brief feedback on my interview.")
    if stage == ASSESSMENT:
        return _("If it is possible, I would be grateful for any feedback on how I did in the exercises.")
    if stage == FINAL:
        return _("If you are able to share it, I would be grateful to know what made the difference at the final stage.")
    return _("If you have a few minutes, I would be grateful for any brief feedback.")


def closing(stage: str, organisation: str) -> str:
    """An easy way to say no, and a door left open."""
    if stage == FINAL:
        return _(
            "I understand if that is not possible. I would very much like to stay in touch, and I would be glad to "
            "be considered if a similar role comes up at %(organisation)s.",
            organisation=organisation,
        )
    return _(
        "I understand if that is not possible, and I would be glad to be considered for other roles at "
        "%(organisation)s in the future.",
        organisation=organisation,
    )


def appreciation_sentence(appreciated: str) -> str:
    """The reader's note of thanks as a sentence, keeping their words: "I especially appreciated ..." or their own."""
    words = " ".join(appreciated.split()).rstrip(" .")
    if not words:
        return ""
    if _SENTENCE_OPENINGS.match(words) or (_A_CLAUSE.search(words) and not _PHRASE_OPENINGS.match(words)):
        words = words[:1].upper() + words[1:]
        return words if words[-1] in "?!…" else words + "."
    first, _space, rest = words.rstrip(" ?!…").partition(" ")
    if first in _LOWER_FIRST_WORDS or first[:2] in ("L'", "L’") or _PHRASE_OPENINGS.match(first):
        first = first[:1].lower() + first[1:]
    return _("I especially appreciated %(words)s.", words=first + (" " + rest if rest else ""))


def split_questions(questions: str) -> tuple[list[str], list[str]]:
    """The reader's questions, one per line without bullets, and any held back because they argue."""
    kept: list[str] = []
    held_back: list[str] = []
    for line in questions.splitlines():
        question = _BULLET.sub("", line).strip()
        if not question:
            continue
        (held_back if found_cues(question, ARGUING) else kept).append(question)
    return kept, held_back


def placeholder_prompt(answers: Answers) -> Block:
    """Remind the reader which square-bracket placeholders to fill before sending."""
    missing = [
        placeholder()
        for key, placeholder in (("role", placeholder_role), ("organisation", placeholder_organisation))
        if not text(answers, key)
    ]
    missing.append(placeholder_name())
    return prompt(_("Before sending, replace %(placeholders)s in the draft.", placeholders=join_words(missing)))


def stage_prompt(stage: str) -> Block | None:
    """When the stage is not noted, say what noting it would change."""
    if stage:
        return None
    return prompt(
        _(
            "Noting how far you got lets the draft fit what happened: an application, tests, an interview or a "
            "final round each call for a slightly different message."
        )
    )


def left_out_prompt(left_out: Sequence[str], stage: str) -> Block | None:
    """Topics chosen that do not fit the stage noted are left out, and the reader is told why."""
    if not left_out or not stage:
        return None
    topics = field_at(WORKSHEET, "topics")
    named = join_words([quoted(topics.label_of(topic)) for topic in left_out])
    return prompt(
        ngettext(
            "The draft leaves out %(topics)s, which belongs to a later stage than the one you noted. Add it back if "
            "it fits.",
            "The draft leaves out %(topics)s, which belong to a later stage than the one you noted. Add them back if "
            "they fit.",
            len(left_out),
            topics=named,
        )
    )


def held_back_prompt(held_back: Sequence[str]) -> Block | None:
    """Explain, without blame, why a line was kept out of the draft."""
    if not held_back:
        return None
    return prompt(
        ngettext(
            "One line you wrote could read as questioning the decision, so the draft leaves it out. Those feelings "
            "make sense, but a request that seems to dispute the outcome tends to close the door. Asking what would "
            "have made your application stronger usually gets a kinder reply. You can still add it back yourself.",
            "%(count)s lines you wrote could read as questioning the decision, so the draft leaves them out. Those "
            "feelings make sense, but a request that seems to dispute the outcome tends to close the door. Asking "
            "what would have made your application stronger usually gets a kinder reply. You can still add them "
            "back yourself.",
            len(held_back),
            count=capitalise(number_word(len(held_back))),
        )
    )


def focus_prompt(topics: Sequence[str], questions: Sequence[str]) -> Block | None:
    """A gentle nudge towards one or two asks, since a focused request is easier to answer."""
    if len(topics) <= 2 and len(questions) <= 2:
        return None
    return prompt(
        _(
            "The draft asks about several things. A busy person finds one or two clear questions easier to answer, "
            "so you might keep only the ones that matter most to you."
        )
    )


def email_prompt(email: str) -> Block | None:
    """Flag an address that looks mistyped, so the message is not lost."""
    if not email or _EMAIL.match(email):
        return None
    return prompt(_("The email address may need a second look before you send the message."))


def timing_paragraph(last_step: date | None, today: date) -> Block | None:
    """Reassure a reader writing some weeks later that it can still be worth asking."""
    if last_step is None or (today - last_step).days <= 14:
        return None
    return paragraph(
        _(
            "Within a few days of hearing is ideal, but a later request can still be welcome. There is no need to "
            "apologise for the gap."
        )
    )


def expectation_paragraph(stage: str) -> Block:
    """What tends to come back at this stage, so no reply is not taken as a verdict."""
    close = _(
        "Whatever comes back, a short thank-you is a kind close, and the decision can stay as it stands. Many "
        "employers do not reply at all, and that is not a judgement on you."
    )
    if stage in (APPLICATION, TESTS):
        return paragraph(
            _(
                "At the first stages many employers cannot answer every request, so a short reply, or none, is "
                "common. Test results are sometimes shared when asked for."
            )
            + " "
            + close
        )
    if stage == FINAL:
        return paragraph(
            _(
                "After a final round, employers are more likely to share something useful, and a warm message keeps "
                "you in mind for the next opening."
            )
            + " "
            + close
        )
    return paragraph(close)
