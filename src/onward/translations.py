"""The guide, the worksheets and the help in the reader's language, read from gettext catalogues at build time.

English YAML is the one source of structure; a catalogue only ever replaces the
text of a message (``messages.py`` finds them). The catalogues are in gettext's
layout, one domain per kind of text::

    locales/content.pot, worksheets.pot, help.pot      templates: the English, from the YAML
    locales/fr/LC_MESSAGES/content.po ...               one language's translations

Translations are applied to the YAML documents after a centre's overlay is resolved
and before anything is checked, so a link inside a translation is checked like any
link, and a mistake there names the ``.po`` file, its line and the message's context.

A translation is used only when it is for the English as it is now: it is looked up
by context *and* English text, and fuzzy entries (which ``make catalogues`` marks when
the English changes) are never used. Anything else shows in English, marked as
English (``fallback.py``), and is reported with the YAML file, line and context.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

from babel.messages.pofile import PoFileError, read_po

from .components import Component
from .errors import ContentError, Path_, Problem, display_name
from .i18n import main_language
from .paths import bundled
from .messages import Message, page_messages, section_messages, worksheet_messages
from .sources import Merged, PageSource, SectionSource, WorksheetSource
from .yamlsource import YamlDocument

CONTENT = "content"  # the guide's pages
WORKSHEETS = "worksheets"  # the worksheets' titles, questions, hints and options
HELP = "help"  # the generic help box and the help sets
DOMAINS = (CONTENT, WORKSHEETS, HELP)
SOURCE_LANGUAGE = "en"

MISSING = "missing"
FUZZY = "fuzzy"
OUTDATED = "outdated"
_REASONS = {
    MISSING: "not translated yet",
    FUZZY: "fuzzy: the English changed and its translation waits to be checked",
    OUTDATED: "the English changed since it was translated; updating the catalogue marks it fuzzy",
}


@dataclass(frozen=True)
class Entry:
    """One translated message of a ``.po`` file."""

    text: str
    line: int
    fuzzy: bool


@dataclass(frozen=True)
class Catalogue:
    """One ``.po`` file: its translations by (context, English), and the English each context had."""

    name: str  # as messages show it: locales/fr/LC_MESSAGES/content.po
    entries: Mapping[tuple[str, str], Entry]
    english: Mapping[str, str] = field(default_factory=dict)  # context -> the English it was translated from

    def find(self, message: Message) -> tuple[Entry | None, str | None]:
        """The entry to use for ``message``, or None and why there is none."""
        entry = self.entries.get((message.context, message.text))
        if entry is not None and entry.text and not entry.fuzzy:
            return entry, None
        if entry is not None and entry.fuzzy:
            return None, FUZZY
        if entry is None and message.context in self.english:
            return None, OUTDATED
        return None, MISSING


def catalogue_file(locales_dir: Path, language: str, domain: str) -> Path | None:
    """``LANG/LC_MESSAGES/DOMAIN.po`` for ``language`` (``pt_BR``, then ``pt``), or None."""
    region = language.replace("-", "_")
    for code in dict.fromkeys((region, main_language(language))):
        candidate = locales_dir / code / "LC_MESSAGES" / f"{domain}.po"
        if candidate.is_file():
            return candidate
    return None


def translated_language(locales_dir: Path, language: str) -> str | None:
    """The code Onward's own text is translated into for ``language`` ("fr" for "fr-CA"), or None."""
    if main_language(language) == SOURCE_LANGUAGE:
        return None
    for domain in DOMAINS:
        file = catalogue_file(locales_dir, language, domain)
        if file is not None:
            return file.parent.parent.name.replace("_", "-")
    return None


def guide_language(interface: str, written: str | None, locales_dir: Path | None = None) -> str:
    """The language the guide is shown in: ``content_language`` as written, else the interface's
    when Onward's text is translated into it, else English."""
    return written or translated_language(locales_dir or bundled("locales"), interface) or SOURCE_LANGUAGE


