"""What a site shows when its configuration says nothing: generic, honest, no invented numbers.

The words themselves are interface strings (``help.*`` in ``locales/``), so a site
in another language gets the same generic help in that language.
"""

from __future__ import annotations

from typing import Any

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
