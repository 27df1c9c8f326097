"""Errors that point an editor at the exact place in a YAML file to fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

Path_ = tuple[str | int, ...]


def format_path(path: Path_) -> str:
    """Render ('blocks', 3, 'items', 1) as 'blocks[3].items[1]' (the form editors read)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(top level)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, with where it is."""

    file: str
    line: int | None
    path: Path_
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {format_path(self.path)}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found, so an editor can fix them all in one pass."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, file: str, line: int | None, path: Path_, message: str) -> "ContentError":
        return cls([Problem(file, line, path, message)])


def display_name(file: Path, root: Path | None) -> str:
    """A path relative to the project when possible: shorter and clickable in terminals."""
    try:
        return str(file.relative_to(root)) if root else str(file)
    except ValueError:
        return str(file)
