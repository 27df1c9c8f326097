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
from collections.abc import Mapping
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


def minifiable(folder: Path) -> list[Path]:
    """The .js and .css files directly in ``folder``, the ones minify changes."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".js", ".css") and p.is_file())


def _command(esbuild: Path, files: list[Path], outdir: Path, outbase: Path) -> list[str]:
    return [str(esbuild), *map(str, files), "--minify", "--log-level=warning", "--color=false", f"--outdir={outdir}", f"--outbase={outbase}"]


def _refused(returncode: int, stderr: str) -> str | None:
    """esbuild's complaint, if any: a warning is a malformed file (a rule left open swallows every
    rule after it), which minified would ship broken, so it stops the build with esbuild's file and line."""
    if returncode != 0 or stderr.strip():
        return stderr.strip() or f"esbuild stopped with code {returncode}"
    return None


def _replace(files: list[Path], minified: Path) -> None:
    for file in files:
        # A fresh file, not the same inode: the build may have hard-linked its sources.
        file.unlink()
        shutil.copyfile(minified / file.name, file)


def minify(folder: Path, esbuild: Path) -> list[Path]:
    """Minify every .js and .css directly in ``folder`` in place; return the files changed.

    Each file stays a file of its own (modules keep importing each other by name), so
    nothing is bundled and a module loaded by two pages is still one module.
    """
    files = minifiable(folder)
    if not files:
        return []
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(_command(esbuild, files, Path(scratch), folder), capture_output=True, text=True, check=False)
        problem = _refused(result.returncode, result.stderr)
        if problem:
            raise MinifyError(problem)
        _replace(files, Path(scratch))
    return files


class Minifying:
    """esbuild at work on the scripts and stylesheets while the pages render, not after them.

    It needs only the files' bytes, known before the first page is built. ``finish`` uses its
    output only where the built folder holds exactly those bytes, and otherwise (or when esbuild
    complains, so the message names the built file) minifies the folder as ``minify`` does.
    """

    def __init__(self, sources: Mapping[str, bytes], esbuild: Path) -> None:
        self.sources, self.esbuild = dict(sorted(sources.items())), esbuild
        self._scratch = tempfile.TemporaryDirectory()
        self._in, self._out = Path(self._scratch.name, "in"), Path(self._scratch.name, "out")
        self._in.mkdir()
        for name, data in self.sources.items():
            (self._in / name).write_bytes(data)
        files = [self._in / name for name in self.sources]
        self._process = (
            subprocess.Popen(_command(esbuild, files, self._out, self._in), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            if files
            else None
        )

    def finish(self, folder: Path) -> list[Path]:
        """Minify ``folder`` in place (as ``minify``), from the output already made where it fits."""
        try:
            files = minifiable(folder)
            if self._process is None or {f.name: f.read_bytes() for f in files} != self.sources:
                return minify(folder, self.esbuild)
            _, stderr = self._process.communicate()
            if _refused(self._process.returncode, stderr):
                return minify(folder, self.esbuild)
            _replace(files, self._out)
            return files
        finally:
            self.cancel()

    def cancel(self) -> None:
        """Stop esbuild if it still runs (the build stopped early) and remove its scratch folder."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.communicate()
        self._scratch.cleanup()
