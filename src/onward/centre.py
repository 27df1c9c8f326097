"""A career centre's configuration: who it is, how it looks, where its help is.

It is written either in the ``onward`` plugin's options in ``mkdocs.yml`` or in
a file those options name (``centre: centre.yml``). Both are checked against
one schema, and every problem names the file, line and field, as content
errors do. This module never imports MkDocs; the plugin applies the result.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import material

from .components import load_components
from .contrast import DEFAULT_COLOURS, contrast_problems
from .errors import ContentError, Path_, Problem, display_name
from .help_sets import load_help_sets, unknown_set_message
from .i18n import FALLBACK, locale_file
from .languages import language_suggestion
from .paths import bundled
from .validation import TEXT_SCHEMA, schema_problems
from .yamlsource import YamlDocument, line_map, load_yaml

MATERIAL_LANGUAGES = Path(material.__file__).resolve().parent / "templates" / "partials" / "languages"


def _colour(role: str) -> dict[str, Any]:
    return {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$", "description": f"a colour written #rrggbb ({role})"}


_WEB_ADDRESS = {"type": "string", "pattern": "^https?://[^\\s]+$", "description": "a web address starting https://"}
_EMAIL = {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "description": "an email address"}
_PHONE = {
    "type": "string",
    "pattern": "^\\+?[0-9][0-9 ()-]{2,}$",
    "description": "a phone number as people dial it (digits, spaces, brackets, hyphens, a leading +)",
}
_FILE = {"type": "string", "minLength": 1, "description": "a file path inside docs_dir"}


def _help_schema() -> dict[str, Any]:
    """The help box's schema comes from its component spec, so the two never drift apart."""
    params = load_components(bundled("macros"))["help"].params
    return {
        "type": "object",
        "description": "the help box on every page: its heading, a sentence, and who to contact",
        "properties": {"title": params["title"], "intro": params["intro"], "contacts": params["contacts"]},
        "additionalProperties": False,
    }


def centre_schema() -> dict[str, Any]:
    """Every field a centre can set; the descriptions are the reference DEVELOPERS.md follows."""
    return {
        "type": "object",
        "properties": {
            "name": {**TEXT_SCHEMA, "description": "the centre's full name, shown on every page"},
            "short_name": {**TEXT_SCHEMA, "description": "a short form of the name, for links such as 'Book with EUCS'"},
            "logo": {**_FILE, "description": "the header logo: a file path inside docs_dir"},
            "favicon": {**_FILE, "description": "the browser tab icon: a file path inside docs_dir"},
            "colours": {
                "type": "object",
                "description": "the palette; each colour is checked for WCAG AA contrast where the theme uses it",
                "properties": {
                    "primary": _colour("header background and link colour (light scheme)"),
                    "accent": _colour("hover and focus colour (light scheme)"),
                    "dark_link": _colour("link colour in the dark scheme"),
                    "dark_accent": _colour("hover and focus colour in the dark scheme"),
                },
                "additionalProperties": False,
            },
            "contact": {
                "type": "object",
                "description": "how to reach the centre, shown in the help box on every page",
                "properties": {
                    "email": _EMAIL,
                    "phone": _PHONE,
                    "address": {**TEXT_SCHEMA, "description": "where the centre is"},
                    "hours": {**TEXT_SCHEMA, "description": "when it is open"},
                    "website": _WEB_ADDRESS,
                },
                "additionalProperties": False,
            },
            "booking": {
                "type": "object",
                "description": "the appointment booking link, shown in the help box on every page",
                "properties": {
                    "url": _WEB_ADDRESS,
                    "label": {**TEXT_SCHEMA, "description": "the link text (default 'Book an appointment')"},
                },
                "required": ["url"],
                "additionalProperties": False,
            },
            "help": _help_schema(),
            "footer": {**TEXT_SCHEMA, "description": "a line of plain text in the footer of every page"},
            "language": {"type": "string", "description": "the interface language, one Material ships (en, fr, de...)"},
            "storage_namespace": {
                "type": "string",
                "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
                "maxLength": 60,
                "description": "lowercase words joined by hyphens; each copy on one domain needs its own",
            },
            "pyodide_url": {
                "type": "string",
                "pattern": "^(/|\\./|\\.\\./|https://)[^\\s]*$",
                "description": "a path starting /, ./ or ../, or an https:// address of your own (default: the site's copy)",
            },
            "overlay": {"type": "string", "minLength": 1, "description": "the overlay folder, relative to this file"},
            "help_set": {"type": "string", "minLength": 1, "description": "the country whose help lines the help box shows (help/ID.yml: uk, ie, us...)"},
            "service_worker": {
                "type": "boolean",
                "description": "true (the default) keeps the site on readers' devices so it opens with no network; false switches that off",
            },
        },
        "additionalProperties": False,
    }


