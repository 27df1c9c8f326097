"""The fresh centre's site served by nginx with HOSTING.md's recipe, in real Chromium: under the
server's own Content Security Policy, a worksheet loads Pyodide from the sub-path and shows insights."""

from __future__ import annotations

from typing import Iterator

import pytest

from browser_support import DESKTOP
from fresh_install import FreshCentre
from hosting_support import SUB_PATH, nginx, readable_copy
from onward.hosting import CSP
from worksheet_driver import WORKSHEETS, fill, sample_answers

PYTHON_START_MS = 120_000  # a cold Pyodide start on a busy 2-core machine


@pytest.fixture(scope="module")
def hosted(fresh_centre: FreshCentre, tmp_path_factory) -> Iterator[str]:
    """nginx on the port the site was built for, so its site_url is the address the browser visits."""
    with readable_copy(fresh_centre.site.directory) as site:
        with nginx(site, fresh_centre.site.port, tmp_path_factory.mktemp("nginx-browser")) as origin:
            yield origin


def test_a_worksheet_runs_its_insights_through_the_nginx_recipe(hosted, browser):
    context = browser.new_context(viewport=DESKTOP)
    failures: list[str] = []
    errors: list[str] = []
    responses: dict[str, tuple[int, str, str | None]] = {}
    try:
        page = context.new_page()

        def record(response) -> None:
            headers = response.headers
            responses[response.url] = (response.status, headers.get("content-type", ""), headers.get("content-security-policy"))
            if response.status >= 400:
                failures.append(f"{response.status} {response.url}")

        context.on("response", record)
        page.on("requestfailed", lambda r: failures.append(f"failed {r.url} {r.failure}"))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{hosted}{SUB_PATH.rstrip('/')}")  # the address as people type it, without the last slash
        assert page.url == f"{hosted}{SUB_PATH}"
        page.wait_for_load_state("networkidle")  # leaving sooner would cancel the search worker's download
        page.goto(f"{hosted}{SUB_PATH}worksheets/strengths/")
        page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")
        worksheet = WORKSHEETS["strengths"]
        fill(page, worksheet, sample_answers(worksheet))
        page.locator("[data-onward-insights-run]").click()
        page.locator(".onward-insights__summary").wait_for(timeout=PYTHON_START_MS)
    finally:
        context.close()
    assert failures == [] and errors == []
    assert responses[f"{hosted}{SUB_PATH}worksheets/strengths/"][2] == CSP, "the server's own policy was in force"
    wasm = [value for url, value in responses.items() if url.startswith(f"{hosted}{SUB_PATH}assets/pyodide/pyodide.asm.wasm")]
    assert wasm and wasm[0][:2] == (200, "application/wasm")
    assert [url for url in responses if not url.startswith(hosted)] == []
