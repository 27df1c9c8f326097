"""Which releases a site is built from, said in the site itself, and whether its Pyodide is Onward's.

A centre keeps its site for years and upgrades Onward now and then. Its own
package.json pins the Pyodide release it was made with; when Onward moves to a
newer one, the build says so and gives the one command that catches up.
"""

from __future__ import annotations

import json
import platform
import re
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__
from .runtime import PYODIDE_VERSION

GENERATOR = f"onward-{__version__}"
STAMP_URI = "assets/onward/build.json"  # what a deployed site was built with, for whoever looks after it
_GENERATOR_META = re.compile(r'<meta name="generator" content="([^"]*)">')


def stamp_generator(html: str) -> str:
    """Add Onward's release to the page's generator meta tag (Material writes MkDocs' and its own).

    Only the head is searched: the body, with its navigation, grows with the site.
    """
    head_end = html.find("</head>")
    found = _GENERATOR_META.search(html, 0, len(html) if head_end < 0 else head_end)
    if found:
        return f'{html[:found.start()]}<meta name="generator" content="{found[1]}, {GENERATOR}">{html[found.end():]}'
    if head_end < 0:
        return html
    return f'{html[:head_end]}<meta name="generator" content="{GENERATOR}">\n{html[head_end:]}'


def build_stamp(pyodide: str) -> dict[str, Any]:
    """The releases this build used. ``pyodide`` is the served runtime's version, or where it is loaded from."""
    return {
        "onward": __version__,
        "pyodide": pyodide,
        "mkdocs": _installed("mkdocs"),
        "mkdocs-material": _installed("mkdocs-material"),
        "python": platform.python_version(),
    }


def write_stamp(site_dir: Path, pyodide: str) -> None:
    target = site_dir / STAMP_URI
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(build_stamp(pyodide), indent=2) + "\n", encoding="utf-8")


def _installed(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


def pyodide_version(pyodide_dir: Path) -> str | None:
    """The version of the npm package in ``pyodide_dir`` (node_modules/pyodide)."""
    return _json(pyodide_dir / "package.json").get("version")


def pyodide_problem(pyodide_dir: Path) -> str | None:
    """What to run when the site's Pyodide is not the release this Onward is tested with, or None.

    ``pyodide_dir`` is the node_modules/pyodide the build found; the package.json beside
    that node_modules folder is the one that asked for it.
    """
    installed = pyodide_version(pyodide_dir)
    project = pyodide_dir.parent.parent
    wanted = _json(project / "package.json").get("dependencies", {}).get("pyodide")
    catch_up = f"cd {project} && npm install --save-exact pyodide@{PYODIDE_VERSION}"
    if wanted is not None and wanted != PYODIDE_VERSION:
        return (
            f"{project / 'package.json'} asks for Pyodide {wanted}, but Onward {__version__} is tested with "
            f"Pyodide {PYODIDE_VERSION} (the worksheets' insights may not start with another). Run: {catch_up}"
        )
    if installed != PYODIDE_VERSION:
        return (
            f"{pyodide_dir} holds Pyodide {installed or 'of an unknown version'}, but Onward {__version__} "
            f"is tested with Pyodide {PYODIDE_VERSION}. Run: {catch_up}"
        )
    return None


def _json(file: Path) -> dict[str, Any]:
    try:
        value = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
