"""What a site shows when its configuration says nothing: generic, honest, no invented numbers.

The generic help box is ``help/generic.yml``; like the help sets beside it, its
words are translated through the ``help`` catalogues, so a site in another
language gets the same generic help in that language.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Callable

from .errors import ContentError
from .fallback import marked
from .help_sets import GENERIC, SET_SCHEMA, HelpSet, load_help_sets, translated
from .i18n import Catalog
from .messages import Message, document_messages
from .paths import bundled
from .validation import ID_SCHEMA, PROSE_SCHEMA, list_of, schema_problems
from .yamlsource import YamlDocument, load_yaml

# Turns one of Onward's help documents and its messages into the reader's language.
Translate = Callable[[YamlDocument, list[Message]], YamlDocument]

GENERIC_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "title": {**PROSE_SCHEMA, "description": "the help box's heading"},
        "intro": {**PROSE_SCHEMA, "description": "a sentence or two under it"},
        "contacts": list_of(
            {
                "id": {**ID_SCHEMA, "description": "names the contact in translations"},
                "name": {**PROSE_SCHEMA, "description": "who to turn to"},
                "description": {**PROSE_SCHEMA, "description": "when and why, in a sentence or two"},
            },
            ["id", "name", "description"],
        ),
    },
    "required": ["title", "intro", "contacts"],
    "additionalProperties": False,
}


@cache
def generic_help_document() -> YamlDocument:
    """``help/generic.yml``, checked; raise ContentError naming file, line and field."""
    doc = load_yaml(bundled("help") / f"{GENERIC}.yml", f"help/{GENERIC}.yml")
    problems = schema_problems(doc, doc.data, GENERIC_SCHEMA)
    if problems:
        raise ContentError(problems)
    return doc


def generic_help_messages(doc: YamlDocument | None = None) -> list[Message]:
    return document_messages(doc or generic_help_document(), GENERIC_SCHEMA, f"help/{GENERIC}")


def help_set_messages(one: HelpSet) -> list[Message]:
    assert one.doc is not None
    return document_messages(one.doc, SET_SCHEMA, f"help/{one.id}")


def _english(doc: YamlDocument) -> frozenset:
    return getattr(doc, "english", frozenset())


def default_help(catalog: Catalog, translate: Translate | None = None) -> dict[str, Any]:
    """The help box's title, introduction and contacts, in the language ``translate`` gives (English without)."""
    doc = generic_help_document()
    if translate is not None:
        doc = translate(doc, generic_help_messages(doc))
    data = marked(doc.data, _english(doc))
    contacts = [{"name": c["name"], "description": c["description"]} for c in data["contacts"]]
    return {"title": data["title"], "intro": data["intro"], "contacts": contacts}


def help_set_params(one: HelpSet) -> dict[str, Any]:
    """One set as the help component takes it: what a reader sees, without the sources."""
    if one.doc is not None and _english(one.doc):
        data = marked(one.doc.data, _english(one.doc))
        one = HelpSet(one.id, data["country"], tuple(data["contacts"]), data.get("emergency"))
    emergency = None
    if one.emergency:  # the sentence holds the number (checked), which the box shows as a link
        before, _, after = one.emergency["text"].partition(one.emergency["phone"])
        emergency = {"phone": one.emergency["phone"], "before": before, "after": after}
    return {"id": one.id, "country": one.country, "emergency": emergency, "contacts": one.help_contacts()}


def help_sets_for(help_set: str | None, translate: Translate | None = None) -> dict[str, Any]:
    """The help box's country help: the one set a centre picked, or every set for the reader to choose."""
    sets = load_help_sets()

    def shown(key: str) -> dict[str, Any]:
        one = sets[key]
        if translate is not None:
            one = translated(one, lambda doc: translate(doc, help_set_messages(sets[key])))
        return help_set_params(one)

    if help_set:
        return {"help_set": shown(help_set)}
    ordered = [key for key in HELP_SET_ORDER if key in sets] + sorted(set(sets) - set(HELP_SET_ORDER))
    return {"sets": [shown(key) for key in ordered]}


# The order of the country menu: the countries most readers are in first.
HELP_SET_ORDER = ("uk", "ie", "us", "ca", "au", "nz", "fr")
