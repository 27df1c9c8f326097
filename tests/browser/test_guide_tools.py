"""The guide's tools in real Chromium: the help box's country choice, the copy buttons, and the
worksheet fixes readers asked for (one-row scales on a phone, nothing to move in a single entry)."""

from __future__ import annotations

import html
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page

from browser_support import DESKTOP, PHONE, axe_violations

SAMPLE_PAGES = ["/why-it-matters/", "/feedback/", "/moving-forward/", "/after-final-round/", "/no-reply/",
                "/practical-worries/"]


@pytest.fixture
def context(browser: Browser, site_url: str):
    """A fresh context that may write to and read from the clipboard, on the site's origin only."""
    made = browser.new_context(viewport=PHONE)
    made.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    yield made
    made.close()


def ready(page: Page) -> None:
    """Wait until guide.js has bound the page (the country menu is shown by it)."""
    page.locator("[data-onward-help-choose]").wait_for(state="visible")


def visible_sets(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-onward-help-set]", "sets => sets.filter(s => s.checkVisibility()).map(s => s.dataset.onwardHelpSet)")


def test_the_country_choice_is_kept_after_a_reload_and_on_other_pages(context, site_url):
    page = context.new_page()
    page.goto(f"{site_url}/tonight/")
    ready(page)
    assert visible_sets(page) == [], "nothing is chosen until the reader chooses"
    page.select_option("#onward-help-country", "nz")
    assert visible_sets(page) == ["nz"]
    assert page.locator('[data-onward-help-set="nz"]').evaluate("d => d.open")
    namespace = page.get_attribute('meta[name="onward-storage"]', "content")
    assert page.evaluate(f"localStorage.getItem('onward:{namespace}:help-country')") == "nz"
    page.reload()
    ready(page)
    assert page.input_value("#onward-help-country") == "nz" and visible_sets(page) == ["nz"]
    # Instant navigation swaps the page in place: mark this page's help box, so the wait is
    # for the next page's own box, bound, and not for this one before it is replaced.
    page.evaluate("document.querySelector('[data-onward-help-countries]').dataset.before = ''")
    page.locator("article a[href*='coping/']").first.click()
    page.wait_for_function("location.pathname.endsWith('/coping/')")
    page.wait_for_function(
        "document.querySelector('[data-onward-help-countries][data-onward-bound]:not([data-before]) "
        "[data-onward-help-set=\"nz\"]')?.open === true")
    assert visible_sets(page) == ["nz"]
    page.select_option("#onward-help-country", "")
    assert visible_sets(page) == []
    assert page.evaluate(f"localStorage.getItem('onward:{namespace}:help-country')") is None


def test_choosing_a_country_sends_nothing(context, site_url):
    page = context.new_page()
    page.goto(f"{site_url}/")
    ready(page)
    page.wait_for_load_state("networkidle")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(f"{request.method} {request.url}"))
    for country in ("uk", "fr", "au"):
        page.select_option("#onward-help-country", country)
    page.wait_for_timeout(300)  # any request the choice caused would have started by now
    assert sent == []


def test_a_country_kept_in_shared_computer_mode_goes_with_the_tab(context, site_url):
    page = context.new_page()
    page.goto(f"{site_url}/")
    ready(page)
    namespace = page.get_attribute('meta[name="onward-storage"]', "content")
    page.evaluate(f"sessionStorage.setItem('onward:{namespace}:shared-computer', 'on')")
    page.select_option("#onward-help-country", "ie")
    assert page.evaluate(f"sessionStorage.getItem('onward:{namespace}:help-country')") == "ie"
    assert page.evaluate(f"localStorage.getItem('onward:{namespace}:help-country')") is None


def test_an_unknown_stored_country_shows_nothing_rather_than_breaking(context, site_url):
    page = context.new_page()
    page.goto(f"{site_url}/")
    namespace = page.get_attribute('meta[name="onward-storage"]', "content")
    page.evaluate(f"localStorage.setItem('onward:{namespace}:help-country', '<img src=x>')")
    page.reload()
    ready(page)
    assert page.input_value("#onward-help-country") == "" and visible_sets(page) == []


