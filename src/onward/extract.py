"""Templates (``.pot``) from the YAML, and each language's catalogue (``.po``) kept in step with them.

``make catalogues`` runs ``python -m onward.extract``: it writes ``locales/content.pot``,
``worksheets.pot`` and ``help.pot`` from Onward's YAML (the messages ``messages.py``
finds, each with its id path as msgctxt and its YAML file and line as location) and
``insights.pot`` from the insights' Python (Babel's own extraction of ``_()``,
``ngettext()`` and ``pgettext()`` calls), then updates every
``locales/LANG/LC_MESSAGES/DOMAIN.po`` from its template, as ``pybabel update`` does,
with one difference that matters for id paths: a message whose English changed keeps
its own translation (flagged fuzzy, the old English kept as ``#| msgid`` for the
translator to compare), rather than whichever translation has the closest English
anywhere in the file. A centre's overlay gets the same (``onward catalogues``).
"""

from __future__ import annotations

import datetime
import io
import sys
from pathlib import Path
from typing import Iterable, Mapping

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import denormalize, normalize, read_po, write_po

from . import __version__
from .components import Component, load_components
from .help_sets import load_help_sets
from .messages import Message, guide_messages, worksheets_messages
from .site_defaults import generic_help_messages, help_set_messages
from .sources import Merged, read_defaults
from .catalogues import INSIGHTS_DOMAIN
from .translations import CONTENT, DOMAINS, HELP, WORKSHEETS

WIDTH = 76  # as pybabel writes, so either tool can update a file without rewrapping all of it
_WHAT = {
    CONTENT: "the guide's pages: titles, summaries, sections and every block's text",
    WORKSHEETS: "the worksheets: titles, why, time, questions, hints, options and entry labels",
    HELP: "the help box: its generic text, and each country's help set (never its numbers or sources)",
    INSIGHTS_DOMAIN: "the sentences the worksheets' insights write",
}
TRANSLATOR_TAG = "Translators:"  # a comment starting so, just above a sentence in the insights' code, reaches the template
MARKDOWN_NOTE = "Inline Markdown: translate the words, keep each link's target (in round brackets) as it is."
PLACEHOLDER_NOTE = "The reader fills in the [placeholders]: translate the words inside the brackets too."


def notes(message: Message) -> list[str]:
    """Comments for translators (``#.`` lines): what must stay as it is."""
    found = []
    if message.markdown and "](" in message.text:
        found.append(MARKDOWN_NOTE)
    if "/sample_message[" in message.context and "[" in message.text:
        found.append(PLACEHOLDER_NOTE)
    if message.path[-2:] == ("emergency", "text"):
        phone = message.doc.data["emergency"]["phone"]
        found.append(f"The sentence must still give the number {phone}, written exactly so.")
    return found


def template(domain: str, messages: Iterable[Message], project: str = "Onward", tool: str = "make catalogues") -> Catalog:
    """The template of one domain: every message in the order it is written, with its location."""
    catalog = Catalog(
        domain=domain,
        project=project,
        version=__version__,
        copyright_holder="Onward contributors",
        charset="utf-8",
        header_comment=(
            f"# Translations template for {project}: {_WHAT.get(domain, domain)}.\n"
            f"# Written by `{tool}` from the YAML; each msgctxt names the text's place.\n"
            "# Copyright (C) Onward contributors\n"
            "# This file is distributed under the same licence as the guide (CC BY 4.0)."
        ),
    )
    for message in messages:
        catalog.add(
            message.text,
            locations=[(message.doc.name, message.line)],
            auto_comments=notes(message),
            context=message.context,
        )
    return catalog