@dataclass(frozen=True)
class Centre:
    """A checked configuration, with defaults filled where a centre said nothing."""

    name: str | None = None
    short_name: str | None = None
    logo: str | None = None
    favicon: str | None = None
    colours: Mapping[str, str] | None = None  # None: Onward's own palette, no extra stylesheet
    contact: Mapping[str, str] | None = None
    booking: Mapping[str, str] | None = None
    help: Mapping[str, Any] | None = None
    footer: str | None = None
    language: str | None = None
    storage_namespace: str | None = None
    pyodide_url: str | None = None
    overlay: Path | None = None
    help_set: str | None = None  # one country's sourced help lines; None lets the reader choose
    service_worker: bool | None = None  # None or True: the site is kept on the device (offline.py)
    # A new field: a line here and its entry in centre_schema() (a test checks the two agree);
    # plain values are taken as written, and _checked() is where a field needs more than the schema.

    def help_box(self, defaults: Mapping[str, Any], book_label: str) -> dict[str, Any]:
        """The help component's parameters: the centre's own box, or ``defaults``, Onward's generic one
        in the interface language. ``book_label`` names the booking link when the centre gives no label;
        it holds ``%(name)s`` for the centre's (short) name.
        """
        given = dict(self.help or {})
        params: dict[str, Any] = {
            "title": given.get("title", defaults["title"]),
            "intro": given.get("intro", defaults["intro"]),
            "contacts": given.get("contacts") or defaults["contacts"],
        }
        if self.name:
            booking = dict(self.booking or {})
            if booking and "label" not in booking:
                booking["label"] = book_label % {"name": self.short_name or self.name}
            params["centre"] = {"name": self.name, **dict(self.contact or {}), "booking": booking or None}
        return params


# The plugin options that are centre fields (all but the folder options and ``centre`` itself).
CENTRE_FIELDS = tuple(item.name for item in dataclasses.fields(Centre))


def material_languages() -> list[str]:
    return sorted(file.stem for file in MATERIAL_LANGUAGES.glob("*.html"))


def load_centre(options: Mapping[str, Any], config_file: Path, docs_dir: Path) -> Centre:
    """Check the centre configuration (inline options, or the file ``options['centre']`` names).

    Raise ContentError listing every problem with file, line and field.
    """
    root = config_file.parent
    inline = {key: options[key] for key in CENTRE_FIELDS if options.get(key) is not None}
    if options.get("centre"):
        file = root / options["centre"]
        if not file.is_file():
            raise ContentError.single(config_file.name, None, ("plugins", "onward", "centre"), f"no file {file}")
        doc = load_yaml(file, display_name(file, root))
        if doc.data is None:
            doc.data = {}
        prefix: Path_ = ()
        base = file.parent
        clashes = [
            Problem(config_file.name, None, ("plugins", "onward", key), f"'{key}' is also set in {doc.name}: keep one")
            for key in inline
            if isinstance(doc.data, dict) and key in doc.data
        ]
        if clashes:
            raise ContentError(clashes)
    else:
        doc, prefix = _inline_document(config_file, inline)
        base = root
    problems = schema_problems(doc, doc.data, centre_schema(), prefix)
    # The fields the schema found wrong are left out of the checks that follow, which still run,
    # so every problem is listed at once.
    wrong = {p.path[len(prefix)] for p in problems if len(p.path) > len(prefix)}
    data = doc.data if isinstance(doc.data, dict) else {}
    try:
        centre = _checked(doc, prefix, {k: v for k, v in data.items() if k not in wrong}, base, docs_dir)
    except ContentError as exc:
        problems.extend(exc.problems)
    if problems:
        raise ContentError(sorted(problems, key=lambda p: p.line or 0))
    return centre


