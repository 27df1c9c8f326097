"""A centre's overlay written in English on a French site: `onward catalogues`, its French, and `onward check`."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from onward.check import check_site
from onward.cli import main
from onward.scaffold import new_site

LOCAL = {"ONWARD_SITE_URL": "http://127.0.0.1:8000/"}
SECTION = """\
id: more-support
title: When to get more support
blocks:
  - type: paragraph
    text: Our counsellors are here, and [coping](coping) has more.
"""
FRENCH = {
    "coping/more-support.title": "Quand chercher plus de soutien",
    "coping/more-support/paragraph[0].text": "Nos psychologues sont là, et [faire face](coping) en dit plus.",
}


@pytest.fixture
def centre(tmp_path: Path) -> Path:
    folder = tmp_path / "careers"
    new_site(folder, "Sample College Careers")
    with (folder / "centre.yml").open("a", encoding="utf-8") as file:
        file.write("language: fr\n")
    (folder / "overlay" / "overlay.yml").write_text("language: en\n", encoding="utf-8")
    (folder / "overlay" / "sections").mkdir(exist_ok=True)
    (folder / "overlay" / "sections" / "more-support.yml").write_text(SECTION, encoding="utf-8")
    return folder


def own_lines(report_lines: list[str]) -> list[str]:
    return [line.strip() for text in report_lines for line in text.splitlines() if line.strip().startswith("overlay/")]


def translate(centre: Path, french: dict[str, str]) -> Path:
    """The centre's French catalogue, made from its template as `pybabel init` would, then filled in."""
    with (centre / "overlay" / "locales" / "content.pot").open("rb") as source:
        catalog = read_po(source, locale="fr")
    for message in catalog:
        if message.id:
            message.string = french.get(message.context, "")
    po = centre / "overlay" / "locales" / "fr" / "LC_MESSAGES" / "content.po"
    po.parent.mkdir(parents=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    po.write_bytes(buffer.getvalue())
    return po


def test_the_overlays_english_is_listed_until_it_is_translated(centre: Path) -> None:
    report = check_site(centre / "mkdocs.yml", environ=LOCAL)
    assert report.problems == []
    assert own_lines(report.warnings) == [
        "overlay/sections/more-support.yml:2: coping/more-support.title: not translated yet in "
        "overlay/locales/fr/LC_MESSAGES/content.po (not there)",
        "overlay/sections/more-support.yml:5: coping/more-support/paragraph[0].text: not translated yet in "
        "overlay/locales/fr/LC_MESSAGES/content.po (not there)",
    ]


def test_onward_catalogues_writes_the_overlays_template_and_its_french_is_used(centre: Path) -> None:
    result = CliRunner().invoke(main, ["catalogues", str(centre)])
    assert result.exit_code == 0, result.output
    assert "wrote overlay/locales/content.pot" in result.output
    with (centre / "overlay" / "locales" / "content.pot").open("rb") as source:
        template = [(m.context, m.locations) for m in read_po(source) if m.id]
    assert template == [
        ("coping/more-support.title", [("overlay/sections/more-support.yml", 2)]),
        ("coping/more-support/paragraph[0].text", [("overlay/sections/more-support.yml", 5)]),
    ]
    translate(centre, FRENCH)
    report = check_site(centre / "mkdocs.yml", environ=LOCAL)
    assert report.problems == [] and own_lines(report.warnings) == []
    again = CliRunner().invoke(main, ["catalogues", str(centre)])
    assert again.exit_code == 0 and "already up to date" in again.output


def test_a_broken_link_in_the_centres_french_names_its_catalogue(centre: Path) -> None:
    assert CliRunner().invoke(main, ["catalogues", str(centre)]).exit_code == 0
    translate(centre, {**FRENCH, "coping/more-support/paragraph[0].text": "Voir [faire face](copin)."})
    [problem] = check_site(centre / "mkdocs.yml", environ=LOCAL).problems
    assert problem.startswith("overlay/locales/fr/LC_MESSAGES/content.po:")
    assert 'msgctxt "coping/more-support/paragraph[0].text"' in problem and "copin" in problem


def test_an_overlay_in_the_sites_own_language_is_used_as_written(centre: Path) -> None:
    (centre / "overlay" / "overlay.yml").write_text("", encoding="utf-8")
    assert own_lines(check_site(centre / "mkdocs.yml", environ=LOCAL).warnings) == []


def test_catalogues_needs_an_overlay(tmp_path: Path) -> None:
    folder = tmp_path / "careers"
    new_site(folder, "Sample College Careers")
    text = (folder / "centre.yml").read_text(encoding="utf-8")
    (folder / "centre.yml").write_text("\n".join(l for l in text.splitlines() if not l.startswith("overlay:")) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["catalogues", str(folder)])
    assert result.exit_code != 0 and "the site has no overlay" in result.output