def code_template(package: Path, root: Path, project: str = "Onward", tool: str = "make catalogues") -> Catalog:
    """The insights' template: every sentence their Python passes to gettext, located by file.

    Lines are left out of the locations (only the file is named), so editing code around a
    sentence never rewrites the template.
    """
    catalog = template(INSIGHTS_DOMAIN, (), project, tool)
    found = extract_from_dir(str(package), comment_tags=(TRANSLATOR_TAG,), strip_comment_tags=True)
    for filename, _line, text, comments, context in sorted(found, key=lambda item: (item[0], item[1])):
        location = (package / filename).relative_to(root).as_posix()
        existing = catalog.get(text, context)
        if existing is not None:
            existing.locations = sorted({*existing.locations, (location, None)}, key=str)
            existing.auto_comments = list(dict.fromkeys([*existing.auto_comments, *comments]))
            continue
        catalog.add(text, locations=[(location, None)], auto_comments=list(comments), context=context)
    return catalog


def _entries(catalog: Catalog) -> list[tuple[object, ...]]:
    """What a template says, leaving out its dates."""
    return [(m.context, m.id, tuple(m.locations), " ".join(m.auto_comments)) for m in catalog if m.id]


def write_template(catalog: Catalog, file: Path) -> bool:
    """Write ``catalog`` to ``file`` unless only its creation date would change; whether it was written."""
    if file.is_file():
        with file.open("rb") as source:
            written = read_po(source)
        if _entries(written) == _entries(catalog):
            catalog.creation_date = written.creation_date  # so the catalogues updated from it keep theirs
            return False
    catalog.creation_date = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(buffer.getvalue())
    return True


def updated(catalogue: Catalog, template: Catalog, previous: dict[str, str] | None = None) -> Catalog:
    """``catalogue`` brought in step with ``template``: new messages empty, changed English fuzzy.

    A message whose context is still there but whose English changed keeps its own
    translation, fuzzy, and its old English goes into ``previous`` (context -> English),
    for the translator to compare. The rest is Babel's own update (which may guess a
    translation from similar English, also fuzzy); messages that are gone are dropped.
    """
    previous = {} if previous is None else previous
    by_context = {m.context: m for m in catalogue if m.id and m.context is not None}
    for message in template:
        if not message.id or message.context is None or catalogue.get(message.id, message.context) is not None:
            continue
        old = by_context.get(message.context)
        if old is not None and old.string:
            catalogue.delete(old.id, old.context)
            catalogue.add(
                message.id, old.string, flags=set(old.flags) | {"fuzzy"},
                user_comments=old.user_comments, context=message.context,
            )
            previous[message.context] = str(old.id)
    catalogue.update(template, update_header_comment=False)
    for message in catalogue:
        if message.id and message.fuzzy and message.previous_id and message.context not in previous:
            previous[str(message.context)] = str(message.previous_id[0])  # Babel's own guess
    fuzzy = {m.context for m in catalogue if m.id and m.fuzzy}
    for context in [c for c in previous if c not in fuzzy]:
        del previous[context]  # checked since, or gone
    catalogue.obsolete.clear()
    return catalogue


# Babel 2.19 neither reads "#| msgid" lines back nor wraps long ones as gettext does, so the
# previous English of a fuzzy message is read and written here, in GNU gettext's own form.
_PREVIOUS = "#| "


def _context(lines: list[str]) -> str | None:
    """The msgctxt of one entry's lines (it may run over several), or None."""
    body = [line for line in lines if not line.startswith("#")]
    if not body or not body[0].startswith("msgctxt "):
        return None
    parts = [body[0][len("msgctxt "):]]
    for line in body[1:]:
        if not line.startswith('"'):
            break
        parts.append(line)
    return denormalize("\n".join(parts))


def previous_english(text: str) -> dict[str, str]:
    """Context -> the English a fuzzy message was translated from (its ``#| msgid``), in a ``.po`` text."""
    found: dict[str, str] = {}
    for block in text.split("\n\n"):
        lines = block.splitlines()
        old = [line[len(_PREVIOUS):] for line in lines if line.startswith(_PREVIOUS)]
        context = _context(lines)
        if context is not None and old and old[0].startswith("msgid "):
            found[context] = denormalize("\n".join([old[0][len("msgid "):], *old[1:]]))
    return found


