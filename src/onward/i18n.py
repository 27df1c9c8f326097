"""The interface's words in the reader's language, English where a translation is missing.

Interface strings live in ``locales/LANG.yml`` under readable, nested keys
(``worksheet.saved``). Templates look them up through Jinja's own i18n
extension: ``{{ _("worksheet.saved") }}``, with ``%(name)s`` placeholders filled
from keyword arguments (Jinja's "new style" gettext, which escapes the values in
HTML templates). English is complete by definition; another language may leave
keys out (they fall back to English) but may not invent keys English lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from jinja2 import Environment, pass_eval_context
from jinja2.nodes import EvalContext
from markupsafe import Markup

from .errors import ContentError, Path_, Problem
from .links import suggestion
from .paths import bundled
from .yamlsource import YamlDocument, load_yaml

FALLBACK = "en"


class UnknownString(KeyError):
    """A template asked for a key that English does not have (a typo, usually)."""

    def __str__(self) -> str:
        return f"no interface string {self.args[0]!r} in locales/{FALLBACK}.yml"


@dataclass(frozen=True)
class Catalog:
    """Every interface string of one language, English filling any gaps."""

    language: str  # the language the strings are in: the one asked for, or "en" when there is no file for it
    messages: Mapping[str, str]
    missing: tuple[str, ...] = ()  # keys this language leaves to English

    def gettext(self, key: str) -> str:
        try:
            return self.messages[key]
        except KeyError:
            raise UnknownString(key) from None

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """Two keys, one for one thing and one for several (enough for English and French)."""
        return self.gettext(singular if count == 1 else plural)

    def install(self, env: Environment) -> None:
        """Make ``_``, ``gettext`` and ``ngettext`` in ``env`` read this catalog."""
        if "jinja2.ext.InternationalizationExtension" not in env.extensions:
            env.add_extension("jinja2.ext.i18n")
        env.install_gettext_callables(self.gettext, self.ngettext, newstyle=True)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Languages:
    """The three languages a page can mix: Material's (the page's), Onward's interface, the content's.

    On a site where all three agree nothing is marked; otherwise every part says
    which language it is in, so screen readers pronounce each part correctly.
    """

    page: str
    interface: str
    content: str

    @property
    def mixed(self) -> bool:
        return len({self.page, self.interface, self.content}) > 1

    def code(self, part: str) -> str:
        return self.interface if part == "interface" else self.content

    def attr(self, part: str) -> Markup:
        """`` lang="…"`` for an element holding ``part`` ("interface" or "content"), or nothing."""
        return Markup(' lang="%s"') % self.code(part) if self.mixed else Markup("")

    def install(self, env: Environment) -> None:
        """Give templates ``lang_attr(part)`` and ``in_lang(part, text)``."""
        env.globals["lang_attr"] = self.attr
        env.globals["in_lang"] = self._in_lang

    @pass_eval_context
    def _in_lang(self, context: EvalContext, part: str, text: str) -> str:
        """``text`` in a span marked with its language when the page mixes languages."""
        if not self.mixed:
            return text
        if context.autoescape:
            return Markup('<span lang="{}">{}</span>').format(self.code(part), text)
        return f'<span lang="{self.code(part)}">{text}</span>'


def flatten(document: YamlDocument) -> tuple[dict[str, str], dict[str, int], list[Problem]]:
    """Nested mappings of strings as dotted keys, each key's line, and what is not a string."""
    messages: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[Problem] = []

    def walk(value: Any, path: Path_) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, path + (str(key),))
        elif isinstance(value, str) and path:
            key = ".".join(str(p) for p in path)
            messages[key] = value
            lines[key] = document.line_of(path) or 1
        else:
            problems.append(document.problem(path, "must be a mapping of keys to text"))

    walk(document.data, ())
    return messages, lines, problems


def _load(file: Path, name: str) -> tuple[dict[str, str], dict[str, int]]:
    messages, lines, problems = flatten(load_yaml(file, name))
    if problems:
        raise ContentError(problems)
    return messages, lines


def main_language(language: str) -> str:
    """"pt" for "pt-BR" or "pt_BR": the language without its region or script."""
    return language.replace("_", "-").split("-")[0]


def locale_file(language: str, directory: Path) -> Path | None:
    """The file for ``language``: an exact match ("pt-BR"), else its main language ("pt")."""
    for code in (language, main_language(language)):
        candidate = directory / f"{code}.yml"
        if candidate.is_file():
            return candidate
    return None


@lru_cache(maxsize=8)
def load_catalog(language: str, directory: Path | None = None) -> Catalog:
    """The catalog for ``language``; English alone when no file translates it.

    Raise ContentError naming the file, line and key of any key English lacks.
    """
    directory = directory or bundled("locales")
    english, _ = _load(directory / f"{FALLBACK}.yml", f"locales/{FALLBACK}.yml")
    file = locale_file(language, directory)
    if file is None or file.stem == FALLBACK:
        return Catalog(FALLBACK, english)
    name = f"locales/{file.name}"
    translated, lines = _load(file, name)
    unknown = [
        Problem(name, lines[key], tuple(key.split(".")), f"no such key in {FALLBACK}.yml{suggestion(key, english)}")
        for key in translated
        if key not in english
    ]
    if unknown:
        raise ContentError(unknown)
    missing = tuple(key for key in english if key not in translated)
    return Catalog(file.stem, {**english, **translated}, missing)
