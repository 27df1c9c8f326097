"""A career centre's copy made as the README says, on a clean slate: its own folder, a fresh virtual
environment, Onward installed from the wheel `make dist` builds, `npm ci`, the centre's own build.

Made once per run (the ``fresh_centre`` fixture); the hosting tests serve what it builds.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from hosting_support import SUB_PATH, recipe
from support import REPO, BuiltSite, free_port

SITE_FOLDER = "careers-onward"  # what the README's `onward new-site` line makes
WHEEL_PLACEHOLDER = "/path/to/onward/dist/"


def clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment without Onward's development virtual environment on the PATH."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "ONWARD_SITE_URL")}
    dev_bin = str(REPO / ".venv" / "bin")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != dev_bin)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["npm_config_prefer_offline"] = "true"  # npm's cache already holds Pyodide (make install put it there)
    env["npm_config_audit"] = "false"
    env["npm_config_fund"] = "false"
    return env | extra


@dataclass(frozen=True)
class FreshCentre:
    root: Path  # the folder outside the repository where the README's steps ran
    dist: Path
    venv: Path
    folder: Path  # the centre's own folder, as `onward new-site` made it
    site: BuiltSite
    log: str

    def run(self, *command: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
        """A command with the fresh environment active, as the centre runs it."""
        environment = clean_environment(**env)
        environment["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{environment['PATH']}"
        environment["VIRTUAL_ENV"] = str(self.venv)
        return subprocess.run(
            list(command), cwd=cwd or self.folder, env=environment, capture_output=True, text=True, check=False
        )


def readme_script(dist: Path) -> str:
    """The README's centre steps, with Onward's source and the wheel's folder filled in."""
    steps = recipe("install", "README.md")
    assert "make dist" in steps and WHEEL_PLACEHOLDER in steps, "the README's steps changed shape"
    steps = steps.replace("make dist", f"make --no-print-directory -C {REPO} dist DIST={dist}", 1)
    return steps.replace(WHEEL_PLACEHOLDER, f"{dist}/")


def make_fresh_centre(root: Path) -> FreshCentre:
    """Run the README's steps in ``root``, then build the centre's site for 127.0.0.1:PORT at SUB_PATH."""
    dist, work = root / "dist", root / "work"
    work.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    # ONWARD_SITE_URL stands in for the README's next step, setting site_url in mkdocs.yml.
    steps = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", readme_script(dist)],
        cwd=work,
        env=clean_environment(ONWARD_SITE_URL=url),
        capture_output=True,
        text=True,
        check=False,
    )
    assert steps.returncode == 0, steps.stdout + steps.stderr
    centre = FreshCentre(root, dist, work / ".venv", work / SITE_FOLDER, BuiltSite(work / SITE_FOLDER / "site", port, ""), "")
    built = centre.run("mkdocs", "build", "--strict", ONWARD_SITE_URL=url)
    assert built.returncode == 0, built.stdout + built.stderr
    site = BuiltSite(centre.folder / "site", port, built.stdout + built.stderr)
    return FreshCentre(root, dist, centre.venv, centre.folder, site, steps.stdout + steps.stderr)
