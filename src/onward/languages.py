"""Which language code a centre meant, when it wrote a name ("French") or a locale ("fr_FR").

Material names its languages by code (fr, pt-BR, zh-Hant); people often write
the language's name instead, in English or in the language itself. Babel
(which Material already installs) knows every language's names from Unicode's
CLDR data, so "did you mean" can answer "fr" for "french", "Français" or "fr_FR".
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Iterable


@lru_cache(maxsize=1)
def _names(known: tuple[str, ...]) -> dict[str, str]:
    """Lower-case names of each code in ``known`` (English and native) -> the code."""
    from babel import Locale, UnknownLocaleError

    names: dict[str, str] = {}
    for code in known:
        try:
            locale = Locale.parse(code.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            continue
        for name in (locale.english_name, locale.get_display_name(), locale.get_language_name("en")):
            if name:
                names.setdefault(name.casefold(), code)
    return names


def nearest_language(written: str, known: Iterable[str]) -> str | None:
    """The code in ``known`` that ``written`` most likely means, or None."""
    codes = tuple(sorted(known))
    folded = written.strip().casefold().replace("_", "-")
    by_lower = {code.casefold(): code for code in codes}
    if folded in by_lower:
        return by_lower[folded]
    main = folded.split("-")[0]
    if main in by_lower:  # fr-FR, fr_CA: Material has the main language
        return by_lower[main]
    names = _names(codes)
    if folded in names:
        return names[folded]
    starting = sorted(name for name in names if name.startswith(folded + " "))  # norwegian: Norwegian Bokmål
    if starting:
        return names[starting[0]]
    close = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.75)
    if close:
        return names[close[0]]
    close = difflib.get_close_matches(folded, list(by_lower), n=1)
    return by_lower[close[0]] if close else None


def language_suggestion(written: str, known: Iterable[str]) -> str:
    """"; did you mean 'fr'? (French)" for the nearest code, or "" when nothing is near."""
    code = nearest_language(written, known)
    if code is None:
        return ""
    return f"; did you mean '{code}'? ({language_name(code)})"


def language_name(code: str) -> str:
    """The English name of a language code ("French" for fr), or the code itself when Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).english_name or code
    except (ValueError, UnknownLocaleError):
        return code
