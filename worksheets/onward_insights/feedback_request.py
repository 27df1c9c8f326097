"""Feedback request: a short, thankful, specific email draft, so asking is quicker and kinder to send."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ._common import (
    DATE,
    LONG_TEXT,
    SHORT_TEXT,
    Answers,
    Block,
    Result,
    Step,
    capitalise,
    check_answers,
    choices,
    contains_phrase,
    count_of,
    date_answer,
    draft,
    join_words,
    long_date,
    multiple_choice,
    next_steps,
    paragraph,
    parse_today,
    phrase_pattern,
    prompt,
    quoted,
    result,
    text,
)

WORKSHEET = "feedback-request"

TOPICS = (
    "preparation",
    "answers",
    "skills-gap",
    "experience-gap",
    "presentation",
    "questions-asked",
    "something-else",
)
# How each topic reads inside "I would find it helpful to know ...".
TOPIC_PHRASES = {
    "preparation": "how prepared I seemed",
    "answers": "how my answers came across",
    "skills-gap": "whether there were any skills you felt were missing",
    "experience-gap": "whether there was any experience you felt was missing",
    "presentation": "how I presented myself",
    "questions-asked": "what you made of the questions I asked",
}

FIELDS = {
    "contact-name": SHORT_TEXT,
    "contact-role": SHORT_TEXT,
    "contact-email": SHORT_TEXT,
    "role": SHORT_TEXT,
    "organisation": SHORT_TEXT,
    "interview-date": DATE,
    "topics": multiple_choice(*TOPICS),
    "questions": LONG_TEXT,
    "appreciated": SHORT_TEXT,
}

# Wording that can read as disputing the decision; such lines are kept out of the draft.
ARGUING_CUES = (
    "unfair",
    "not fair",
    "disagree",
    "wrong decision",
    "wrong choice",
    "you made a mistake",
    "reconsider",
    "think again",
    "change your mind",
    "appeal the decision",
    "appeal against",
    "justify",
    "biased",
    "discrimination",
    "discriminated",
    "discriminatory",
)
ARGUING_PATTERNS = tuple((cue, phrase_pattern(cue)) for cue in ARGUING_CUES)
_BULLET = re.compile(r"\A\s*(?:[-*•·–—]|\d{1,2}[.)])\s*")
_EMAIL = re.compile(r"\A[^@\s]+@[^@\s]+\.[^@\s]+\Z")
# Openings that already make a full sentence of thanks, so no "I especially appreciated" is added.
_SENTENCE_OPENINGS = re.compile(r"\A(?:I\b|I'|I’|It\b|Thank|You\b|Everyone\b|Meeting you\b)")
_LOWER_FIRST_WORDS = (
    "The",
    "Your",
    "How",
    "A",
    "An",
    "Being",
    "Hearing",
    "Learning",
    "Getting",
    "Seeing",
    "Talking",
    "Having",
)

PLACEHOLDER_NAME = "[Name]"
PLACEHOLDER_ROLE = "[Job title]"
PLACEHOLDER_ORGANISATION = "[Organisation]"


def insights(answers: Answers, today: str) -> Result:
    """Draft the feedback request from the planning answers, with placeholders for anything missing."""
    check_answers(answers, FIELDS)
    now = parse_today(today)
    questions, held_back = split_questions(text(answers, "questions"))
    appreciated = text(answers, "appreciated")
    if appreciated and arguing_cue(appreciated):
        held_back.append(appreciated)
        appreciated = ""
    topics = choices(answers, "topics", TOPICS)
    email = text(answers, "contact-email")
    blocks: list[Block | None] = [
        draft(
            "Your feedback request",
            email,
            subject(answers),
            body(answers, topics, questions, appreciated),
        ),
        placeholder_prompt(answers),
        held_back_prompt(held_back),
        focus_prompt(topics, questions),
        email_prompt(email),
        timing_paragraph(date_answer(answers, "interview-date"), now),
        paragraph(
            "Whatever comes back, a short thank-you is a kind close, and the decision can stay as it stands. "
            "Many employers do not reply at all, and that is not a judgement on you."
        ),
        next_steps(
            "After you send it",
            [
                Step(
                    "When a reply comes: choosing a good moment to read it, and noticing the positives too.",
                    "feedback#hearing-feedback",
                ),
                Step("If there is no reply, or only a brief one.", "feedback#no-reply-or-generic"),
                Step(
                    "Note anything they tell you in your rejection log, where patterns can show over time.",
                    "worksheets/rejection-log",
                ),
            ],
        ),
    ]
    return result(WORKSHEET, summary(answers), blocks)


def summary(answers: Answers) -> str:
    """Who the draft is for, and a reminder that it can be changed."""
    name = text(answers, "contact-name")
    role = text(answers, "role")
    organisation = text(answers, "organisation")
    if not (name or role or organisation):
        return (
            "Here is a short, thankful draft with placeholders in square brackets. Fill in the worksheet, "
            "or edit the draft directly, to make it yours."
        )
    to_whom = f" to {name}" if name else ""
    about = f" about the {role} role" if role else ""
    at = f" at {organisation}" if organisation else ""
    return f"Here is a short, thankful draft{to_whom}{about}{at}. Change anything you like so it sounds like you."


def subject(answers: Answers) -> str:
    """A plain subject line naming the role, as in the guide's sample."""
    role = text(answers, "role") or PLACEHOLDER_ROLE
    return f"Feedback on my interview for {role}"


