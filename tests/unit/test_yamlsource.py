"""The YAML reader: safe, line-aware, and loud about what PyYAML would hide."""

from __future__ import annotations

import pytest

from onward.errors import ContentError, format_path
from onward.yamlsource import load_yaml, parse_yaml


def test_lines_are_known_for_every_path():
    doc = parse_yaml("title: Hi\nsections:\n  - id: one\n    blocks:\n      - type: paragraph\n", "x.yml")
    assert doc.line_of(("title",)) == 1
    assert doc.line_of(("sections", 0, "id")) == 3
    assert doc.line_of(("sections", 0, "blocks", 0, "type")) == 5


def test_a_missing_path_falls_back_to_its_nearest_parent():
    doc = parse_yaml("sections:\n  - id: one\n", "x.yml")
    assert doc.line_of(("sections", 0, "title")) == 2


def test_invalid_syntax_names_file_and_line():
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: Hi\nsections: [one, two\nnext: 3\n", "content/bad.yml")
    message = str(caught.value)
    assert message.startswith("content/bad.yml:3: (top level): invalid YAML:")


def test_python_tags_are_refused():
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: !!python/object/apply:os.system ['true']\n", "evil.yml")
    assert "evil.yml:1" in str(caught.value)
    assert "invalid YAML" in str(caught.value)


def test_duplicate_keys_are_reported_not_silently_dropped():
    with pytest.raises(ContentError) as caught:
        parse_yaml("title: One\nsummary: s\ntitle: Two\n", "dup.yml")
    assert str(caught.value) == "dup.yml:3: title: duplicate key (first given on line 1)"


def test_an_empty_file_is_none():
    assert parse_yaml("", "empty.yml").data is None


def test_unreadable_file_is_a_content_error(tmp_path):
    bad = tmp_path / "latin.yml"
    bad.write_bytes(b"title: caf\xe9\n")
    with pytest.raises(ContentError) as caught:
        load_yaml(bad, "latin.yml")
    assert "latin.yml: (top level): cannot be read" in str(caught.value)


def test_paths_read_like_the_yaml():
    assert format_path(("sections", 3, "blocks", 1, "items", 0)) == "sections[3].blocks[1].items[0]"
    assert format_path(()) == "(top level)"
