"""Help sets: every shipped number and address is sourced and dated; a bad set names file, line and field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from onward.centre import load_centre
from onward.errors import ContentError
from onward.help_sets import KINDS, load_help_sets
from onward.site_defaults import HELP_SET_ORDER, help_sets_for
from onward.yamlsource import load_yaml
from onward.paths import bundled

SETS = load_help_sets()
COUNTRIES = {"uk", "ie", "us", "ca", "au", "nz", "fr"}


def test_the_seven_countries_have_a_set_each():
    assert COUNTRIES <= set(SETS)
    assert set(HELP_SET_ORDER) == COUNTRIES


@pytest.mark.parametrize("ident", sorted(SETS))
def test_every_number_and_address_records_its_source_and_the_date_it_was_checked(ident):
    raw = load_yaml(bundled("help") / f"{ident}.yml").data
    entries = [*raw["contacts"], *([raw["emergency"]] if "emergency" in raw else [])]
    for entry in entries:
        assert str(entry["source"]).startswith(("https://", "http://")), (ident, entry)
        assert str(entry["checked"]) == "2026-12-01", (ident, entry)
        assert entry.get("phone") or entry.get("url") or "name" in entry


@pytest.mark.parametrize("ident", sorted(SETS))
def test_every_set_offers_someone_to_talk_to(ident):
    kinds = {contact["kind"] for contact in SETS[ident].contacts}
    assert kinds & {"crisis", "listening"}, ident


def test_contacts_are_shown_crisis_lines_first():
    shown = [SETS["nz"].contacts[[c["name"] for c in SETS["nz"].contacts].index(item["name"])]["kind"]
             for item in SETS["nz"].help_contacts()]
    assert shown == sorted(shown, key=KINDS.index)
    assert all("source" not in item and "checked" not in item for item in SETS["nz"].help_contacts())


def test_the_emergency_sentence_is_split_around_its_number():
    [uk] = [s for s in help_sets_for(None)["sets"] if s["id"] == "uk"]
    emergency = uk["emergency"]
    assert emergency["before"] + emergency["phone"] + emergency["after"] == SETS["uk"].emergency["text"]
    assert help_sets_for("au")["help_set"]["id"] == "au" and "sets" not in help_sets_for("au")


GOOD = """\
id: xx
country: Testland
emergency:
  phone: "112"
  text: Call 112 now.
  source: https://gov.example/emergency
  checked: 2026-12-01
contacts:
  - name: Listening line
    kind: listening
    description: Someone to listen.
    phone: 0100 200 300
    source: https://line.example/contact
    checked: 2026-12-01
"""


def write(folder: Path, text: str, name: str = "xx") -> Path:
    (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_help_sets(folder)
    return [str(problem) for problem in caught.value.problems]


def test_a_good_set_loads(tmp_path):
    assert load_help_sets(write(tmp_path, GOOD))["xx"].country == "Testland"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    source: https://line.example/contact\n", "", "help/xx.yml:9: contacts[0]: 'source' is required"),
        ("    checked: 2026-12-01\n", "", "help/xx.yml:9: contacts[0]: 'checked' is required"),
        ("  source: https://gov.example/emergency\n", "", "help/xx.yml:3: emergency: 'source' is required"),
        ("    checked: 2026-12-01\n", '    checked: "2026-02-30"\n', "help/xx.yml:14: contacts[0].checked: '2026-02-30' is not a real date"),
        ("    checked: 2026-12-01\n", "    checked: 2026-02-30\n", "help/xx.yml: (top level): invalid YAML: a value cannot be read"),
        ("    checked: 2026-12-01\n", "    checked: last week\n", "help/xx.yml:14: contacts[0].checked: 'last week' does not fit"),
        ("    source: https://line.example/contact\n", "    source: line.example\n", "contacts[0].source: 'line.example' does not fit"),
        ("    phone: 0100 200 300\n", "    phone: call us\n", "contacts[0].phone: 'call us' does not fit"),
        ("  text: Call 112 now.\n", "  text: Call the police now.\n", "help/xx.yml:5: emergency.text: should say the number (112)"),
        ("    kind: listening\n", "    kind: chat\n", "contacts[0].kind: 'chat' is not one of the options"),
        ("id: xx\n", "id: yy\n", "help/xx.yml:1: id: 'yy' should match the file name 'xx.yml'"),
    ],
)
def test_a_bad_set_is_refused_with_file_line_and_field(tmp_path, old, new, message):
    assert old in GOOD
    found = problems(write(tmp_path, GOOD.replace(old, new, 1)))
    assert any(message in problem for problem in found), found


def test_every_problem_in_every_set_is_listed_at_once(tmp_path):
    write(tmp_path, GOOD.replace("    source: https://line.example/contact\n", ""), "xx")
    write(tmp_path, GOOD.replace("id: xx", "id: zz").replace("    checked: 2026-12-01\n", ""), "zz")
    found = problems(tmp_path)
    assert any(p.startswith("help/xx.yml") for p in found) and any(p.startswith("help/zz.yml") for p in found)


def centre_file(tmp_path: Path, text: str) -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n", encoding="utf-8")
    (tmp_path / "centre.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_centre_picks_a_set_with_one_setting(tmp_path):
    root = centre_file(tmp_path, "name: Example Careers\nhelp_set: ie\n")
    centre = load_centre({"centre": "centre.yml"}, root / "mkdocs.yml", root / "docs")
    assert centre.help_set == "ie"


def test_an_unknown_set_is_named_with_the_nearest_one(tmp_path):
    root = centre_file(tmp_path, "name: Example Careers\nhelp_set: ukk\n")
    with pytest.raises(ContentError) as caught:
        load_centre({"centre": "centre.yml"}, root / "mkdocs.yml", root / "docs")
    assert "centre.yml:2: help_set: no help set 'ukk'; did you mean 'uk'?" in str(caught.value)
