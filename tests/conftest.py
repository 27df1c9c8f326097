"""Shared fixtures: the reference site built once per run, served on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from support import BuiltSite, serve_directory

REPO = Path(__file__).resolve().parent.parent


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The reference site, built in strict mode into a temporary folder."""
    port = free_port()
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(REPO / "mkdocs.yml", site_dir, f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(site_dir, port, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite):
    """The built reference site served over HTTP on its own port."""
    with serve_directory(built_site.directory, built_site.port) as url:
        yield url
