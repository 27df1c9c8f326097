"""The reference site with theme.language: fr, built once per run: the guide, the worksheets and the help in French."""

from __future__ import annotations

import json
import re
from html import unescape

from french_support import english_share, marked_english_words
from onward.fallback import CLOSE, OPEN
from onward.hosting import LONG_CACHE
from support import BuiltSite

# Proper names stay as their services write them (988 Suicide and Crisis Lifeline, Need to talk? 1737):
# a page may hold a few English words outside lang="en", never English prose.
MOST_ENGLISH = 0.01
HELP_TITLE = "Besoin d’en parler ?"  # as " ".join(text.split()) leaves it


def pages(site: BuiltSite) -> dict[str, str]:
    return {p.relative_to(site.directory).as_posix(): p.read_text(encoding="utf-8") for p in site.pages()}


def region(html: str, start: str, tag: str, begin: int | None = None) -> str:
    """The element whose opening tag begins with ``start``, to its own closing ``tag`` (nested ones counted)."""
    begin = html.index(start) if begin is None else begin
    depth = 0
    for match in re.compile(rf"<(/?){tag}\b").finditer(html, begin):
        depth += -1 if match[1] else 1
        if depth == 0:
            return html[begin : match.end()]
    raise AssertionError(f"no end to {start}")


def test_no_page_has_english_outside_what_is_marked_english(french_site: BuiltSite) -> None:
    shares = {name: english_share(html) for name, html in pages(french_site).items()}
    worst = max(shares, key=lambda name: shares[name][0])
    print(f"\nmost English outside lang=\"en\": {shares[worst][0]:.2%} on {worst} ({shares[worst][1]})")
    assert {name: share for name, share in shares.items() if share[0] > MOST_ENGLISH} == {}


def test_every_worksheet_form_and_the_help_box_are_french_throughout(french_site: BuiltSite) -> None:
    for name, html in pages(french_site).items():
        help_box = region(html, '<aside class="onward-help"', "aside")
        assert HELP_TITLE in " ".join(unescape(help_box).split()), name
        assert ' lang="en"' not in help_box, name
        for match in re.finditer(r'<div class="onward-worksheet" data-onward-worksheet="([a-z-]+)"', html):
            form = region(html, "", "div", match.start())
            assert ' lang="en"' not in form, (name, match[1])
            assert marked_english_words(f"<main>{form}</main>") == 0


def test_the_worksheets_speak_french(french_site: BuiltSite) -> None:
    html = (french_site.directory / "worksheets" / "rejection-log" / "index.html").read_text(encoding="utf-8")
    assert "<title>Journal des refus - Onward</title>" in html
    for french in ("Vos candidatures", "Ajouter une autre candidature", "Quelle étape avez-vous atteinte", "Premier entretien"):
        assert french in html, french
    index = (french_site.directory / "worksheets" / "index.html").read_text(encoding="utf-8")
    assert "Écriture expressive" in index and "Expressive writing" not in index
    nav = region(index, '<nav class="md-nav md-nav--primary"', "nav")
    assert "Journal des refus" in nav and "Rejection log" not in nav


def test_the_guide_is_not_wrapped_as_english(french_site: BuiltSite) -> None:
    """The guide follows the interface into French: marks are for what a catalogue leaves in English only."""
    for name, html in pages(french_site).items():
        assert '<html lang="fr"' in html, name
        assert '<div class="onward-content" lang="en">' not in html, name


def test_the_worksheets_definitions_are_french_and_unmarked(french_site: BuiltSite) -> None:
    html = (french_site.directory / "worksheets" / "rejection-log" / "index.html").read_text(encoding="utf-8")
    raw = re.search(r'data-onward-definition="([^"]+)"', html)
    assert raw is not None
    definition = json.loads(unescape(raw[1]))
    assert definition["title"] == "Journal des refus"
    stage = next(f for f in definition["fields"][0]["fields"] if f["id"] == "stage")
    assert ["first-interview", "Premier entretien"] in stage["options"]


def test_no_mark_leaves_the_build(french_site: BuiltSite) -> None:
    for file in french_site.directory.rglob("*"):
        if file.suffix in (".html", ".json", ".xml", ".js", ".css"):
            text = file.read_text(encoding="utf-8")
            assert OPEN not in text and CLOSE not in text, file


def test_search_indexes_the_site_as_french(french_site: BuiltSite) -> None:
    """French alone: its stop words, words split at apostrophes, and the words as written (each query is
    stemmed instead, by Onward's search worker: a stemmed index could not answer a word half typed)."""
    index = json.loads((french_site.directory / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["fr"] and "stemmer" not in index["config"]["pipeline"]
    assert re.fullmatch(index["config"]["separator"], "’") and re.fullmatch(index["config"]["separator"], "'")
    titles = {doc["title"] for doc in index["docs"]}
    assert "Journal des refus" in titles


def search_worker(html: str) -> str:
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    return config["search"]


def test_every_french_page_searches_through_onwards_worker(french_site: BuiltSite, built_site: BuiltSite) -> None:
    """Onward's worker, which stems what is typed, then loads Material's own (named in its address)."""
    for name, html in pages(french_site).items():
        worker = search_worker(html)
        assert re.fullmatch(
            r"(/|(\.\./)*)assets/javascripts/workers/onward-search\.[0-9a-f]{8}\.min\.js\?worker=search\.[0-9a-f]+\.min\.js", worker
        ), name
    ours, material = worker.rsplit("/", 1)[1].split("?worker=")
    workers = french_site.directory / "assets" / "javascripts" / "workers"
    assert (workers / ours).is_file() and (workers / material).is_file()
    # Named by its content as Material names its own, so hosts keep it for a year, never asking again.
    assert f"/assets/javascripts/workers/{ours}\n  Cache-Control: {LONG_CACHE}" in (french_site.directory / "_headers").read_text()
    # The English site keeps Material's search as it is.
    english = (built_site.directory / "index.html").read_text(encoding="utf-8")
    assert re.fullmatch(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js", search_worker(english))


def test_a_link_and_what_it_leads_to_are_joined_the_french_way(french_site: BuiltSite) -> None:
    closing = (french_site.directory / "closing" / "index.html").read_text(encoding="utf-8")
    assert "Un refus avant l’entretien</a>\u00a0: " in closing and "</a>: " not in closing


def test_the_build_reports_nothing_left_in_english(french_site: BuiltSite) -> None:
    """The guide, the worksheets and the help are whole in French: the build lists no text shown in English."""
    assert "show in English on this 'fr' site" not in french_site.log


def nav_labels(html: str) -> list[str]:
    nav = region(html, '<nav class="md-nav md-nav--primary"', "nav")
    return [" ".join(re.sub(r"<[^>]+>", "", label).split()) for label in re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)]


def test_the_navigation_names_every_page_in_french(french_site: BuiltSite, built_site: BuiltSite) -> None:
    """Every guide page, section, worksheet and Onward's own pages, as the English site lists them."""
    french = nav_labels((french_site.directory / "index.html").read_text(encoding="utf-8"))
    english = nav_labels((built_site.directory / "index.html").read_text(encoding="utf-8"))
    assert len(french) == len(english) > 20
    assert [f for f, e in zip(french, english) if f == e] == []
    share, words = english_share(f"<main><p>{' '.join(french)}</p></main>")
    assert share == 0, words
