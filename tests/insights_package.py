"""The insight package as the site ships it, for the CPython tests.

The wheel is built from the sources with the reference site's facts and the compiled
catalogues, exactly as a build does, unpacked into a temporary folder and imported from
there; the parity test hands the same wheel to Pyodide.
"""

from __future__ import annotations

import atexit
import io
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from onward import __version__
from onward.paths import bundled
from onward.runtime import InsightWheel

PACKAGE = bundled("worksheets") / "onward_insights"
WHEEL = InsightWheel.build(PACKAGE, __version__, None, bundled("locales"))
UNPACKED = Path(tempfile.mkdtemp(prefix="onward-insights-"))
atexit.register(shutil.rmtree, UNPACKED, True)
zipfile.ZipFile(io.BytesIO(WHEEL.data)).extractall(UNPACKED)
sys.path.insert(0, str(UNPACKED))

import onward_insights  # noqa: E402

assert Path(onward_insights.__file__).is_relative_to(UNPACKED), "onward_insights was imported from elsewhere first"

__all__ = ["PACKAGE", "UNPACKED", "WHEEL", "onward_insights"]


# ---- The same requests through the real Pyodide -------------------------------------------------

import json  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = sorted((REPO / "tests" / "fixtures" / "insights").rglob("*.json"))
LANGUAGES = ("en", "fr")
NODE = shutil.which("node")


def fixture_requests() -> list[tuple[str, dict]]:
    """(fixture name, request) for every fixture in each language; a fixture naming its language keeps it."""
    found = []
    for path in FIXTURES:
        request = json.loads(path.read_text(encoding="utf-8"))
        for language in (request["language"],) if "language" in request else LANGUAGES:
            found.append((path.stem, {**request, "language": language}))
    return found


def run_in_pyodide(folder: Path, requests: list[dict]) -> dict:
    """{"python": version, "outputs": [...]}: the shipped wheel's run_json in Pyodide, under Node."""
    wheel = folder / WHEEL.filename
    wheel.write_bytes(WHEEL.data)
    batch = folder / "requests.json"
    batch.write_text(json.dumps(requests), encoding="utf-8")
    done = subprocess.run(
        [str(NODE), str(REPO / "tests" / "node" / "pyodide_run.mjs"), str(wheel), str(batch)],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return json.loads(done.stdout)
