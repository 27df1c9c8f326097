"""The extractor: which strings are messages, the id path each is named by, and where each is written."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from onward.components import ROLE_KEY, load_components
from onward.extract import MARKDOWN_NOTE, onward_messages, template, write_catalogues
from onward.messages import Message, block_messages
from onward.paths import bundled
from onward.sources import read_defaults
from onward.translations import CONTENT, DOMAINS, HELP, WORKSHEETS
from onward.yamlsource import parse_yaml

REPO = bundled("content").parent
COMPONENTS = load_components(bundled("macros"))
MERGED = read_defaults(bundled("content"), bundled("worksheets"), REPO)
MESSAGES = onward_messages(MERGED, COMPONENTS)
BY_CONTEXT = {m.context: m for domain in DOMAINS for m in MESSAGES[domain]}


def blocks(yaml_text: str) -> list[Message]:
    doc = parse_yaml(yaml_text, "content/test.yml")
    return block_messages(doc, doc.data, (), "page/section", COMPONENTS)


@pytest.mark.parametrize(
    ("context", "english"),
    [
        ("reasons.title", "Why it might have happened"),
        ("reasons/five-common-reasons.title", "Five common reasons"),
        ("reasons/five-common-reasons/competition.title", "Someone else was a closer match"),
        ("reasons/five-common-reasons/competition.actions.1", "If you reached a late stage, consider"),
        ("reasons/paragraph[0].text", "It is natural to want to know why."),
        ("worksheets/rejection-log.title", "Rejection log"),
        ("worksheets/rejection-log/applications", "Your applications"),
        ("worksheets/rejection-log/applications.add_label", "Add another application"),
        ("worksheets/rejection-log/applications/stage", "How far did you get?"),
        ("worksheets/rejection-log/applications/stage.options.first-interview", "First interview"),
        ("worksheets/rejection-log/applications/stage.options.offer-stage.hint", "You were close to an offer"),
        ("worksheets/thought-record.reference.items.0.title", "All-or-nothing thinking"),
        ("help/generic.contacts.doctor.name", "Your doctor"),
        ("help/uk.emergency.text", "If you might not be safe right now, call 999"),
        ("help/fr.contacts.0.hours", "Any time, day or night"),
    ],
)
def test_each_message_is_named_by_its_id_path(context: str, english: str) -> None:
    assert BY_CONTEXT[context].text.startswith(english)


def test_every_context_is_unique_across_the_domains() -> None:
    counts = Counter(m.context for domain in DOMAINS for m in MESSAGES[domain])
    assert [context for context, count in counts.items() if count > 1] == []
    assert {domain: len(MESSAGES[domain]) > 40 for domain in DOMAINS} == dict.fromkeys(DOMAINS, True)


def test_each_location_is_the_line_the_text_starts_on() -> None:
    for domain in DOMAINS:
        for message in MESSAGES[domain]:
            written = message.doc.source_line(message.line)
            key = str(message.path[-1]) if isinstance(message.path[-1], str) else "- "
            assert key in written or message.text.split()[0] in written, (message.where, written)


def test_locations_name_the_file_as_the_repository_has_it() -> None:
    files = {m.doc.name.split("/")[0] for domain in DOMAINS for m in MESSAGES[domain]}
    assert files == {"content", "worksheets", "help"}
    assert BY_CONTEXT["reasons.title"].where == "content/reasons.yml:2"


def test_nothing_that_is_not_text_is_a_message() -> None:
    found = blocks(
        """
