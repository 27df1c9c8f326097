"""Reading free text simply: finding known phrases in what a reader typed, in English or French.

This is a guess from words, not understanding, and the insights say so. Text is folded
first (accents, apostrophes and odd spaces made plain) so that "expérience" and
"experience", "didn’t" and "didn't" read alike. Folding uses a fixed table, and matching is
ASCII-only, so every Python gives the same answer whatever its Unicode tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Letters that count as part of a word besides ASCII letters and digits: the Latin-1 and
# Latin Extended-A/B letters (a fixed set, rather than \w, for the same reason).
_LATIN_LETTERS = ((0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F))
# Text is read with every Latin letter beyond ASCII written as this one mark: a pattern's word
# boundaries are then an ASCII class, which compiles about eight times faster than one holding
# the 400 letters (the phrases' patterns were most of the insight code's start-up).
LETTER = "\x01"
_WORD = f"A-Za-z0-9{LETTER}"
_LETTERS_AS_ONE = str.maketrans({chr(c): LETTER for low, high in _LATIN_LETTERS for c in range(low, high + 1)})

_FOLDS = {
    "a": "àáâãäåāăą",
    "A": "ÀÁÂÃÄÅĀĂĄ",
    "c": "çćĉċč",
    "C": "ÇĆĈĊČ",
    "e": "èéêëēĕėęě",
    "E": "ÈÉÊËĒĔĖĘĚ",
    "i": "ìíîïĩīĭįı",
    "I": "ÌÍÎÏĨĪĬĮİ",
    "n": "ñńņň",
    "N": "ÑŃŅŇ",
    "o": "òóôõöøōŏő",
    "O": "ÒÓÔÕÖØŌŎŐ",
    "u": "ùúûüũūŭůűų",
    "U": "ÙÚÛÜŨŪŬŮŰŲ",
    "y": "ýÿŷ",
    "Y": "ÝŸŶ",
    "'": "\u2019\u2018\u02bc\u0060\u00b4\u2032",
    '"': "\u201c\u201d\u00ab\u00bb\u201e",
    " ": "\u00a0\u202f\u2009\u2007\u200a",
    "-": "\u2010\u2011\u2012\u2013\u2014",
}
_FOLD_TABLE = str.maketrans({source: plain for plain, sources in _FOLDS.items() for source in sources})
_LIGATURES = (("œ", "oe"), ("Œ", "OE"), ("æ", "ae"), ("Æ", "AE"), ("ß", "ss"))


def fold(value: str) -> str:
    """Accents, curly apostrophes and unusual spaces made plain, so phrases match however they were typed."""
    folded = value.translate(_FOLD_TABLE)
    for ligature, plain in _LIGATURES:
        folded = folded.replace(ligature, plain)
    return folded


def reading_form(value: str) -> str:
    """The text as phrases are looked for in it: folded, each other Latin letter as ``LETTER``
    (one character for one, so a match's place is its place in the folded text)."""
    return fold(value.replace(LETTER, " ")).translate(_LETTERS_AS_ONE)


def _word(part: str) -> str:
    """One word of a phrase; a trailing * lets it end any way ("applicant*": applicant, applicants)."""
    if part.endswith("*"):
        return re.escape(part[:-1]) + f"[{_WORD}]*"
    return re.escape(part)


def phrase_pattern(phrase: str, not_followed_by: str = "") -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for a phrase, allowing any spacing between its words,
    to look for in a text's ``reading_form``."""
    folded = fold(phrase)
    if not folded.isascii():
        raise ValueError(f"the phrase {phrase!r} has a letter that folding does not make plain")
    body = r"\s+".join(_word(part) for part in folded.split())
    tail = f"(?!{not_followed_by})" if not_followed_by else ""
    return re.compile(rf"(?<![{_WORD}]){body}(?![{_WORD}]){tail}", re.IGNORECASE | re.ASCII)


@dataclass(frozen=True)
class Cue:
    """A phrase that hints at something, and whether a nearby "not" turns it round."""

    phrase: str
    pattern: re.Pattern[str]
    negatable: bool = True


def cues(phrases: Iterable[str | tuple[str, str]], negatable: bool = True) -> tuple[Cue, ...]:
    """Compiled cues; a phrase may come with a pattern it must not be followed by."""
    compiled: list[Cue] = []
    for item in phrases:
        phrase, not_followed_by = (item, "") if isinstance(item, str) else item
        compiled.append(Cue(phrase, phrase_pattern(phrase, not_followed_by), negatable))
    return tuple(compiled)


# Phrases that, just before a cue in the same clause, say the opposite ("nothing to do with your
# experience", "pas une question d'expérience"). Rejection messages are full of plain negatives
# ("you did not have the relevant experience"), so only these turn a cue round.
NEGATING_PHRASES = tuple(
    phrase_pattern(phrase)
    for phrase in (
        "not about", "wasn't about", "was not about", "isn't about", "is not about", "not because", "not because of",
        "not due to", "nothing to do with", "no reflection on", "not a reflection on", "not a question of",
        "not related to", "not down to", "rather than", "not for lack of", "rien a voir avec", "pas une question",
        "pas lie", "pas liee", "pas a cause", "pas en raison", "pas du a", "non pas", "plutot que",
    )
)
_CLAUSE_BREAK = re.compile(r"[.;:!?,()\n]|\s(?:but|however|though|mais|cependant|pourtant)\s", re.IGNORECASE | re.ASCII)
NEGATION_REACH = 40  # characters before the cue


def negated(folded: str, start: int) -> bool:
    """Whether a phrase such as "nothing to do with" comes just before ``start``, in the same
    clause of ``folded`` (a text's ``reading_form``)."""
    before = folded[max(0, start - NEGATION_REACH - 20) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    clause = clause[-NEGATION_REACH:] if len(clause) > NEGATION_REACH else clause
    return any(pattern.search(clause) for pattern in NEGATING_PHRASES)


def found_cues(value: str, candidates: Sequence[Cue]) -> list[Cue]:
    """The cues that occur in the text, not turned round by a "not" just before them, in list order."""
    folded = reading_form(value)
    found: list[Cue] = []
    for cue in candidates:
        for match in cue.pattern.finditer(folded):
            if not (cue.negatable and negated(folded, match.start())):
                found.append(cue)
                break
    return found


def mentions(value: str, candidates: Sequence[Cue]) -> bool:
    """Whether any of the cues occurs in the text."""
    return bool(found_cues(value, candidates))
