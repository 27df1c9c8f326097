"""The guide as built: every way a no arrives has its page, reachable from home and the navigation;
the help sets reach every page; the wording readers tripped on is gone."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from onward.help_sets import load_help_sets
from support import REPO, BuiltSite, build_site, parse_html

# Each new topic: the page and section it lives on, and words a reader would find there.
NEW_TOPICS = {
    "rejected before any interview": ("before-interview", "what-an-early-no-means", ["paper", "hundreds"]),
    "tailoring a CV and cover letter to an advert": ("before-interview", "tailoring", ["advert", "cover letter"]),
    "applicant tracking systems": ("before-interview", "applicant-tracking-systems", ["ats", "software"]),
    "online tests": ("before-interview", "online-tests", ["tests", "extra time"]),
    "video interviews": ("before-interview", "video-interviews", ["camera", "record"]),
    "assessment centres": ("before-interview", "assessment-centres", ["group", "presentation"]),
    "graduate schemes and smaller employers": ("before-interview", "graduate-schemes", ["graduate scheme", "smaller employers"]),
    "what a careers service can do for graduates": ("before-interview", "careers-service", ["careers service", "graduates"]),
    "what decides final rounds": ("after-final-round", "what-decides-final-rounds", ["final round", "experience"]),
    "being a close second": ("after-final-round", "close-second", ["close second"]),
    "asking to be kept in mind": ("after-final-round", "keep-me-in-mind", ["keep you in mind"]),
    "staying in touch": ("after-final-round", "staying-in-touch", ["in touch"]),
    "no answer: when to follow up": ("no-reply", "when-to-follow-up", ["follow up", "two weeks"]),
    "no answer: how to follow up": ("no-reply", "how-to-follow-up", ["still very interested"]),
    "no answer: when to let it go": ("no-reply", "when-to-let-go", ["let it go"]),
    "money and benefits while searching": ("practical-worries", "money-while-searching", ["benefits", "debt"]),
    "a rejection that may have been unfair": ("practical-worries", "unfair-rejection", ["discrimination", "note down"]),
    "seeing what an employer holds": ("practical-worries", "see-what-they-hold", ["subject access request"]),
    "a bank of common questions": ("interview-practice", "question-bank", ["tell me about yourself"]),
    "a worked structured answer": ("interview-practice", "star-method", ["situation", "task", "action", "result"]),
    "preparing your own examples": ("interview-practice", "prepare-your-examples", ["your interview examples"]),
    "tonight: set the worry aside": ("tonight", "five-minutes-now", ["worry time", "tomorrow"]),
    "tonight: what to do instead": ("tonight", "instead-now", ["breathe"]),
}
NEW_PAGES = sorted({page for page, _, _ in NEW_TOPICS.values()})

# Lines readers tripped on, which must not come back.
RETIRED_WORDING = [
    "I got to the interview, so something in my application worked",
    "reaching the interview stage means your application stood out",
    "Kind questions to look back on the interview",
    "so wrong they could not say",
    "usually the hurt talking",
    "replaying the interview on a loop",
    "is already a kind thing to do for yourself",
]


def read(site: BuiltSite, page: str) -> str:
    path = site.directory / ("index.html" if page == "index" else f"{page}/index.html")
    return path.read_text(encoding="utf-8")


def article(page_html: str) -> str:
    return page_html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]


def primary_nav(page_html: str) -> str:
    start = page_html.index('md-nav md-nav--primary')
    return page_html[start:page_html.index('<div class="md-sidebar md-sidebar--secondary"', start)]


@pytest.mark.parametrize("topic", sorted(NEW_TOPICS))
def test_every_new_topic_has_its_section(built_site, topic):
    page, section, words = NEW_TOPICS[topic]
    parsed = parse_html(read(built_site, page))
    assert section in parsed.ids, f"{page} has no #{section}"
    text = parsed.text.lower()
    for word in words:
        assert word in text, f"'{word}' not found on {page}"


@pytest.mark.parametrize("page", NEW_PAGES)
def test_every_new_page_is_linked_from_the_home_page_cards_and_list(built_site, page):
    home = article(read(built_site, "index"))
    cards = home.split('class="grid cards onward-cards"', 1)[1].split("</div>", 1)[0]
    assert f'href="{page}/"' in cards
    assert home.count(f'href="{page}/"') >= 2, "also in 'What this guide covers'"


@pytest.mark.parametrize("page", NEW_PAGES)
def test_every_new_page_is_in_the_navigation_of_every_page(built_site, page):
    for other in ("index", "coping", "worksheets/interview-examples"):
        links = parse_html(primary_nav(read(built_site, other))).links
        assert any(link.rstrip("/").endswith(page) for link in links), (other, page)


def test_worksheets_appears_once_in_the_navigation(built_site):
    nav = primary_nav(read(built_site, "reasons"))
    links = re.findall(r'<a href="[^"]*" class="md-nav__link[^"]*">\s*(?:<[^>]+>\s*)*Worksheets\s', nav)
    assert len(links) == 1, "the section's own page is its title, not a second item inside it"


def test_the_new_worksheet_has_its_page_and_sits_in_the_guide(built_site):
    page = read(built_site, "interview-practice")
    assert 'data-onward-worksheet="interview-examples"' in page
    assert (built_site.directory / "worksheets" / "interview-examples" / "index.html").exists()


@pytest.mark.parametrize("wording", RETIRED_WORDING)
def test_wording_readers_tripped_on_is_gone(built_site, wording):
    for file in built_site.pages():
        assert wording.lower() not in html.unescape(file.read_text(encoding="utf-8")).lower(), file


def test_every_sample_message_has_a_copy_button_holding_the_whole_message(built_site):
    found = 0
    for file in built_site.pages():
        page = file.read_text(encoding="utf-8")
        for box in re.findall(r'<div class="admonition example onward-sample".*?</div>\s*</div>', page, re.S):
            found += 1
            payload = html.unescape(re.search(r'data-onward-copy="([^"]*)"', box)[1])
            visible = parse_html(box.split('<div class="onward-copy"')[0]).text
            title = parse_html(box.split("</p>", 1)[0]).text
            assert " ".join(payload.split()) == visible.removeprefix(title).strip(), file
    assert found >= 8


def test_no_worksheet_hides_only_behind_a_bare_bar(built_site):
    page = read(built_site, "coping")
    for embed in re.findall(r"<details class=\"onward-embed\">.*?</summary>", page, re.S):
        assert "Open it to fill it in here" in embed
    assert page.count('<p class="onward-embed__why">') == page.count('<details class="onward-embed">') >= 3


SETS = load_help_sets()


def test_every_help_set_is_in_the_help_box_of_every_page(built_site):
    for file in built_site.pages():
        box = file.read_text(encoding="utf-8").split('data-onward="help"', 1)[1].split("</aside>", 1)[0]
        shown = re.findall(r'data-onward-help-set="(\w+)"', box)
        assert shown == ["uk", "ie", "us", "ca", "au", "nz", "fr"], file
        for ident, one in SETS.items():
            for contact in one.contacts:
                assert html.escape(contact["name"], quote=False) in box, (file, ident, contact["name"])
                if "phone" in contact:
                    assert f'href="tel:{contact["phone"].replace(" ", "")}"' in box


def test_the_crisis_line_is_full_size_text_not_a_small_callout(built_site):
    box = read(built_site, "tonight").split('data-onward="help"', 1)[1].split("</aside>", 1)[0]
    assert box.count("data-onward-help-crisis") == sum(1 for one in SETS.values() if one.emergency)
    assert "admonition" not in box
    css = (built_site.directory / "assets" / "onward" / "onward.css").read_text(encoding="utf-8")
    # The built stylesheet is minified: spaces and a leading zero may be gone.
    assert re.search(r"\.onward-help__crisis\s*\{[^}]*font-size:\s*0?\.8rem", css)
    assert re.search(r"\.md-typeset \.admonition,\s*\.md-typeset details\s*\{\s*font-size:\s*0?\.8rem", css)


@pytest.fixture(scope="module")
def uk_centre(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The reference site as a UK centre would set it: one setting picks the UK's help lines."""
    folder = tmp_path_factory.mktemp("uk-centre")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("\n  - onward\n", "\n  - onward:\n      help_set: uk\n", 1)
    text = text.replace("\ndocs_dir: docs\n", f"\ndocs_dir: {REPO / 'docs'}\n", 1)
    assert "help_set: uk" in text
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    result = build_site(config, folder / "site", "http://127.0.0.1:1/")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(folder / "site", 1, result.stdout + result.stderr)


def test_a_centre_that_picks_a_set_shows_it_on_every_page_without_a_menu(uk_centre):
    for file in uk_centre.pages():
        box = file.read_text(encoding="utf-8").split('data-onward="help"', 1)[1].split("</aside>", 1)[0]
        assert re.findall(r'data-onward-help-set="(\w+)"', box) == ["uk"], file
        assert "<select" not in box and 'href="tel:116123"' in box and 'href="tel:999"' in box


def test_examples_and_sample_messages_have_icons_of_their_own(built_site):
    assets = built_site.directory / "assets" / "onward"
    css = (assets / "onward.css").read_text(encoding="utf-8")
    for icon in ("message.svg", "example.svg"):
        assert (assets / icon).read_text(encoding="utf-8").startswith("<svg"), icon
        assert re.search(rf"url\(\"?{re.escape(icon)}\"?\)", css), icon  # minified: quotes may go
