"""What a deployed site needs from its server and its build: the address rule, caching, the stamp."""

from __future__ import annotations

import json
import re
import sys

import pytest

from onward import __version__
from onward.hosting import CSP, LONG_CACHE, REVALIDATE, SECURITY_HEADERS, cache_control, headers_file, site_url_problem
from onward.runtime import PYODIDE_VERSION
from onward.scaffold import site_lock
from onward.versions import GENERATOR, build_stamp, pyodide_problem, stamp_generator
from support import REPO


@pytest.mark.parametrize(
    ("site_url", "environ", "words"),
    [
        (None, {}, "site_url is not set"),
        ("", {}, "site_url is not set"),
        ("www.example.ac.uk/careers/", {}, "is not a full web address"),
        ("http://127.0.0.1:8000/", {}, "an address on this computer"),
        ("http://localhost:8000/careers/", {"ONWARD_SITE_URL": "http://localhost:9000/"}, "an address on this computer"),
    ],
)
def test_a_build_for_deployment_stops_with_what_to_set(site_url, environ, words):
    problem = site_url_problem(site_url, environ)
    assert problem is not None and words in problem
    assert "site_url: https://www.example.ac.uk/careers/onward/" in problem


@pytest.mark.parametrize(
    ("site_url", "environ"),
    [
        ("https://www.example.ac.uk/careers/onward/", {}),
        ("http://127.0.0.1:8123/", {"ONWARD_SITE_URL": "http://127.0.0.1:8123/"}),  # the offline zip, said explicitly
        ("http://127.0.0.1:8123/careers/onward/", {"ONWARD_SITE_URL": "http://127.0.0.1:8123/careers/onward"}),
    ],
)
def test_a_public_address_or_one_given_at_build_time_is_accepted(site_url, environ):
    assert site_url_problem(site_url, environ) is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/careers/onward/assets/stylesheets/main.57a0d79d.min.css", LONG_CACHE),
        ("/assets/javascripts/bundle.a5f9d56c.min.js.map", LONG_CACHE),
        ("/assets/javascripts/workers/search.a7633da7.min.js", LONG_CACHE),
        ("/assets/onward/icons/06236f478e84.svg", LONG_CACHE),
        ("/assets/javascripts/lunr/min/lunr.fr.min.js", REVALIDATE),
        ("/assets/pyodide/pyodide.asm.wasm", REVALIDATE),
        ("/assets/onward/worksheets.js", REVALIDATE),
        ("/coping/", REVALIDATE),
        ("/search/search_index.json", REVALIDATE),
    ],
)
def test_only_files_with_hashed_names_are_kept_long(path, expected):
    assert cache_control(path) == expected


def test_the_headers_file_sets_security_headers_everywhere_and_long_caching_per_hashed_file(tmp_path):
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets" / "main.57a0d79d.min.css").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    lines = headers_file(tmp_path).splitlines()
    assert lines[1] == "/*"
    assert lines[2:5] == [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    assert lines[5:] == ["/assets/stylesheets/main.57a0d79d.min.css", f"  Cache-Control: {LONG_CACHE}"]
    assert f"  Content-Security-Policy: {CSP}" in lines


def test_the_generator_meta_names_onward():
    html = '<head><meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2"></head>'
    assert stamp_generator(html) == f'<head><meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2, {GENERATOR}"></head>'
    assert f'content="{GENERATOR}"' in stamp_generator("<head></head>")
    assert GENERATOR == f"onward-{__version__}"


def test_the_build_stamp_names_every_release_the_site_was_built_from():
    stamp = build_stamp(PYODIDE_VERSION)
    assert stamp["onward"] == __version__ and stamp["pyodide"] == PYODIDE_VERSION
    assert stamp["mkdocs"].startswith("1.") and stamp["mkdocs-material"].startswith("9.")


def write_pyodide(folder, installed: str, wanted: str | None):
    package = folder / "node_modules" / "pyodide"
    package.mkdir(parents=True)
    (package / "package.json").write_text(json.dumps({"version": installed}), encoding="utf-8")
    if wanted is not None:
        (folder / "package.json").write_text(json.dumps({"dependencies": {"pyodide": wanted}}), encoding="utf-8")
    return package


def test_pyodide_as_onward_pins_it_needs_nothing(tmp_path):
    assert pyodide_problem(write_pyodide(tmp_path, PYODIDE_VERSION, PYODIDE_VERSION)) is None


@pytest.mark.parametrize(("installed", "wanted", "words"), [
    ("0.27.7", "0.27.7", "package.json asks for Pyodide 0.27.7"),
    ("0.27.7", PYODIDE_VERSION, "holds Pyodide 0.27.7"),
    (PYODIDE_VERSION, "^314.0.0", "asks for Pyodide ^314.0.0"),
])
def test_pyodide_that_differs_from_onwards_says_what_to_run(tmp_path, installed, wanted, words):
    problem = pyodide_problem(write_pyodide(tmp_path, installed, wanted))
    assert problem is not None and words in problem
    assert problem.endswith(f"Run: cd {tmp_path} && npm install --save-exact pyodide@{PYODIDE_VERSION}")


def test_the_changelog_has_an_entry_for_this_release():
    headings = re.findall(r"^## (\S+)", (REPO / "CHANGELOG.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert headings and headings[0] == __version__


def test_onwards_lock_and_a_new_sites_lock_pin_the_pyodide_onward_is_tested_with():
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/pyodide"]["version"] == PYODIDE_VERSION
    site = site_lock()
    esbuild = lock["packages"]["node_modules/esbuild"]["version"]
    assert site["packages"][""]["dependencies"] == {"esbuild": esbuild, "pyodide": PYODIDE_VERSION}
    for name in ("pyodide", "esbuild", "@esbuild/linux-x64"):
        assert site["packages"][f"node_modules/{name}"] == lock["packages"][f"node_modules/{name}"]
    assert all(entry.get("integrity", "").startswith("sha512-") for key, entry in site["packages"].items() if key)


@pytest.mark.parametrize(
    ("command", "argv", "deploying"),
    [
        ("build", ["mkdocs", "build"], True),
        ("gh-deploy", ["mkdocs", "gh-deploy"], True),
        ("serve", ["mkdocs", "serve"], False),
        ("build", ["mkdocs", "serve", "--clean"], False),  # MkDocs reports "build" for this one
    ],
)
def test_which_builds_count_as_for_deployment(monkeypatch, command, argv, deploying):
    from onward.plugin import OnwardPlugin

    monkeypatch.setattr(sys, "argv", argv)
    plugin = OnwardPlugin()
    plugin.on_startup(command=command, dirty=False)
    assert plugin.deploying is deploying