def _inline_document(config_file: Path, data: dict[str, Any]) -> tuple[YamlDocument, Path_]:
    """mkdocs.yml as a document, with the path of the onward plugin's options inside it."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except OSError:
        text = ""
    lines = line_map(text)
    prefix: Path_ = ("plugins", "onward")
    for path in lines:
        if len(path) == 3 and path[0] == "plugins" and path[2] == "onward":
            prefix = path
    return YamlDocument(config_file.name, data, lines, text), prefix


def _checked(doc: YamlDocument, prefix: Path_, data: dict[str, Any], base: Path, docs_dir: Path) -> Centre:
    """What a schema cannot say: files exist, the language exists, colours are readable."""
    problems: list[Problem] = []
    for key in ("logo", "favicon"):
        if key in data:
            message = asset_problem(data[key], docs_dir)
            if message:
                problems.append(doc.problem(prefix + (key,), message))
    language = data.get("language")
    known = material_languages()
    if language is not None and language not in known:
        message = f"'{language}' is not a language Material for MkDocs ships{language_suggestion(language, known)}"
        problems.append(doc.problem(prefix + ("language",), f"{message} (known: {', '.join(known)})"))
    values = {key: data.get(key) for key in CENTRE_FIELDS}
    if "colours" in data:
        values["colours"] = {**DEFAULT_COLOURS, **data["colours"]}
        for key, message in contrast_problems(values["colours"]).items():
            problems.append(doc.problem(prefix + ("colours", key), message))
    if "overlay" in data:
        values["overlay"] = (base / data["overlay"]).resolve()
        if not values["overlay"].is_dir():
            problems.append(doc.problem(prefix + ("overlay",), f"no folder '{data['overlay']}' (looked for {values['overlay']})"))
    if "help_set" in data and data["help_set"] not in (sets := sorted(load_help_sets())):
        problems.append(doc.problem(prefix + ("help_set",), unknown_set_message(data["help_set"], sets)))
    if problems:
        raise ContentError(problems)
    return Centre(**values)


def asset_problem(value: str, docs_dir: Path) -> str | None:
    """Why a logo or favicon path would give a broken image, or None when the file is there.

    The site is served from wherever the centre puts it, so the path must be
    relative to docs_dir: an absolute one would point at the server's root.
    """
    inside = _files_in(docs_dir)
    if "://" in value or value.startswith("//"):
        return f"'{value}' is a web address: give a file inside docs_dir ({docs_dir}), so the site loads nothing from elsewhere"
    path = Path(value)
    if path.is_absolute():
        try:
            relative = path.resolve().relative_to(docs_dir.resolve()).as_posix()
            hint = f": write '{relative}'"
        except ValueError:
            hint = f": copy the file into docs_dir ({docs_dir}) and give its path from there"
        return f"'{value}' is an absolute path, which breaks when the site is served from a sub-path{hint}"
    if ".." in path.parts:
        return f"'{value}' leads out of docs_dir ({docs_dir}): keep the file inside it and give its path from there"
    if (docs_dir / path).is_file():
        return None
    close = difflib.get_close_matches(path.as_posix(), inside, n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"no file '{value}' in docs_dir ({docs_dir}){hint}"


def _files_in(folder: Path) -> list[str]:
    """Every file below ``folder``, as paths relative to it (what a logo path may be)."""
    if not folder.is_dir():
        return []
    return sorted(file.relative_to(folder).as_posix() for file in folder.rglob("*") if file.is_file())


def untranslated_interface(language: str) -> str | None:
    """What a reader would see when Onward has no interface file for ``language`` (None when it has one)."""
    file = locale_file(language, bundled("locales"))
    if file is not None:
        return None
    shipped = ", ".join(sorted(f.stem for f in bundled("locales").glob("*.yml")))
    return (
        f"Onward has no interface translation for '{language}' (it ships {shipped}): Material's own words will be "
        f"in '{language}', but Onward's buttons, messages and help box will stay in English ('{FALLBACK}'). "
        "To have them translated, add a locales file to Onward (see DEVELOPERS.md, \"The interface in other languages\")"
    )
