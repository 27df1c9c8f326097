"""`onward new-site`: a centre's copy, made outside the repository, builds with no edits."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from onward.runtime import PYODIDE_VERSION
from support import REPO, build_site, parse_html

NAME = "Riverside College Careers & Employability"


def onward(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed console script, as a centre would run it."""
    script = Path(sys.executable).with_name("onward")
    return subprocess.run([str(script), *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_a_new_site_builds_with_no_edits_and_names_the_centre_everywhere(tmp_path_factory):
    outside = tmp_path_factory.mktemp("centre")  # a temporary folder, far from the repository
    assert REPO not in outside.parents
    made = onward("new-site", "riverside", "--name", NAME, cwd=outside)
    assert made.returncode == 0, made.stderr
    site = outside / "riverside"
    assert {p.name for p in site.iterdir()} >= {"mkdocs.yml", "centre.yml", "overlay", "docs", "package.json"}
    assert yaml.safe_load((site / "centre.yml").read_text(encoding="utf-8"))["name"] == NAME
    built = build_site(site / "mkdocs.yml", site / "site", "http://127.0.0.1:8000/")
    assert built.returncode == 0, built.stdout + built.stderr
    pages = sorted((site / "site").rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        assert NAME in parse_html(page.read_text(encoding="utf-8")).text, page
    assert (site / "site" / "assets" / "pyodide" / "pyodide.asm.wasm").is_file()
    assert list((site / "site" / "assets" / "onward").glob("onward_insights-*.whl"))


def test_new_site_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", encoding="utf-8")
    refused = onward("new-site", "mine", "--name", NAME, cwd=tmp_path)
    assert refused.returncode != 0
    assert "is not empty" in refused.stderr
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_the_new_sites_pyodide_is_the_one_onward_is_tested_with(tmp_path):
    assert onward("new-site", "copy", "--name", NAME, cwd=tmp_path).returncode == 0
    pinned = json.loads((tmp_path / "copy" / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    ours = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    assert pinned == ours == PYODIDE_VERSION


def test_a_bad_centre_value_stops_the_build_naming_file_line_and_field(tmp_path):
    assert onward("new-site", "bad", "--name", NAME, cwd=tmp_path).returncode == 0
    centre = tmp_path / "bad" / "centre.yml"
    centre.write_text(centre.read_text(encoding="utf-8") + 'colours:\n  primary: "#ffe066"\n', encoding="utf-8")
    line = len(centre.read_text(encoding="utf-8").splitlines())
    built = build_site(tmp_path / "bad" / "mkdocs.yml", tmp_path / "bad" / "site", "http://127.0.0.1:8000/")
    assert built.returncode != 0
    assert f"centre.yml:{line}: colours.primary: #ffe066 is too hard to read" in built.stderr + built.stdout


def test_footer_text_is_shown_as_text_never_markup(tmp_path):
    assert onward("new-site", "plain", "--name", NAME, cwd=tmp_path).returncode == 0
    centre = tmp_path / "plain" / "centre.yml"
    footer = 'Open <b>late</b> on "Thursdays" & <script>alert(1)</script>'
    centre.write_text(centre.read_text(encoding="utf-8") + f"footer: '{footer}'\n", encoding="utf-8")
    built = build_site(tmp_path / "plain" / "mkdocs.yml", tmp_path / "plain" / "site", "http://127.0.0.1:8000/")
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "plain" / "site" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert footer in parse_html(html).text


def test_a_site_whose_pyodide_differs_from_onwards_is_told_what_to_run(tmp_path):
    assert onward("new-site", "older", "--name", NAME, cwd=tmp_path).returncode == 0
    site = tmp_path / "older"
    installed = site / "node_modules" / "pyodide"
    installed.mkdir(parents=True)
    for file in (REPO / "node_modules" / "pyodide").iterdir():
        if file.is_file() and file.name != "package.json":
            (installed / file.name).symlink_to(file)
    (installed / "package.json").write_text(json.dumps({"name": "pyodide", "version": "0.27.7"}), encoding="utf-8")
    built = build_site(site / "mkdocs.yml", site / "site", "http://127.0.0.1:8000/")
    assert built.returncode != 0, "a strict build stops at the warning"
    output = built.stdout + built.stderr
    assert f"WARNING -  onward: {installed} holds Pyodide 0.27.7, but Onward" in output
    assert f"Run: cd {site} && npm install --save-exact pyodide@{PYODIDE_VERSION}" in output


def test_a_new_site_pins_pyodide_with_onwards_checksums(tmp_path):
    assert onward("new-site", "locked", "--name", NAME, cwd=tmp_path).returncode == 0
    lock = json.loads((tmp_path / "locked" / "package-lock.json").read_text(encoding="utf-8"))
    ours = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/pyodide"] == ours["packages"]["node_modules/pyodide"]
    assert (tmp_path / "locked" / ".gitignore").read_text(encoding="utf-8").split() == ["site/", "node_modules/", ".venv/"]