def translator_for(
    language: str, locales_dir: Path, overlay_language: str | None = None, overlay_locales: Path | None = None,
    root: Path | None = None,
) -> Translator | None:
    """What puts the site's text in ``language``: None when there is nothing to translate.

    Onward's own text is English; a centre's overlay is in ``overlay_language`` (the
    site's language when it says nothing) and is translated from its own catalogues
    only when that differs.
    """
    same = overlay_language is None or main_language(overlay_language) == main_language(language)
    centre = None if same else overlay_locales
    if main_language(language) == SOURCE_LANGUAGE and centre is None:
        return None
    return Translator(language, locales_dir, centre, root, onward=main_language(language) != SOURCE_LANGUAGE)


def load_catalogue(file: Path, root: Path | None = None) -> Catalogue:
    """Read one ``.po`` file; a file gettext tools would refuse stops the build, naming its line."""
    return _load_cached(file.resolve(), file.stat().st_mtime_ns, display_name(file, root))


@lru_cache(maxsize=32)
def _load_cached(file: Path, mtime: int, name: str) -> Catalogue:
    try:
        with file.open("rb") as source:
            catalogue = read_po(source, abort_invalid=True)
    except (PoFileError, OSError, UnicodeDecodeError) as exc:
        line = getattr(exc, "lineno", None)  # Babel counts from 0
        raise ContentError.single(
            name, line + 1 if isinstance(line, int) else None, (), f"not a catalogue gettext tools can read: {exc}"
        ) from None
    entries: dict[tuple[str, str], Entry] = {}
    english: dict[str, str] = {}
    for message in catalogue:
        if not message.id or not isinstance(message.id, str) or message.context is None:
            continue
        text = message.string if isinstance(message.string, str) else ""
        entries[(message.context, message.id)] = Entry(text, message.lineno or 1, message.fuzzy)
        english.setdefault(message.context, message.id)
    return Catalogue(name, entries, english)


@dataclass(frozen=True)
class Origin:
    """Where a translated text came from: its catalogue, line and context."""

    catalogue: str
    line: int
    context: str


@dataclass
class TranslatedDocument(YamlDocument):
    """A YAML document with its texts in another language: same structure and lines, new words.

    A problem found in a translated text names the catalogue, line and context it came
    from, since that is where it must be fixed; ``english`` lists the texts left in
    English, which the renderer marks as such.
    """

    origins: dict[Path_, Origin] = field(default_factory=dict)
    english: frozenset[Path_] = frozenset()

    def problem(self, path: Path_, message: str) -> Problem:
        for end in range(len(path), 0, -1):
            origin = self.origins.get(tuple(path[:end]))
            if origin is not None:
                where = f"{self.name}:{self.line_of(path)}"
                return Problem(origin.catalogue, origin.line, (f'msgctxt "{origin.context}"',), f"{message} (translating {where})")
        return super().problem(path, message)


@dataclass(frozen=True)
class Untranslated:
    """A message a build shows in English, and why."""

    message: Message
    reason: str
    catalogue: str | None  # the .po file it was looked for in, None when the language has none

    def __str__(self) -> str:
        return f"{onward_name(self.message.doc.name)}:{self.message.line}: {self.message.context}: {_REASONS[self.reason]} in {self.catalogue}"


def onward_name(name: str) -> str:
    """``content/reasons.yml`` for a file of Onward's own, wherever Onward is installed; other names as they are."""
    for folder in (bundled("content").parent, Path.cwd()):
        try:
            return Path(name).relative_to(folder).as_posix()
        except ValueError:
            continue
    return name


