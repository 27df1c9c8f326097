"""The run fails when a test file exists that pytest never collected (tests/collection_guard.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from support import REPO


def run_pytest(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "collection_guard", "-q", "-p", "no:cacheprovider", *args],
        cwd=project,
        env={"PYTHONPATH": str(REPO / "tests"), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def make_project(root: Path, folders: list[str]) -> Path:
    for folder in folders:
        (root / "tests" / folder).mkdir(parents=True)
        (root / "tests" / folder / f"test_{folder}.py").write_text("def test_it():\n    pass\n")
    return root


def test_a_folder_pytest_skips_fails_the_run(tmp_path: Path) -> None:
    project = make_project(tmp_path, ["unit", "build"])
    result = run_pytest(project, "tests")
    assert result.returncode != 0
    assert "tests/build/test_build.py" in result.stdout + result.stderr
    assert "were not collected" in result.stdout + result.stderr


def test_every_file_collected_passes(tmp_path: Path) -> None:
    project = make_project(tmp_path, ["unit", "built"])
    result = run_pytest(project, "tests")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_a_narrower_run_checks_only_its_own_paths(tmp_path: Path) -> None:
    project = make_project(tmp_path, ["unit", "build"])
    result = run_pytest(project, "tests/unit/test_unit.py::test_it")
    assert result.returncode == 0, result.stdout + result.stderr


def test_this_repository_collects_every_test_file() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    collected = {line.split("::", 1)[0] for line in result.stdout.splitlines() if "::" in line}
    on_disk = {p.relative_to(REPO).as_posix() for p in (REPO / "tests").rglob("test_*.py") if "__pycache__" not in p.parts}
    assert on_disk <= collected, sorted(on_disk - collected)
