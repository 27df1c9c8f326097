"""The interface language, applied to the parts of MkDocs and Material that Onward does not render.

Used by the MkDocs adapter only: each function adjusts the site's configuration
after Material's own plugins have read it.
"""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
import tempfile
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig

from .centre import untranslated_interface
from .i18n import Catalog

log = logging.getLogger("mkdocs.plugins.onward")

# lunr's stemmers for other languages than English, as Material ships them.
LUNR_LANGUAGES = Path(material.__file__).resolve().parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
# Onward's search worker, which loads Material's; written beside it in the built site.
SEARCH_WORKER_SOURCE = Path(__file__).with_name("search-worker.js")
WORKERS_URI = "assets/javascripts/workers"
_MATERIAL_WORKER = re.compile(r'("search": ")([^"]*/)(search\.[0-9a-f]+\.min\.js)(")')
# Words are also split at apostrophes and hyphens: "l’entretien" is found by "entretien".
CONTENT_SEPARATOR = r"[\s\-'’]+"


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
    """Search indexes words as the guide's language too, not only as the interface's.

    Material's search plugin (listed before Onward) has set its languages by now. A guide
    in another language than English also splits words at apostrophes, unless the site
    chose its own separator.
    """
    search = config.plugins.get("material/search") or config.plugins.get("search")
    search_config = getattr(search, "config", None)
    languages = getattr(search_config, "lang", None)
    if isinstance(languages, list) and content_language not in languages:
        languages.append(content_language)
    if search_config is not None and content_language != "en" and not search_config.get("separator"):
        search_config["separator"] = CONTENT_SEPARATOR


def stems_typed_words(content_language: str) -> bool:
    """Whether search matches the guide's words by their stem (lunr has a stemmer for its language)."""
    return content_language != "en" and (LUNR_LANGUAGES / f"lunr.{content_language}.min.js").is_file()


def search_worker_name() -> str:
    """The worker's file name, with a hash of its source as Material names its own: hosts cache
    such files for a year (``hosting.HASHED``), so a page never asks for it again."""
    digest = hashlib.sha256(SEARCH_WORKER_SOURCE.read_bytes()).hexdigest()[:8]
    return f"onward-search.{digest}.min.js"


def with_search_worker(html: str, name: str) -> str:
    """A page whose search runs in Onward's worker ``name``, which stems what the reader types, then
    hands the query to Material's (named in the address, so a Material upgrade needs nothing here)."""
    return _MATERIAL_WORKER.sub(lambda m: f"{m[1]}{m[2]}{name}?worker={m[3]}{m[4]}", html, count=1)


def write_search_worker(site_dir: Path, name: str, esbuild: Path | None) -> Path:
    """Put the worker beside Material's in the built site, minified by ``esbuild`` when given."""
    from .minify import minify  # esbuild's adapter; imported here so the loader never needs it

    target = site_dir / WORKERS_URI / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if esbuild is None:
        shutil.copyfile(SEARCH_WORKER_SOURCE, target)
        return target
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / SEARCH_WORKER_SOURCE.name
        shutil.copyfile(SEARCH_WORKER_SOURCE, copy)
        minify(Path(scratch), esbuild)
        shutil.copyfile(copy, target)
    return target
