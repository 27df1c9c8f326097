"""What a web server must send with Onward's files, and where a deployed site says it lives.

One source for the headers: the ``_headers`` file the build writes for Netlify
and Cloudflare Pages comes from here, and the tests check that HOSTING.md's
nginx and Apache recipes send the same headers and types.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'"

# Sent with every response, whatever the file.
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

# Files whose names carry a hash of their content never change: a year, and never revalidated.
# Everything else (pages, the search index, Onward's scripts, the Pyodide runtime, whose file
# names stay the same between releases) is revalidated on every visit, a cheap 304 when unchanged.
LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
HASHED = re.compile(r"(\.[0-9a-f]{8}\.min\.(css|js)(\.map)?|/assets/onward/icons/[0-9a-f]{12}\.svg)$")

# Every kind of file a site serves (Onward's, Material's, and what centres commonly add to docs/).
MIME_TYPES: dict[str, str] = {
    "html": "text/html",
    "css": "text/css",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "json": "application/json",
    "map": "application/json",
    "webmanifest": "application/manifest+json",
    "wasm": "application/wasm",
    "zip": "application/zip",
    "whl": "application/zip",
    "gz": "application/gzip",
    "xml": "application/xml",
    "txt": "text/plain",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
    "ico": "image/x-icon",
    "pdf": "application/pdf",
    "woff2": "font/woff2",
}

HEADERS_FILE = "_headers"
_LOOPBACK = {"127.0.0.1", "localhost", "::1", "0.0.0.0"}
SITE_URL_VARIABLE = "ONWARD_SITE_URL"


def cache_control(path: str) -> str:
    """The Cache-Control a file at URL path ``path`` should be sent with."""
    return LONG_CACHE if HASHED.search(path) else REVALIDATE


def headers_file(site_dir: Path) -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages) with the same headers as HOSTING.md's recipes.

    Both hosts serve the published folder at the root of its address. The security
    headers go on every path; each file with a hashed name is listed with its long
    lifetime (rules for one path add to those for ``/*``, so Cache-Control is only
    ever set once for a file; both hosts revalidate everything else by default).
    """
    from . import __version__

    lines = [f"# Written by Onward {__version__} at build time: the same headers as HOSTING.md's recipes.", "/*"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    for file in sorted(site_dir.rglob("*")):
        path = "/" + file.relative_to(site_dir).as_posix()
        if file.is_file() and HASHED.search(path):
            lines += [path, f"  Cache-Control: {LONG_CACHE}"]
    return "\n".join(lines) + "\n"


def site_url_problem(site_url: str | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """Why a build for deployment must not go ahead with this ``site_url``, or None.

    A loopback address (what ``onward new-site`` leaves in mkdocs.yml) is only right
    for a copy opened on the same computer, so it is accepted only when given at build
    time in ONWARD_SITE_URL, as the offline zip recipe and the tests do.
    """
    how = (
        "Set site_url in mkdocs.yml to the full address the site will be served from, ending in /, "
        "e.g. site_url: https://www.example.ac.uk/careers/onward/ "
        f"(or give it for one build: {SITE_URL_VARIABLE}=https://www.example.ac.uk/careers/onward/ mkdocs build)"
    )
    if not site_url:
        return f"site_url is not set, so the site's links for search engines and its 404 page cannot work. {how}"
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"site_url '{site_url}' is not a full web address. {how}"
    given = environ.get(SITE_URL_VARIABLE, "")
    if parts.hostname in _LOOPBACK and given.rstrip("/") != site_url.rstrip("/"):
        return (
            f"site_url is {site_url}, an address on this computer, so the 404 page, the sitemap, canonical links "
            f"and instant page loading would all point there once the site is online. {how}. "
            f"For a copy that really runs on this computer (the offline zip), give the address at build time: "
            f"{SITE_URL_VARIABLE}={site_url} mkdocs build. mkdocs serve is not affected"
        )
    return None
