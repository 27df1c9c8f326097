"""The French catalogues: a French text for every id, in French spacing, with every link and number kept."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from onward.paths import bundled
from onward.translations import DOMAINS

sys.path.insert(0, str(bundled("content").parent / "tools"))
from french_spacing import NBSP, NNBSP, kept_as_written, spaced  # noqa: E402

LOCALES = bundled("locales")
EXAMPLE_LOCALES = bundled("content").parent / "examples" / "example-university" / "overlay" / "locales"
LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
NUMBER = re.compile(r"\b\d[\d .-]*\d\b|\b\d\b")
BOLD = re.compile(r"\*\*")
# An English time of day (4 o'clock, 4pm) is written the French way, on the 24-hour clock (16 h).
CLOCK = re.compile(r"\b(\d{1,2}) ?(?:o'clock|pm)\b")


def catalogues() -> list[tuple[Path, Path]]:
    """(template, French catalogue) for every domain Onward and the example centre translate."""
    found = [(LOCALES / f"{d}.pot", LOCALES / "fr" / "LC_MESSAGES" / f"{d}.po") for d in DOMAINS]
    found += [(pot, EXAMPLE_LOCALES / "fr" / "LC_MESSAGES" / f"{pot.stem}.po") for pot in sorted(EXAMPLE_LOCALES.glob("*.pot"))]
    return found


def read(file: Path) -> dict[tuple[str, str], object]:
    with file.open("rb") as source:
        return {(m.context, m.id): m for m in read_po(source) if m.id}


def name(pair: tuple[Path, Path]) -> str:
    return pair[1].relative_to(LOCALES.parent).as_posix() if LOCALES.parent in pair[1].parents else str(pair[1])


PAIRS = catalogues()


def params() -> list:
    return [pytest.param(pair, id=name(pair)) for pair in PAIRS]


@pytest.mark.parametrize("pair", params())
def test_every_id_has_a_french_text(pair: tuple[Path, Path]) -> None:
    template, catalogue = pair
    assert catalogue.is_file(), f"{catalogue} is missing"
    french = read(catalogue)
    wanted = read(template)
    missing = [context for (context, english) in wanted if (context, english) not in french]
    empty = [key[0] for key, m in french.items() if key in wanted and not m.string]  # type: ignore[attr-defined]
    fuzzy = [key[0] for key, m in french.items() if key in wanted and m.fuzzy]  # type: ignore[attr-defined]
    assert (missing, empty, fuzzy) == ([], [], [])


@pytest.mark.parametrize("pair", params())
def test_french_spacing(pair: tuple[Path, Path]) -> None:
    """No-break spaces before ; : ! ? and inside « », and ’ for an apostrophe (python tools/french_spacing.py FILE fixes them)."""
    if not pair[1].is_file():
        pytest.fail(f"{pair[1]} is missing")
    wrong = [
        (key[0], m.string)  # type: ignore[attr-defined]
        for key, m in read(pair[1]).items()
        if m.string and not kept_as_written(key[1], m.string) and spaced(m.string) != m.string  # type: ignore[attr-defined]
    ]
    assert wrong == []
    straight_quotes = [key[0] for key, m in read(pair[1]).items() if '"' in (m.string or "")]  # type: ignore[attr-defined]
    assert straight_quotes == [], "French quotes are « »"


@pytest.mark.parametrize("pair", params())
def test_links_numbers_and_emphasis_are_kept(pair: tuple[Path, Path]) -> None:
    if not pair[1].is_file():
        pytest.fail(f"{pair[1]} is missing")
    changed = []
    for (context, english), message in read(pair[1]).items():
        french = message.string or ""  # type: ignore[attr-defined]
        if not french:
            continue
        if sorted(LINK_TARGET.findall(french)) != sorted(LINK_TARGET.findall(english)):
            changed.append((context, "link targets"))
        if len(BOLD.findall(french)) != len(BOLD.findall(english)):
            changed.append((context, "bold"))
        found = {n.replace(" ", "").replace(NBSP, "") for n in NUMBER.findall(french)}
        afternoon = {hour for hour in CLOCK.findall(english) if str(int(hour) + 12) in found}
        numbers = {n.replace(" ", "").replace(NBSP, "") for n in NUMBER.findall(english)} - afternoon
        if not numbers <= found:
            changed.append((context, f"numbers {sorted(numbers)}"))
    assert changed == []


def test_the_spacing_tool_leaves_link_targets_and_addresses_alone() -> None:
    assert spaced("Voir [ici](coping#more-support) : https://3114.fr !") == f"Voir [ici](coping#more-support){NBSP}: https://3114.fr{NNBSP}!"
    assert spaced("« oui »") == f"«{NBSP}oui{NBSP}»" and spaced("9:30") == "9:30"


def test_a_time_of_day_may_be_written_on_the_24_hour_clock() -> None:
    assert CLOCK.findall("That is for 4 o'clock tomorrow, not 10pm.") == ["4", "10"]


def test_the_spacing_tool_writes_narrow_spaces_before_three_marks_and_typographic_apostrophes() -> None:
    """As the insights' catalogue and the interface have it: one French typography across Onward."""
    assert spaced("Vraiment ? Oui ; enfin !") == f"Vraiment{NNBSP}? Oui{NNBSP}; enfin{NNBSP}!"
    assert spaced("l'entretien, aujourd'hui") == "l’entretien, aujourd’hui"
    assert spaced("[l'offre](learning#l'ancre)") == "[l’offre](learning#l'ancre)"
    assert spaced("ce critère d'« accord »") == "ce critère d’«\u00a0accord\u00a0»"
    assert kept_as_written("Need to talk? 1737", "Need to talk? 1737")


