"""Speaking the reader's language: gettext catalogues, and the small words sentences are built from.

Every sentence is an English msgid with named placeholders, marked with the calls below so
Babel can extract it into ``locales/insights.pot``. The wheel carries each language's compiled
catalogue under ``locale/``; a request names its language and the whole run speaks it. An
unknown or missing language is English, the msgids themselves.

Counts go through ``ngettext`` and are never zero there: French treats zero as singular and
English as plural, so a sentence about nothing has its own wording instead.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from pathlib import Path

DOMAIN = "insights"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
ENGLISH = gettext.NullTranslations()

_current: ContextVar[gettext.NullTranslations] = ContextVar("onward_insights_language", default=ENGLISH)
_loaded: dict[str, gettext.NullTranslations] = {}
_LANGUAGE_TAG = re.compile(r"\A([A-Za-z]{2,3})(?:[-_]([A-Za-z0-9]{2,8}))*\Z")


def language_candidates(tag: object) -> list[str]:
    """Catalogue folders to try for a BCP 47 tag such as "fr" or "pt-BR", most specific first."""
    if not isinstance(tag, str):
        return []
    match = _LANGUAGE_TAG.match(tag.strip())
    if not match:
        return []
    parts = re.split(r"[-_]", tag.strip())
    primary = parts[0].lower()
    return [f"{primary}_{parts[1].upper()}", primary] if len(parts) > 1 else [primary]


def translations_for(tag: object) -> gettext.NullTranslations:
    """The catalogue for a language, or English when there is none for it."""
    for candidate in language_candidates(tag):
        if candidate in _loaded:
            return _loaded[candidate]
        path = LOCALE_DIR / candidate / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if path.is_file():
            with path.open("rb") as source:
                _loaded[candidate] = gettext.GNUTranslations(source)
            return _loaded[candidate]
    return ENGLISH


@contextmanager
def speaking(tag: object) -> Iterator[None]:
    """Within this block every sentence is written in the language ``tag`` names."""
    token = _current.set(translations_for(tag))
    try:
        yield
    finally:
        _current.reset(token)


def _fill(message: str, values: dict[str, object]) -> str:
    return message % values if values else message


def _(message: str, /, **values: object) -> str:
    """A sentence in the reader's language, with its named placeholders filled."""
    return _fill(_current.get().gettext(message), values)


def N_(message: str) -> str:  # noqa: N802 - the usual gettext name, which Babel looks for
    """Mark a sentence for translation where it is defined; ``_`` translates it where it is used."""
    return message


def ngettext(singular: str, plural: str, n: int, /, **values: object) -> str:
    """The singular or plural sentence for ``n`` (never zero: see the module docstring)."""
    return _fill(_current.get().ngettext(singular, plural, n), values)


def pgettext(context: str, message: str, /, **values: object) -> str:
    """A short word or phrase whose translation depends on where it is used."""
    return _fill(_current.get().pgettext(context, message), values)


# ---- Small words -----------------------------------------------------------------------------


def number_word(count: int) -> str:
    """Numbers from two to nine in words, as plain style suggests; others in figures."""
    words = {
        2: pgettext("number", "two"),
        3: pgettext("number", "three"),
        4: pgettext("number", "four"),
        5: pgettext("number", "five"),
        6: pgettext("number", "six"),
        7: pgettext("number", "seven"),
        8: pgettext("number", "eight"),
        9: pgettext("number", "nine"),
    }
    return words.get(count, str(count))


def times(count: int) -> str:
    """'once', 'twice', 'three times'."""
    if count == 1:
        return _("once")
    if count == 2:
        return _("twice")
    return ngettext("%(count)s time", "%(count)s times", count, count=number_word(count))


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (no serial comma); ``conjunction`` is "and" or "or"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    head, last = ", ".join(items[:-1]), items[-1]
    if conjunction == "or":
        return _("%(items)s or %(last)s", items=head, last=last)
    return _("%(items)s and %(last)s", items=head, last=last)


def quoted(words: str) -> str:
    """Words from the form or the reader, in the language's quotation marks."""
    return _("‘%(words)s’", words=words)


def capitalise(sentence: str) -> str:
    """Upper-case only the first character, leaving the rest as written."""
    return sentence[:1].upper() + sentence[1:]


def shorten(value: str, limit: int = 60) -> str:
    """One line of a reader's text, cut at a word boundary when it is long.

    A date is never cut in two ("by 15…" of "by 15 December"): the cut moves back to before
    it, or past it when it sits at the very start.
    """
    line = " ".join(value.split())
    if len(line) <= limit:
        return line
    end = limit
    space = line.rfind(" ", 0, limit + 1)
    if space > limit // 2:
        end = space
    for match in _DATE_IN_WORDS.finditer(line):
        if match.start() < end < match.end():
            end = match.start() if match.start() > limit // 3 else match.end()
            break
    cut = line[:end].rstrip()
    while _LINKING_WORD_AT_END.search(cut):  # "avant le", "by"
        cut = _LINKING_WORD_AT_END.sub("", cut)
    return cut.rstrip(" ,;:.-–—(") + "…"


_MONTHS_IN_WORDS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre"
    r"|novembre|d[ée]cembre)"
)
_DATE_IN_WORDS = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\s+{_MONTHS_IN_WORDS}\.?(?:\s+\d{{4}})?"
    rf"|{_MONTHS_IN_WORDS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?",
    re.IGNORECASE,
)
_LINKING_WORD_AT_END = re.compile(r"\s+(?:by|on|before|until|from|le|du|au|avant|d'ici|d’ici|jusqu'au|jusqu’au)\Z", re.IGNORECASE)


def month_name(month: int) -> str:
    """The month's name in the reader's language."""
    names = (
        pgettext("month", "January"),
        pgettext("month", "February"),
        pgettext("month", "March"),
        pgettext("month", "April"),
        pgettext("month", "May"),
        pgettext("month", "June"),
        pgettext("month", "July"),
        pgettext("month", "August"),
        pgettext("month", "September"),
        pgettext("month", "October"),
        pgettext("month", "November"),
        pgettext("month", "December"),
    )
    return names[month - 1]


def long_date(day: date) -> str:
    """A date as people write it: 20 November 2026 (in French, 1er décembre 2026)."""
    values = {"day": day.day, "month": month_name(day.month), "year": day.year}
    if day.day == 1:
        # Translators: the first day of a month, which some languages write differently (1er).
        return pgettext("first of the month", "%(day)s %(month)s %(year)s", **values)
    return pgettext("date", "%(day)s %(month)s %(year)s", **values)
