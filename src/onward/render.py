"""Render pages to Markdown by calling one Jinja macro per block.

``StrictUndefined`` turns a typo in a macro into an error naming the missing
name. Internal links (written as ids) become relative ``.md`` links here, so
MkDocs checks and rewrites them like any hand-written link.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Mapping

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .components import ROLE_LINK, ROLE_MARKDOWN, ROLE_WORKSHEET, Component, fill_optional, replace_at, walk_roles
from .content import Block, Guide, Page
from .links import INLINE_LINK, is_external, parse_target, relative_href

LinkResolver = Callable[[str], str]
WORKSHEETS_SECTION = "worksheets"  # worksheet pages live at worksheets/ID.md


def make_environment(macros_dir: Path) -> Environment:
    """The one Jinja environment for components: strict, HTML escaped only in .html.j2."""
    return Environment(
        loader=FileSystemLoader(str(macros_dir)),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build reads each macro once; mkdocs serve makes a new environment
    )


class Renderer:
    """Turns validated blocks and pages into Markdown through their components."""

    def __init__(self, macros_dir: Path, components: Mapping[str, Component]) -> None:
        self.components = components
        self.env = make_environment(macros_dir)
        self._macros: dict[str, Any] = {}

    def call(self, name: str, **params: Any) -> str:
        """Call component ``name``'s macro with ``params``; the seam the tests use too."""
        component = self.components[name]
        macro = self._macros.get(name)
        if macro is None:
            macro = self._macros[name] = getattr(self.env.get_template(component.template).module, name)
        # Top-level parameters keep the macro's own defaults; nested objects get every field.
        filled = {key: fill_optional(value, component.params.get(key, {})) for key, value in params.items()}
        return str(macro(**filled))

    def render_block(self, block: Block, resolve: LinkResolver) -> str:
        params = resolve_links(dict(block.params), self.components[block.type], resolve)
        return self.call(block.type, **params)

    def render_page(self, page: Page, guide: Guide) -> str:
        """The page's Markdown source, front matter included."""
        resolve = link_resolver(page, guide)
        return self.call(
            "page",
            title=page.title,
            summary=page.summary,
            intro=[self.render_block(b, resolve) for b in page.intro],
            sections=[
                {"id": s.id, "title": s.title, "blocks": [self.render_block(b, resolve) for b in s.blocks]}
                for s in page.sections
            ],
        )


def resolve_links(params: dict[str, Any], component: Component, resolve: LinkResolver) -> dict[str, Any]:
    """Rewrite every link-role value and every internal link inside Markdown-role text."""
    result: Any = params
    for role, path, value in list(walk_roles(params, component.params_schema)):
        if role == ROLE_LINK:
            result = replace_at(result, path, resolve(value))
        elif role == ROLE_WORKSHEET:
            result = replace_at(result, path, resolve(f"{WORKSHEETS_SECTION}/{value}"))
        elif role == ROLE_MARKDOWN:
            rewritten = INLINE_LINK.sub(
                lambda m: m[0] if is_external(m["target"]) else f"[{m['label']}]({resolve(m['target'])})",
                value,
            )
            result = replace_at(result, path, rewritten)
    return result


def link_resolver(page: Page, guide: Guide) -> LinkResolver:
    """Resolve "page#anchor" ids (and "worksheets/ID") to Markdown hrefs relative to ``page``."""
    sources = {p.id: p.src_uri for p in guide.pages}

    def resolve(text: str) -> str:
        if text.startswith(f"{WORKSHEETS_SECTION}/"):
            return relative_href(f"{text}.md", page.src_uri, None)
        target = parse_target(text)
        target_src = sources[target.page] if target.page else page.src_uri
        if target.page is None or target.page == page.id:
            return f"#{target.anchor}" if target.anchor else relative_href(target_src, page.src_uri, None)
        return relative_href(target_src, page.src_uri, target.anchor)

    return resolve
