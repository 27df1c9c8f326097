"""HOSTING.md's nginx and Apache recipes, run by Debian's real servers, serving the fresh centre's site
under /careers/onward/: the redirect, the headers on every file, caching, types and the 404 page."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from fresh_install import FreshCentre
from hosting_support import SERVERS, SUB_PATH, readable_copy
from onward.hosting import HEADERS_FILE, LONG_CACHE, MIME_TYPES, SECURITY_HEADERS, cache_control
from onward.i18n import load_catalog
from support import free_port, parse_html

ENGLISH = load_catalog("en")


@pytest.fixture(scope="module", params=sorted(SERVERS))
def served(request, fresh_centre: FreshCentre, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """(origin, served folder) for each server. The folder also holds one file of every type a
    centre may add to docs/ (a photo, an icon, a PDF...), so every type is checked."""
    with readable_copy(fresh_centre.site.directory) as site:
        extras = site / "extras"
        extras.mkdir()
        for extension in MIME_TYPES:
            (extras / f"sample.{extension}").write_bytes(b"sample")
        port = free_port()
        with SERVERS[request.param](site, port, tmp_path_factory.mktemp(request.param)) as origin:
            yield origin, site


def request(origin: str, path: str, method: str = "GET", **headers: str) -> http.client.HTTPResponse:
    parts = urlsplit(origin)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


def media_type(response: http.client.HTTPResponse) -> str:
    return (response.getheader("Content-Type") or "").split(";")[0].strip()


def assert_security_headers(response: http.client.HTTPResponse, what: str) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.getheader(name) == value, (what, name, response.getheader(name))


def test_the_address_without_its_slash_goes_on_to_the_site(served):
    origin, _ = served
    response = request(origin, SUB_PATH.rstrip("/"))
    assert response.status == 301
    assert urlsplit(response.getheader("Location") or "").path == SUB_PATH
    home = request(origin, SUB_PATH)
    assert home.status == 200 and media_type(home) == "text/html"


def test_every_file_goes_out_with_its_type_its_headers_and_its_caching(served):
    origin, site = served
    files = sorted(file for file in site.rglob("*") if file.is_file() and file.name != HEADERS_FILE)
    assert {file.suffix.lstrip(".") for file in files} == set(MIME_TYPES)
    long_kept = 0
    for file in files:
        path = SUB_PATH + file.relative_to(site).as_posix()
        response = request(origin, path, "HEAD")
        assert response.status == 200, path
        assert media_type(response) == MIME_TYPES[file.suffix.lstrip(".")], (path, response.getheader("Content-Type"))
        assert_security_headers(response, path)
        assert response.getheader("Cache-Control") == cache_control(path), path
        long_kept += response.getheader("Cache-Control") == LONG_CACHE
    assert long_kept > 20, "Material's hashed files and Onward's icons are kept for a year"


def test_text_is_sent_as_utf_8_and_compressed(served):
    origin, site = served
    [stylesheet] = (site / "assets" / "stylesheets").glob("main.*.min.css")
    for path in (SUB_PATH, f"{SUB_PATH}assets/stylesheets/{stylesheet.name}", f"{SUB_PATH}assets/pyodide/pyodide.asm.wasm"):
        response = request(origin, path, **{"Accept-Encoding": "gzip"})
        assert response.getheader("Content-Encoding") == "gzip", path
        assert gzip.decompress(response.body)  # type: ignore[attr-defined]
    page = request(origin, f"{SUB_PATH}coping/")
    assert page.getheader("Content-Type", "").replace(" ", "").lower() == "text/html;charset=utf-8"


def test_a_missing_page_shows_onwards_styled_not_found_page(served):
    origin, _ = served
    response = request(origin, f"{SUB_PATH}no/such/page/")
    assert response.status == 404
    assert_security_headers(response, "404")
    html = response.body.decode("utf-8")  # type: ignore[attr-defined]
    assert ENGLISH.gettext("not_found.title") in parse_html(html).text
    sheets = [r for r in parse_html(html).resources if r.endswith(".css")]
    assert sheets and all(r.startswith(f"{SUB_PATH}assets/") for r in sheets), sheets
    for resource in parse_html(html).resources:
        assert request(origin, resource, "HEAD").status == 200, resource


def test_the_headers_file_for_netlify_and_cloudflare_says_what_the_servers_send(fresh_centre: FreshCentre):
    lines = (fresh_centre.site.directory / HEADERS_FILE).read_text(encoding="utf-8").splitlines()
    assert [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()] == lines[2:5]
    listed = {lines[i] for i in range(5, len(lines), 2)}
    hashed = {
        "/" + file.relative_to(fresh_centre.site.directory).as_posix()
        for file in fresh_centre.site.directory.rglob("*")
        if file.is_file() and cache_control("/" + file.relative_to(fresh_centre.site.directory).as_posix()) == LONG_CACHE
    }
    assert listed == hashed and len(hashed) > 20
    assert all(lines[i] == f"  Cache-Control: {LONG_CACHE}" for i in range(6, len(lines), 2))
