"""Real Chromium (Debian's) driven by Playwright, with console and network recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright

from support import REPO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SCHEMES = {"light": "default", "dark": "slate"}  # the system's choice: Material's scheme for it
SAVE_DATA = "Object.defineProperty(navigator, 'connection', { value: { saveData: true } })"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent.name == "browser":
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watched:
    """A page plus everything it logged and requested."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if urlparse(url).hostname not in ("127.0.0.1", None)
                and not url.startswith(("data:", "blob:"))]


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[..., Watched]]:
    """Open pages in fresh contexts (own storage), watching console and network.

    Their pages keep no copy of the site: each would download every file of it (16 MB) into its
    cache after loading, for a page that is looked at once. The site kept on the device has its
    own tests (test_offline.py), every page and its console included.

    They also ask to save data, as some readers' phones do, so Python starts only when a test
    presses for insights: otherwise a worksheet's first keystroke starts it, and a test of the
    form shares the machine's two cores with a start it never uses (about 3 s of each worksheet
    test). Python starting by itself has its own tests (test_offline.py); ``save_data=False``
    opens a page as a reader who does not save data.
    """
    contexts = []

    def opener(url: str, *, viewport: dict[str, int] = DESKTOP, scheme: str = "light", save_data: bool = True) -> Watched:
        context = browser.new_context(viewport=viewport, color_scheme=scheme, service_workers="block")
        contexts.append(context)
        if save_data:
            context.add_init_script(SAVE_DATA)
        page = context.new_page()
        watched = Watched(page)

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                watched.console_errors.append(message.text)

        def on_request(request: Request) -> None:
            watched.requests.append(request.url)

        page.on("console", on_console)
        page.on("pageerror", lambda error: watched.console_errors.append(str(error)))
        page.on("request", on_request)
        page.goto(url, wait_until="load")
        return watched

    yield opener
    for context in contexts:
        context.close()


def axe_violations(page: Page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict[str, Any]]:
    """Run axe-core (from node_modules) on the page; return the violations at these impacts.

    axe is added once per document: adding it again costs more than a run."""
    if page.evaluate("typeof axe === 'undefined'"):
        page.add_script_tag(path=str(AXE))
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
        if v["impact"] in impacts
    ]


def first_search_result(page: Page, query: str) -> str:
    """Type ``query`` into Material's search and return the first result's text."""
    search = page.locator("input.md-search__input")
    search.click()
    # Material answers keystrokes once its index is loaded; type like a person, after that.
    page.wait_for_function("!document.querySelector('.md-search-result__meta').textContent.includes('Initializing')")
    search.press_sequentially(query, delay=50)
    result = page.locator(".md-search-result__item").first
    result.wait_for(timeout=10_000)
    return result.inner_text()
