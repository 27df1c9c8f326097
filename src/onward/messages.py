"""Every text a reader sees in the YAML, found through the schemas, each with a context that names it.

A string is a message when its schema gives it the role ``text`` or ``markdown``
(``components.ROLE_TEXT``, ``ROLE_MARKDOWN``): the component specs in ``macros/``
say so for blocks and fields, the document schemas for pages, sections,
worksheets and help sets. Ids, link targets, anchors, option values and numbers
have other roles, or none, and are never messages.

Each message's context is its id path, so that a translation belongs to one
place in the guide and cannot drift onto another block whose English happens to
read the same:

    reasons.title                                      a page's field
    reasons/five-common-reasons.title                  a section's title
    reasons/five-common-reasons/competition.actions.1  a block with an id, then the parameter
    reasons/reasons-you-may-never-see/paragraph[0].text  a block without one: its type and its
                                                       place among the blocks of that type there
    worksheets/rejection-log/applications/stage.options.interview   a field's option (its label)
    help/uk.contacts.0.description                     a help set's field

Ids are used wherever the content has them (blocks with anchors, fields, options,
groups of questions), so adding or moving blocks leaves the contexts of the others
alone; an index only stands in where there is no id. The same functions find the
messages for the template (``extract.py``) and for the build (``translations.py``),
so the two can never disagree about what is translatable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from .components import ROLE_ANCHOR, ROLE_KEY, ROLE_MARKDOWN, ROLE_TEXT, Component
from .errors import Path_
from .sources import PAGE_SCHEMA, SECTION_SCHEMA, Merged, PageSource, SectionSource, WorksheetSource
from .yamlsource import YamlDocument

TRANSLATED_ROLES = (ROLE_TEXT, ROLE_MARKDOWN)
_ITEM_KEYS = ("id", "value")  # list items named by one of these are found by it, not by their place
_ELIDED = "label"  # a named item's label is the item itself: options.interview, not options.interview.label


@dataclass(frozen=True)
class Message:
    """One translatable text: where it is written, what it says, and the id path that names it."""

    context: str
    text: str
    doc: YamlDocument = field(compare=False, repr=False)
    path: Path_ = ()  # where in ``doc``
    markdown: bool = False  # inline Markdown: link targets inside must stay as written

    @property
    def line(self) -> int:
        return self.doc.line_of(self.path) or 1

    @property
    def where(self) -> str:
        """``content/reasons.yml:83``: the English a translator or an editor looks at."""
        return f"{self.doc.name}:{self.line}"


def _join(context: str, key: str) -> str:
    return f"{context}.{key}" if context else key


def walk_messages(value: Any, schema: Mapping[str, Any], path: Path_, context: str) -> Iterator[tuple[Path_, str, str, bool]]:
    """(path, context, text, is Markdown) for every translatable string in ``value`` along ``schema``."""
    role = schema.get(ROLE_KEY)
    if isinstance(value, str):
        if role in TRANSLATED_ROLES:
            yield path, context, value, role == ROLE_MARKDOWN
        return
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        named = isinstance(value.get(_ITEM_KEYS[0]) or value.get(_ITEM_KEYS[1]), str)
        for key, item in value.items():
            if key in properties:
                inner = context if named and key == _ELIDED else _join(context, str(key))
                yield from walk_messages(item, properties[key], path + (key,), inner)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            name = next((item[k] for k in _ITEM_KEYS if isinstance(item, dict) and isinstance(item.get(k), str)), None)
            yield from walk_messages(item, schema["items"], path + (index,), _join(context, name or str(index)))


def _messages(
    doc: YamlDocument, value: Any, schema: Mapping[str, Any], path: Path_, context: str, structure: tuple[str, ...] = ()
) -> list[Message]:
    """The messages of ``value``; the ``structure`` fields (sections, blocks, fields) are walked by their own rules."""
    if structure:
        schema = {**schema, "properties": {k: v for k, v in schema.get("properties", {}).items() if k not in structure}}
    return [Message(ctx, text, doc, where, markdown) for where, ctx, text, markdown in walk_messages(value, schema, path, context)]


def block_key(item: Mapping[str, Any], component: Component | None, seen: dict[str, int]) -> str:
    """A block's name in contexts: its anchor id when it has one, else ``type[n]`` among its kind here."""
    if component is not None:
        for name, spec in component.params.items():
            if spec.get(ROLE_KEY) == ROLE_ANCHOR and isinstance(item.get(name), str):
                return item[name]
    kind = str(item.get("type", "block"))
    count = seen.get(kind, 0)
    seen[kind] = count + 1
    return f"{kind}[{count}]"


def block_messages(
    doc: YamlDocument, items: Any, path: Path_, context: str, components: Mapping[str, Component]
) -> list[Message]:
    """The messages of a list of blocks (a page's intro, a section's blocks)."""
    found: list[Message] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        component = components.get(str(item.get("type")))
        key = block_key(item, component, seen)
        if component is not None:
            found += _messages(doc, item, component.block_schema, path + (index,), f"{context}/{key}")
    return found


def section_messages(section: SectionSource, page_id: str, components: Mapping[str, Component]) -> list[Message]:
    context = f"{page_id}/{section.id}"
    data = section.data
    found = _messages(section.doc, data, SECTION_SCHEMA, section.path, context, ("blocks",))
    return found + block_messages(section.doc, data.get("blocks"), section.path + ("blocks",), context, components)


def page_messages(page: PageSource, components: Mapping[str, Component]) -> list[Message]:
    """A page's own fields, its intro and every section it shows, wherever each was written."""
    data = page.doc.data
    found = _messages(page.doc, data, PAGE_SCHEMA, (), page.id, ("intro", "sections"))
    found += block_messages(page.doc, data.get("intro"), ("intro",), page.id, components)
    for section in page.sections:
        found += section_messages(section, page.id, components)
    return found


def field_messages(
    doc: YamlDocument, items: Any, path: Path_, context: str, components: Mapping[str, Component]
) -> list[Message]:
    """A worksheet's fields, each named by its id; a group's fields inside it."""
    found: list[Message] = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        component = components.get(str(item.get("type")))
        here = f"{context}/{item['id']}"
        if component is not None:
            found += _messages(doc, item, component.block_schema, path + (index,), here, ("fields",))
        found += field_messages(doc, item.get("fields"), path + (index, "fields"), here, components)
    return found


def worksheet_messages(source: WorksheetSource, components: Mapping[str, Component]) -> list[Message]:
    from .worksheets import WORKSHEET_SCHEMA  # worksheets.py builds on what this module finds

    doc = source.doc
    context = f"worksheets/{source.id}"
    found = _messages(doc, doc.data, WORKSHEET_SCHEMA, (), context, ("fields",))
    return found + field_messages(doc, doc.data.get("fields"), ("fields",), context, components)


def guide_messages(merged: Merged, components: Mapping[str, Component]) -> list[Message]:
    """The ``content`` domain: every page of the merged guide."""
    return [message for page in merged.pages for message in page_messages(page, components)]


def worksheets_messages(merged: Merged, components: Mapping[str, Component]) -> list[Message]:
    """The ``worksheets`` domain: every worksheet of the merged set."""
    return [message for source in merged.worksheets.values() for message in worksheet_messages(source, components)]


def document_messages(doc: YamlDocument, schema: Mapping[str, Any], context: str) -> list[Message]:
    """A document of one schema throughout (a help set): its messages under ``context``."""
    return _messages(doc, doc.data, schema, (), context)
