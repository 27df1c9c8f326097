"""Shared fixtures: the reference site built once per run, served on 127.0.0.1."""

from __future__ import annotations

import pytest

from support import REPO, BuiltSite, build_site, free_port, serve_directory, site_config_in


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


@pytest.fixture(scope="session")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The reference site with ``theme.language: fr``, built once per run."""
    port = free_port()
    folder = tmp_path_factory.mktemp("french")
    result = build_site(site_config_in(folder, "fr"), folder / "site", f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(folder / "site", port, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def french_site_url(french_site: BuiltSite):
    """The French site served over HTTP on its own port."""
    with serve_directory(french_site.directory, french_site.port) as url:
        yield url
