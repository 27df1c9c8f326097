"""A centre's colours, checked for WCAG AA contrast wherever Onward's theme uses them.

ColorAide does the colour maths (parsing, WCAG 2.1 relative luminance, mixing):
it is a maintained library and gets the details of sRGB right. This module only
knows *where* the theme puts each colour, so a failure can say which text on
which background would be hard to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coloraide import Color

AA_TEXT = 4.5  # WCAG 2.2 SC 1.4.3, normal-size text

WHITE = "#ffffff"
# Material's dark ("slate") page background: hsl(225deg 15% 14%).
SLATE_PAGE = "#1e2129"  # hsl(225deg 15% 14%) in sRGB
DARK_HELP_BACKGROUND = "#1f2b2e"  # the help box in the dark scheme (onward.css)

# Onward's own palette (onward.css): what a site gets for any colour it leaves out.
DEFAULT_COLOURS: dict[str, str] = {
    "primary": "#1d5c58",
    "accent": "#9c4221",
    "dark_link": "#8fd3cb",
    "dark_accent": "#f3ae8c",
}


def color(text: str) -> "Color":
    """A ColorAide colour. Imported on first use: ColorAide takes a third of a second to
    import, which only a site that sets its own colours should pay."""
    from coloraide import Color

    return Color(text)


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2.x contrast ratio between two colours (1 to 21)."""
    return color(foreground).contrast(background, method="wcag21")


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0 to 1) of the way towards ``other``, as #rrggbb."""
    mixed = color(colour).mix(other, amount, space="srgb")
    return mixed.convert("srgb").fit().to_string(hex=True)


def help_background(primary: str) -> str:
    """The help box's light background: a pale tint of the primary colour."""
    return mix(primary, WHITE, 0.92)


def help_border(primary: str) -> str:
    return mix(primary, WHITE, 0.55)


@dataclass(frozen=True)
class Pairing:
    """One place the theme draws text of one colour on another."""

    colour: str  # the key in the colours mapping being checked
    where: str  # how an editor would recognise the place
    foreground: str
    background: str


def pairings(colours: Mapping[str, str]) -> list[Pairing]:
    """Every text-on-background pair the theme makes from ``colours`` (all four keys given)."""
    primary, accent = colours["primary"], colours["accent"]
    return [
        Pairing("primary", "white header text on the primary colour", WHITE, primary),
        Pairing("primary", "links (primary) on the light page background", primary, WHITE),
        Pairing("primary", "links (primary) in the help box, light scheme", primary, help_background(primary)),
        Pairing("accent", "links on hover (accent) on the light page background", accent, WHITE),
        Pairing("accent", "white text on the accent colour (the back-to-top button on hover)", WHITE, accent),
        Pairing("dark_link", "links (dark_link) on the dark page background", colours["dark_link"], SLATE_PAGE),
        Pairing("dark_link", "links (dark_link) in the help box, dark scheme", colours["dark_link"], DARK_HELP_BACKGROUND),
        Pairing("dark_accent", "links on hover (dark_accent) on the dark page background", colours["dark_accent"], SLATE_PAGE),
        Pairing("dark_accent", "dark text on dark_accent (the back-to-top button on hover)", SLATE_PAGE, colours["dark_accent"]),
    ]


def contrast_problems(colours: Mapping[str, str]) -> dict[str, str]:
    """For each colour that fails somewhere, a message with the measured and the needed ratio,
    and the nearest shade of the same hue that would pass everywhere that colour is used."""
    found: dict[str, str] = {}
    for pair in pairings(colours):
        ratio = contrast(pair.foreground, pair.background)
        if ratio < AA_TEXT and pair.colour not in found:
            shade = nearest_passing_shade(colours, pair.colour)
            hint = f"; {shade} is the nearest shade of the same hue that passes everywhere {pair.colour} is used" if shade else ""
            found[pair.colour] = (
                f"{colours[pair.colour]} is too hard to read for {pair.where}: contrast "
                f"{ratio:.2f}:1 ({pair.foreground} on {pair.background}), WCAG AA needs at least {AA_TEXT}:1{hint}"
            )
    return found


def passes(colours: Mapping[str, str], key: str) -> bool:
    """Whether every pair the theme draws with colour ``key`` reaches WCAG AA."""
    return all(contrast(p.foreground, p.background) >= AA_TEXT for p in pairings(colours) if p.colour == key)


def nearest_passing_shade(colours: Mapping[str, str], key: str, step: float = 0.005) -> str | None:
    """The colour of the same hue (OKLCh), lighter or darker by the least, with which ``key`` passes.

    Lightness moves in small steps both ways; each candidate is brought into sRGB by
    reducing its chroma (ColorAide's gamut mapping keeps hue and lightness), so the
    suggestion is the centre's own colour, only lighter or darker.
    """
    base = color(colours[key]).convert("oklch")
    start = base["lightness"]
    for distance in range(1, int(1 / step) + 1):
        for direction in (-1, 1):
            lightness = start + direction * distance * step
            if not 0 <= lightness <= 1:
                continue
            candidate = base.clone().set("lightness", lightness).convert("srgb").fit("srgb").to_string(hex=True)
            if passes({**colours, key: candidate}, key):
                return candidate
    return None


def palette_css(colours: Mapping[str, str]) -> str:
    """The stylesheet that puts a centre's colours into Material's and Onward's variables."""
    primary, accent = colours["primary"], colours["accent"]
    return (
        "/* A career centre's colours, written by Onward at build time from its configuration. */\n"
        ":root {\n"
        f"  --onward-teal: {primary};\n"
        f"  --onward-teal-dark: {mix(primary, '#000000', 0.3)};\n"
        f"  --onward-teal-light: {mix(primary, WHITE, 0.2)};\n"
        "}\n"
        '[data-md-color-accent="custom"] {\n'
        f"  --md-accent-fg-color: {accent};\n"
        f"  --md-accent-fg-color--transparent: {accent}1a;\n"
        "}\n"
        '[data-md-color-scheme="default"] {\n'
        f"  --onward-help-bg: {help_background(primary)};\n"
        f"  --onward-help-border: {help_border(primary)};\n"
        "}\n"
        '[data-md-color-scheme="slate"] {\n'
        f"  --md-typeset-a-color: {colours['dark_link']};\n"
        f"  --md-accent-fg-color: {colours['dark_accent']};\n"
        "}\n"
    )
