"""What a site shows when its configuration says nothing: generic, honest, no invented numbers.

The words themselves are interface strings (``help.*`` in ``locales/``), so a site
in another language gets the same generic help in that language.
"""

from __future__ import annotations

from typing import Any

from .help_sets import HelpSet, load_help_sets
from .i18n import Catalog

# The generic contacts, in the order shown; each has a name and a description in the locale files.
HELP_CONTACTS = ("adviser", "doctor", "helpline")


def default_help(catalog: Catalog) -> dict[str, Any]:
    """The help box's title, introduction and contacts in ``catalog``'s language."""
    text = catalog.gettext
    return {
        "title": text("help.title"),
        "intro": text("help.intro"),
        "contacts": [
            {"name": text(f"help.{key}.name"), "description": text(f"help.{key}.description")}
            for key in HELP_CONTACTS
        ],
    }


def help_set_params(one: HelpSet) -> dict[str, Any]:
    """One set as the help component takes it: what a reader sees, without the sources."""
    emergency = None
    if one.emergency:  # the sentence holds the number (checked), which the box shows as a link
        before, _, after = one.emergency["text"].partition(one.emergency["phone"])
        emergency = {"phone": one.emergency["phone"], "before": before, "after": after}
    return {"id": one.id, "country": one.country, "emergency": emergency, "contacts": one.help_contacts()}


def help_sets_for(help_set: str | None) -> dict[str, Any]:
    """The help box's country help: the one set a centre picked, or every set for the reader to choose."""
    sets = load_help_sets()
    if help_set:
        return {"help_set": help_set_params(sets[help_set])}
    ordered = [key for key in HELP_SET_ORDER if key in sets] + sorted(set(sets) - set(HELP_SET_ORDER))
    return {"sets": [help_set_params(sets[key]) for key in ordered]}


# The order of the country menu: the countries most readers are in first.
HELP_SET_ORDER = ("uk", "ie", "us", "ca", "au", "nz", "fr")
