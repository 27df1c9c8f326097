"""Components: one Jinja macro per file, each with a spec of its parameters and examples.

The GOV.UK Frontend habit: ``macros/NAME.md.j2`` holds the macro, ``macros/NAME.yml``
describes every parameter (as JSON Schema, so the same text validates content) and
gives examples that the tests render. A block type in the content *is* a component.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Iterator

from .errors import ContentError
from .yamlsource import load_yaml

# Annotations in a parameter schema that tell the loader what a string means.
ROLE_KEY = "x-onward-role"
ROLE_MARKDOWN = "markdown"  # inline Markdown; internal links in it are checked and rewritten
ROLE_TEXT = "text"  # plain text a reader sees (a title, a label); translated like Markdown
ROLE_ID = "id"  # a key stored or linked, never shown as it is (a field id, an option value)
ROLE_LINK = "link"  # "page" or "page#anchor"
ROLE_ANCHOR = "anchor"  # an id that others can link to as page#id
ROLE_WORKSHEET = "worksheet"  # the id of a worksheet
ROLE_RENDERED = "rendered"  # supplied by Onward when rendering, never written in YAML
ROLE_DEFINITION = "definition"  # written in YAML and used to build the output, not shown as it is

KIND_BLOCK = "block"
KIND_FIELD = "field"
KIND_LAYOUT = "layout"


@dataclass(frozen=True)
class Component:
    """A macro and the description of what it takes."""

    name: str
    description: str
    kind: str  # "block" (content can use it), "field" (worksheet forms) or "layout"
    params: dict[str, Any]
    required: tuple[str, ...]
    examples: tuple[dict[str, Any], ...]
    template: str

    @property
    def is_block(self) -> bool:
        return self.kind == KIND_BLOCK

    @cached_property
    def block_schema(self) -> dict[str, Any]:
        """The JSON Schema a content block (or worksheet field) of this type must satisfy."""
        written = {k: v for k, v in self.params.items() if v.get(ROLE_KEY) != ROLE_RENDERED}
        return {
            "type": "object",
            "properties": {"type": {"const": self.name}, **written},
            "required": ["type", *(r for r in self.required if r in written)],
            "additionalProperties": False,
        }

    @cached_property
    def params_schema(self) -> dict[str, Any]:
        """The JSON Schema for calling the macro directly (no ``type`` key)."""
        return {
            "type": "object",
            "properties": self.params,
            "required": list(self.required),
            "additionalProperties": False,
        }


def load_components(macros_dir: Path) -> dict[str, Component]:
    """Read every ``NAME.yml`` spec in ``macros_dir`` that has a ``NAME.md.j2`` beside it."""
    return dict(_load_components_cached(macros_dir.resolve()))


@cache
def _load_components_cached(macros_dir: Path) -> tuple[tuple[str, Component], ...]:
    components = []
    for spec_file in sorted(macros_dir.glob("*.yml")):
        name = spec_file.stem
        template = f"{name}.md.j2" if (macros_dir / f"{name}.md.j2").exists() else f"{name}.html.j2"
        if not (macros_dir / template).exists():
            raise ContentError.single(str(spec_file), 1, (), f"no macro file {name}.md.j2 or {name}.html.j2 beside it")
        doc = load_yaml(spec_file)
        spec = doc.data or {}
        missing = {"description", "params", "examples"} - set(spec)
        if missing:
            raise ContentError.single(str(spec_file), 1, (), f"component spec lacks {sorted(missing)}")
        if spec.get("kind", KIND_BLOCK) not in (KIND_BLOCK, KIND_FIELD, KIND_LAYOUT):
            raise ContentError.single(str(spec_file), doc.line_of(("kind",)), ("kind",), "kind is block, field or layout")
        components.append(
            (
                name,
                Component(
                    name=name,
                    description=spec["description"],
                    kind=spec.get("kind", KIND_BLOCK),
                    params=spec["params"],
                    required=tuple(spec.get("required", [])),
                    examples=tuple(spec["examples"]),
                    template=template,
                ),
            )
        )
    return tuple(components)


def walk_roles(
    value: Any, schema: dict[str, Any], path: tuple[str | int, ...] = ()
) -> Iterator[tuple[str, tuple[str | int, ...], Any]]:
    """Yield (role, path, value) for every annotated string inside ``value``.

    Walks the instance alongside its (already validated) schema, so new components
    get link checking and rewriting without any code of their own.
    """
    role = schema.get(ROLE_KEY)
    if role and isinstance(value, str):
        yield role, path, value
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        for key, item in value.items():
            if key in properties:
                yield from walk_roles(item, properties[key], path + (key,))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            yield from walk_roles(item, schema["items"], path + (index,))


def replace_at(value: Any, path: tuple[str | int, ...], new: Any) -> Any:
    """Return a copy of ``value`` with the item at ``path`` replaced (inputs stay untouched)."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        copy = dict(value)
    else:
        copy = list(value)
    copy[head] = replace_at(value[head], rest, new)  # type: ignore[index]
    return copy


def fill_optional(value: Any, schema: dict[str, Any]) -> Any:
    """Give every object nested in ``value`` all its declared fields, None when absent.

    Macros run with StrictUndefined, so ``contact.phone`` on a contact without a
    phone would be an error; filling the gaps here keeps templates simple.
    """
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {
            key: fill_optional(value.get(key), sub) if key in value else None for key, sub in properties.items()
        } | {key: item for key, item in value.items() if key not in properties}
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [fill_optional(item, schema["items"]) for item in value]
    return value
