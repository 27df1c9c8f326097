"""What readers' devices keep (offline.py): the precache list, the worker written from it, the
retiring worker, and the web app manifest's icon and addresses."""

from __future__ import annotations

import hashlib
import json
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from onward.offline import (
    ICON,
    LARGEST_EXTRA_FILE,
    RETIRING_WORKER,
    SERVICE_WORKER,
    WORKBOX_URI,
    build_id,
    find_workbox,
    home_screen_icon,
    manifest_icon,
    precache_entries,
    service_worker,
    too_large,
    web_manifest,
    write_service_worker,
)
from onward.paths import THEME_DIR
from support import REPO


def png(width: int, height: int) -> bytes:
    """The smallest PNG header that says its size (enough for manifest_icon)."""
    header = struct.pack(">II5B", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header + struct.pack(">I", zlib.crc32(b"IHDR" + header))


def site(tmp_path: Path, languages: list[str]) -> Path:
    files = {
        "index.html": "home",
        "coping/index.html": "a page",
        "404.html": "not found",
        "sitemap.xml": "<urlset/>",
        "sitemap.xml.gz": "gz",
        "_headers": "/*",
        "sw.js": "an old worker",
        ".well-known/security.txt": "hidden",
        "assets/onward/build.json": "{}",
        "assets/onward/onward.js": "code",
        "assets/onward/onward.js.map": "{}",
        "assets/javascripts/bundle.abcdef12.min.js": "material",
        "assets/javascripts/lunr/min/lunr.fr.min.js": "fr",
        "assets/javascripts/lunr/min/lunr.de.min.js": "de",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "stem",
        "assets/javascripts/lunr/min/lunr.multi.min.js": "multi",
        "assets/javascripts/lunr/wordcut.js": "th",
        "assets/pyodide/pyodide.asm.wasm": "wasm",
        "assets/onward/onward_insights-0.1.0-py3-none-any.whl": "wheel",
        "search/search_index.json": json.dumps({"config": {"lang": languages}, "docs": []}),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_every_file_a_page_loads_is_kept_with_the_md5_of_its_bytes(tmp_path):
    entries = precache_entries(site(tmp_path, ["en"]))
    urls = [e.url for e in entries]
    assert set(urls) == {
        "index.html", "coping/index.html", "404.html", "sitemap.xml", "assets/onward/onward.js",
        "assets/javascripts/bundle.abcdef12.min.js", "assets/pyodide/pyodide.asm.wasm",
        "assets/onward/onward_insights-0.1.0-py3-none-any.whl", "search/search_index.json",
    }
    for entry in entries:
        assert entry.revision == hashlib.md5((tmp_path / entry.url).read_bytes()).hexdigest()
    # Pages first, the Python runtime last: an install cut short keeps what reading needs.
    assert urls[:3] == ["404.html", "coping/index.html", "index.html"]
    assert set(urls[-2:]) == {"assets/pyodide/pyodide.asm.wasm", "assets/onward/onward_insights-0.1.0-py3-none-any.whl"}


def test_files_left_out_are_never_read(tmp_path, monkeypatch):
    """What is kept is decided from a file's path and size: a large file left to the network costs no read."""
    folder = site(tmp_path, ["en"])
    (folder / "assets" / "careers-fair.mp4").write_bytes(b"0" * (LARGEST_EXTRA_FILE + 1))
    read: list[str] = []
    for method in ("read_bytes", "read_text", "open"):
        original = getattr(Path, method)

        def recorded(self: Path, *args: object, _original=original, **kwargs: object) -> object:
            read.append(self.relative_to(folder).as_posix() if self.is_relative_to(folder) else str(self))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Path, method, recorded)
    kept = {e.url for e in precache_entries(folder)}
    assert set(read) == kept  # the search index among them, read for its languages too


def test_search_keeps_the_files_for_its_own_languages_only(tmp_path):
    kept = {e.url for e in precache_entries(site(tmp_path, ["fr", "en"]))}
    lunr = {url for url in kept if "/lunr/" in url}
    assert lunr == {
        "assets/javascripts/lunr/min/lunr.fr.min.js",
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "assets/javascripts/lunr/min/lunr.multi.min.js",
    }
    thai = {e.url for e in precache_entries(site(tmp_path / "th", ["th"]))}
    assert "assets/javascripts/lunr/wordcut.js" in thai


def test_a_centres_very_large_file_is_left_to_the_network_and_named(tmp_path):
    folder = site(tmp_path, ["en"])
    (folder / "assets" / "careers-fair.mp4").write_bytes(b"0" * (LARGEST_EXTRA_FILE + 1))
    (folder / "assets" / "pyodide" / "python_stdlib.zip").write_bytes(b"0" * (LARGEST_EXTRA_FILE + 1))
    kept = {e.url for e in precache_entries(folder)}
    assert "assets/careers-fair.mp4" not in kept and "assets/pyodide/python_stdlib.zip" in kept
    assert too_large(folder) == ["assets/careers-fair.mp4"]


def test_the_build_id_changes_with_any_file(tmp_path):
    folder = site(tmp_path, ["en"])
    before = build_id(precache_entries(folder))
    (folder / "coping" / "index.html").write_text("a page, reworded", encoding="utf-8")
    assert build_id(precache_entries(folder)) != before


def test_the_worker_is_the_template_with_this_builds_list_and_parses(tmp_path):
    entries = precache_entries(site(tmp_path, ["en"]))
    source = service_worker(entries)
    assert "ONWARD:" not in source
    assert f"{WORKBOX_URI}/workbox-precaching.prod.js" in source
    listed = json.loads(source.split("precacheAndRoute(", 1)[1].split(", {\n", 1)[0])
    assert listed == [{"url": e.url, "revision": e.revision} for e in entries]
    assert json.dumps(build_id(entries)) in source
    worker = tmp_path / "worker.js"
    worker.write_text(source, encoding="utf-8")
    subprocess.run(["node", "--check", str(worker)], check=True)


def test_a_site_that_keeps_nothing_still_answers_at_sw_js_with_the_worker_that_lets_go(tmp_path):
    assert write_service_worker(tmp_path, None) is None
    assert (tmp_path / SERVICE_WORKER).read_text(encoding="utf-8") == RETIRING_WORKER
    assert "localStorage" not in RETIRING_WORKER and "caches.delete" in RETIRING_WORKER
    subprocess.run(["node", "--check", str(tmp_path / SERVICE_WORKER)], check=True)


def test_workbox_is_copied_without_its_source_map_comments(tmp_path):
    modules = find_workbox(REPO)
    assert modules is not None, "npm ci installs Workbox"
    (tmp_path / "index.html").write_text("home", encoding="utf-8")
    kept = write_service_worker(tmp_path, modules)
    assert kept is not None and kept.files == len(precache_entries(tmp_path))
    for file in (tmp_path / WORKBOX_URI).iterdir():
        assert "sourceMappingURL" not in file.read_text(encoding="utf-8"), file.name


@pytest.mark.parametrize(
    ("name", "data", "sizes", "problem"),
    [
        ("assets/logo.svg", b"<svg/>", "any", None),
        ("assets/icon.png", png(512, 512), "512x512", None),
        ("assets/icon.png", png(32, 32), None, "is 32x32 pixels"),
        ("assets/favicon.ico", b"\x00\x00\x01\x00", None, "is not an SVG or PNG file"),
        ("assets/broken.png", b"not a png", None, "is not a readable PNG file"),
    ],
)
def test_a_favicon_serves_on_a_home_screen_only_when_big_enough(name, data, sizes, problem):
    icon, why = manifest_icon(name, data)
    assert (icon["sizes"] if icon else None) == sizes
    assert (problem in why) if problem else why is None


def test_onwards_own_icon_stands_in_for_one_that_cannot_serve(tmp_path):
    (tmp_path / "assets" / "onward").mkdir(parents=True)
    (tmp_path / ICON).write_bytes((THEME_DIR / ICON).read_bytes())
    (tmp_path / "favicon.png").write_bytes(png(16, 16))
    icon, problem = home_screen_icon(tmp_path, "favicon.png")
    assert icon["src"] == ICON and "16x16" in problem


def test_the_manifest_lives_wherever_the_site_does():
    manifest = json.loads(web_manifest(
        name="Example University Careers Service", short_name="Careers", description="A guide", language="fr",
        theme_colour="#5b2a6e", icon={"src": "assets/favicon.svg", "type": "image/svg+xml", "sizes": "any", "purpose": "any"},
    ))
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == "./"
    assert manifest["display"] == "standalone" and manifest["lang"] == "fr" and manifest["theme_color"] == "#5b2a6e"
    assert not manifest["icons"][0]["src"].startswith("/")
