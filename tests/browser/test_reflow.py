"""Reflow and text spacing on every built page: at 320 px wide, and at 400% zoom of a 1280 px
screen (320 by 256 CSS px), with WCAG 1.4.12's spacing applied, every worksheet unfolded and,
on a worksheet page, its insight shown, nothing scrolls sideways and no text is cut off
(WCAG 1.4.10, 1.4.12).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from a11y_exceptions import Finding, unexplained
from worksheet_driver import WORKSHEETS, fill, sample_answers

CHECK = (Path(__file__).with_name("reflow_check.js")).read_text(encoding="utf-8")
VIEWPORTS = {"320 px": {"width": 320, "height": 568}, "400% of 1280 px": {"width": 320, "height": 256}}
# WCAG 1.4.12: line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
INSIGHT_WORKSHEET = "rejection-log"  # its insight draws a chart and a table
PYTHON_START_MS = 180_000


def unfold(page) -> None:
    """Open every <details> (worksheets inside guide sections, a chart's numbers) and apply the spacing."""
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    page.add_style_tag(content=TEXT_SPACING)


def findings_on(page, label: str) -> list[Finding]:
    return [Finding("reflow", f["rule"], label, f["text"]) for f in page.evaluate(CHECK)]


def insight_findings(page, site_url: str) -> list[Finding]:
    """A worksheet answered (long text included), its insight and chart shown, then checked."""
    page.goto(f"{site_url}/worksheets/{INSIGHT_WORKSHEET}/")
    page.wait_for_selector("[data-onward-worksheet][data-onward-bound]", state="attached")
    worksheet = WORKSHEETS[INSIGHT_WORKSHEET]
    fill(page, worksheet, sample_answers(worksheet, entries=2))
    page.locator("[data-onward-insights-run]").click()
    page.locator(".onward-insights__chart svg").wait_for(timeout=PYTHON_START_MS)
    unfold(page)
    findings = []
    for name, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        findings += findings_on(page, f"/worksheets/{INSIGHT_WORKSHEET}/ with its insight at {name}")
    return findings


def test_no_page_scrolls_sideways_or_cuts_off_text(browser, built_site, site_url):
    context = browser.new_context(viewport=VIEWPORTS["320 px"])
    page = context.new_page()
    findings = []
    try:
        for path in [*built_site.page_paths(), "/404.html"]:
            page.goto(site_url + path)
            unfold(page)
            for name, viewport in VIEWPORTS.items():
                page.set_viewport_size(viewport)
                findings += findings_on(page, f"{path} at {name}")
            page.set_viewport_size(VIEWPORTS["320 px"])
        findings += insight_findings(page, site_url)
    finally:
        context.close()
    left, stale = unexplained(findings, ("reflow",))
    assert not left + stale, "\n".join(left + stale)
