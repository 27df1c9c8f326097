"""A catalogue that has fallen behind the English: the build says so, marks the English, and strict stops it.

One copy of the guide with one English text changed, its catalogues updated the way
`make catalogues` does, built twice (reported, then strict); and the French interface
with the guide kept in English, as a centre may choose.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from onward.components import load_components
from onward.extract import onward_messages, previous_english, write_catalogues
from onward.paths import bundled
from onward.sources import read_defaults
from support import BuiltSite, build_site, site_config_in, with_options

CHANGED = "reasons/five-common-reasons/competition.text"
OLD_START = "Many roles attract several people who could do the job well."
NEW_START = "Many roles draw several people who could each do the job well."
REMOVED = "worksheets/rejection-log/applications/stage.hint"  # its translation is deleted: missing


def read(file: Path) -> Catalog:
    with file.open("rb") as source:
        return read_po(source)


def write(file: Path, catalog: Catalog) -> None:
    buffer = io.BytesIO()
    write_po(buffer, catalog, include_previous=True)
    file.write_bytes(buffer.getvalue())


def entry(catalog: Catalog, context: str):  # noqa: ANN201 - a Babel message
    return next(m for m in catalog if m.context == context)


@pytest.fixture(scope="module")
def stale_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the guide (one English text changed) and catalogues updated from it."""
    root = tmp_path_factory.mktemp("stale")
    shutil.copytree(bundled("content"), root / "content")
    shutil.copytree(bundled("locales"), root / "locales", ignore=shutil.ignore_patterns("*.yml"))
    po = root / "locales" / "fr" / "LC_MESSAGES"
    worksheets = read(po / "worksheets.po")
    removed = entry(worksheets, REMOVED)
    worksheets.delete(removed.id, removed.context)
    write(po / "worksheets.po", worksheets)
    reasons = root / "content" / "reasons.yml"
    text = reasons.read_text(encoding="utf-8")
    assert "          Many roles attract several people who could do the job well. The employer can\n" in text
    reasons.write_text(text.replace(
        "Many roles attract several people who could do the job well. The employer can\n",
        "Many roles draw several people who could each do the job well. The employer can\n",
    ), encoding="utf-8")
    merged = read_defaults(root / "content", bundled("worksheets"), root)
    write_catalogues(onward_messages(merged, load_components(bundled("macros"))), root / "locales")
    return root


def test_updating_marks_the_changed_english_fuzzy_and_keeps_its_translation(stale_copy: Path) -> None:
    po = stale_copy / "locales" / "fr" / "LC_MESSAGES" / "content.po"
    catalog = read(po)
    changed = entry(catalog, CHANGED)
    assert changed.fuzzy and changed.id.startswith(NEW_START)
    assert previous_english(po.read_text(encoding="utf-8"))[CHANGED].startswith(OLD_START)
    assert changed.string.startswith("Beaucoup de postes attirent")
    assert not entry(catalog, "reasons.title").fuzzy


@pytest.fixture(scope="module")
def reported(stale_copy: Path, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    folder = tmp_path_factory.mktemp("reported")
    config = with_options(site_config_in(folder, "fr"), content_dir=str(stale_copy / "content"), locales_dir=str(stale_copy / "locales"))
    result = build_site(config, folder / "site", "http://127.0.0.1:8000/")
    assert result.returncode == 0, result.stdout + result.stderr
    return folder / "site", result.stdout + result.stderr


def test_the_build_names_each_stale_and_missing_text(reported) -> None:
    _, log = reported
    lines = [line.strip() for line in log.splitlines()]
    changed = next(line for line in lines if CHANGED in line)
    assert "/content/reasons.yml:" in changed and ": fuzzy: the English changed" in changed
    assert "locales/fr/LC_MESSAGES/content.po" in changed
    missing = next(line for line in lines if REMOVED in line)
    assert "worksheets/rejection-log.yml:" in missing and "not translated yet" in missing
    assert "show in English on this 'fr' site, marked as English" in log


def test_what_is_stale_or_missing_shows_in_english_marked_so(reported) -> None:
    site, _ = reported
    reasons = (site / "reasons" / "index.html").read_text(encoding="utf-8")
    assert f'<p><span lang="en">{NEW_START}' in reasons
    assert "Pourquoi cela a pu arriver" in reasons and "Beaucoup de postes attirent" not in reasons
    log = (site / "worksheets" / "rejection-log" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en">The stage can hint at where to look, if you want to look at all.</span>' in log
    assert "Quelle étape avez-vous atteinte" in log


def test_strict_translations_stop_the_build_naming_them(stale_copy: Path, tmp_path: Path) -> None:
    config = with_options(
        site_config_in(tmp_path, "fr"),
        content_dir=str(stale_copy / "content"),
        locales_dir=str(stale_copy / "locales"),
        translations="strict",
    )
    result = build_site(config, tmp_path / "site", "http://127.0.0.1:8000/")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Onward stopped this build (translations: strict)" in output and CHANGED in output and REMOVED in output
    assert "Traceback" not in output


def test_a_french_interface_may_keep_the_english_guide(english_guide_site: BuiltSite) -> None:
    coping = (english_guide_site.directory / "coping" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in coping and '<div class="onward-content" lang="en">' in coping
    sheet = (english_guide_site.directory / "worksheets" / "rejection-log" / "index.html").read_text(encoding="utf-8")
    assert "Your applications" in sheet and "Vos candidatures" not in sheet
    assert "show in English" not in english_guide_site.log  # English by choice is not a gap
