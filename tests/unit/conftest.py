"""Fixtures the insight tests share: every fixture's output from the real Pyodide, run once."""

from __future__ import annotations

import pytest

from insights_package import NODE, fixture_requests, run_in_pyodide


@pytest.fixture(scope="session")
def pyodide_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """(fixture name, language) -> run_json's output in Pyodide (Python 3.14), for every fixture."""
    if NODE is None:
        pytest.skip("Node.js is needed to run Pyodide")
    cases = fixture_requests()
    result = run_in_pyodide(tmp_path_factory.mktemp("pyodide"), [request for _name, request in cases])
    assert result["python"].startswith("3.14"), result["python"]
    return {(name, request["language"]): output for (name, request), output in zip(cases, result["outputs"], strict=True)}