def set_at(data: Any, path: Path_, value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def translate_document(
    doc: YamlDocument,
    messages: Iterable[Message],
    catalogue: Catalogue | None,
    untranslated: list[Untranslated],
    expected: str = "",
) -> TranslatedDocument:
    """``doc`` with each message's text from ``catalogue``; what has none stays English and is listed.

    ``expected`` names the catalogue that would translate it, when there is none.
    """
    data = copy.deepcopy(doc.data)
    origins: dict[Path_, Origin] = {}
    english: set[Path_] = set()
    for message in messages:
        entry, reason = catalogue.find(message) if catalogue else (None, MISSING)
        if entry is None:
            english.add(message.path)
            untranslated.append(Untranslated(message, reason or MISSING, catalogue.name if catalogue else expected))
            continue
        set_at(data, message.path, entry.text)
        origins[message.path] = Origin(catalogue.name, entry.line, message.context)  # type: ignore[union-attr]
    return TranslatedDocument(doc.name, data, doc.lines, doc.text, origins, frozenset(english))


@dataclass
class Translator:
    """Onward's catalogues for one language, and a centre's for its own overlay, applied at load time.

    ``centre_dir`` is None when the centre wrote its overlay in the site's language:
    its texts are then used as written. Every message shown in English is kept in
    ``untranslated``, for the build to report.
    """

    language: str
    locales_dir: Path
    centre_dir: Path | None = None
    root: Path | None = None
    onward: bool = True  # Onward's own text needs translating (it does not into English)
    untranslated: list[Untranslated] = field(default_factory=list)

    def catalogue(self, domain: str, own: bool = False) -> Catalogue | None:
        folder = self.centre_dir if own else self.locales_dir
        file = catalogue_file(folder, self.language, domain) if folder else None
        return load_catalogue(file, self.root) if file else None

    def _translate(self, doc: YamlDocument, found: list[Message], domain: str, own: bool) -> TranslatedDocument:
        folder = self.centre_dir if own else self.locales_dir
        assert folder is not None
        expected = f"{onward_name(display_name(folder, self.root))}/{self.language}/LC_MESSAGES/{domain}.po (not there)"
        return translate_document(doc, found, self.catalogue(domain, own), self.untranslated, expected)

    def translates(self, own: bool) -> bool:
        return self.centre_dir is not None if own else self.onward

    def merged(self, merged: Merged, components: Mapping[str, Component]) -> Merged:
        """``merged`` with every page and worksheet in this language (what cannot be, in English)."""
        groups: dict[int, tuple[YamlDocument, bool, str, list[Message]]] = {}

        def add(doc: YamlDocument, own: bool, domain: str, found: list[Message]) -> None:
            groups.setdefault(id(doc), (doc, own, domain, []))[3].extend(found)

        for page in merged.pages:
            add(page.doc, page.own, CONTENT, page_messages(_alone(page), components))
            for section in page.sections:
                add(section.doc, section.own, CONTENT, section_messages(section, page.id, components))
        for source in merged.worksheets.values():
            add(source.doc, source.own, WORKSHEETS, worksheet_messages(source, components))
        problems: list[Problem] = []
        done: dict[int, YamlDocument] = {}
        for key, (doc, own, domain, found) in groups.items():
            if not self.translates(own):
                continue
            try:
                done[key] = self._translate(doc, found, domain, own)
            except ContentError as exc:  # a catalogue that cannot be read: said once, however many pages use it
                problems.extend(p for p in exc.problems if p not in problems)
        rebuilt = _rebuilt(merged, done)
        return replace(rebuilt, problems=(*rebuilt.problems, *problems)) if problems else rebuilt

    def document(self, doc: YamlDocument, messages: list[Message], domain: str = HELP) -> YamlDocument:
        """One document of Onward's own (a help set, the generic help) in this language."""
        if not self.onward:
            return doc
        return self._translate(doc, messages, domain, own=False)


def _alone(page: PageSource) -> PageSource:
    """The page without its sections: their messages are found with each section's own document."""
    return PageSource(page.id, page.doc, (), page.own)


def _rebuilt(merged: Merged, done: Mapping[int, YamlDocument]) -> Merged:
    def doc(original: YamlDocument) -> YamlDocument:
        return done.get(id(original), original)

    pages = tuple(
        PageSource(
            page.id,
            doc(page.doc),
            tuple(SectionSource(s.id, doc(s.doc), s.path, s.own) for s in page.sections),
            page.own,
        )
        for page in merged.pages
    )
    worksheets = {
        ident: WorksheetSource(ident, doc(source.doc), source.own, source.replaces)
        for ident, source in merged.worksheets.items()
    }
    return Merged(pages, worksheets, merged.displaced, merged.renames, merged.notes, merged.problems, merged.unreadable)


def report(untranslated: Iterable[Untranslated], language: str) -> str:
    """The build's account of what shows in English on a ``language`` site, one message a line."""
    found = list(dict.fromkeys(untranslated))
    lines = "\n".join(f"  {item}" for item in found)
    return f"{len(found)} text(s) show in English on this '{language}' site, marked as English:\n{lines}"
