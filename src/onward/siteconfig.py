"""The few settings of a site's mkdocs.yml that Onward checks, read without running MkDocs.

``onward check`` looks at a centre's folder before any build. MkDocs' own loader
would also run every plugin's configuration; reading the YAML here, with MkDocs'
``!ENV`` and ``!relative`` tags understood and any Python tag
(``!!python/name:...``) left alone, keeps the check fast and free of MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import yaml

from .errors import ContentError, Path_
from .yamlsource import YamlDocument, line_map

PLUGIN = "onward"


class _Loader(yaml.SafeLoader):
    """The safe loader plus the tags MkDocs adds; other tags keep their plain value."""


def _env(loader: _Loader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, OTHER, default]``, as MkDocs reads them."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(node, deep=True) if isinstance(node, yaml.SequenceNode) else []
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    return next((os.environ[name] for name in names if name in os.environ), default)


def _other(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", _other)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _other)


@dataclass(frozen=True)
class SiteConfig:
    """What Onward needs from mkdocs.yml: where things are, the address, the language, its own options."""

    file: Path
    doc: YamlDocument = field(repr=False)
    site_name: str
    site_url: str | None
    docs_dir: Path
    language: str
    onward: Mapping[str, Any] | None  # the plugin's options; None when the site does not use the plugin
    onward_path: Path_ = ("plugins",)  # where those options are written, for messages

    def folder(self, option: str) -> Path | None:
        """A folder option of the plugin (content_dir, worksheets_dir), relative to mkdocs.yml like MkDocs'."""
        value = (self.onward or {}).get(option)
        return (self.file.parent / value).resolve() if value else None


def read_site_config(file: Path) -> SiteConfig:
    """Read ``file`` (a site's mkdocs.yml); raise ContentError naming the file and line when it cannot be read."""
    name = file.name
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ContentError.single(name, None, (), f"cannot be read: {exc}") from None
    try:
        data = yaml.load(text, Loader=_Loader) or {}  # noqa: S506 - a safe loader with MkDocs' tags
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ContentError.single(name, mark.line + 1 if mark else None, (), f"invalid YAML: {exc.problem}") from None
    if not isinstance(data, dict):
        raise ContentError.single(name, 1, (), "should be a mapping of settings")
    doc = YamlDocument(name, data, line_map(text), text)
    options, where = _plugin_options(data.get("plugins"))
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    return SiteConfig(
        file=file,
        doc=doc,
        site_name=str(data.get("site_name") or ""),
        site_url=data.get("site_url") or None,
        docs_dir=(file.parent / str(data.get("docs_dir") or "docs")).resolve(),
        language=str(theme.get("language") or "en"),
        onward=options,
        onward_path=where,
    )


def _plugin_options(plugins: Any) -> tuple[Mapping[str, Any] | None, Path_]:
    """The onward plugin's options from a list (``- onward: {...}``) or a mapping of plugins."""
    if isinstance(plugins, dict):
        return (plugins.get(PLUGIN) or {}, ("plugins", PLUGIN)) if PLUGIN in plugins else (None, ("plugins",))
    for index, item in enumerate(plugins or []):
        if item == PLUGIN:
            return {}, ("plugins", index)
        if isinstance(item, dict) and PLUGIN in item:
            return item[PLUGIN] or {}, ("plugins", index, PLUGIN)
    return None, ("plugins",)
