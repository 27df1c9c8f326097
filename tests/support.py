"""Helpers the tests share: serving a folder, reading built pages."""

from __future__ import annotations

import contextlib
import functools
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator


REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "example-university"
EXAMPLE_PATH = "/careers/onward/"  # the example is served from a sub-path, as a university would


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_site(config_file: Path, site_dir: Path, site_url: str) -> subprocess.CompletedProcess[str]:
    """Build like a user does (the mkdocs command), with site_url set to where it is served."""
    env = dict(os.environ, ONWARD_SITE_URL=site_url, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def site_config_in(folder: Path, language: str) -> Path:
    """A copy of the reference mkdocs.yml in ``folder``, with ``theme.language`` set to ``language``.

    Only the lines that must change are rewritten, so the copy stays the reference site.
    """
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    changed = text.replace("\n  language: en\n", f"\n  language: {language}\n", 1)
    changed = changed.replace("\ndocs_dir: docs\n", f"\ndocs_dir: {REPO / 'docs'}\n", 1)
    assert changed.count(f"language: {language}") == 1 and str(REPO / "docs") in changed, "mkdocs.yml changed shape"
    config = folder / "mkdocs.yml"
    config.write_text(changed, encoding="utf-8")
    return config


def with_options(config: Path, **options: str) -> Path:
    """``config`` (a copy of the reference mkdocs.yml) with these options given to the onward plugin."""
    text = config.read_text(encoding="utf-8")
    written = "".join(f"\n      {key}: {value}" for key, value in options.items())
    assert "\n  - onward\n" in text, "mkdocs.yml changed shape"
    config.write_text(text.replace("\n  - onward\n", f"\n  - onward:{written}\n", 1), encoding="utf-8")
    return config


@dataclass(frozen=True)
class BuiltSite:
    directory: Path
    port: int
    log: str

    def pages(self) -> list[Path]:
        """Every HTML page a reader can visit (the 404 page included)."""
        return sorted(self.directory.rglob("*.html"))

    def page_paths(self) -> list[str]:
        """URL paths of the guide pages, e.g. '/' and '/coping/'."""
        paths = []
        for file in self.pages():
            rel = file.relative_to(self.directory).as_posix()
            if rel == "404.html":
                continue
            paths.append("/" + rel.removesuffix("index.html"))
        return paths


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def mounted(mounts: dict[str, Path]) -> type[SimpleHTTPRequestHandler]:
    """A handler serving each folder in ``mounts`` under its URL prefix ("/careers/onward/"),
    and the server's own directory everywhere else: two sites on one origin."""

    class Mounted(_QuietHandler):
        def translate_path(self, path: str) -> str:
            for prefix, folder in sorted(mounts.items(), key=lambda item: -len(item[0])):
                if path.startswith(prefix):
                    self.directory = str(folder)
                    return super().translate_path("/" + path[len(prefix):])
            return super().translate_path(path)

    return Mounted


@contextlib.contextmanager
def serve_directory(directory: Path, port: int, handler: type[SimpleHTTPRequestHandler] = _QuietHandler) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1:port (http.server sends .wasm as application/wasm)."""
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


_BLOCK_TAGS = {
    "p", "li", "ul", "ol", "div", "br", "aside", "section", "article", "blockquote", "pre", "nav",
    "header", "footer", "table", "tr", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
}


class PageParser(HTMLParser):
    """Collects ids, links and resources of one HTML page, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[str] = []
        self.text_parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        if tag in ("script", "img", "iframe", "source", "audio", "video") and values.get("src"):
            self.resources.append(values["src"])
        loads = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}
        if tag == "link" and values.get("href") and loads & set(values.get("rel", "").split()):
            self.resources.append(values["href"])
        if tag in ("script", "style"):
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self.text_parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag in _BLOCK_TAGS:
            self.text_parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())


def parse_html(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser
