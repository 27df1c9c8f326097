"""French typography in translations, as French print has it: spaces that never break, and apostrophes.

- a narrow no-break space (U+202F) before ``;``, ``!`` and ``?``;
- a no-break space (U+00A0) before ``:``, after ``«`` and before ``»``;
- the typographic apostrophe ``’`` between letters (``l’entretien``), never ``'``.

A plain space there lets a line break leave the mark alone at the start of a line.
``python tools/french_spacing.py locales/fr/LC_MESSAGES/*.po`` rewrites each
catalogue's translations in place (never the English, never link targets or
addresses); ``tests/unit/test_french_text.py`` fails while one is left, for the
guide's, the worksheets', the help's and the insights' catalogues and for the
interface (``locales/fr.yml``) alike.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from onward.extract import read_catalogue, write_catalogue

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow: before ; ! ?
APOSTROPHE = "\u2019"
# A mark that takes a space before it in French, when it ends a word (not https:, not 9:30).
_BEFORE = re.compile(r"(?:(?<=[^\s(\[«])|^)[ \u00a0\u202f]?([;:!?])(?=\s|$|»|\*|\))")
_STRAIGHT_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w|«)")  # l'entretien, d'« accord »
_AFTER_OPEN = re.compile(r"«[ \u00a0\u202f]?")
_BEFORE_CLOSE = re.compile(r"[ \u00a0\u202f]?»")
_LINK = re.compile(r"\]\([^)\s]*\)")


def spaced(text: str) -> str:
    """``text`` with French no-break spaces where they belong; Markdown link targets are left alone."""
    pieces = _LINK.split(text)
    targets = _LINK.findall(text)
    fixed = []
    for piece in pieces:
        piece = _BEFORE.sub(lambda m: (NBSP if m[1] == ":" else NNBSP) + m[1], piece)
        piece = _STRAIGHT_APOSTROPHE.sub(APOSTROPHE, piece)
        piece = _AFTER_OPEN.sub("«" + NBSP, piece)
        piece = _BEFORE_CLOSE.sub(NBSP + "»", piece)
        fixed.append(piece)
    out = fixed[0]
    for target, piece in zip(targets, fixed[1:]):
        out += target + piece
    return out


def kept_as_written(english: object, french: str) -> bool:
    """A translation identical to its English is a name kept as its owners write it ("Need to talk? 1737")."""
    return french == english


def fix_file(file: Path) -> bool:
    """Respace one catalogue's translations; whether anything changed."""
    catalogue, previous = read_catalogue(file)
    changed = False
    for message in catalogue:
        if not message.id or not message.string:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)  # plural forms too
        new = tuple(form if not form or kept_as_written(message.id, form) else spaced(form) for form in forms)
        if new != forms:
            message.string, changed = (new if isinstance(message.string, tuple) else new[0]), True
    if changed:
        write_catalogue(file, catalogue, previous)
    return changed


if __name__ == "__main__":
    for name in sys.argv[1:]:
        if fix_file(Path(name)):
            print(f"respaced {name}")
