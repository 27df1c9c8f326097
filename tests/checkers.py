"""Run accessibility and HTML checkers no one at Onward wrote, and turn what they say into Findings.

- pa11y 9 (node_modules) with HTML_CodeSniffer's WCAG2AA rules and axe, in Debian's Chromium
  (tests/node/pa11y_run.mjs);
- the Nu HTML Checker (node_modules/vnu-jar, run by Java).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any, Callable
from urllib.parse import unquote, urlparse

from a11y_exceptions import Finding
from support import REPO

PA11Y_RUN = REPO / "tests" / "node" / "pa11y_run.mjs"
VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = "/usr/bin/chromium"
# pa11y's levels that count: HTML_CodeSniffer's warnings and notices ask a person to look;
# axe's warnings are its moderate violations (its "needs review" items come back as notices).
FAILING = {"htmlcs": {"error"}, "axe": {"error", "warning"}}


def run_pa11y(pages: list[dict[str, Any]], snapshots: Path) -> dict[str, dict[str, Any]]:
    """pa11y over ``pages`` ({url, name, actions?, timeout_ms?}) in one browser; each page's DOM lands in ``snapshots``."""
    snapshots.mkdir(parents=True, exist_ok=True)
    plan = snapshots / "plan.json"
    plan.write_text(json.dumps({"chromium": CHROMIUM, "snapshots": str(snapshots), "pages": pages}), encoding="utf-8")
    done = subprocess.run(["node", str(PA11Y_RUN), str(plan)], capture_output=True, text=True, cwd=REPO, check=False)
    assert done.returncode == 0, f"pa11y did not run:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)


def pa11y_findings(results: dict[str, dict[str, Any]], page_of: dict[str, str]) -> list[Finding]:
    """The issues that count, as Findings on their page (``page_of`` maps a run's name to a path)."""
    return [
        Finding(issue["runner"], issue["code"], page_of[name],
                f"{issue['message']} {issue.get('selector') or ''} {issue.get('context') or ''}")
        for name, result in results.items()
        for issue in result["issues"]
        if issue["type"] in FAILING.get(issue["runner"], set())
    ]


def run_nu(paths: list[Path], page_of: Callable[[Path], str]) -> list[Finding]:
    """The Nu HTML Checker's errors in every HTML file under ``paths``.

    ``page_of`` names the page a file is (``/reasons/``), so findings do not name temporary files.
    """
    java = shutil.which("java")
    assert java, "java is missing: run `make test`, which installs Debian's default-jre-headless"
    done = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--skip-non-html", "--exit-zero-always",
         *map(str, paths)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, f"the Nu HTML Checker did not run:\n{done.stderr[-3000:]}"
    report = json.loads(done.stderr)  # vnu writes its report to stderr
    findings = []
    for message in report["messages"]:
        if message["type"] != "error":
            continue
        file = Path(unquote(urlparse(message["url"]).path))
        findings.append(Finding("nu", message["message"], page_of(file),
                                f"{message['message']} {message.get('extract', '')}"))
    return findings


def served_at(root: Path) -> Callable[[Path], str]:
    """Names files of a site folder by their address: /reasons/ for ROOT/reasons/index.html."""
    return lambda file: "/" + file.relative_to(root).as_posix().removesuffix("index.html")
