"""HOSTING.md's offline zip, built and opened exactly as it says, on a port that happened to be free."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
import zipfile

from fresh_install import FreshCentre
from hosting_support import recipe, wait_for_port
from support import free_port, parse_html

DOCUMENTED_PORT = "8000"


def test_the_offline_zip_works_on_any_free_port(fresh_centre: FreshCentre, tmp_path):
    port = str(free_port())
    build = recipe("offline-build")
    assert build.startswith(f"PORT={DOCUMENTED_PORT}\n") and "$PORT" in build
    made = fresh_centre.run("bash", "-euo", "pipefail", "-c", build.replace(f"PORT={DOCUMENTED_PORT}", f"PORT={port}", 1))
    assert made.returncode == 0, made.stdout + made.stderr
    unzipped = tmp_path / "unzipped"
    with zipfile.ZipFile(fresh_centre.folder / "onward-offline.zip") as archive:
        archive.extractall(unzipped)

    command = recipe("offline-open").split()
    assert command[:3] == ["python3", "-m", "http.server"] and DOCUMENTED_PORT in command
    command = [sys.executable if part == "python3" else port if part == DOCUMENTED_PORT else part for part in command]
    server = subprocess.Popen(command, cwd=unzipped, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(int(port), server)
        origin = f"http://127.0.0.1:{port}/"
        with urllib.request.urlopen(origin) as response:
            html = response.read().decode("utf-8")
        assert "Example University Careers Service" in parse_html(html).text
        assert f'<link rel="canonical" href="{origin}">' in html
        with urllib.request.urlopen(origin + "assets/pyodide/pyodide.asm.wasm") as response:
            assert response.headers["Content-Type"] == "application/wasm"
        with urllib.request.urlopen(origin + "sitemap.xml") as response:
            assert f"<loc>{origin}coping/</loc>" in response.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)
