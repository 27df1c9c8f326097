"""The built site's scripts and stylesheets are minified, and a malformed one stops the build.

A stylesheet with a rule left open still "works" in a browser: every rule after it is quietly
swallowed. These tests run esbuild over Onward's own files exactly as the build does.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from onward.minify import MinifyError, Minifying, find_esbuild, minifiable, minify
from onward.paths import PACKAGE_DIR

REPO = Path(__file__).resolve().parents[2]
ASSETS = PACKAGE_DIR / "theme" / "assets" / "onward"


@pytest.fixture(scope="module")
def esbuild() -> Path:
    found = find_esbuild(REPO)
    assert found is not None, "node_modules/.bin/esbuild is missing: run make install"
    return found


def test_onward_own_files_minify_with_no_warning(tmp_path, esbuild):
    copy = tmp_path / "onward"
    shutil.copytree(ASSETS, copy)
    before = {p.name: p.stat().st_size for p in copy.iterdir() if p.suffix in (".js", ".css")}
    changed = minify(copy, esbuild)
    assert sorted(p.name for p in changed) == sorted(before)
    assert sum(p.stat().st_size for p in changed) < sum(before.values())


def test_a_rule_left_open_stops_the_build_naming_file_and_line(tmp_path, esbuild):
    (tmp_path / "good.css").write_text("a { color: red; }\n")
    (tmp_path / "broken.css").write_text("p {\n  margin: 0;\n\nh1 { color: blue; }\n")
    with pytest.raises(MinifyError) as raised:
        minify(tmp_path, esbuild)
    message = str(raised.value)
    assert "broken.css:1:" in message and 'Expected "}"' in message
    assert (tmp_path / "broken.css").read_text().startswith("p {\n"), "the source is left as written"


def test_a_script_with_a_syntax_error_stops_the_build(tmp_path, esbuild):
    (tmp_path / "broken.js").write_text("export function f( {\n  return 1;\n}\n")
    with pytest.raises(MinifyError, match=r"broken\.js:2:"):
        minify(tmp_path, esbuild)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_minifying_while_pages_render_gives_the_same_files_as_minifying_after(tmp_path, esbuild):
    after, early = tmp_path / "after", tmp_path / "early"
    shutil.copytree(ASSETS, after)
    shutil.copytree(ASSETS, early)
    minifying = Minifying({p.name: p.read_bytes() for p in minifiable(early)}, esbuild)
    assert [p.name for p in minifying.finish(early)] == [p.name for p in minify(after, esbuild)]
    assert _files(early) == _files(after)


def test_a_file_changed_after_minifying_began_is_minified_as_the_site_has_it(tmp_path, esbuild):
    (tmp_path / "a.js").write_text("export const a = 1 + 1;\n")
    minifying = Minifying({"a.js": b"export const a = 1 + 1;\n"}, esbuild)
    (tmp_path / "a.js").write_text("export const changed = 2 + 2;\n")
    (tmp_path / "b.css").write_text("p { color: red; }\n")
    minifying.finish(tmp_path)
    assert "changed" in (tmp_path / "a.js").read_text() and "color:red" in (tmp_path / "b.css").read_text()


def test_a_malformed_file_stops_the_build_naming_the_built_file(tmp_path, esbuild):
    (tmp_path / "broken.js").write_text("export function f( {\n  return 1;\n}\n")
    minifying = Minifying({"broken.js": (tmp_path / "broken.js").read_bytes()}, esbuild)
    with pytest.raises(MinifyError, match=rf"{tmp_path.name}/broken\.js:2:"):
        minifying.finish(tmp_path)
