"""The site on the reader's device: a service worker that keeps it, and a web app manifest.

After one visit every page, every worksheet and the insights open with no network, and a
second visit downloads nothing. Workbox's runtime (``workbox-precaching`` and what it needs,
from npm, served by the site itself) does the keeping; this module lists what it keeps, each
file with a revision (the MD5 of its bytes, as ``workbox-build`` computes it: a test compares
the two), and writes the worker with that list inside, so every build that changes a file
gives browsers a new worker to install beside the one in use. Nothing here imports MkDocs.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG
from typing import Any, Iterable

from .paths import PACKAGE_DIR

SERVICE_WORKER = "sw.js"  # at the site's root, so its scope is the site's own path and no more
WEB_MANIFEST = "manifest.webmanifest"
WORKBOX_URI = "assets/workbox"
ICON = "assets/onward/icon.svg"  # Onward's own, for a site whose favicon cannot serve on a home screen
# Workbox's own prebuilt files (each package's build/ folder), in the order the worker loads them.
WORKER_LIBRARIES = {
    "workbox-core": "workbox-core.prod.js",
    "workbox-routing": "workbox-routing.prod.js",
    "workbox-strategies": "workbox-strategies.prod.js",
    "workbox-precaching": "workbox-precaching.prod.js",
}
PAGE_LIBRARY = ("workbox-window", "workbox-window.prod.mjs")  # tells the page when a new version waits
WORKBOX_PACKAGES = (*WORKER_LIBRARIES, PAGE_LIBRARY[0])
TEMPLATE = PACKAGE_DIR / "service_worker.js"
_SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")

# Kept out of the cache: the worker itself, files for hosts and search engines, source maps
# and the build stamp, which no page loads. (sitemap.xml stays: instant navigation reads it.)
LEFT_OUT = frozenset({SERVICE_WORKER, "_headers", "sitemap.xml.gz", "assets/onward/build.json"})
LEFT_OUT_SUFFIXES = (".map",)
# A file a centre added that is larger than this (a video, a long PDF) is left to the network:
# every reader would otherwise download it on their first visit.
LARGEST_EXTRA_FILE = 5 * 1024 * 1024
RUNTIME_PREFIXES = ("assets/pyodide/", "assets/onward/onward_insights-")
SEARCH_LANGUAGES = "assets/javascripts/lunr/"
# What Material's search worker loads for languages other than English, beside lunr.LANG.min.js.
_LUNR_SHARED = ("min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js")
_LUNR_EXTRA = {"ja": "tinyseg.js", "th": "wordcut.js"}


def find_workbox(*starts: Path) -> Path | None:
    """The node_modules folder in or above any of ``starts`` that holds every Workbox package the site serves."""
    for start in starts:
        for folder in (start, *start.parents):
            modules = folder / "node_modules"
            if all((modules / package / "build").is_dir() for package in WORKBOX_PACKAGES):
                return modules
    return None


def workbox_version(node_modules: Path) -> str | None:
    try:
        return json.loads((node_modules / "workbox-core" / "package.json").read_text(encoding="utf-8")).get("version")
    except (OSError, ValueError):
        return None


def install_workbox(node_modules: Path, site_dir: Path) -> None:
    """Copy Workbox's prebuilt files into the site, so the worker never loads code from elsewhere.

    Their source map comments are left out with the maps, which the site does not serve.
    """
    target = site_dir / WORKBOX_URI
    target.mkdir(parents=True, exist_ok=True)
    for package, name in (*WORKER_LIBRARIES.items(), PAGE_LIBRARY):
        code = (node_modules / package / "build" / name).read_bytes()
        (target / name).write_bytes(_SOURCE_MAP.sub(b"\n", code))


@dataclass(frozen=True)
class Entry:
    url: str  # relative to the site's root
    revision: str
    size: int


def search_languages(site_dir: Path) -> list[str]:
    """The languages Material's search indexes this site in (its index says)."""
    try:
        config = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
        return [str(language) for language in config.get("lang", ["en"])]
    except (OSError, ValueError, KeyError, TypeError):
        return ["en"]


