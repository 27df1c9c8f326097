"""Put the Python runtime (Pyodide) and the insight wheel into the built site.

The Pyodide core comes from the pinned npm package; nothing is fetched from a
CDN. Files are hard-linked when the site is on the same disk (instant, and the
runtime is 13 MB), copied otherwise.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .catalogues import INSIGHTS_DOMAIN, compiled_catalogues
from .insight_facts import FACTS_FILE
from .wheel import build_wheel, wheel_name

# The core a browser needs to start Python; the rest of the npm package is for Node.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
PYODIDE_URI = "assets/pyodide"
# The Pyodide release Onward is tested with: package.json pins the same (a test checks).
PYODIDE_VERSION = "314.0.7"


def find_pyodide(*starts: Path) -> Path | None:
    """node_modules/pyodide in or above any of ``starts`` (the site's folder, Onward's checkout)."""
    for start in starts:
        for folder in (start, *start.parents):
            candidate = folder / "node_modules" / "pyodide"
            if (candidate / "pyodide.mjs").is_file():
                return candidate
    return None


def place(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


@dataclass(frozen=True)
class InsightWheel:
    """The wheel's bytes and the name (with a content hash, for caching) pages refer to it by."""

    data: bytes
    filename: str

    @classmethod
    def build(
        cls, package_dir: Path, version: str, facts: bytes | None = None, locales_dir: Path | None = None
    ) -> "InsightWheel":
        """The package with this site's ``facts`` (else the committed reference copy) and compiled catalogues."""
        extra = compiled_catalogues(locales_dir, INSIGHTS_DOMAIN) if locales_dir else {}
        if facts is not None:
            extra[FACTS_FILE] = facts
        data = build_wheel(package_dir, version, extra)
        return cls(data, wheel_name(version))

    @property
    def address(self) -> str:
        """File name plus a content hash, so a changed wheel is never served from a stale cache."""
        return f"{self.filename}?v={hashlib.sha256(self.data).hexdigest()[:12]}"

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / self.filename).write_bytes(self.data)


def install_pyodide(pyodide_dir: Path, site_dir: Path) -> None:
    for name in PYODIDE_FILES:
        place(pyodide_dir / name, site_dir / PYODIDE_URI / name)
