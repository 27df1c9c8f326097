"""A career centre's configuration: every bad value stops the build with the file, line and field."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from onward.centre import CENTRE_FIELDS, Centre, centre_schema, load_centre, material_languages, untranslated_interface
from onward.i18n import load_catalog
from onward.site_defaults import default_help
from onward.paths import bundled
from onward.translations import translator_for

ENGLISH = load_catalog("en")
from onward.contrast import AA_TEXT, DEFAULT_COLOURS, color, contrast, contrast_problems, palette_css
from onward.errors import ContentError

GOOD = """\
name: Sample College Careers Team
short_name: the Careers Team
logo: logo.svg
colours:
  primary: "#1d4e89"
  accent: "#a3361f"
contact:
  email: careers@college.example
  phone: 01632 960 100
booking:
  url: https://college.example/book
help:
  contacts:
    - name: College counselling
      description: Free and confidential.
      phone: 01632 960 101
footer: The Careers Team, for every student.
language: fr
storage_namespace: sample-college
pyodide_url: /static/pyodide/
overlay: overlay
"""


def site(tmp_path: Path, centre_text: str, inline: str = "") -> tuple[Path, Path]:
    """A site folder with mkdocs.yml, centre.yml, docs/logo.svg and overlay/; returns (config, docs)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (tmp_path / "overlay").mkdir()
    (tmp_path / "centre.yml").write_text(textwrap.dedent(centre_text), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: Test\nsite_url: !ENV [ONWARD_SITE_URL, 'http://127.0.0.1:8000/']\n"
        f"plugins:\n  - search\n  - onward:\n{textwrap.indent(inline, ' ' * 6)}",
        encoding="utf-8",
    )
    return config, tmp_path / "docs"


def centre_problems(tmp_path: Path, text: str) -> list[str]:
    config, docs = site(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_centre({"centre": "centre.yml"}, config, docs)
    return [str(p) for p in caught.value.problems]


def test_a_full_configuration_loads(tmp_path):
    config, docs = site(tmp_path, GOOD)
    centre = load_centre({"centre": "centre.yml"}, config, docs)
    assert centre.name == "Sample College Careers Team"
    assert centre.colours == {**DEFAULT_COLOURS, "primary": "#1d4e89", "accent": "#a3361f"}
    assert centre.language == "fr"
    assert centre.overlay == (tmp_path / "overlay").resolve()
    box = centre.help_box(default_help(ENGLISH), ENGLISH.gettext("help.book_with"))
    assert box["centre"]["booking"] == {"url": "https://college.example/book", "label": "Book an appointment with the Careers Team"}
    assert box["contacts"][0]["phone"] == "01632 960 101"


def test_no_configuration_keeps_onwards_generic_help_and_palette(tmp_path):
    config, docs = site(tmp_path, "name: unused")
    centre = load_centre({}, config, docs)
    assert centre == Centre()
    box = centre.help_box(default_help(ENGLISH), ENGLISH.gettext("help.book_with"))
    assert "centre" not in box
    assert box["contacts"][0]["name"] == "A careers adviser"
    french = translator_for("fr", bundled("locales"))
    assert french is not None
    box = centre.help_box(default_help(load_catalog("fr"), french.document), "")
    assert box["contacts"][0]["name"] == "Un conseiller ou une conseillère d’orientation"


def replace_line(key: str, value: str) -> str:
    """GOOD with one line's value changed (the key keeps its indentation)."""
    pattern = re.compile(rf"^(\s*{re.escape(key)}:).*$", re.MULTILINE)
    assert pattern.search(GOOD), key
    return pattern.sub(lambda m: f"{m[1]} {value}", GOOD, count=1)


BAD_VALUES = [
    # (key in GOOD, bad value, field named in the message, words in the message)
    ("name", '""', "name", "should not be empty"),
    ("short_name", "[1, 2]", "short_name", "should be text"),
    ("logo", "missing.svg", "logo", "no file 'missing.svg' in docs_dir"),
    ("primary", '"#ddeeff"', "colours.primary", "white header text on the primary colour"),
    ("primary", "teal", "colours.primary", "a colour written #rrggbb"),
    ("accent", '"#ffb000"', "colours.accent", "links on hover (accent) on the light page background"),
    ("email", "careers-at-college", "contact.email", "an email address"),
    ("phone", "call us", "contact.phone", "a phone number"),
    ("url", "college.example/book", "booking.url", "a web address starting https://"),
    ("description", '""', "help.contacts[0].description", "should not be empty"),
    ("footer", "42", "footer", "should be text"),
    ("language", "frr", "language", "did you mean 'fr'?"),
    ("language", "french", "language", "did you mean 'fr'? (French)"),
    ("language", "Deutsch", "language", "did you mean 'de'? (German)"),
    ("language", "fr_FR", "language", "did you mean 'fr'?"),
    ("logo", "logo.svgg", "logo", "no file 'logo.svgg' in docs_dir"),
    ("logo", "docs/logo.svg", "logo", "did you mean 'logo.svg'?"),
    ("logo", "https://college.example/logo.svg", "logo", "is a web address"),
    ("logo", "../logo.svg", "logo", "leads out of docs_dir"),
    ("primary", "#1b3a6b", "colours.primary", 'was read as nothing. Put it in quotes: primary: "#1b3a6b"'),
    ("storage_namespace", "Sample College", "storage_namespace", "lowercase words joined by hyphens"),
    ("pyodide_url", "http://cdn.example/pyodide/", "pyodide_url", "a path starting /"),
    ("overlay", "no-such-folder", "overlay", "no folder 'no-such-folder'"),
]


@pytest.mark.parametrize(("key", "value", "field", "words"), BAD_VALUES, ids=[f"{k}={v}" for k, v, _, _ in BAD_VALUES])
def test_each_bad_value_names_file_line_and_field(tmp_path, key, value, field, words):
    text = replace_line(key, value)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.lstrip().startswith(f"{key}:"))
    [problem] = centre_problems(tmp_path, text)
    assert problem.startswith(f"centre.yml:{line}: {field}: "), problem
    assert words in problem


