"""Serve a built site as HOSTING.md tells hosts to: gzip for text and wasm, the CSP header.

Lighthouse scores what a reader's browser would get; an uncompressed test server would cost
the pages a second of mobile load time that no real host adds. Each file is compressed once.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

# The types HOSTING.md's nginx configuration compresses (gzip_types), and HTML, which nginx always does.
COMPRESSED = {"text/html", "text/css", "text/javascript", "application/javascript", "application/json",
              "application/wasm", "image/svg+xml"}
CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'"


class CompressingHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript", ".mjs": "text/javascript"}
    _cache: dict[str, bytes] = {}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                super().do_GET()  # the redirect to the address with a slash
                return
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if not os.path.isfile(path) or kind not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        body = self._cache.get(path)
        if body is None:
            body = self._cache[path] = gzip.compress(Path(path).read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_compressed(directory: Path, port: int) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(CompressingHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()