def strings(value: object, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [found for k, v in value.items() for found in strings(v, f"{key}.{k}".lstrip("."))]
    if isinstance(value, list):
        return [found for i, v in enumerate(value) for found in strings(v, f"{key}.{i}")]
    return [(key, value)] if isinstance(value, str) else []


@pytest.mark.parametrize("file", [LOCALES / "fr.yml", EXAMPLE_LOCALES.parents[1] / "centre.yml"], ids=["interface", "example-centre"])
def test_the_interface_and_the_example_centre_follow_the_same_french_typography(file: Path) -> None:
    import yaml

    french = yaml.safe_load(file.read_text(encoding="utf-8"))
    assert [(key, text) for key, text in strings(french) if spaced(text) != text] == []


@pytest.mark.parametrize("pair", params())
def test_every_french_catalogue_counts_one_as_singular(pair: tuple[Path, Path]) -> None:
    """gettext's rule for French, as the insights' catalogue has it (not CLDR's three forms that Babel offers)."""
    if not pair[1].is_file():
        pytest.fail(f"{pair[1]} is missing")
    with pair[1].open("rb") as source:
        assert read_po(source).plural_expr == "(n > 1)"


def test_the_spacing_tool_respaces_every_plural_form_and_leaves_names_as_written(tmp_path: Path) -> None:
    from french_spacing import fix_file

    po = tmp_path / "insights.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'
        'msgid "One «yes»?"\nmsgid_plural "%(count)s «yes»?"\nmsgstr[0] "Un « oui » ?"\nmsgstr[1] "%(count)s « oui » ?"\n\n'
        'msgid "Need to talk? 1737"\nmsgstr "Need to talk? 1737"\n',
        encoding="utf-8",
    )
    assert fix_file(po)
    with po.open("rb") as source:
        messages = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(source) if m.id}
    assert messages["One «yes»?"] == (f"Un «{NBSP}oui{NBSP}»{NNBSP}?", f"%(count)s «{NBSP}oui{NBSP}»{NNBSP}?")
    assert messages["Need to talk? 1737"] == "Need to talk? 1737"