def test_a_failing_colour_gives_the_measured_and_the_needed_ratio(tmp_path):
    [problem] = centre_problems(tmp_path, replace_line("primary", '"#ddeeff"'))
    measured = contrast("#ffffff", "#ddeeff")
    assert f"contrast {measured:.2f}:1" in problem
    assert f"at least {AA_TEXT}:1" in problem


def test_dark_scheme_colours_are_checked_on_the_dark_background(tmp_path):
    text = GOOD.replace('  accent: "#a3361f"\n', '  accent: "#a3361f"\n  dark_link: "#404a6b"\n')
    [problem] = centre_problems(tmp_path, text)
    assert "colours.dark_link: " in problem and "dark page background" in problem


def test_the_service_worker_is_on_unless_switched_off_in_so_many_words(tmp_path):
    config, docs = site(tmp_path, GOOD)
    assert load_centre({"centre": "centre.yml"}, config, docs).service_worker is None  # kept on the device
    (tmp_path / "off").mkdir()
    config, docs = site(tmp_path / "off", GOOD + "service_worker: false\n")
    assert load_centre({"centre": "centre.yml"}, config, docs).service_worker is False
    (tmp_path / "bad").mkdir()
    [problem] = centre_problems(tmp_path / "bad", GOOD + "service_worker: off please\n")
    assert problem.startswith(f"centre.yml:{GOOD.count(chr(10)) + 1}: service_worker: should be true or false"), problem


def test_unknown_fields_are_named_with_the_allowed_ones(tmp_path):
    [problem] = centre_problems(tmp_path, GOOD + "colour: blue\n")
    assert problem.startswith("centre.yml:22: colour: unexpected field 'colour'")
    assert "colours" in problem


def test_every_problem_is_listed_at_once(tmp_path):
    text = replace_line("email", "nope").replace("01632 960 100", "phone me")
    assert len(centre_problems(tmp_path, text)) == 2


