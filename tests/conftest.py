"""Shared fixtures: the reference site and the example centre, each built once per run."""

from __future__ import annotations

from pathlib import Path

import pytest

from fresh_install import FreshCentre, make_fresh_centre
from support import EXAMPLE, EXAMPLE_PATH, REPO, BuiltSite, build_site, free_port, serve_directory, site_config_in, with_options


def build_once(factory: pytest.TempPathFactory, config: Path, url_path: str) -> BuiltSite:
    """Build ``config`` in strict mode for http://127.0.0.1:PORT + url_path, on a port of its own."""
    port = free_port()
    site_dir = factory.mktemp(config.parent.name)
    result = build_site(config, site_dir, f"http://127.0.0.1:{port}{url_path}")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(site_dir, port, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The reference site, built in strict mode into a temporary folder."""
    return build_once(tmp_path_factory, REPO / "mkdocs.yml", "/")


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite):
    """The built reference site served over HTTP on its own port."""
    with serve_directory(built_site.directory, built_site.port) as url:
        yield url


@pytest.fixture(scope="session")
def french_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The reference site with ``theme.language: fr``, built once per run."""
    return build_once(tmp_path_factory, site_config_in(tmp_path_factory.mktemp("french"), "fr"), "/")


@pytest.fixture(scope="session")
def french_site_url(french_site: BuiltSite):
    """The French site served over HTTP on its own port."""
    with serve_directory(french_site.directory, french_site.port) as url:
        yield url


@pytest.fixture(scope="session")
def english_guide_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The reference site with a French interface that keeps the guide in English (``content_language: en``)."""
    config = with_options(site_config_in(tmp_path_factory.mktemp("english-guide"), "fr"), content_language="en")
    return build_once(tmp_path_factory, config, "/")


@pytest.fixture(scope="session")
def english_guide_site_url(english_guide_site: BuiltSite):
    with serve_directory(english_guide_site.directory, english_guide_site.port) as url:
        yield url


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The example career centre, built to be served under EXAMPLE_PATH of its own port."""
    return build_once(tmp_path_factory, EXAMPLE / "mkdocs.yml", EXAMPLE_PATH)


@pytest.fixture(scope="session")
def fresh_centre(tmp_path_factory: pytest.TempPathFactory) -> FreshCentre:
    """A centre's copy made by following the README in a folder outside the repository: a fresh
    virtual environment, Onward from the wheel `make dist` builds, `npm ci`, the centre's build."""
    root = tmp_path_factory.mktemp("fresh-centre")
    assert REPO not in root.parents
    return make_fresh_centre(root)