def _search_file_needed(name: str, languages: Iterable[str]) -> bool:
    """Whether search in ``languages`` loads lunr's file ``name`` (under assets/javascripts/lunr/)."""
    others = [language for language in languages if language != "en"]
    needed = {f"min/lunr.{language}.min.js" for language in others} | {_LUNR_EXTRA[x] for x in others if x in _LUNR_EXTRA}
    if others:
        needed.update(_LUNR_SHARED)
    return name in needed


def _kept(path: str, size: int, languages: Iterable[str]) -> bool:
    if path in LEFT_OUT or path.endswith(LEFT_OUT_SUFFIXES) or any(part.startswith(".") for part in path.split("/")):
        return False
    if path.startswith(SEARCH_LANGUAGES):
        return _search_file_needed(path[len(SEARCH_LANGUAGES):], languages)
    ours = path.startswith(("assets/onward/", "assets/pyodide/", "assets/workbox/", "assets/javascripts/", "assets/stylesheets/", "search/"))
    return ours or path.endswith(".html") or size <= LARGEST_EXTRA_FILE


def _order(entry: Entry) -> tuple[int, str]:
    """Pages and their small files first, the Python runtime last: a download cut short keeps the most."""
    if entry.url.startswith(RUNTIME_PREFIXES):
        rank = 3
    elif entry.url.startswith("search/"):
        rank = 2
    elif entry.url.endswith(".html"):
        rank = 0
    else:
        rank = 1
    return rank, entry.url


@dataclass(frozen=True)
class SiteFile:
    path: str  # relative to the site's root
    file: Path
    size: int


def site_files(site_dir: Path) -> list[SiteFile]:
    """Every file in the site, each with its size from one stat: what is kept is decided before any is read."""
    found = []
    for folder, _, names in os.walk(site_dir, followlinks=True):
        prefix = Path(folder).relative_to(site_dir).as_posix()
        for name in names:
            file = Path(folder, name)
            try:
                info = file.stat()
            except OSError:  # a link to nothing
                continue
            if S_ISREG(info.st_mode):
                found.append(SiteFile(name if prefix == "." else f"{prefix}/{name}", file, info.st_size))
    return found


@dataclass(frozen=True)
class Listing:
    """The site's files and search languages, found once for both the worker's list and the build log."""

    files: list[SiteFile]
    languages: list[str]

    @classmethod
    def of(cls, site_dir: Path) -> "Listing":
        return cls(site_files(site_dir), search_languages(site_dir))

    def entries(self) -> list[Entry]:
        """The kept files with the MD5 of their bytes: only these are read."""
        kept = (f for f in self.files if _kept(f.path, f.size, self.languages))
        return sorted((Entry(f.path, _md5(f.file), f.size) for f in kept), key=_order)

    def too_large(self) -> list[str]:
        return sorted(f.path for f in self.files if f.size > LARGEST_EXTRA_FILE and not _kept(f.path, f.size, self.languages))


def _md5(file: Path) -> str:
    with file.open("rb") as stream:
        return hashlib.file_digest(stream, lambda: hashlib.md5(usedforsecurity=False)).hexdigest()


def precache_entries(site_dir: Path) -> list[Entry]:
    """Every file the site's pages may load, with the MD5 of its bytes as its revision."""
    return Listing.of(site_dir).entries()


def too_large(site_dir: Path) -> list[str]:
    """Files of a centre's own too large to keep on every reader's device (the build names them)."""
    return Listing.of(site_dir).too_large()


def build_id(entries: Iterable[Entry]) -> str:
    """One hash of every file and revision: the build's version, which the worker answers with."""
    digest = hashlib.sha256()
    for entry in entries:
        digest.update(f"{entry.url} {entry.revision}\n".encode())
    return digest.hexdigest()[:16]


def service_worker(entries: list[Entry]) -> str:
    """The worker's source: the template with this build's list and id written in."""
    listed = ",\n".join(json.dumps({"url": e.url, "revision": e.revision}) for e in entries)
    libraries = ", ".join(json.dumps(f"{WORKBOX_URI}/{name}") for name in WORKER_LIBRARIES.values())
    text = TEMPLATE.read_text(encoding="utf-8")
    return (
        text.replace("/* ONWARD:LIBRARIES */", libraries)
        .replace("/* ONWARD:BUILD */", json.dumps(build_id(entries)))
        .replace("/* ONWARD:PRECACHE */", f"[\n{listed}\n]")
    )


