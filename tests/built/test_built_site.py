"""The built reference site: strict build, every topic present, every link and anchor resolving."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from support import REPO, BuiltSite, build_site, parse_html

# Each topic of the guide: the page it lives on and words a reader would find there.
TOPICS = {
    "why handling rejection well matters": ("why-it-matters", ["worth", "remember"]),
    "reason: skills or qualifications": ("reasons#skills-and-qualifications", ["qualifications"]),
    "reason: interview performance": ("reasons#interview-performance", ["interview"]),
    "reason: cultural fit": ("reasons#cultural-fit", ["culture"]),
    "reason: competition": ("reasons#competition", ["candidates"]),
    "reason: salary expectations": ("reasons#salary-expectations", ["salary"]),
    "what the stage tells you": ("reasons#what-the-stage-tells-you", ["application", "first interview"]),
    "why feedback matters": ("feedback#why-feedback-helps", ["feedback"]),
    "how to ask for feedback": ("feedback#how-to-ask", ["thank", "specific"]),
    "coping with disappointment and emotions": ("coping#feelings-are-normal", ["sad", "anger"]),
    "reframing rejection as growth": ("coping#reframing", ["learn"]),
    "self-care practices": ("coping#self-care", ["mindful", "physical", "hobbies", "professional"]),
    "self-reflection questions": ("learning#reflection-questions", ["prepare", "questions"]),
    "improving interview skills": ("learning#improving-interview-skills", ["practise"]),
    "strengths": ("moving-forward#your-strengths", ["strength"]),
    "new goals": ("moving-forward#set-new-goals", ["goal"]),
    "networking": ("moving-forward#networking", ["network"]),
    "keep learning": ("moving-forward#keep-learning", ["course"]),
    "a closing page": ("closing", ["onward"]),
}


def read(site: BuiltSite, page: str) -> str:
    path = site.directory / ("index.html" if page == "index" else f"{page}/index.html")
    return path.read_text(encoding="utf-8")


def test_strict_build_has_no_warnings(built_site):
    assert "WARNING" not in built_site.log


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_topic_has_its_page_or_section(built_site, topic):
    target, words = TOPICS[topic]
    page, _, anchor = target.partition("#")
    parsed = parse_html(read(built_site, page))
    if anchor:
        assert anchor in parsed.ids, f"{page} has no #{anchor}"
    text = parsed.text.lower()
    for word in words:
        assert word in text, f"'{word}' not found on {page}"


def test_home_page_offers_every_need_within_one_click(built_site):
    html = read(built_site, "index")
    assert 'class="grid cards onward-cards"' in html
    cards = html.split('class="grid cards onward-cards"', 1)[1].split("</div>", 1)[0]
    hrefs = parse_html(cards).links
    assert len(hrefs) >= 5
    assert {"coping/#first-hours", "reasons/", "feedback/#how-to-ask", "moving-forward/"} <= set(hrefs)


def test_every_internal_link_and_anchor_resolves(built_site):
    site = built_site.directory
    ids = {page: parse_html(page.read_text(encoding="utf-8")).ids for page in built_site.pages()}
    broken = []
    for page in built_site.pages():
        for href in parse_html(page.read_text(encoding="utf-8")).links:
            url = urlparse(href)
            if url.scheme or href.startswith("//"):
                continue
            path, fragment = url.path, url.fragment  # a query (?worksheet=...) is for the script
            if path.startswith("/"):  # the 404 page links from the site's root
                target = (site / unquote(path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(path)).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)} -> {href}")
            elif fragment and target.suffix == ".html" and fragment not in ids[target]:
                broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    assert broken == []


def test_nothing_is_loaded_from_another_origin(built_site):
    for page in built_site.pages():
        for resource in parse_html(page.read_text(encoding="utf-8")).resources:
            assert not urlparse(resource).netloc, f"{page.name} loads {resource}"


# Classic scripts that must run before the first paint: Material's storage helpers and the
# reader's chosen colours (else the page flashes the other scheme). Both are under a kilobyte.
BEFORE_PAINT = {"material-start.js", "material-palette.js"}


def test_only_the_colour_scripts_run_before_the_first_paint(built_site):
    """Every other classic script is deferred, Material's bundle included: run as the parser
    reached it, it often ran before anything was painted. Deferred scripts keep their order, so
    Material's content set-up still runs just before its bundle."""
    for page in built_site.pages():
        tags = re.findall(r"<script\b[^>]*>", page.read_text(encoding="utf-8"))
        classic = [t for t in tags if " src=" in t and 'type="module"' not in t]
        names = [re.search(r'src="([^"]+)"', t)[1].rsplit("/", 1)[-1] for t in classic]
        where = page.relative_to(built_site.directory)
        blocking = [n for t, n in zip(classic, names) if " defer" not in t and n not in BEFORE_PAINT]
        assert not blocking, f"{where}: {blocking} hold up the first paint"
        bundle = next((i for i, n in enumerate(names) if n.startswith("bundle.")), None)
        assert bundle is not None and "material-content.js" in names[:bundle], f"{where}: {names}"


