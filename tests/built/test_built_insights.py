"""The insight wheel each site serves carries that site's own facts and every language's catalogue."""

from __future__ import annotations

import io
import json
import zipfile

from onward.insight_facts import reference_facts


def wheel_files(site) -> dict[str, bytes]:
    [wheel] = (site.directory / "assets" / "onward").glob("onward_insights-*-py3-none-any.whl")
    archive = zipfile.ZipFile(io.BytesIO(wheel.read_bytes()))
    return {name: archive.read(name) for name in archive.namelist()}


def test_the_reference_site_wheel_carries_its_facts_and_the_french_catalogue(built_site):
    files = wheel_files(built_site)
    assert files["onward_insights/site_facts.json"] == reference_facts()
    assert files["onward_insights/locale/fr/LC_MESSAGES/insights.mo"].startswith(b"\xde\x12\x04\x95")  # a .mo file


def test_a_centres_wheel_knows_what_its_overlay_took_away(example_site):
    facts = json.loads(wheel_files(example_site)["onward_insights/site_facts.json"])
    assert "learning-resources" not in facts["guide"]["learning"]
    assert "reframing" in facts["guide"]["coping"]
