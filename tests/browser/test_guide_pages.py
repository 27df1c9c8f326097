"""Every guide page in real Chromium: no errors, no foreign requests, no serious axe findings."""

from __future__ import annotations

import pytest

from browser_support import DESKTOP, PHONE, SCHEMES, axe_violations, first_search_result
from onward.paths import bundled

GUIDE = sorted("/" if f.stem == "index" else f"/{f.stem}/" for f in bundled("content").glob("*.yml"))
WORKSHEETS = sorted(f"/worksheets/{f.stem}/" for f in bundled("worksheets").glob("*.yml"))
PAGES = [*GUIDE, "/worksheets/", *WORKSHEETS, "/my-answers/", "/404.html"]


def test_the_page_list_covers_the_built_site(built_site):
    assert sorted(built_site.page_paths()) == sorted(p for p in PAGES if p != "/404.html")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly_and_has_no_serious_accessibility_findings(site_url, open_page, path, viewport):
    """One load per page and width, then axe in light and again once the system turns dark, as
    Material follows it live (a load per scheme, and one more for the clean-load checks, cost about three minutes more of each run)."""
    watched = open_page(site_url + path, viewport=viewport, scheme="light")
    page = watched.page
    page.wait_for_load_state("networkidle")
    assert watched.console_errors == [] or path == "/404.html" and all(
        "404" in e for e in watched.console_errors)
    assert watched.foreign_requests() == []
    assert page.locator('[data-onward="help"]').count() == 1
    found = {}
    for scheme, material_scheme in SCHEMES.items():
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function(f"document.body.dataset.mdColorScheme === '{material_scheme}'")
        found[scheme] = axe_violations(page)
    assert found == {"light": [], "dark": []}


def test_search_finds_salary(site_url, open_page):
    page = open_page(site_url + "/").page
    assert "salary" in first_search_result(page, "salary").lower()


def test_theme_toggle_switches_schemes(site_url, open_page):
    page = open_page(site_url + "/reasons/", scheme="light").page
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    # The toggle cycles: follow the system -> light -> dark.
    for _ in range(3):
        page.locator("form[data-md-component='palette'] label:visible").first.click()
        if page.evaluate("document.body.dataset.mdColorScheme") == "slate":
            break
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    page.reload()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate", "the choice is remembered"


def test_home_cards_are_one_click_from_help(site_url, open_page):
    page = open_page(site_url + "/", viewport=PHONE).page
    page.get_by_role("link", name="I just got the email").click()
    # Instant navigation swaps the page without a load event, so wait on the address itself.
    page.wait_for_function("location.pathname.endsWith('/coping/') && location.hash === '#first-hours'")
    assert page.locator("#first-hours").is_visible()
