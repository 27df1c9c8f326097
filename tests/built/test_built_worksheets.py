"""Worksheet pages in the built site: each has its page, a place in the guide, and plain HTML."""

from __future__ import annotations

import re

import pytest

from onward.storage import storage_namespace
from support import BuiltSite, parse_html
from worksheet_driver import WORKSHEETS

IDS = sorted(WORKSHEETS)


def read(site: BuiltSite, path: str) -> str:
    return (site.directory / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("worksheet_id", IDS)
def test_each_worksheet_has_a_page_with_its_form(built_site, worksheet_id):
    html = read(built_site, f"worksheets/{worksheet_id}")
    worksheet = WORKSHEETS[worksheet_id]
    assert f'data-onward-worksheet="{worksheet_id}"' in html
    assert f'data-onward-version="{worksheet.version}"' in html
    text = parse_html(html).text
    assert worksheet.time in text and "saved on this device" in text


@pytest.mark.parametrize("worksheet_id", IDS)
def test_each_worksheet_sits_beside_its_guide_section(built_site, worksheet_id):
    pages = [p for p in built_site.pages() if "worksheets" not in p.parts]
    embedded = [p for p in pages if f'data-onward-worksheet="{worksheet_id}"' in p.read_text(encoding="utf-8")]
    assert len(embedded) == 1, f"{worksheet_id} is embedded in {embedded}"
    html = read(built_site, f"worksheets/{worksheet_id}")
    assert "in the guide" in parse_html(html).text


def test_every_input_has_a_label_or_a_legend(built_site):
    for worksheet_id in IDS:
        html = read(built_site, f"worksheets/{worksheet_id}")
        form = html.split('data-onward-worksheet="', 1)[1].split("<template", 1)[0]
        ids = re.findall(r'<(?:input|textarea)[^>]*\bid="([^"]+)"', form)
        labelled = set(re.findall(r'<label[^>]*\bfor="([^"]+)"', form))
        assert ids and set(ids) <= labelled, worksheet_id


def test_the_worksheets_index_lists_them_all(built_site):
    links = parse_html(read(built_site, "worksheets")).links
    for worksheet_id in IDS:
        assert f"{worksheet_id}/" in links


def test_worksheet_code_is_only_on_pages_with_a_form(built_site):
    guide_page = read(built_site, "why-it-matters")
    assert "worksheets.js" not in guide_page and "worksheets.css" not in guide_page
    assert "assets/onward/onward.js" in guide_page
    assert "worksheets.js" in read(built_site, "worksheets/thought-record")


def test_storage_namespace_is_in_every_page(built_site):
    expected = storage_namespace("Onward", f"http://127.0.0.1:{built_site.port}/")
    for page in built_site.pages():
        assert f'<meta name="onward-storage" content="{expected}" data-site-name="Onward">' in page.read_text(encoding="utf-8"), page


def test_thinking_traps_stay_in_view_on_the_thought_record(built_site):
    html = read(built_site, "worksheets/thought-record")
    reference = html.split("onward-worksheet__reference", 1)[1].split("</aside>", 1)[0]
    assert reference.count("<dt>") == 10


def test_the_site_serves_its_own_pyodide_and_the_insight_wheel(built_site):
    assets = built_site.directory / "assets"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (assets / "pyodide" / name).stat().st_size > 0, name
    [wheel] = (assets / "onward").glob("onward_insights-*-py3-none-any.whl")
    html = read(built_site, "worksheets/thought-record")
    assert f'<meta name="onward-insights" content="{wheel.name}?v=' in html


def test_a_pyodide_url_replaces_the_served_copy(tmp_path):
    from support import REPO, build_site

    config = tmp_path / "mkdocs.yml"
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {REPO / 'docs'}")
    text = text.replace("  - onward\n", "  - onward:\n      pyodide_url: https://pyodide.example/v314/\n")
    config.write_text(text, encoding="utf-8")
    result = build_site(config, tmp_path / "site", "http://127.0.0.1:1/")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "assets" / "pyodide").exists()
    html = (tmp_path / "site" / "worksheets" / "thought-record" / "index.html").read_text(encoding="utf-8")
    assert 'data-pyodide="https://pyodide.example/v314/"' in html
