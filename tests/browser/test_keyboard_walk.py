"""Every built page by keyboard alone, at phone, tablet and laptop widths, light and dark.

Each Tab stop, forwards and then back with Shift+Tab, must be inside the viewport, show a
focus outline, be a target of 24 by 24 px or a link in running text, and be covered by
nothing (WCAG 2.4.3, 2.4.7, 2.4.11, 2.5.8); going back must retrace going forward. Pages come from the built site, so a page added later is walked too.

Cost, measured on the shared 2-core machine: one width and scheme over every page takes
30-60 s (about 1100 Tab stops at phone widths, 1900 at 1280 px, where the navigation is a
sidebar), and over a minute and a half at 1280 px on a busy machine. So here one page of each
kind is walked (the home page, the guide pages with the most components and with worksheets in
them, the worksheets' list, a worksheet with entries and one with insights, Your answers and
"not found") at each layout's width in light: the narrowest phone (320 px), the tablet (768
px) and the laptop (1280 px); and in dark, which changes colours but no layout, on a phone
(390 px) and the laptop. `make bench` walks every page at each layout's width
(keyboard-walk-findings-every-page). 390 px falls under the same media queries as 320 px
(Material's narrowest breakpoint is 30em, 480 px, and Onward's stylesheets have none), so in
light it differs only in where lines wrap; walking it too cost about 25 s more of each run.
"""

from __future__ import annotations

import pytest

from a11y_exceptions import unexplained
from browser_support import SCHEMES
from keyboard_walk import BENCH_WIDTHS, STOPS_BEFORE_FIRST_FIELD, VIEWPORTS, prepare, walk

WALKS = [(width, "light") for width in BENCH_WIDTHS] + [(390, "dark"), (1280, "dark")]
ONE_OF_EACH_KIND = [
    "/",
    "/coping/",
    "/interview-practice/",
    "/worksheets/",
    "/worksheets/rejection-log/",
    "/worksheets/interview-examples/",
    "/my-answers/",
    "/404.html",
]


def site_pages(built_site) -> list[str]:
    """Every page a reader can reach, the "not found" page included."""
    return [*built_site.page_paths(), "/404.html"]


def walked_pages(built_site) -> list[str]:
    """One page of each kind (each one the site has). Every page at every layout's width is
    walked by `make bench` (keyboard_walk.BENCH_WIDTHS): four minutes more in `make test`."""
    every = site_pages(built_site)
    assert set(ONE_OF_EACH_KIND) <= set(every), set(ONE_OF_EACH_KIND) - set(every)
    return ONE_OF_EACH_KIND


@pytest.mark.parametrize(("width", "scheme"), WALKS, ids=[f"{w}px-{s}" for w, s in WALKS])
def test_every_tab_stop_is_in_view_outlined_and_uncovered(browser, built_site, site_url, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": VIEWPORTS[width]}, color_scheme=scheme)
    prepare(context)
    page = context.new_page()
    findings, counts = [], {}
    try:
        for path in walked_pages(built_site):
            result = walk(page, site_url + path)
            assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme], path
            findings += result.findings(path)
            if path.startswith("/worksheets/") and path != "/worksheets/":
                counts[path.split("/")[2]] = result.stops_before_first_field()
    finally:
        context.close()
    STOPS_BEFORE_FIRST_FIELD[f"{width}x{VIEWPORTS[width]} {scheme}"] = counts
    left, _ = unexplained(findings, ("walk",))  # an entry may explain one width or scheme only
    assert not left, "\n".join(left)
    assert None not in counts.values(), f"a worksheet's questions were never reached: {counts}"
