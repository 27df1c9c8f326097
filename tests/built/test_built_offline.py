"""The built site's copy for readers' devices: the service worker and what it lists, the web app
manifest of the reference site and of a centre, and `mkdocs serve`, which keeps nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request

import yaml

from hosting_support import wait_for_port
from onward.i18n import load_catalog
from onward.offline import RETIRING_WORKER, WORKBOX_URI, WORKER_LIBRARIES
from support import EXAMPLE, REPO, BuiltSite, free_port, parse_html

ENGLISH = load_catalog("en")
CENTRE = yaml.safe_load((EXAMPLE / "centre.yml").read_text(encoding="utf-8"))


def listed(site: BuiltSite) -> dict[str, str]:
    worker = (site.directory / "sw.js").read_text(encoding="utf-8")
    return {e["url"]: e["revision"] for e in json.loads(worker.split("precacheAndRoute(", 1)[1].split(", {\n", 1)[0])}


def test_every_page_is_kept_and_links_the_manifest(built_site):
    kept = listed(built_site)
    for page in built_site.pages():
        path = page.relative_to(built_site.directory).as_posix()
        assert path in kept, path
        html = page.read_text(encoding="utf-8")
        assert '<meta name="onward-offline" content="on">' in html, path
        assert any(r.endswith("manifest.webmanifest") for r in parse_html(html).resources), path
    for name in (*WORKER_LIBRARIES.values(), "workbox-window.prod.mjs"):
        assert f"{WORKBOX_URI}/{name}" in kept
    assert "manifest.webmanifest" in kept and "assets/pyodide/pyodide.asm.wasm" in kept
    assert "readers' devices keep" in built_site.log
    statement = (built_site.directory / "my-answers" / "index.html").read_text(encoding="utf-8")
    assert ENGLISH.gettext("my_answers.kept_copy").split("**")[1] in statement  # the privacy statement says so


def test_the_reference_manifest_is_onwards(built_site):
    manifest = json.loads((built_site.directory / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["short_name"], manifest["theme_color"]) == ("Onward", "Onward", "#1d5c58")
    assert manifest["icons"] == [{"src": "assets/onward/icon.svg", "type": "image/svg+xml", "purpose": "any", "sizes": "any"}]


def test_a_centres_manifest_has_its_name_colour_and_icon(example_site):
    manifest = json.loads((example_site.directory / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == CENTRE["name"] and manifest["short_name"] == CENTRE["short_name"]
    assert manifest["theme_color"] == CENTRE["colours"]["primary"] and manifest["lang"] == "fr"
    assert manifest["icons"][0]["src"] == CENTRE["favicon"]
    html = (example_site.directory / "coping" / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="theme-color" content="{CENTRE["colours"]["primary"]}">' in html


def test_mkdocs_serve_keeps_nothing_and_lets_an_earlier_copy_go(tmp_path):
    """While a site is being written its pages change at every save: no copy of them is kept,
    and a worker an earlier build left on 127.0.0.1 is let go of. Live reload still runs."""
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", str(REPO / "mkdocs.yml")],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, server, seconds=120)
        worker = urllib.request.urlopen(f"http://127.0.0.1:{port}/sw.js", timeout=30).read().decode("utf-8")
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/coping/", timeout=30).read().decode("utf-8")
        statement = urllib.request.urlopen(f"http://127.0.0.1:{port}/my-answers/", timeout=30).read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert worker == RETIRING_WORKER
    assert '<meta name="onward-offline" content="off">' in page
    assert "livereload(" in page
    assert ENGLISH.gettext("my_answers.kept_copy").split("**")[1] not in statement
