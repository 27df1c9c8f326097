"""CPython and Pyodide agree: every fixture gives byte-identical results in both, in English and in French.

The wheel the site serves is run in the real Pyodide runtime (Python 3.14) by Node,
straight from node_modules, and compared with CPython running the same wheel.
"""

from __future__ import annotations

import json

from insights_package import fixture_requests, onward_insights


def test_there_are_fixtures_for_every_worksheet():
    assert {request["worksheet"] for _name, request in fixture_requests()} == set(onward_insights.WORKSHEETS)


def test_pyodide_and_cpython_give_identical_results(pyodide_outputs):
    for name, request in fixture_requests():
        ours = onward_insights.run_json(json.dumps(request))
        assert pyodide_outputs[name, request["language"]] == ours, (name, request["language"])
        assert "error" not in json.loads(ours), (name, request["language"])