NAV_LINK = re.compile(
    r'<a href="([^"#]*)" class="md-nav__link\s*(md-nav__link--active)?\s*">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', re.S
)


def test_every_page_navigation_leads_to_the_same_pages(built_site):
    """Navigation items are rendered once and kept (theme_cache.py): whatever the page's depth,
    each title leads to the same page by a relative link, and the page itself is the one item
    marked current."""
    targets: dict[str, str] = {}
    for page in built_site.pages():
        where = "/" + page.relative_to(built_site.directory).as_posix().removesuffix("index.html")
        html = page.read_text(encoding="utf-8")
        nav = html[html.index('<nav class="md-nav md-nav--primary"') :].split("md-sidebar--secondary", 1)[0]
        links = NAV_LINK.findall(nav)
        assert len(links) == len(built_site.page_paths()), f"{where}: {len(links)} navigation links"
        for href, active, title in links:
            # Relative everywhere but on the 404 page, which is served at any depth: the site works under any path.
            assert (where == "/404.html") == href.startswith(("/", "http")), f"{where}: {title} leads to {href}"
            target = urljoin(f"http://site{where}", href).removeprefix("http://site")
            target = target if target.endswith("/") else target + "/"
            assert targets.setdefault(title, target) == target, f"{where}: {title} leads to {target}"
            assert bool(active) == (target == where), f"{where}: {title} marked current: {bool(active)}"
    assert sorted(targets.values()) == sorted(built_site.page_paths())


def test_help_box_closes_every_page(built_site):
    for page in built_site.pages():
        html = page.read_text(encoding="utf-8")
        assert html.count('data-onward="help"') == 1, page
        article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        assert article.rstrip().endswith("</aside>"), f"help box is not last on {page}"
        assert "Need to talk to someone?" in article


def test_footer_states_both_licences(built_site):
    html = read(built_site, "index")
    assert "CC BY 4.0" in html and "MIT licence" in html


def test_no_font_service_and_local_search(built_site):
    html = read(built_site, "reasons")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert (built_site.directory / "search" / "search_index.json").exists()


