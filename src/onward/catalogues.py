"""Translation catalogues in gettext's layout, compiled for the build.

``locales/DOMAIN.pot`` is the template (English msgids, extracted with Babel) and
``locales/LANG/LC_MESSAGES/DOMAIN.po`` each language's translations, one domain per
kind of text (``insights`` for the sentences the worksheet insights write). The build
compiles each ``.po`` to ``.mo`` here, in-process; fuzzy entries are left out, so a
changed English text shows in English until someone checks its translation.
"""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po

from .errors import ContentError, display_name

INSIGHTS_DOMAIN = "insights"


def catalogue_files(locales_dir: Path, domain: str) -> dict[str, Path]:
    """Language code -> its ``.po`` file for ``domain``, in code order."""
    return {path.parent.parent.name: path for path in sorted(locales_dir.glob(f"*/LC_MESSAGES/{domain}.po"))}


def compile_catalogue(po_file: Path, root: Path | None = None) -> bytes:
    """One ``.po`` file as ``.mo`` bytes; a broken file stops the build with its name and line."""
    try:
        with po_file.open("rb") as source:
            catalogue = read_po(source, abort_invalid=True)
    except PoFileError as error:
        line = getattr(error, "lineno", None)
        raise ContentError.single(display_name(po_file, root), line, (), f"not a valid catalogue: {error}") from None
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    return buffer.getvalue()


def compiled_catalogues(locales_dir: Path, domain: str, root: Path | None = None) -> dict[str, bytes]:
    """``locale/LANG/LC_MESSAGES/DOMAIN.mo`` -> its bytes, for every language with a catalogue."""
    return {
        f"locale/{language}/LC_MESSAGES/{domain}.mo": compile_catalogue(po_file, root)
        for language, po_file in catalogue_files(locales_dir, domain).items()
    }
