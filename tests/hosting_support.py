"""Running HOSTING.md's own recipes: its commands, and nginx and Apache with its configuration.

Each recipe is taken out of the document by its marker (``<!-- tested: NAME -->`` on the
line before the code block), so what a centre copies is exactly what these tests run.
Only the example paths are changed: the site's folder, and the port.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

from support import REPO

RECIPE = re.compile(r"<!-- tested: (?P<name>[\w-]+) -->\n```\w*\n(?P<body>.*?)\n```", re.DOTALL)
EXAMPLE_FOLDER = "/srv/careers-onward/site"  # where HOSTING.md's recipes put the built site
SUB_PATH = "/careers/onward/"
NGINX = Path("/usr/sbin/nginx")
APACHE = Path("/usr/sbin/apache2")
APACHE_MODULES = Path("/usr/lib/apache2/modules")
_AS_ROOT = os.geteuid() == 0


def recipes(document: Path) -> dict[str, str]:
    """Every tested block of ``document`` by name."""
    return {m["name"]: m["body"] for m in RECIPE.finditer(document.read_text(encoding="utf-8"))}


def recipe(name: str, document: str = "HOSTING.md") -> str:
    found = recipes(REPO / document)
    assert name in found, f"{document} has no block marked <!-- tested: {name} -->"
    return found[name]


@contextlib.contextmanager
def readable_copy(site_dir: Path) -> Iterator[Path]:
    """The site hard-linked into a folder every user can read: servers started as root read as www-data."""
    parent = Path(tempfile.mkdtemp(prefix="onward-served-"))
    parent.chmod(0o755)
    copy = parent / "site"
    try:
        shutil.copytree(site_dir, copy, copy_function=os.link)
        yield copy
    finally:
        shutil.rmtree(parent, ignore_errors=True)


def wait_for_port(port: int, process: subprocess.Popen[bytes] | None = None, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server stopped at once (exit {process.returncode})")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def _placed(text: str, site: Path) -> str:
    assert EXAMPLE_FOLDER in text, "the recipe no longer uses the example folder"
    return text.replace(EXAMPLE_FOLDER, str(site))


@contextlib.contextmanager
def nginx(site: Path, port: int, work: Path) -> Iterator[str]:
    """nginx serving ``site`` at SUB_PATH with HOSTING.md's two blocks, on 127.0.0.1:port."""
    work.mkdir(parents=True, exist_ok=True)
    temp = {name: work / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    config = work / "nginx.conf"
    config.write_text(
        ("user www-data;\n" if _AS_ROOT else "")
        + f"worker_processes 1;\npid {work / 'nginx.pid'};\nerror_log {work / 'error.log'};\nevents {{}}\n"
        + "http {\n    access_log off;\n"
        + "".join(f"    {name}_temp_path {path};\n" for name, path in (("client_body", temp["body"]),
                  ("proxy", temp["proxy"]), ("fastcgi", temp["fastcgi"]), ("uwsgi", temp["uwsgi"]), ("scgi", temp["scgi"])))
        + recipe("nginx-http")
        + f"\n    server {{\n        listen 127.0.0.1:{port};\n        server_name localhost;\n"
        + _placed(recipe("nginx-server"), site)
        + "\n    }\n}\n",
        encoding="utf-8",
    )
    flags = ["-c", str(config), "-p", str(work), "-e", str(work / "error.log")]
    started = subprocess.run([str(NGINX), *flags], capture_output=True, text=True, check=False)
    assert started.returncode == 0, started.stderr + _log(work / "error.log")
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        subprocess.run([str(NGINX), *flags, "-s", "stop"], capture_output=True, check=False)


APACHE_MODULE_NAMES = ("mpm_event", "authz_core", "alias", "dir", "mime", "headers", "filter", "deflate")


@contextlib.contextmanager
def apache(site: Path, port: int, work: Path) -> Iterator[str]:
    """Apache serving ``site`` at SUB_PATH with HOSTING.md's block, on 127.0.0.1:port."""
    work.mkdir(parents=True, exist_ok=True)
    config = work / "httpd.conf"
    (work / "mime.types").write_text("", encoding="utf-8")  # no server-wide types: the recipe must give them all
    modules = "".join(f"LoadModule {name}_module {APACHE_MODULES / f'mod_{name}.so'}\n" for name in APACHE_MODULE_NAMES)
    config.write_text(
        f"ServerRoot {work}\nServerName localhost\nListen 127.0.0.1:{port}\nPidFile {work / 'httpd.pid'}\n"
        f"DefaultRuntimeDir {work}\nErrorLog {work / 'error.log'}\nLogLevel warn\n{modules}"
        + f"TypesConfig {work / 'mime.types'}\n"
        + ("User www-data\nGroup www-data\n" if _AS_ROOT else "")
        + "<Directory />\n    Require all denied\n    AllowOverride None\n</Directory>\n"
        + _placed(recipe("apache"), site)
        + "\n",
        encoding="utf-8",
    )
    process = subprocess.Popen([str(APACHE), "-f", str(config), "-DFOREGROUND"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        try:
            wait_for_port(port, process)
        except RuntimeError as exc:
            raise AssertionError(f"{exc}: {process.stderr.read().decode() if process.stderr else ''}{_log(work / 'error.log')}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


SERVERS = {"nginx": nginx, "apache": apache}


def _log(file: Path) -> str:
    return file.read_text(encoding="utf-8", errors="replace") if file.is_file() else ""
