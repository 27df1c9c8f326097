"""The interface language, applied to the parts of MkDocs and Material that Onward does not render.

Used by the MkDocs adapter only: each function adjusts the site's configuration
after Material's own plugins have read it.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig

from .centre import untranslated_interface
from .i18n import Catalog

log = logging.getLogger("mkdocs.plugins.onward")


def report_translation(language: str, catalog: Catalog) -> None:
    """Say (without failing a strict build) where Onward's interface is not in the site's language."""
    untranslated = untranslated_interface(language)
    if untranslated:
        log.info("%s (onward check lists this as a warning)", untranslated)
    elif catalog.missing:
        log.info("Onward's '%s' interface leaves %d string(s) in English: %s",
                 catalog.language, len(catalog.missing), ", ".join(catalog.missing))


def name_theme_controls(config: MkDocsConfig, catalog: Catalog) -> None:
    """Give Material's controls that the site left unnamed their names in the interface language.

    A palette toggle names what pressing it does: switch to the next option.
    """
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink") and "permalink_title" not in toc:
        toc["permalink_title"] = catalog.gettext("page.permalink")
    palette = config.theme.get("palette")
    options = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    for index, option in enumerate(options):
        toggle = option.get("toggle")
        if isinstance(toggle, dict) and not toggle.get("name"):
            following = options[(index + 1) % len(options)]
            scheme = following.get("scheme")
            key = "palette.system" if scheme is None else "palette.dark" if scheme == "slate" else "palette.light"
            toggle["name"] = catalog.gettext(key)


def search_content_language(config: MkDocsConfig, content_language: str) -> None:
    """Search stems words as the guide's language too, not only as the interface's.

    Material's search plugin (listed before Onward) has set its languages by now.
    """
    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = getattr(getattr(search, "config", None), "lang", None)
    if isinstance(languages, list) and content_language not in languages:
        languages.append(content_language)
