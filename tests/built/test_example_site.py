"""The example career centre (examples/example-university) built as a centre would build it."""

from __future__ import annotations

import json
from html import unescape
from urllib.parse import urlsplit

import pytest
import yaml

from french_support import english_share
from onward.contrast import help_background
from support import EXAMPLE, EXAMPLE_PATH, BuiltSite, parse_html

CENTRE = yaml.safe_load((EXAMPLE / "centre.yml").read_text(encoding="utf-8"))


def html_of(site: BuiltSite, page: str) -> str:
    return (site.directory / page / "index.html").read_text(encoding="utf-8")


def test_name_contacts_and_help_lines_are_on_every_page(example_site):
    expected = [
        CENTRE["name"],
        CENTRE["contact"]["email"],
        CENTRE["contact"]["phone"],
        f'href="{CENTRE["booking"]["url"]}"',
        CENTRE["booking"]["label"],
        CENTRE["help"]["title"],
        *(contact["name"] for contact in CENTRE["help"]["contacts"]),
        *(contact["phone"] for contact in CENTRE["help"]["contacts"]),
    ]
    pages = example_site.pages()
    assert len(pages) > 20
    for page in pages:
        html = unescape(page.read_text(encoding="utf-8"))  # the French apostrophes are written &#39;
        text = parse_html(html).text
        for value in expected:
            assert value in html, (page, value)
        assert " ".join(CENTRE["footer"].split()) in text, page
        assert "Need to talk to someone?" not in text, page  # the centre's own title replaces Onward's


def test_colours_reach_every_page(example_site):
    css = (example_site.directory / "assets" / "onward" / "centre.css").read_text(encoding="utf-8")
    colours = CENTRE["colours"]
    for value in (*colours.values(), help_background(colours["primary"])):
        assert value in css
    for page in example_site.pages():
        resources = parse_html(page.read_text(encoding="utf-8")).resources
        sheets = [r for r in resources if r.endswith("assets/onward/centre.css")]
        assert len(sheets) == 1, page
        onward_css = next(i for i, r in enumerate(resources) if r.endswith("assets/onward/onward.css"))
        assert resources.index(sheets[0]) > onward_css, "the centre's colours must come after Onward's"


def test_logo_favicon_and_language(example_site):
    html = html_of(example_site, "coping")
    assert '<html lang="fr"' in html
    resources = parse_html(html).resources
    assert any(r.endswith("assets/favicon.svg") for r in resources)
    assert 'src="../assets/logo.svg"' in html
    assert (example_site.directory / "assets" / "logo.svg").is_file()


def test_the_replaced_section_shows_the_centres_text(example_site):
    text = parse_html(html_of(example_site, "coping")).text
    assert "personne à Example University n’attend de vous que vous portiez cela sans aide" in text
    assert "Most people find that the low feeling after a rejection eases" not in text
    assert "more-support" in parse_html(html_of(example_site, "coping")).ids  # same anchor, links still work


def test_the_added_section_sits_where_it_was_put(example_site):
    html = html_of(example_site, "learning")
    assert html.index('id="improving-interview-skills"') < html.index('id="workshops"')
    assert "S’entraîner avec le service d’orientation" in parse_html(html).text


def test_the_removed_section_is_gone_from_pages_nav_and_search(example_site):
    learning = parse_html(html_of(example_site, "learning"))
    assert "learning-resources" not in learning.ids
    assert "Where to find more help" not in learning.text
    for page in example_site.pages():
        assert not [link for link in parse_html(page.read_text(encoding="utf-8")).links if "learning-resources" in link]
    index = json.loads((example_site.directory / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert "learning/#workshops" in locations
    assert not [loc for loc in locations if "learning-resources" in loc]
    assert not [doc for doc in index["docs"] if "Where to find more help" in doc["title"]]


def test_insights_do_not_link_to_the_removed_section(example_site):
    html = html_of(example_site, "worksheets/learning-plan")
    assert 'data-missing="learning#learning-resources"' in html


def test_the_added_worksheet_has_a_page_in_the_nav_and_no_insights(example_site):
    html = html_of(example_site, "worksheets/appointment-prep")
    assert 'data-onward-worksheet="appointment-prep"' in html
    assert "data-onward-insights" not in html
    assert "data-onward-insights" in html_of(example_site, "worksheets/strengths")
    nav_links = parse_html(html_of(example_site, "coping")).links
    assert any(link.endswith("worksheets/appointment-prep/") for link in nav_links)


def test_every_resource_is_the_sites_own(example_site):
    for page in example_site.pages():
        for resource in parse_html(page.read_text(encoding="utf-8")).resources:
            assert "://" not in resource and not resource.startswith("//"), (page, resource)


def test_every_page_asks_for_files_it_has_by_paths_that_work_under_any_sub_path(example_site):
    """Each page's stylesheets, scripts, icons and manifest: relative, and there. "Not found" is
    served at any address, so its own are absolute, under the path the centre built for."""
    for page in example_site.pages():
        not_found = page.name == "404.html"
        resources = parse_html(page.read_text(encoding="utf-8")).resources
        assert len(resources) >= 5, (page, resources)  # Material's and Onward's, at the least
        for resource in resources:
            path = urlsplit(resource).path
            if not_found:
                assert path.startswith(EXAMPLE_PATH), resource
                target = example_site.directory / path.removeprefix(EXAMPLE_PATH)
            else:
                assert not path.startswith("/"), (page, resource)
                target = page.parent / path
            assert target.is_file() or (target / "index.html").is_file(), (page, resource)


def test_the_example_is_french_throughout(example_site):
    """Its interface, Onward's guide and worksheets, and its own overlay (English, translated by its catalogues)."""
    for page in example_site.pages():
        share, words = english_share(page.read_text(encoding="utf-8"))
        assert share <= 0.01, (page, words)
    sheet = parse_html(html_of(example_site, "worksheets/appointment-prep")).text
    assert "Préparer un rendez-vous d’orientation" in sheet and "Reprendre confiance en moi" in sheet
    assert "Getting ready for a careers appointment" not in sheet
    assert [line for line in example_site.log.splitlines() if line.strip().startswith("overlay/")] == []
