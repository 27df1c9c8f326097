"""Every mistake in what a build reads is a message naming its file, line and field, never a
traceback, and a build that fails leaves the site that was there whole."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from onward.components import load_components
from onward.errors import ContentError
from onward.paths import bundled
from onward.site import OnwardSite
from support import REPO, build_site

ONWARD_DIRS = ("content", "worksheets", "macros")


def copy_of_onward(folder: Path) -> dict[str, Path]:
    """Onward's content, worksheets and components in a folder of their own, to break."""
    copies = {}
    for name in ONWARD_DIRS:
        copies[name] = folder / name
        shutil.copytree(bundled(name), copies[name], ignore=shutil.ignore_patterns("__pycache__"))
    return copies


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} changed shape"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rendering_problems(copies: dict[str, Path]) -> list[str]:
    with pytest.raises(ContentError) as caught:
        site = OnwardSite.load(copies["content"], copies["worksheets"], copies["macros"], copies["macros"].parent)
        list(site.pages())
    return [str(problem) for problem in caught.value.problems]


def test_a_syntax_error_in_a_macro_names_its_file_and_line(tmp_path):
    copies = copy_of_onward(tmp_path)
    edit(copies["macros"] / "callout.md.j2", "{% macro callout(", "{% if %}\n{% macro callout(")
    [problem] = rendering_problems(copies)
    assert problem.startswith("macros/callout.md.j2:")
    assert "the template cannot be read" in problem


def test_a_name_a_macro_does_not_have_names_the_line_and_the_block_being_rendered(tmp_path):
    copies = copy_of_onward(tmp_path)
    macro = copies["macros"] / "reason.md.j2"
    text = macro.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "{{" in row and "macro" not in row)
    lines = text.splitlines()
    lines[line - 1] = lines[line - 1].replace("{{", "{{ no_such_name ~ ", 1)
    macro.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = rendering_problems(copies)
    assert problems[0].startswith(f"macros/reason.md.j2:{line}: reason: 'no_such_name' is undefined")
    assert "(rendering the reason block at content/reasons.yml:" in problems[0]


def test_an_interface_string_english_lacks_names_the_macro_and_the_key(tmp_path):
    copies = copy_of_onward(tmp_path)
    edit(copies["macros"] / "worksheet_form.html.j2", '_("worksheet.saved")', '_("worksheet.saevd")')
    [problem, *_] = rendering_problems(copies)
    assert problem.startswith("macros/worksheet_form.html.j2:")
    assert "no interface string 'worksheet.saevd' in locales/en.yml" in problem


def test_a_broken_component_spec_names_its_file_and_line(tmp_path):
    copies = copy_of_onward(tmp_path)
    edit(copies["macros"] / "quote.yml", "params:", "params: [\n")
    with pytest.raises(ContentError) as caught:
        load_components(copies["macros"])
    assert str(caught.value).startswith("macros/quote.yml:") or "quote.yml:" in str(caught.value)
    assert "invalid YAML" in str(caught.value)


def write_config(folder: Path, *, worksheets: Path | None = None, custom_dir: Path | None = None) -> Path:
    options = f"      worksheets_dir: {worksheets}\n" if worksheets else "      {}\n"
    theme = f"  custom_dir: {custom_dir}\n" if custom_dir else ""
    config = folder / "mkdocs.yml"
    config.write_text(
        f"site_name: Onward\nsite_url: !ENV ONWARD_SITE_URL\ndocs_dir: {REPO / 'docs'}\n"
        f"theme:\n  name: material\n  language: en\n  font: false\n{theme}plugins:\n  - search\n  - onward:\n{options}",
        encoding="utf-8",
    )
    return config


def test_an_unknown_field_type_stops_the_build_with_a_message_not_a_traceback(tmp_path):
    worksheets = tmp_path / "worksheets"
    shutil.copytree(bundled("worksheets"), worksheets, ignore=shutil.ignore_patterns("__pycache__"))
    edit(worksheets / "rejection-log.yml", "type: short_text", "type: short_txt")
    built = build_site(write_config(tmp_path, worksheets=worksheets), tmp_path / "site", "http://127.0.0.1:8000/")
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert "rejection-log.yml:" in output and ".type: unknown field type 'short_txt'; did you mean 'short_text'?" in output
    assert "Traceback" not in output


def test_a_theme_template_asking_for_an_unknown_string_names_the_template(tmp_path):
    theme = tmp_path / "overrides" / "partials"
    theme.mkdir(parents=True)
    (theme / "copyright.html").write_text('<p>{{ _("footer.no_such_key") }}</p>\n', encoding="utf-8")
    built = build_site(write_config(tmp_path, custom_dir=tmp_path / "overrides"), tmp_path / "site", "http://127.0.0.1:8000/")
    output = built.stdout + built.stderr
    assert built.returncode != 0
    assert "copyright.html:1: copyright.html: no interface string 'footer.no_such_key' in locales/en.yml" in output
    assert "Traceback" not in output


def make_site(site_dir: Path, config: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ONWARD_SITE_URL": "http://127.0.0.1:8000/"}
    return subprocess.run(
        ["make", "--no-print-directory", "site", f"SITE_DIR={site_dir}", f"MKDOCS_CONFIG={config}", f"BIN={Path(sys.executable).parent}"],
        cwd=REPO, env=env, capture_output=True, text=True, check=False,
    )


@pytest.mark.parametrize("fault", ["content", "theme"])
def test_a_failed_make_site_leaves_the_site_that_was_there(tmp_path, fault):
    site = tmp_path / "site"
    first = make_site(site, REPO / "mkdocs.yml")
    assert first.returncode == 0, first.stdout + first.stderr
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    if fault == "content":
        worksheets = tmp_path / "worksheets"
        shutil.copytree(bundled("worksheets"), worksheets, ignore=shutil.ignore_patterns("__pycache__"))
        edit(worksheets / "rejection-log.yml", "type: short_text", "type: short_txt")
        config = write_config(tmp_path, worksheets=worksheets)
    else:  # a mistake found only while MkDocs writes the pages
        (tmp_path / "overrides" / "partials").mkdir(parents=True)
        (tmp_path / "overrides" / "partials" / "copyright.html").write_text('{{ _("footer.no_such_key") }}', encoding="utf-8")
        config = write_config(tmp_path, custom_dir=tmp_path / "overrides")
    failed = make_site(site, config)
    assert failed.returncode != 0
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not (tmp_path / "site.next").exists()
