"""Onward's own scripts and stylesheets, minified in the built site by esbuild.

The sources stay readable, with their comments, in the package; a site's copy is what a
reader's phone downloads, so there every byte counts (a worksheet page's scripts are about
half the size). esbuild comes from npm like Pyodide; where it is missing the files are
served as written, which works the same, only heavier.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def find_esbuild(*starts: Path) -> Path | None:
    """node_modules/.bin/esbuild in or above any of ``starts`` (the site's folder, Onward's checkout)."""
    for start in starts:
        for folder in (start, *start.parents):
            candidate = folder / "node_modules" / ".bin" / "esbuild"
            if candidate.is_file():
                return candidate
    return None


class MinifyError(RuntimeError):
    """esbuild refused a file, or found it malformed (its message says which, and where)."""


def minify(folder: Path, esbuild: Path) -> list[Path]:
    """Minify every .js and .css directly in ``folder`` in place; return the files changed.

    Each file stays a file of its own (modules keep importing each other by name), so
    nothing is bundled and a module loaded by two pages is still one module.
    """
    files = sorted(p for p in folder.iterdir() if p.suffix in (".js", ".css") and p.is_file())
    if not files:
        return []
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            [str(esbuild), *map(str, files), "--minify", "--log-level=warning", "--color=false", f"--outdir={scratch}", f"--outbase={folder}"],
            capture_output=True,
            text=True,
            check=False,
        )
        # A warning is a malformed file (a rule left open swallows every rule after it): minified,
        # it would ship broken, so it stops the build with esbuild's file and line.
        if result.returncode != 0 or result.stderr.strip():
            raise MinifyError(result.stderr.strip() or f"esbuild stopped with code {result.returncode}")
        for file in files:
            # A fresh file, not the same inode: the build may have hard-linked its sources.
            file.unlink()
            shutil.copyfile(Path(scratch) / file.name, file)
    return files
