"""The README's centre steps on a clean slate: the wheel installs with plain pip, and the site it makes works."""

from __future__ import annotations

import json
import re
import tarfile
import zipfile

import yaml

from fresh_install import FreshCentre
from hosting_support import recipe, recipes
from onward import __version__
from onward.runtime import PYODIDE_FILES, PYODIDE_URI, PYODIDE_VERSION
from onward.versions import GENERATOR, STAMP_URI
from support import REPO

WHEEL = f"onward-{__version__}-py3-none-any.whl"
SDIST = f"onward-{__version__}.tar.gz"


def test_the_readme_and_hosting_give_the_same_install_steps():
    assert recipe("install", "README.md") == recipe("install", "HOSTING.md")


def test_make_dist_builds_a_versioned_wheel_and_sdist(fresh_centre: FreshCentre):
    assert sorted(p.name for p in fresh_centre.dist.iterdir()) == [WHEEL, SDIST]
    wheel = zipfile.ZipFile(fresh_centre.dist / WHEEL).namelist()
    for bundled in ("content/index.yml", "macros/page.md.j2", "locales/fr.yml", "worksheets/strengths.yml",
                    "worksheets/onward_insights/__init__.py", "package-lock.json"):
        assert f"onward/_bundled/{bundled}" in wheel, bundled
    assert "onward/new_site/mkdocs.yml.j2" in wheel and "onward/theme/assets/onward/worksheets.js" in wheel
    assert not [name for name in wheel if "__pycache__" in name or name.startswith("tests/")]
    with tarfile.open(fresh_centre.dist / SDIST) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"pyproject.toml", "src/onward/cli.py", "content/index.yml", "CHANGELOG.md", "HOSTING.md", "package-lock.json"} <= names


def test_onward_runs_from_the_wheel_not_from_this_checkout(fresh_centre: FreshCentre):
    where = fresh_centre.run("python", "-c", "import onward, onward.paths; print(onward.__file__); print(onward.paths.bundled('content'))")
    module, content = where.stdout.split()
    assert module.startswith(str(fresh_centre.venv)) and content.startswith(str(fresh_centre.venv))
    assert fresh_centre.run("onward", "--version").stdout.strip() == f"Onward, version {__version__}"
    listed = fresh_centre.run("onward", "ids")
    assert listed.returncode == 0 and "  coping " in listed.stdout and "  rejection-log " in listed.stdout


def test_the_site_serves_the_pyodide_npm_put_in_its_own_folder(fresh_centre: FreshCentre):
    installed = fresh_centre.folder / "node_modules" / "pyodide"
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == PYODIDE_VERSION
    for name in PYODIDE_FILES:
        served = fresh_centre.site.directory / PYODIDE_URI / name
        assert served.read_bytes() == (installed / name).read_bytes(), name
    lock = json.loads((fresh_centre.folder / "package-lock.json").read_text(encoding="utf-8"))
    ours = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/pyodide"] == ours["packages"]["node_modules/pyodide"]
    # The build was strict, so it would have stopped at the warning a Pyodide other than Onward's gives.


def test_the_build_names_the_releases_it_was_made_with(fresh_centre: FreshCentre):
    stamp = json.loads((fresh_centre.site.directory / STAMP_URI).read_text(encoding="utf-8"))
    assert stamp["onward"] == __version__ and stamp["pyodide"] == PYODIDE_VERSION
    for page in fresh_centre.site.pages():
        generators = re.findall(r'<meta name="generator" content="([^"]*)">', page.read_text(encoding="utf-8"))
        assert len(generators) == 1 and generators[0].endswith(f", {GENERATOR}"), page


def test_a_deployment_build_with_the_default_address_stops_saying_what_to_set(fresh_centre: FreshCentre, tmp_path):
    built = fresh_centre.run("mkdocs", "build", "--site-dir", str(tmp_path / "site"))
    assert built.returncode != 0
    output = built.stdout + built.stderr
    assert "Onward stopped this build for deployment: site_url is http://127.0.0.1:8000/" in output
    assert "Set site_url in mkdocs.yml to the full address the site will be served from" in output
    assert not (tmp_path / "site" / "index.html").exists()
    checked = fresh_centre.run("onward", "check")
    assert checked.returncode == 1 and "site_url: site_url is http://127.0.0.1:8000/" in checked.stdout
    assert "1 problem(s), 0 warning(s)" in checked.stdout


def test_the_github_pages_recipe_installs_the_wheel_and_builds_for_its_address():
    workflow = yaml.safe_load(recipe("github-pages"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run") for step in steps if "run" in step]
    assert runs[:3] == ["pip install ./onward/onward-*-py3-none-any.whl", "npm ci", "onward check"]
    build = next(step for step in steps if str(step.get("run", "")).startswith("mkdocs build"))
    assert build["env"]["ONWARD_SITE_URL"].startswith("https://")


def test_no_document_tells_anyone_to_install_an_unpublished_name():
    """`pip install onward` would fetch whatever someone else publishes under that name."""
    documents = [*REPO.glob("*.md"), *(REPO / "src" / "onward" / "new_site").rglob("*.j2")]
    bare = re.compile(r"pip3? install(?: --upgrade| -U)? +onward(?:[\s=<>\[]|$)", re.MULTILINE)
    for document in documents:
        text = document.read_text(encoding="utf-8")
        blocks = re.findall(r"```\w*\n(.*?)```", text, re.DOTALL) if document.suffix == ".md" else [text]
        for block in blocks:
            assert not bare.search(block), (document.name, block)
    assert {"install", "github-pages", "nginx-http", "nginx-server", "apache", "offline-build", "offline-open"} <= set(
        recipes(REPO / "HOSTING.md")
    )
