"""Checkers no one at Onward wrote, on every built page: HTML_CodeSniffer and axe through pa11y,
and the Nu HTML Checker, on the HTML as served and on the page as the browser ends up with it
(a worksheet with its insight shown included).

Anything they report fails the run unless tests/a11y-exceptions.yml explains it. A page made
with known errors proves each checker still reports what it should.
"""

from __future__ import annotations

import pytest

from a11y_exceptions import Finding, unexplained
from checkers import pa11y_findings, run_nu, run_pa11y, served_at
from support import REPO
from worksheet_driver import TEXT_TYPES, WORKSHEETS, field_id, sample_answers
from onward.worksheets import GROUP

KNOWN_ERRORS = REPO / "tests" / "fixtures" / "a11y" / "known-errors.html"
INSIGHT_WORKSHEET = "reasons-check"  # one filled form is enough for its insight to draw a chart
PYTHON_START_MS = 180_000  # a cold Pyodide start on a busy 2-core machine


def insight_actions(worksheet_id: str) -> list[str]:
    """pa11y actions that answer every question of one entry, then ask for the insight."""
    worksheet = WORKSHEETS[worksheet_id]
    actions = []
    for field in worksheet.fields:
        children = field.fields if field.type == GROUP else [field]
        values = sample_answers(worksheet, entries=1)
        for child in children:
            if child.type == "note":
                continue
            value = values[field.id][0][child.id] if field.type == GROUP else values[field.id]
            html_id = field_id(worksheet, child, 0, field) if field.type == GROUP else field_id(worksheet, child)
            if child.type in TEXT_TYPES:
                actions.append(f"set field #{html_id} to {' '.join(str(value).split())[:80]}")
            else:
                for chosen in value if isinstance(value, list) else [value]:
                    actions.append(f"check field #{html_id}-{chosen}")
    return [*actions, "click element [data-onward-insights-run]",
            "wait for element .onward-insights__summary to be added"]


@pytest.fixture(scope="module")
def pa11y_run(built_site, site_url, tmp_path_factory):
    """pa11y over every page, and over a worksheet with its insight shown; the DOM of each kept."""
    pages = [{"url": site_url + path, "name": f"page-{index}"} for index, path in enumerate(built_site.page_paths())]
    pages.append({"url": f"{site_url}/404.html", "name": "not-found"})
    pages.append({"url": f"{site_url}/worksheets/{INSIGHT_WORKSHEET}/", "name": "insight",
                  "actions": insight_actions(INSIGHT_WORKSHEET), "timeout_ms": PYTHON_START_MS})
    page_of = {p["name"]: p["url"].removeprefix(site_url) for p in pages}
    page_of["insight"] += " with its insight shown"
    snapshots = tmp_path_factory.mktemp("dom")
    return run_pa11y(pages, snapshots), page_of, snapshots


def failures(findings: list[Finding], checkers: tuple[str, ...]) -> list[str]:
    left, stale = unexplained(findings, checkers)
    return left + stale


def test_html_codesniffer_wcag2aa_reports_nothing_unexplained(pa11y_run):
    results, page_of, _ = pa11y_run
    findings = [f for f in pa11y_findings(results, page_of) if f.checker == "htmlcs"]
    assert failures(findings, ("htmlcs",)) == []


def test_axe_through_pa11y_reports_nothing_unexplained(pa11y_run):
    results, page_of, _ = pa11y_run
    findings = [f for f in pa11y_findings(results, page_of) if f.checker == "axe"]
    assert failures(findings, ("axe",)) == []


def test_the_insight_was_shown_for_the_checkers(pa11y_run):
    _, _, snapshots = pa11y_run
    assert "onward-insights__chart" in (snapshots / "insight.html").read_text(encoding="utf-8")


def test_nu_html_checker_reports_nothing_unexplained(built_site, pa11y_run):
    """The HTML as served, then every page as the browser ends up with it."""
    _, page_of, snapshots = pa11y_run
    served = run_nu([built_site.directory], served_at(built_site.directory))
    shown = run_nu([snapshots], lambda file: f"{page_of[file.stem]}, after its scripts ran")
    assert failures(served + shown, ("nu",)) == []


def test_the_checkers_report_a_page_with_known_errors(tmp_path):
    """The runner can fail: a page with an unnamed image, field and link, a skipped heading
    level, a repeated id and a block inside a phrase."""
    results = run_pa11y([{"url": KNOWN_ERRORS.as_uri(), "name": "known"}], tmp_path)
    findings = pa11y_findings(results, {"known": "/known-errors.html"}) + run_nu([KNOWN_ERRORS], served_at(KNOWN_ERRORS.parent))
    rules = {(f.checker, f.rule) for f in findings}
    expected = {
        ("htmlcs", "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"),
        ("htmlcs", "WCAG2AA.Principle1.Guideline1_3.1_3_1.F68"),
        ("axe", "image-alt"),
        ("axe", "link-name"),
        ("axe", "label"),
        ("axe", "heading-order"),
        ("nu", "Duplicate ID “twice”."),
        ("nu", "Element “div” not allowed as child of element “span” in this context. (Suppressing further errors from this subtree.)"),
        ("nu", "An “img” element must have an “alt” attribute, except under certain conditions. For details, consult guidance on providing text alternatives for images."),
    }
    assert expected - rules == set()
    left, _ = unexplained(findings, ("htmlcs", "axe", "nu"))
    assert len(left) >= len(expected), "the exceptions must not explain a page's real errors away"