- type: reason
  id: a-reason
  title: A title
  text: See [the coping page](coping#feelings-are-normal).
  actions: [One thing to do]
- type: links
  style: cards
  items:
    - {to: coping, label: Coping, text: How to cope.}
- type: callout
  style: care
  text: Rest is allowed.
- type: worksheet
  worksheet: rejection-log
- type: list
  ordered: true
  items: [First]
"""
    )
    texts = {m.text for m in found}
    assert texts == {"A title", "See [the coping page](coping#feelings-are-normal).", "One thing to do",
                     "Coping", "How to cope.", "Rest is allowed.", "First"}
    assert not texts & {"a-reason", "coping", "cards", "care", "rejection-log", "reason", "links", "true"}


def test_field_ids_option_values_and_numbers_are_never_messages() -> None:
    values = {m.text for m in MESSAGES[WORKSHEETS]}
    for source in MERGED.worksheets.values():
        def ids(items: list) -> set[str]:
            found = set()
            for item in items:
                found |= {item["id"], item["type"], *(o["value"] for o in item.get("options", []))}
                found |= ids(item.get("fields", []))
            return found

        assert not ids(source.doc.data["fields"]) & values, source.id
    kept = {"phone", "url", "source", "checked", "kind", "id"}  # numbers, addresses and sources stay as written
    assert [m.context for m in MESSAGES[HELP] if m.path[-1] in kept] == []
    assert {m.path[-1] for m in MESSAGES[HELP]} == {"title", "intro", "name", "description", "country", "text", "hours"}


def test_every_string_a_component_takes_says_what_it_is() -> None:
    """A new text parameter without a role would be left out of the catalogues: each string has one (or an enum)."""
    unmarked = []

    def walk(schema: dict, where: str) -> None:
        if schema.get(ROLE_KEY) == "definition":
            return
        if schema.get("type") == "string" and ROLE_KEY not in schema and "enum" not in schema:
            unmarked.append(where)
        for key, sub in schema.get("properties", {}).items():
            walk(sub, f"{where}.{key}")
        if isinstance(schema.get("items"), dict):
            walk(schema["items"], f"{where}[]")

    for name, component in COMPONENTS.items():
        if component.kind != "layout":
            for key, sub in component.params.items():
                walk(sub, f"{name}.{key}")
    assert unmarked == []


def test_ids_keep_contexts_when_blocks_are_added_or_moved() -> None:
    reason = "- {type: reason, id: the-reason, title: A title, text: Why., actions: [Do this.]}\n"
    paragraph = "- {type: paragraph, text: A paragraph.}\n"
    callout = "- {type: callout, style: tip, text: A tip.}\n"
    before = {m.text: m.context for m in blocks(paragraph + reason)}
    after = {m.text: m.context for m in blocks(callout + reason + paragraph)}
    assert before == {t: c for t, c in after.items() if t != "A tip."}
    assert before["A title"] == "page/section/the-reason.title"
    assert before["A paragraph."] == "page/section/paragraph[0].text"


def test_markdown_with_links_carries_a_note_for_translators() -> None:
    catalog = template(WORKSHEETS, MESSAGES[WORKSHEETS])
    caution = catalog.get(BY_CONTEXT["worksheets/expressive-writing.caution"].text, "worksheets/expressive-writing.caution")
    assert caution is not None and caution.auto_comments == [MARKDOWN_NOTE]
    assert caution.locations == [("worksheets/expressive-writing.yml", 13)]
    emergency = template(HELP, MESSAGES[HELP]).get(BY_CONTEXT["help/uk.emergency.text"].text, "help/uk.emergency.text")
    assert emergency is not None and "999" in emergency.auto_comments[0]


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_committed_templates_are_current(domain: str) -> None:
    """`make catalogues` was run after the English last changed: the template says what the YAML says."""
    with (REPO / "locales" / f"{domain}.pot").open("rb") as source:
        committed = [(m.context, m.id, m.locations) for m in read_po(source) if m.id]
    assert committed == [(m.context, m.text, [(m.doc.name, m.line)]) for m in MESSAGES[domain]], (
        "run `make catalogues` and commit locales/"
    )


def test_the_committed_catalogues_are_in_step_with_their_templates(tmp_path: Path) -> None:
    """`make catalogues` on the committed files changes none of them (the translator's view is current)."""
    copy = tmp_path / "locales"
    shutil.copytree(REPO / "locales", copy)
    assert write_catalogues(MESSAGES, copy) == []


def test_writing_again_changes_nothing(tmp_path: Path) -> None:
    assert len(write_catalogues(MESSAGES, tmp_path)) == len(DOMAINS)
    assert write_catalogues(MESSAGES, tmp_path) == []
    with (tmp_path / f"{CONTENT}.pot").open("rb") as source:
        assert len([m for m in read_po(source) if m.id]) == len(MESSAGES[CONTENT])