@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_every_copy_button_puts_its_whole_message_on_the_clipboard(context, site_url, path):
    page = context.new_page()
    page.goto(site_url + path)
    ready(page)
    boxes = page.locator("[data-onward-copy]")
    assert boxes.count() >= 1
    for index in range(boxes.count()):
        box = boxes.nth(index)
        expected = box.get_attribute("data-onward-copy")
        button = box.get_by_role("button")
        assert button.is_visible()
        button.click()
        status = box.locator("[role=status]")
        status.wait_for(state="visible")
        assert "Copied" in status.inner_text()
        assert page.evaluate("navigator.clipboard.readText()") == expected
        assert "[Your name]" in expected and "\n\n" in expected


def test_the_copy_button_works_from_the_keyboard_and_announces_it(context, site_url):
    page = context.new_page()
    page.goto(f"{site_url}/feedback/")
    ready(page)
    button = page.locator("[data-onward-copy] button").first
    box = button.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24, "a full-size target (WCAG 2.5.8)"
    assert button.evaluate("b => getComputedStyle(b).borderTopWidth") != "0px", "drawn as a button, worksheet CSS or not"
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator("[data-onward-copy] [role=status]").first
    status.wait_for(state="visible")
    assert page.evaluate("navigator.clipboard.readText()").startswith("Subject: Feedback on my interview")
    page.evaluate("navigator.clipboard.writeText('')")
    page.keyboard.press("Space")
    page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)")
    accessible = button.evaluate("b => b.textContent.replace(/\\s+/g, ' ').trim()")
    assert accessible == "Copy the message: Asking for feedback after an interview"


def test_a_refused_clipboard_says_so_in_words(browser: Browser, site_url):
    context = browser.new_context(viewport=DESKTOP)  # no clipboard permission: writing is refused
    try:
        page = context.new_page()
        page.goto(f"{site_url}/why-it-matters/")
        ready(page)
        page.evaluate("() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); }")
        box = page.locator("[data-onward-copy]").first
        box.get_by_role("button").click()
        box.locator("[role=status]").wait_for(state="visible")
        assert "select the message" in box.locator("[role=status]").inner_text()
    finally:
        context.close()


def test_scales_keep_one_row_on_a_phone(context, site_url):
    page = context.new_page()
    page.goto(f"{site_url}/worksheets/thought-record/")
    page.locator("[data-onward-bound]").first.wait_for(state="attached")
    for scale in page.locator(".onward-scale").all():
        tops = scale.locator(".onward-scale__point").evaluate_all("ps => ps.map(p => Math.round(p.getBoundingClientRect().top))")
        assert len(set(tops)) == 1, tops
        assert scale.evaluate("s => s.scrollWidth <= s.clientWidth + 1"), "no sideways scrolling"


def test_a_single_entry_has_nothing_to_move_or_remove(context, site_url):
    page = context.new_page()
    page.goto(f"{site_url}/worksheets/interview-examples/")
    page.locator("[data-onward-bound]").first.wait_for(state="attached")
    group = page.locator('[data-onward-type="group"]').first
    assert not group.locator("[data-onward-remove]").is_visible()
    assert not group.locator("[data-onward-move]").first.is_visible()
    group.locator("[data-onward-add]").click()
    assert group.locator("[data-onward-remove]").first.is_visible(), "two entries can be reordered and removed"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_help_box_with_a_country_chosen_has_no_serious_accessibility_findings(open_page, site_url, scheme):
    watched = open_page(f"{site_url}/before-interview/", viewport=PHONE, scheme=scheme)
    page = watched.page
    ready(page)
    page.select_option("#onward-help-country", "uk")
    assert axe_violations(page) == []
    assert all(urlparse(url).hostname == "127.0.0.1" for url in watched.requests)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_callouts_read_at_body_size_and_page_titles_are_not_faint(open_page, site_url, scheme):
    page = open_page(f"{site_url}/coping/", viewport=PHONE, scheme=scheme).page
    size = "el => getComputedStyle(el).fontSize"
    body = page.locator("article > p").first.evaluate(size)
    assert page.locator("article .admonition p").first.evaluate(size) == body
    assert page.locator("article .admonition-title").first.evaluate(size) == body
    colour = "el => getComputedStyle(el).color"
    assert page.locator("article h1").evaluate(colour) == page.locator("article > p").first.evaluate(colour)