# A site that keeps nothing on the device (its centre switched that off, or `mkdocs serve`)
# still answers at sw.js: a browser that kept an earlier build finds this one at its next
# visit, lets go of the copy and stops.
RETIRING_WORKER = """// This site keeps no copy of itself on the device (its centre switched that off, or it is
// being previewed with `mkdocs serve`). A browser that kept one lets it go here: only the copy
// of the site's files is deleted, never the reader's answers, which live in the site's own
// storage, not in these caches. Nothing is reloaded: each page simply comes from the network.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const scope = self.registration.scope;
      for (const name of await caches.keys()) if (name.startsWith("onward-") && name.endsWith(`-${scope}`)) await caches.delete(name);
      await self.registration.unregister();
    })(),
  );
});
"""


@dataclass(frozen=True)
class Kept:
    """What a build keeps on readers' devices: how many files, how many bytes, under which build id."""

    files: int
    size: int
    build: str
    too_large: tuple[str, ...] = ()  # a centre's files left to the network, for the build log


def write_service_worker(site_dir: Path, node_modules: Path | None) -> Kept | None:
    """Write sw.js: the full worker with Workbox beside it, or (``node_modules`` None) the retiring one."""
    if node_modules is None:
        (site_dir / SERVICE_WORKER).write_text(RETIRING_WORKER, encoding="utf-8")
        return None
    install_workbox(node_modules, site_dir)
    listing = Listing.of(site_dir)
    entries = listing.entries()
    (site_dir / SERVICE_WORKER).write_text(service_worker(entries), encoding="utf-8")
    return Kept(len(entries), sum(e.size for e in entries), build_id(entries), tuple(listing.too_large()))


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's header, or None if it is not a PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


ICON_TYPES = {".svg": "image/svg+xml", ".png": "image/png"}
SMALLEST_ICON = 144  # what Chromium needs to offer "Add to home screen"


def manifest_icon(path: str, data: bytes) -> tuple[dict[str, str] | None, str | None]:
    """The manifest's icon for the site's favicon, or None and why it cannot serve on a home screen."""
    suffix = Path(path).suffix.lower()
    if suffix not in ICON_TYPES:
        return None, f"its favicon {path} is not an SVG or PNG file"
    icon = {"src": path, "type": ICON_TYPES[suffix], "purpose": "any"}
    if suffix == ".svg":
        return {**icon, "sizes": "any"}, None
    size = png_size(data)
    if size is None:
        return None, f"its favicon {path} is not a readable PNG file"
    if min(size) < SMALLEST_ICON:
        return None, f"its favicon {path} is {size[0]}x{size[1]} pixels, and a home screen needs at least {SMALLEST_ICON}x{SMALLEST_ICON} (an SVG is best)"
    return {**icon, "sizes": f"{size[0]}x{size[1]}"}, None


def home_screen_icon(site_dir: Path, favicon: str) -> tuple[dict[str, str], str | None]:
    """The site's favicon as its home-screen icon, or Onward's own and why the favicon would not do."""
    file = site_dir / favicon
    icon, problem = manifest_icon(favicon, file.read_bytes()) if file.is_file() else (None, f"its favicon {favicon} is not in the site")
    if icon is not None:
        return icon, None
    fallback, _ = manifest_icon(ICON, (site_dir / ICON).read_bytes())
    assert fallback is not None
    return fallback, problem


def web_manifest(
    *, name: str, short_name: str, description: str, language: str, theme_colour: str, icon: dict[str, str]
) -> str:
    """The web app manifest: every address relative to it, so the site may live under any path."""
    manifest: dict[str, Any] = {
        "name": name,
        "short_name": short_name,
        "description": description,
        "lang": language,
        "id": "./",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": theme_colour,
        "icons": [icon],
    }
    return json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