def with_previous(text: str, previous: Mapping[str, str]) -> str:
    """A ``.po`` text with each message's previous English written before it, as ``msgmerge --previous`` does."""
    blocks = []
    for block in text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith(_PREVIOUS)]
        context = _context(lines)
        if context in previous:
            at = next(i for i, line in enumerate(lines) if not line.startswith("#"))
            old = normalize(previous[context], width=WIDTH).splitlines()
            lines[at:at] = [f"{_PREVIOUS}msgid {old[0]}", *(_PREVIOUS + line for line in old[1:])]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def read_catalogue(po_file: Path) -> tuple[Catalog, dict[str, str]]:
    """A ``.po`` file and the previous English of its fuzzy messages."""
    with po_file.open("rb") as source:
        catalogue = read_po(source)
    for message in catalogue:  # Babel reads "#| msgid" lines as translator comments: they are not
        message.user_comments = [c for c in message.user_comments if not c.startswith("| ")]
    return catalogue, previous_english(po_file.read_text(encoding="utf-8"))


def write_catalogue(po_file: Path, catalogue: Catalog, previous: Mapping[str, str]) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalogue, width=WIDTH)
    po_file.write_text(with_previous(buffer.getvalue().decode("utf-8"), previous), encoding="utf-8")


def update_catalogue(po_file: Path, template_catalog: Catalog) -> None:
    """Rewrite one ``.po`` file from its template (see ``updated``)."""
    catalogue, previous = read_catalogue(po_file)
    write_catalogue(po_file, updated(catalogue, template_catalog, previous), previous)


def onward_messages(merged: Merged, components: Mapping[str, Component]) -> dict[str, list[Message]]:
    """Every message of Onward's own YAML, by domain."""
    help_messages = generic_help_messages()
    for one in load_help_sets().values():
        help_messages += help_set_messages(one)
    return {
        CONTENT: guide_messages(merged, components),
        WORKSHEETS: worksheets_messages(merged, components),
        HELP: help_messages,
    }


def centre_messages(merged: Merged, components: Mapping[str, Component]) -> dict[str, list[Message]]:
    """The messages a centre's overlay wrote (its pages, sections and worksheets), by domain."""
    own = {id(page.doc) for page in merged.pages if page.own}
    own |= {id(section.doc) for page in merged.pages for section in page.sections if section.own}
    own |= {id(source.doc) for source in merged.worksheets.values() if source.own}
    return {
        CONTENT: [m for m in guide_messages(merged, components) if id(m.doc) in own],
        WORKSHEETS: [m for m in worksheets_messages(merged, components) if id(m.doc) in own],
    }


def write_catalogues(
    messages: Mapping[str, list[Message]],
    locales_dir: Path,
    project: str = "Onward",
    tool: str = "make catalogues",
    extra: Mapping[str, Catalog] | None = None,
) -> list[Path]:
    """Each domain's template (from ``messages``, or ready made in ``extra``) and every language's
    catalogue of it; the files that changed."""
    templates = {domain: template(domain, found, project, tool) for domain, found in messages.items()}
    templates.update(extra or {})
    changed = []
    for domain, catalog in templates.items():
        pot = locales_dir / f"{domain}.pot"
        if write_template(catalog, pot):
            changed.append(pot)
        for po_file in sorted(locales_dir.glob(f"*/LC_MESSAGES/{domain}.po")):
            before = po_file.read_bytes()
            update_catalogue(po_file, catalog)
            if po_file.read_bytes() != before:
                changed.append(po_file)
    return changed


def main(argv: list[str]) -> int:
    """Onward's own templates and catalogues, in the repository's locales/ (or the folder named)."""
    repository = Path(__file__).resolve().parents[2]
    locales = Path(argv[0]) if argv else repository / "locales"
    merged = read_defaults(repository / "content", repository / "worksheets", repository)
    if merged.problems:
        print("\n".join(str(p) for p in merged.problems), file=sys.stderr)
        return 1
    components = load_components(repository / "macros")
    insights = {INSIGHTS_DOMAIN: code_template(repository / "worksheets" / "onward_insights", repository)}
    for file in write_catalogues(onward_messages(merged, components), locales, extra=insights):
        print(f"wrote {file.relative_to(locales.parent) if locales.parent in file.parents else file}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
