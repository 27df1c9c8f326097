"""``onward catalogues``: a centre's overlay translated the way Onward's own text is.

The centre's pages, sections and worksheets (its overlay, never Onward's) become
templates in ``OVERLAY/locales/`` (``content.pot``, ``worksheets.pot``), and each
language's catalogue there is brought in step with them. The build reads those
catalogues when ``overlay.yml`` says the overlay is written in another language than
the site's (``language: en`` on a French site).
"""

from __future__ import annotations

from pathlib import Path

from .centre import load_centre
from .components import load_components
from .errors import ContentError
from .extract import centre_messages, write_catalogues
from .overlay import read_overlay, resolve
from .paths import bundled
from .siteconfig import read_site_config


class CataloguesError(Exception):
    """What stops the templates being written, as a sentence naming the files to fix."""


def write_centre_catalogues(config_file: Path) -> list[Path]:
    """The overlay's templates and catalogues for the site whose mkdocs.yml is ``config_file``; the files written."""
    config_file = config_file.resolve()
    root = config_file.parent
    try:
        site = read_site_config(config_file)
        centre = load_centre(site.onward or {}, site.file, site.docs_dir)
        if centre.overlay is None:
            raise CataloguesError("the site has no overlay, so there is nothing of its own to translate")
        overlay = read_overlay(centre.overlay, root)
        merged = resolve(
            site.folder("content_dir") or bundled("content"),
            site.folder("worksheets_dir") or bundled("worksheets"),
            overlay,
            root,
        )
    except ContentError as exc:
        raise CataloguesError(f"fix these first (onward check lists them too):\n{exc}") from None
    if merged.problems:
        raise CataloguesError("fix these first (onward check lists them too):\n" + "\n".join(map(str, merged.problems)))
    messages = centre_messages(merged, load_components(bundled("macros")))
    written = write_catalogues(messages, overlay.locales, centre.name or site.site_name, "onward catalogues")
    return [file.relative_to(root) if root in file.parents else file for file in written]
