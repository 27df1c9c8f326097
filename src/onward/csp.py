"""Make Material's stylesheet work under a strict Content-Security-Policy.

Material inlines its icons in CSS as ``data:`` URLs, which ``img-src 'self'``
refuses. After the build, each one is written out as an SVG file of its own and
the stylesheet points at that file instead: same icons, served by the site.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import unquote

DATA_SVG = re.compile(r'url\("data:image/svg\+xml;charset=utf-8,(?P<svg>[^"]*)"\)')
ICONS_URI = "assets/onward/icons"


def externalise_icons(css: str, icon_prefix: str) -> tuple[str, dict[str, bytes]]:
    """The stylesheet with every inline SVG replaced by ``icon_prefix + NAME.svg``, and the files."""
    icons: dict[str, bytes] = {}

    def to_file(match: re.Match[str]) -> str:
        svg = unquote(match["svg"]).encode("utf-8")
        name = f"{hashlib.sha256(svg).hexdigest()[:12]}.svg"
        icons[name] = svg
        return f'url("{icon_prefix}{name}")'

    return DATA_SVG.sub(to_file, css), icons


def externalise_site_icons(site_dir: Path) -> int:
    """Rewrite Material's built stylesheets in place; returns how many icons were written out."""
    written: dict[str, bytes] = {}
    for stylesheet in sorted((site_dir / "assets" / "stylesheets").glob("*.css")):
        css = stylesheet.read_text(encoding="utf-8")
        rewritten, icons = externalise_icons(css, "../onward/icons/")
        if icons:
            stylesheet.write_text(rewritten, encoding="utf-8")
            written.update(icons)
    folder = site_dir / ICONS_URI
    folder.mkdir(parents=True, exist_ok=True)
    for name, svg in written.items():
        (folder / name).write_bytes(svg)
    return len(written)
