"""Where Onward's bundled data lives: inside an installed wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
THEME_DIR = PACKAGE_DIR / "theme"
ASSETS_URI = "assets/onward"  # where the site serves Onward's scripts, styles and icons


def bundled(name: str) -> Path:
    """The bundled ``content`` or ``macros`` folder (or ``package-lock.json``, Onward's pinned Pyodide).

    A wheel carries them in ``onward/_bundled``; an editable install reads them
    straight from the repository so editors see their changes at once.
    """
    inside_wheel = PACKAGE_DIR / "_bundled" / name
    if inside_wheel.exists():
        return inside_wheel
    in_checkout = PACKAGE_DIR.parent.parent / name
    if in_checkout.exists():
        return in_checkout
    raise FileNotFoundError(f"Onward's bundled '{name}' is missing from {PACKAGE_DIR}")
