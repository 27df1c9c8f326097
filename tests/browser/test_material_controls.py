"""Material's own controls, as Onward sets them up: reachable by keyboard, big enough to hit."""

from __future__ import annotations

import pytest

from browser_support import DESKTOP, PHONE


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_permalinks_are_24_px_targets(site_url, open_page, viewport):
    page = open_page(f"{site_url}/reasons/", viewport=viewport).page
    sizes = page.evaluate("[...document.querySelectorAll('.headerlink')].map((a) => "
                          "[a.getBoundingClientRect().width, a.getBoundingClientRect().height])")
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_clearing_a_search_is_a_24_px_target(site_url, open_page, viewport):
    """The icon stays 24 px; clicks a few pixels outside it clear the search too."""
    page = open_page(f"{site_url}/", viewport=viewport).page
    page.locator("input.md-search__input").focus()
    page.keyboard.type("salary")
    clear = page.locator(".md-search__options button[type=reset]")
    clear.wait_for(state="visible")
    # It grows in as the query is typed, and on a phone the search slides in over the page while
    # it does: wait until both have ended (the button's own end can come first on a busy machine).
    page.wait_for_function("document.getAnimations().length === 0")
    answered = page.evaluate("""() => {
        const button = document.querySelector('.md-search__options button[type=reset]');
        const box = button.getBoundingClientRect();
        const x = box.left + box.width / 2, y = box.top + box.height / 2;
        const half = Math.max(box.width, box.height) / 2 + 3;
        return [[x - half, y], [x + half, y], [x, y - half], [x, y + half]]
            .map(([px, py]) => button.contains(document.elementFromPoint(px, py)));
    }""")
    assert answered == [True] * 4


def test_the_menu_button_opens_the_navigation_by_keyboard(site_url, open_page):
    """On a phone the navigation is a drawer: closed, its links take no focus; Enter on the menu
    button opens it, and Tab then reaches its links, in view."""
    page = open_page(f"{site_url}/feedback/", viewport=PHONE).page
    page.keyboard.press("Tab")  # Skip to content
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('label[for=__drawer]')")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Navigation"
    page.keyboard.press("Enter")
    assert page.evaluate("document.getElementById('__drawer').checked")
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null")
    # The drawer slides in: wait for it to stop, in view.
    page.wait_for_function("(() => { const r = document.activeElement.getBoundingClientRect(); "
                           f"return r.left >= 0 && r.right <= {PHONE['width']}; }})()")
