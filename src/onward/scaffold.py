"""``onward new-site``: a career centre's own copy, ready to build with no edits.

The copy holds only what is the centre's (mkdocs.yml, centre.yml, an empty
overlay with commented examples); the guide itself stays in the installed
package, so upgrading Onward never touches what the centre wrote.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import __version__
from .paths import PACKAGE_DIR, bundled
from .runtime import PYODIDE_VERSION

TEMPLATES = PACKAGE_DIR / "new_site"
# Written from templates (NAME.j2) or copied as they are; the folders are created empty.
RENDERED = ("mkdocs.yml", "centre.yml", "package.json")
COPIED = ("overlay/overlay.yml",)
FOLDERS = ("docs", "overlay/pages", "overlay/sections", "overlay/worksheets")
GITIGNORE = "site/\nnode_modules/\n.venv/\n"
LOCK = "package-lock.json"


class NotEmptyError(Exception):
    """The target folder already holds files: nothing is overwritten."""


def namespace_for(name: str) -> str:
    """A storage namespace from the centre's name: lowercase words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60].strip("-") or "onward"


def new_site(directory: Path, name: str) -> list[Path]:
    """Write the copy into ``directory`` (new or empty) and return the files written."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise NotEmptyError(f"{directory} is not empty: choose a new folder, so nothing of yours is overwritten")
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), undefined=StrictUndefined, keep_trailing_newline=True)
    values = {
        "name": name,
        "namespace": namespace_for(name),
        "pyodide_version": PYODIDE_VERSION,
        "esbuild_version": locked_version("esbuild"),
        "onward_version": __version__,
    }
    written = []
    for folder in FOLDERS:
        (directory / folder).mkdir(parents=True, exist_ok=True)
    for file in RENDERED:
        target = directory / file
        target.write_text(env.get_template(f"{file}.j2").render(values), encoding="utf-8")
        written.append(target)
    for file in COPIED:
        target = directory / file
        target.write_text((TEMPLATES / file).read_text(encoding="utf-8"), encoding="utf-8")
        written.append(target)
    (directory / LOCK).write_text(json.dumps(site_lock(), indent=2) + "\n", encoding="utf-8")
    written.append(directory / LOCK)
    (directory / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    return written


SITE_PACKAGES = ("esbuild", "pyodide")  # what a centre's build needs from npm


def locked_packages() -> dict[str, Any]:
    return json.loads(bundled(LOCK).read_text(encoding="utf-8"))["packages"]


def locked_version(name: str) -> str:
    """The exact version of an npm package in Onward's own lock."""
    return locked_packages()[f"node_modules/{name}"]["version"]


def site_lock() -> dict[str, Any]:
    """The new site's package-lock.json: Pyodide, esbuild and what they need, exactly as Onward's own lock has them.

    So ``npm ci`` installs the very files Onward is tested with, checked against their hashes.
    """
    packages = locked_packages()
    wanted: dict[str, Any] = {}
    pending = list(SITE_PACKAGES)
    while pending:
        key = f"node_modules/{pending.pop()}"
        if key not in wanted and key in packages:
            wanted[key] = packages[key]
            pending.extend(packages[key].get("dependencies", {}))
            pending.extend(packages[key].get("optionalDependencies", {}))  # esbuild's one binary per platform
    root = {"dependencies": {name: locked_version(name) for name in SITE_PACKAGES}}
    return {"lockfileVersion": 3, "requires": True, "packages": {"": root, **dict(sorted(wanted.items()))}}
