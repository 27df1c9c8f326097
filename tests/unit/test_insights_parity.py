"""CPython and Pyodide agree: every fixture gives byte-identical results in both.

The wheel the site serves is run in the real Pyodide runtime (Python 3.14) by
Node, straight from node_modules, and compared with CPython running the source.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from onward import __version__
from onward.paths import bundled
from onward.wheel import build_wheel, wheel_name
from support import REPO

FIXTURES = sorted((REPO / "tests" / "fixtures" / "insights").glob("*.json"))
NODE = shutil.which("node")
PACKAGE = bundled("worksheets") / "onward_insights"


@pytest.fixture(scope="module")
def cpython_run_json():
    sys.path.insert(0, str(PACKAGE.parent))
    try:
        from onward_insights import run_json

        yield run_json
    finally:
        sys.path.remove(str(PACKAGE.parent))


def requests() -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in FIXTURES]


def test_there_are_fixtures_for_every_worksheet():
    covered = {r["worksheet"] for r in requests()}
    assert covered == {p.stem for p in bundled("worksheets").glob("*.yml")}


@pytest.mark.skipif(NODE is None, reason="Node.js is needed to run Pyodide")
def test_pyodide_and_cpython_give_identical_results(tmp_path, cpython_run_json):
    wheel = tmp_path / wheel_name(__version__)
    wheel.write_bytes(build_wheel(PACKAGE, __version__))
    batch = tmp_path / "requests.json"
    batch.write_text(json.dumps(requests()), encoding="utf-8")
    result = subprocess.run(
        [NODE, str(REPO / "tests" / "node" / "pyodide_run.mjs"), str(wheel), str(batch)],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr
    pyodide = json.loads(result.stdout)
    assert pyodide["python"].startswith("3.14")
    expected = [cpython_run_json(json.dumps(request)) for request in requests()]
    for path, ours, theirs in zip(FIXTURES, expected, pyodide["outputs"], strict=True):
        assert theirs == ours, path.name
        assert "error" not in json.loads(ours), path.name
