"""``onward ids``: every page, section and worksheet id of the installed Onward, with its title.

A centre installed from a wheel has Onward's content inside site-packages, out
of sight; the overlay names things by these ids, so this lists them.
"""

from __future__ import annotations

from typing import Mapping

from . import __version__
from .paths import bundled
from .sources import read_defaults


def ids_lines() -> list[str]:
    """Every page, section and worksheet id of the installed Onward, with titles, for ``onward ids``."""
    merged = read_defaults(bundled("content"), bundled("worksheets"))
    lines = [
        f"Onward {__version__}: the ids an overlay names (overlay/pages/ID.yml, sections/ID.yml,",
        "worksheets/ID.yml, and overlay.yml's remove list) and links use (page or page#section).",
        "",
        "Pages, each with its sections:",
    ]
    pages = sorted(merged.pages, key=lambda p: (p.doc.data["order"], p.id))
    width = max(len(s.id) for p in pages for s in p.sections) + 4
    for page in pages:
        lines.append(f"  {page.id:<{width}}{page.doc.data['title']}{_formerly(page.doc.data)}")
        for section in page.sections:
            lines.append(f"    #{section.id:<{width - 3}}{section.data['title']}{_formerly(section.data)}")
    lines += ["", "Worksheets (point to one with a worksheet_link block, show one with a worksheet block):"]
    sheets = sorted(merged.worksheets.values(), key=lambda w: (w.doc.data.get("order", 1000), w.id))
    lines += [f"  {sheet.id:<{width}}{sheet.doc.data.get('title', '')}" for sheet in sheets]
    return lines


def _formerly(data: Mapping[str, object]) -> str:
    old = data.get("renamed_from")
    return f"  (formerly {', '.join(map(str, old))})" if isinstance(old, list) and old else ""
