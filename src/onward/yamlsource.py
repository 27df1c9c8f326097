"""Safe YAML loading that remembers the line of every value.

PyYAML's ``safe_load`` forgets where things came from; editors need "file:line"
in every message, so we compose the node tree once and keep a map from each
value's path to its line. Duplicate keys, which PyYAML silently collapses, are
reported instead of losing an editor's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, Path_, Problem

# libyaml's parser when PyYAML was built with it (several times faster); same safe constructor.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class YamlDocument:
    """A parsed YAML file: its data plus the line of every path inside it."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    text: str = field(default="", repr=False)  # the file as written, for messages that quote a line

    def source_line(self, line: int | None) -> str:
        """Line ``line`` (from 1) of the file as written, or "" when unknown."""
        rows = self.text.splitlines()
        return rows[line - 1] if line and 0 < line <= len(rows) else ""

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def problem(self, path: Path_, message: str) -> Problem:
        return Problem(self.name, self.line_of(path), tuple(path), message)


def load_yaml(file: Path, name: str | None = None) -> YamlDocument:
    """Parse ``file`` with the safe loader; raise ContentError naming file and line."""
    name = name or str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentError.single(name, None, (), f"cannot be read: {exc}") from None
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML text; the public seam for tests and for callers holding text already."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(name, None, {(): 1}, text)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or str(exc)
        if exc.context:
            reason = f"{exc.context}, {reason}"
        raise ContentError.single(name, line, (), f"invalid YAML: {reason}") from None
    except yaml.YAMLError as exc:
        raise ContentError.single(name, None, (), f"invalid YAML: {exc}") from None
    except ValueError as exc:  # a value YAML recognises but cannot build, such as the date 2026-02-30
        raise ContentError.single(name, None, (), f"invalid YAML: a value cannot be read ({exc})") from None
    finally:
        loader.dispose()

    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    _record_lines(node, (), lines, problems, name)
    if problems:
        raise ContentError(problems)
    return YamlDocument(name, data, lines, text)


def _record_lines(
    node: yaml.Node, path: Path_, lines: dict[Path_, int], problems: list[Problem], name: str
) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(name, line, path + (key,), f"duplicate key (first given on line {seen[key]})")
                )
                continue
            seen[key] = line
            lines[path + (key,)] = line
            _record_lines(value_node, path + (key,), lines, problems, name)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines, problems, name)


def line_map(text: str) -> dict[Path_, int]:
    """The line of every path in a YAML text, without building its values.

    For files whose tags Onward does not construct (MkDocs' ``!ENV`` in mkdocs.yml):
    composing the node tree needs no constructors, so messages still get a line.
    """
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[Path_, int] = {}
    if node is not None:
        _record_lines(node, (), lines, [], "")
    return lines