class _MetaDescriptions(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[list[tuple[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and ("name", "description") in attrs:
            self.found.append(attrs)


def test_every_page_describes_itself_in_one_whole_attribute(built_site):
    """A summary with quotes in it ("Tell me about a time...") once broke out of the attribute."""
    import yaml

    sheets = [yaml.safe_load(file.read_text(encoding="utf-8")) for file in (REPO / "worksheets").glob("*.yml")]
    summaries = {f"worksheets/{sheet['id']}": sheet["summary"] for sheet in sheets}
    for page in built_site.pages():
        if page.name == "404.html":
            continue
        parser = _MetaDescriptions()
        parser.feed(page.read_text(encoding="utf-8"))
        where = page.relative_to(built_site.directory).as_posix()
        assert len(parser.found) == 1, where
        assert [name for name, _ in parser.found[0]] == ["name", "content"], where
        expected = summaries.get(where.removesuffix("/index.html"))
        if expected is not None:
            assert parser.found[0][1][1] == expected, where
    assert any('"' in summary for summary in summaries.values()), "no summary with quotes left to prove this"


def write_site(folder: Path, content: dict[str, str], plugin_options: str = "") -> Path:
    (folder / "docs").mkdir()
    (folder / "content").mkdir()
    (folder / "worksheets").mkdir()  # a site of its own, without Onward's worksheets
    for name, text in content.items():
        (folder / "content" / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(
        "site_name: Test\nsite_url: !ENV ONWARD_SITE_URL\ntheme: {name: material, font: false}\n"
        f"plugins:\n  - onward:\n      content_dir: content\n      worksheets_dir: worksheets\n{plugin_options}",
        encoding="utf-8",
    )
    return config


PAGE = """\
id: index
title: Home
summary: Start.
order: 0
sections:
  - id: start
    title: Start
    blocks:
      - type: paragraph
        text: Hello.
"""


def test_broken_content_stops_the_build_with_a_located_message(tmp_path):
    config = write_site(tmp_path, {"index": PAGE.replace("text: Hello.", "txt: Hello.")})
    result = build_site(config, tmp_path / "out", "http://127.0.0.1:1/")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content/index.yml:9: sections[0].blocks[0]: 'text' is required" in output
    assert "content/index.yml:10: sections[0].blocks[0].txt: unexpected field 'txt'" in output
    assert "Traceback" not in output


def test_plugin_options_are_validated_by_mkdocs(tmp_path):
    config = write_site(tmp_path, {"index": PAGE}, "      help:\n        contacts:\n          - {name: Someone}\n")
    result = build_site(config, tmp_path / "out", "http://127.0.0.1:1/")
    assert result.returncode != 0
    assert "description" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_configured_help_contacts_replace_the_defaults(tmp_path):
    options = (
        "      help:\n        title: Talk to us\n        contacts:\n"
        "          - {name: Example Careers, description: Book a chat., phone: 0100 000 111}\n"
    )
    config = write_site(tmp_path, {"index": PAGE}, options)
    result = build_site(config, tmp_path / "out", "http://127.0.0.1:1/")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Talk to us" in html and 'href="tel:0100000111"' in html
    assert "A careers adviser" not in html


def test_default_help_invents_no_phone_numbers(built_site):
    """The generic contacts name no number; every number shown comes from a sourced, dated help set."""
    from onward.help_sets import load_help_sets

    html = read(built_site, "index")
    aside = html.split('data-onward="help"', 1)[1].split("</aside>", 1)[0]
    generic = aside.split('data-onward-help-countries', 1)[0]
    assert "tel:" not in generic
    assert "careers adviser" in generic and "doctor" in generic and "helpline" in generic
    sourced = {
        entry["phone"].replace(" ", "")
        for one in load_help_sets().values()
        for entry in [*one.contacts, *([one.emergency] if one.emergency else [])]
        if "phone" in entry and entry["source"] and entry["checked"]
    }
    assert set(re.findall(r'href="tel:([^"]+)"', aside)) == sourced


def test_package_builds_as_a_wheel_that_carries_the_content(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True, check=False,
    )
    if "No module named 'hatchling'" in result.stderr or "hatchling" in result.stderr and result.returncode:
        result = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
            capture_output=True, text=True, check=False,
        )
    assert result.returncode == 0, result.stderr
    import zipfile

    [wheel] = tmp_path.glob("onward-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "onward/_bundled/content/coping.yml" in names
    assert "onward/_bundled/macros/reason.md.j2" in names
    assert "onward/theme/assets/onward/onward.css" in names