def body(answers: Answers, topics: Sequence[str], questions: Sequence[str], appreciated: str) -> str:
    """The message: thanks, one specific ask, an easy way to say no, and a warm close."""
    name = text(answers, "contact-name") or PLACEHOLDER_NAME
    role = text(answers, "role") or PLACEHOLDER_ROLE
    organisation = text(answers, "organisation") or PLACEHOLDER_ORGANISATION
    interview = date_answer(answers, "interview-date")
    when = f" on {long_date(interview)}" if interview else ""
    thanks = (
        f"Thank you for letting me know your decision about the {role} role at {organisation}, "
        f"and for the time you gave me at the interview{when}."
    )
    appreciation = appreciation_sentence(appreciated)
    opening = f"{thanks} {appreciation}" if appreciation else thanks
    paragraphs = [
        f"Dear {name},",
        opening,
        request_paragraph(topics, questions),
        f"I understand if that is not possible, and I would be glad to be considered for suitable roles at {organisation} in the future.",
        "Kind regards,\n[Your name]",
    ]
    return "\n\n".join(paragraphs)


def request_paragraph(topics: Sequence[str], questions: Sequence[str]) -> str:
    """The ask itself, made specific by the chosen topics and the reader's own questions."""
    phrases = [TOPIC_PHRASES[topic] for topic in topics if topic in TOPIC_PHRASES]
    sentences = [
        "If you have a few minutes, I would be grateful for any brief feedback on my application or interview."
    ]
    if phrases:
        sentences.append(f"In particular, I would find it helpful to know {join_words(phrases)}.")
    elif not questions:
        sentences.append("In particular, I would find it helpful to know [one specific question].")
    lead = "I would also like to ask:" if phrases else "In particular, I would like to ask:"
    if len(questions) == 1:
        sentences.append(f"{lead} {questions[0]}")
    elif questions:
        sentences.append(lead)
        return " ".join(sentences) + "\n" + "\n".join(f"- {question}" for question in questions)
    return " ".join(sentences)


def appreciation_sentence(appreciated: str) -> str:
    """Turn the reader's note of thanks into a sentence, keeping their words.

    A colon works whether they wrote a phrase ("the friendly panel") or a clause ("the panel
    made me welcome"), so their words never need rearranging.
    """
    if not appreciated:
        return ""
    words = " ".join(appreciated.split())
    if words[-1] not in ".?!…":
        words += "."
    if _SENTENCE_OPENINGS.match(words):
        return words
    first, _, rest = words.partition(" ")
    if first in _LOWER_FIRST_WORDS:
        words = first.lower() + (" " + rest if rest else "")
    return f"Something I especially appreciated: {words}"


def split_questions(questions: str) -> tuple[list[str], list[str]]:
    """The reader's questions, one per line without bullets, and any held back because they argue."""
    kept: list[str] = []
    held_back: list[str] = []
    for line in questions.splitlines():
        question = _BULLET.sub("", line).strip()
        if not question:
            continue
        (held_back if arguing_cue(question) else kept).append(question)
    return kept, held_back


def arguing_cue(words: str) -> str:
    """The first cue in the words that could read as disputing the decision, or ""."""
    for cue, pattern in ARGUING_PATTERNS:
        if contains_phrase(words, pattern):
            return cue
    return ""


def placeholder_prompt(answers: Answers) -> Block | None:
    """Remind the reader which square-bracket placeholders to fill before sending."""
    missing = [
        placeholder
        for key, placeholder in (
            ("contact-name", PLACEHOLDER_NAME),
            ("role", PLACEHOLDER_ROLE),
            ("organisation", PLACEHOLDER_ORGANISATION),
        )
        if not text(answers, key)
    ]
    missing.append("[Your name]")
    return prompt(f"Before sending, replace {join_words(missing)} in the draft.")


def held_back_prompt(held_back: Sequence[str]) -> Block | None:
    """Explain, without blame, why a line was kept out of the draft."""
    if not held_back:
        return None
    cues = list(dict.fromkeys(arguing_cue(line) for line in held_back))
    what = capitalise(count_of(len(held_back), "line"))
    verb = "mentions" if len(held_back) == 1 else "mention"
    return prompt(
        f"{what} you wrote {verb} {join_words([quoted(cue) for cue in cues])}, so the draft leaves "
        f"{'it' if len(held_back) == 1 else 'them'} out. Those feelings make sense, but a request that seems to "
        "question the decision tends to close the door. Asking what would have made your application stronger "
        "usually gets a kinder reply. You can still add anything back yourself."
    )


def focus_prompt(topics: Sequence[str], questions: Sequence[str]) -> Block | None:
    """A gentle nudge towards one or two asks, since a focused request is easier to answer."""
    chosen_topics = [topic for topic in topics if topic in TOPIC_PHRASES]
    if len(chosen_topics) <= 2 and len(questions) <= 2:
        return None
    return prompt(
        "The draft asks about several things. A busy person finds one or two clear questions easier to answer, "
        "so you might keep only the ones that matter most to you."
    )


def email_prompt(email: str) -> Block | None:
    """Flag an address that looks mistyped, so the message is not lost."""
    if not email or _EMAIL.match(email):
        return None
    return prompt("The email address may need a second look before you send the message.")


def timing_paragraph(interview: date | None, today: date) -> Block | None:
    """Reassure a reader writing some weeks after the interview that it can still be worth asking."""
    if interview is None or (today - interview).days <= 14:
        return None
    return paragraph(
        "Within a few days of the interview is ideal, but a later request can still be welcome. "
        "There is no need to apologise for the gap."
    )
