"""`onward check` and `onward ids`: a centre's mistakes found at once, without building; Onward's ids listed."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from onward import __version__
from onward.check import check_site
from onward.cli import main
from onward.runtime import PYODIDE_VERSION
from onward.scaffold import new_site
from onward.siteconfig import read_site_config
from onward.sources import read_defaults
from onward.paths import bundled

LOCAL = {"ONWARD_SITE_URL": "http://127.0.0.1:8000/"}  # a build for this computer, said explicitly


@pytest.fixture
def centre(tmp_path: Path) -> Path:
    """A site as `onward new-site` makes it."""
    folder = tmp_path / "careers"
    new_site(folder, "Sample College Careers")
    return folder


def append(file: Path, text: str) -> int:
    """Add ``text`` to ``file``; return the line number of its first line."""
    before = file.read_text(encoding="utf-8")
    file.write_text(before + textwrap.dedent(text), encoding="utf-8")
    return len(before.splitlines()) + 1


def test_a_new_site_only_needs_its_address(centre):
    report = check_site(centre / "mkdocs.yml", environ={})
    [problem] = report.problems
    rows = (centre / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, row in enumerate(rows, 1) if row.startswith("site_url:"))
    assert problem.startswith(f"mkdocs.yml:{line}: site_url: site_url is http://127.0.0.1:8000/, an address on this computer")
    assert "Set site_url in mkdocs.yml" in problem
    assert not check_site(centre / "mkdocs.yml", environ=LOCAL).failed(strict=True)


def test_every_mistake_in_centre_and_overlay_is_listed_at_once(centre):
    line = append(centre / "centre.yml", """\
        colours:
          primary: #1b3a6b
        language: french
        """)
    (centre / "overlay" / "overlay.yml").write_text("remove:\n  - learning-resource\n", encoding="utf-8")
    (centre / "overlay" / "sections" / "more-suport.yml").write_text(
        "id: more-suport\ntitle: Ours\nblocks:\n  - type: paragraph\n    text: Hi.\n", encoding="utf-8"
    )
    report = check_site(centre / "mkdocs.yml", environ=LOCAL)
    assert report.failed()
    problems = "\n".join(report.problems)
    assert f"centre.yml:{line + 1}: colours.primary: should be text, not nothing (empty): in YAML a '#'" in problems
    assert f"centre.yml:{line + 2}: language: 'french' is not a language Material for MkDocs ships; did you mean 'fr'?" in problems
    assert "overlay/overlay.yml:2: remove[0]: there is no default page, section or worksheet 'learning-resource'" in problems
    assert "overlay/sections/more-suport.yml:1: id: there is no default section 'more-suport'" in problems
    assert len(report.problems) == 4, report.problems


def test_a_language_onward_does_not_translate_is_a_warning(centre):
    append(centre / "centre.yml", "language: de\n")
    report = check_site(centre / "mkdocs.yml", environ=LOCAL)
    assert report.problems == []
    [warning] = report.warnings
    assert warning.startswith("Onward has no interface translation for 'de'")
    assert report.failed(strict=True) and not report.failed()


def test_a_site_whose_pyodide_is_not_onwards_is_told_what_to_run(centre):
    installed = centre / "node_modules" / "pyodide"
    installed.mkdir(parents=True)
    (installed / "pyodide.mjs").write_text("", encoding="utf-8")
    (installed / "package.json").write_text(json.dumps({"version": "0.27.7"}), encoding="utf-8")
    [warning] = check_site(centre / "mkdocs.yml", environ=LOCAL).warnings
    assert f"holds Pyodide 0.27.7, but Onward {__version__} is tested with Pyodide {PYODIDE_VERSION}" in warning
    assert f"npm install --save-exact pyodide@{PYODIDE_VERSION}" in warning

    package = json.loads((centre / "package.json").read_text(encoding="utf-8"))
    package["dependencies"]["pyodide"] = "0.27.7"
    (centre / "package.json").write_text(json.dumps(package), encoding="utf-8")
    [warning] = check_site(centre / "mkdocs.yml", environ=LOCAL).warnings
    assert "package.json asks for Pyodide 0.27.7" in warning


def test_renamed_ids_come_back_as_notes_and_a_clean_site_says_so(centre):
    report = check_site(centre / "mkdocs.yml", environ=LOCAL)
    assert report.lines() == ["No problems found: the site is ready to build (mkdocs build)."]


def test_mkdocs_yml_with_env_and_python_tags_is_read_without_mkdocs(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        textwrap.dedent("""\
            site_name: Test
            site_url: !ENV [SOME_UNSET_VARIABLE, ONWARD_TEST_URL, "https://default.example/"]
            theme:
              name: material
              language: fr
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:material.extensions.emoji.twemoji
            plugins:
              search: {}
              onward:
                centre: centre.yml
            """),
        encoding="utf-8",
    )
    site = read_site_config(config)
    assert (site.site_url, site.language, dict(site.onward or {})) == ("https://default.example/", "fr", {"centre": "centre.yml"})
    assert site.docs_dir == (tmp_path / "docs").resolve()
    assert site.onward_path == ("plugins", "onward")


def test_the_command_exits_non_zero_only_for_problems(centre):
    runner = CliRunner()
    failed = runner.invoke(main, ["check", str(centre)], env={"ONWARD_SITE_URL": ""})
    assert failed.exit_code == 1 and "1 problem(s), 0 warning(s)" in failed.output
    passed = runner.invoke(main, ["check", str(centre)], env=LOCAL)
    assert passed.exit_code == 0, passed.output
    missing = runner.invoke(main, ["check", str(centre / "overlay")])
    assert missing.exit_code == 1 and "no mkdocs.yml in" in missing.output


def test_ids_lists_every_page_section_and_worksheet_with_its_title():
    result = CliRunner().invoke(main, ["ids"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith(f"Onward {__version__}:")
    merged = read_defaults(bundled("content"), bundled("worksheets"))
    for page in merged.pages:
        assert any(line.split() [:1] == [page.id] and page.doc.data["title"] in line for line in lines), page.id
        for section in page.sections:
            assert any(line.strip().startswith(f"#{section.id} ") and section.data["title"] in line for line in lines), section.id
    for sheet in merged.worksheets.values():
        assert any(line.split()[:1] == [sheet.id] and sheet.doc.data["title"] in line for line in lines), sheet.id
    assert "worksheet_link block" in result.output


def test_version():
    assert CliRunner().invoke(main, ["--version"]).output == f"Onward, version {__version__}\n"