def test_inline_options_in_mkdocs_yml_are_checked_with_their_line(tmp_path):
    config, docs = site(tmp_path, GOOD, inline="name: Inline Centre\ncolours:\n  primary: '#ddeeff'\n")
    with pytest.raises(ContentError) as caught:
        load_centre({"name": "Inline Centre", "colours": {"primary": "#ddeeff"}}, config, docs)
    [problem] = [str(p) for p in caught.value.problems]
    assert problem.startswith("mkdocs.yml:8: plugins[1].onward.colours.primary: #ddeeff is too hard to read")


def test_a_field_in_both_places_is_refused(tmp_path):
    config, docs = site(tmp_path, GOOD)
    with pytest.raises(ContentError, match="'footer' is also set in centre.yml"):
        load_centre({"centre": "centre.yml", "footer": "Twice"}, config, docs)


def test_a_missing_centre_file_is_named(tmp_path):
    config, docs = site(tmp_path, GOOD)
    with pytest.raises(ContentError, match="plugins.onward.centre: no file"):
        load_centre({"centre": "elsewhere.yml"}, config, docs)


def test_the_wcag_formula_and_onwards_own_palette():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_problems(DEFAULT_COLOURS) == {}


def test_the_palette_stylesheet_carries_every_colour():
    colours = {"primary": "#1d4e89", "accent": "#a3361f", "dark_link": "#9fc3ee", "dark_accent": "#f2a58e"}
    css = palette_css(colours)
    for value in colours.values():
        assert value in css


def test_languages_come_from_material():
    languages = material_languages()
    assert {"en", "fr", "de"} <= set(languages)


def test_a_logo_given_as_an_absolute_path_is_refused_with_its_relative_path(tmp_path):
    """The file exists, so this used to build, with a broken image under any sub-path."""
    [problem] = centre_problems(tmp_path, replace_line("logo", str(tmp_path / "docs" / "logo.svg")))
    assert "logo: " in problem and "is an absolute path, which breaks when the site is served from a sub-path: write 'logo.svg'" in problem
    (tmp_path / "other").mkdir()
    [outside] = centre_problems(tmp_path / "other", replace_line("logo", "/srv/images/logo.svg"))
    assert "is an absolute path" in outside and "copy the file into docs_dir" in outside


def test_colors_spelt_the_american_way_gets_a_did_you_mean(tmp_path):
    [problem] = centre_problems(tmp_path, GOOD + 'colors:\n  primary: "#1d4e89"\n')
    assert problem.startswith("centre.yml:22: colors: unexpected field 'colors'; did you mean 'colours'?")


def test_every_unexpected_field_is_named(tmp_path):
    found = centre_problems(tmp_path, GOOD + "colour: blue\nfooter_text: Hi\n")
    assert [p.split(": ")[1] for p in found] == ["colour", "footer_text"]


@pytest.mark.parametrize(("key", "value"), [("primary", "#7fb3ad"), ("accent", "#ffb000"), ("dark_link", "#404a6b"), ("dark_accent", "#333333")])
def test_a_failing_colour_comes_with_the_nearest_passing_shade_of_its_hue(key, value):
    colours = {**DEFAULT_COLOURS, key: value}
    message = contrast_problems(colours)[key]
    shade = re.search(r"; (#[0-9a-f]{6}) is the nearest shade of the same hue that passes", message)[1]
    assert key not in contrast_problems({**colours, key: shade}), "the suggested shade passes everywhere"
    hue = lambda text: color(text).convert("oklch")["hue"]  # noqa: E731
    assert abs(hue(shade) - hue(value)) % 360 < 3 or value == "#333333", (value, shade)


def test_the_centre_fields_are_the_schema_and_the_dataclass():
    """Adding a field is one line in centre_schema() and one in Centre: this keeps them together."""
    assert list(CENTRE_FIELDS) == list(centre_schema()["properties"])


@pytest.mark.parametrize("language", ["en", "en-GB", "fr", "fr-CA"])
def test_languages_onward_translates_give_no_warning(language):
    assert untranslated_interface(language) is None


def test_a_language_onward_does_not_translate_is_named_plainly():
    message = untranslated_interface("de")
    assert message.startswith("Onward has no interface translation for 'de' (it ships en, fr)")
    assert "Onward's buttons, messages and help box will stay in English" in message
