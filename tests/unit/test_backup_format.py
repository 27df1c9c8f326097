"""Backup files: the browser's checks (run in Node) and Python's agree on every case."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from support import REPO

from onward.backup import MAX_BYTES, BackupProblem, read_backup

FIXTURES = REPO / "tests" / "fixtures" / "backups"
EXPECTED: dict[str, str] = json.loads((FIXTURES / "expected.json").read_text())
NODE = shutil.which("node")


def python_verdict(path: Path) -> str:
    try:
        read_backup(path.read_bytes())
    except BackupProblem as problem:
        return problem.code
    return "ok"


CHECK = REPO / "tests" / "node" / "backup_check.mjs"


def node_verdicts(paths: list[Path]) -> dict[str, str]:
    result = subprocess.run([NODE, str(CHECK), *map(str, paths)], capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_python_gives_the_expected_verdict(name: str) -> None:
    assert python_verdict(FIXTURES / name) == EXPECTED[name]


@pytest.fixture(scope="module")
def oversized(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A well-formed backup just over the limit: refused for its size alone."""
    answers = {"notes": "x" * (MAX_BYTES + 10)}
    backup = json.loads((FIXTURES / "valid-backup.json").read_text())
    backup["worksheets"]["strengths"] = {"version": 1, "updated": None, "answers": answers}
    path = tmp_path_factory.mktemp("big") / "too-big.json"
    path.write_text(json.dumps(backup))
    return path


def test_python_refuses_a_file_over_the_limit(oversized: Path) -> None:
    assert python_verdict(oversized) == "too-big"


@pytest.mark.skipif(NODE is None, reason="node is installed by make test")
def test_the_browser_module_gives_the_same_verdicts(oversized: Path) -> None:
    files = [FIXTURES / name for name in sorted(EXPECTED)] + [oversized]
    expected = {**EXPECTED, oversized.name: "too-big"}
    assert node_verdicts(files) == expected


def test_a_format_1_record_becomes_a_one_worksheet_backup() -> None:
    backup = read_backup((FIXTURES / "valid-record-format-1.json").read_bytes())
    assert backup["format"] == 3
    assert backup["site"] is None
    assert backup["worksheets"] == {
        "strengths": {"version": 1, "updated": "2026-11-01T08:00:00.000Z", "answers": {"strengths": "Listening"}}
    }


def test_the_compiled_browser_validator_matches_the_schema() -> None:
    """backup-schema.js is generated from the schema; a changed schema needs it regenerated."""
    if NODE is None:
        pytest.skip("node is installed by make test")
    result = subprocess.run(
        [NODE, "tools/backup-validator.mjs"], capture_output=True, text=True, check=True, cwd=REPO
    )
    committed = (REPO / "src" / "onward" / "theme" / "assets" / "onward" / "backup-schema.js").read_text()
    assert result.stdout == committed, "run: node tools/backup-validator.mjs src/onward/theme/assets/onward/backup-schema.js"


def node_aside_keys(path: Path) -> list[str]:
    """The kept-aside keys the browser's module reads from a backup file."""
    result = subprocess.run([NODE, str(CHECK), "--aside", str(path)], capture_output=True, text=True, check=True, cwd=REPO)
    return json.loads(result.stdout)[path.name]


def test_a_setting_an_earlier_version_backed_up_is_left_out_and_the_answers_kept() -> None:
    """A backup made when the help box's country went into the file among the copies kept
    aside was refused whole; it now restores, without the setting."""
    backup = read_backup((FIXTURES / "valid-help-country-setting.json").read_bytes())
    assert list(backup["aside"]) == ["other-tab:reasons-check:what-happened"]
    assert backup["worksheets"]["reasons-check"]["answers"]["what-happened"].startswith("They chose")


@pytest.mark.skipif(NODE is None, reason="node is installed by make test")
def test_the_browser_module_leaves_the_setting_out_too() -> None:
    assert node_aside_keys(FIXTURES / "valid-help-country-setting.json") == ["other-tab:reasons-check:what-happened"]
