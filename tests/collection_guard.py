"""A pytest plugin that fails the run when a test file under its paths was never collected.

pytest quietly skips whole folders (``build``, ``dist``, ``venv`` and others by default,
plus anything a later ``norecursedirs`` adds). A folder of tests that stops running looks
exactly like a folder of tests that passes, so the run itself checks: every ``test_*.py``
below the paths it was asked to run must have been collected.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SEEN = pytest.StashKey[set[Path]]()
IGNORED_PARTS = ("node_modules", "__pycache__")


def pytest_configure(config: pytest.Config) -> None:
    config.stash[SEEN] = set()


def pytest_collectstart(collector: pytest.Collector) -> None:
    """Remember every test module pytest opened (a broken one fails the run on its own)."""
    if isinstance(collector, pytest.Module):
        collector.config.stash[SEEN].add(collector.path.resolve())


def _asked_for(config: pytest.Config) -> list[Path]:
    """The folders and files this run covers (node ids reduced to their files)."""
    return [(config.invocation_params.dir / arg.split("::", 1)[0]).resolve() for arg in config.args]


def _hidden(file: Path, root: Path) -> bool:
    parts = file.relative_to(root).parts if file.is_relative_to(root) else file.parts
    return any(part.startswith(".") or part in IGNORED_PARTS for part in parts)


def missing_test_files(config: pytest.Config, seen: set[Path]) -> list[Path]:
    """Test files inside the run's paths that pytest did not collect."""
    missing: set[Path] = set()
    for root in _asked_for(config):
        if root.is_dir():
            candidates = list(root.rglob("test_*.py"))
        else:
            candidates = [root] if root.name.startswith("test_") and root.suffix == ".py" else []
        missing.update(f for f in candidates if not _hidden(f, config.rootpath) and f.resolve() not in seen)
    return sorted(missing)


def pytest_collection_finish(session: pytest.Session) -> None:
    missing = missing_test_files(session.config, session.config.stash[SEEN])
    if missing:
        names = "\n  ".join(str(path.relative_to(session.config.rootpath)) for path in missing)
        raise pytest.UsageError(
            f"{len(missing)} test file(s) exist but were not collected (a folder pytest skips, "
            f"such as build/ or dist/, or a norecursedirs setting):\n  {names}"
        )
