"""Render pages and worksheets to Markdown by calling one Jinja macro per component.

``StrictUndefined`` turns a typo in a macro into an error naming the missing
name. Internal links (written as ids) become relative ``.md`` links here, so
MkDocs checks and rewrites them like any hand-written link.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from markupsafe import Markup

from .components import ROLE_LINK, ROLE_MARKDOWN, ROLE_WORKSHEET, Component, fill_optional, replace_at, walk_roles
from .content import Block, Guide, Page
from .errors import ContentError, format_path
from .fallback import marked
from .i18n import FALLBACK, Catalog, Languages, UnknownString, load_catalog
from .links import INLINE_LINK, is_external, page_url, parse_target, relative_href, relative_url
from .paths import ASSETS_URI
from .template_errors import template_problem
from .theme_cache import kept_templates
from .worksheets import GROUP, Field, Worksheet

WORKSHEETS_INDEX = "worksheets/index.md"
MY_ANSWERS = "my-answers.md"


_MARKDOWN = markdown.Markdown()  # building one costs far more than converting a sentence


@lru_cache(maxsize=2048)
def inline_markdown(text: str) -> Markup:
    """Trusted inline Markdown (authors' text) as HTML without the wrapping paragraph."""
    html = _MARKDOWN.reset().convert(text)
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def make_environment(macros_dir: Path, catalog: Catalog | None = None, languages: Languages | None = None) -> Environment:
    """The one Jinja environment for components: strict, HTML escaped only in .html.j2.

    Interface strings come from ``catalog`` (English by default) through ``_()``.
    """
    env = Environment(
        loader=FileSystemLoader(str(macros_dir)),
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # one build reads each macro once; mkdocs serve makes a new environment
        # Compiling the macros is most of Onward's share of a build: keep the compiled code
        # between builds (Jinja's per-user cache; theme_cache.py says what names each file).
        bytecode_cache=kept_templates("macros"),
    )
    env.filters["inline_markdown"] = inline_markdown
    (catalog or load_catalog(FALLBACK)).install(env)
    (languages or Languages(FALLBACK, FALLBACK, FALLBACK)).install(env)
    return env


@dataclass(frozen=True)
class WorksheetRef:
    """What a guide page needs to point at, or embed, a worksheet."""

    href: str
    title: str
    time: str
    why: str
    form_html: Markup


class Resolver:
    """Turns ids written in content into links relative to one page.

    Markdown gets ``.md`` hrefs, which MkDocs checks and rewrites; raw HTML gets
    final addresses, because MkDocs leaves links in raw HTML alone.
    """

    def __init__(
        self, renderer: "Renderer", from_src: str, page_id: str | None, guide: Guide, heading_level: int = 3
    ) -> None:
        self.renderer = renderer
        # The level a worksheet embedded here gives its own headings: one below the heading it sits under.
        self.heading_level = heading_level
        self.from_src = from_src
        self.page_id = page_id
        self.sources = guide.sources
        self.anchors = guide.anchors
        self.depth = page_url(from_src, renderer.use_directory_urls).count("/")

    def link(self, text: str, html: bool = False) -> str:
        target = parse_target(text)
        if (target.page is None or target.page == self.page_id) and target.anchor:
            return f"#{target.anchor}"
        return self.src_link(self.sources[target.page or ""], target.anchor, html)

    def src_link(self, target_src: str, anchor: str | None, html: bool) -> str:
        if html:
            return relative_url(target_src, self.from_src, anchor, self.renderer.use_directory_urls)
        return relative_href(target_src, self.from_src, anchor)

    def resolves(self, text: str) -> bool:
        """Whether an internal link still leads somewhere (an overlay may have removed its target)."""
        target = parse_target(text)
        page = target.page or self.page_id
        return page in self.anchors and (target.anchor is None or target.anchor in self.anchors[page])

    def markdown(self, text: str, html: bool = False) -> str:
        def rewrite(match: re.Match[str]) -> str:
            if is_external(match["target"]):
                return match[0]
            if not self.resolves(match["target"]):
                return match["label"]  # its target was removed by the centre's overlay: keep the words
            return f"[{match['label']}]({self.link(match['target'], html)})"

        return INLINE_LINK.sub(rewrite, text)

    def worksheet(self, worksheet_id: str, html: bool = False) -> WorksheetRef:
        worksheet = self.renderer.worksheets[worksheet_id]
        return WorksheetRef(
            href=self.src_link(worksheet.src_uri, None, html),
            title=worksheet.shown("title"),
            time=worksheet.shown("time"),
            why=self.markdown(worksheet.shown("why"), html),
            form_html=self.renderer.worksheet_form(worksheet, self, self.heading_level),
        )


class Renderer:
    """Turns validated pages and worksheets into Markdown through their components."""

    def __init__(
        self,
        macros_dir: Path,
        components: Mapping[str, Component],
        worksheets: Mapping[str, Worksheet] | None = None,
        use_directory_urls: bool = True,
        catalog: Catalog | None = None,
        languages: Languages | None = None,
        insight_ids: frozenset[str] | None = None,
    ) -> None:
        self.components = components
        self.catalog = catalog or load_catalog(FALLBACK)
        # Worksheets whose forms offer insights (None: every one, as in Onward's own set).
        self.insight_ids = insight_ids
        self.use_directory_urls = use_directory_urls
        self.worksheets = dict(worksheets or {})
        self.env = make_environment(macros_dir, self.catalog, languages)
        self.root = macros_dir.parent  # template errors name files from here (macros/NAME.md.j2)
        self._macros: dict[str, Any] = {}
        self._forms: dict[tuple[str, int], Markup] = {}

    def call(self, name: str, **params: Any) -> str:
        """Call component ``name``'s macro with ``params``; the seam the tests use too.

        A mistake in a macro (its syntax, a name it does not have, an interface string English
        lacks) is a ContentError naming the macro's file and line.
        """
        component = self.components[name]
        try:
            macro = self._macros.get(name)
            if macro is None:
                macro = self._macros[name] = getattr(self.env.get_template(component.template).module, name)
            # Top-level parameters keep the macro's own defaults; nested objects get every field.
            filled = {key: fill_optional(value, component.params.get(key, {})) for key, value in params.items()}
            return str(macro(**filled))
        except (TemplateError, UnknownString) as error:
            raise ContentError([template_problem(error, self.root)]) from None

    def render_block(self, block: Block, resolver: Resolver) -> str:
        params = without_removed(marked(dict(block.params), block.english), self.components[block.type], resolver)
        if params is None:
            return ""
        try:
            return self.call(block.type, **resolve_links(params, self.components[block.type], resolver))
        except ContentError as error:
            if block.doc is None:
                raise
            where = block.doc.problem(block.path, "")
            context = f"rendering the {block.type} block at {where.file}:{where.line}: {format_path(block.path)}"
            raise ContentError([replace(p, message=f"{p.message} ({context})") for p in error.problems]) from None

    def render_page(self, page: Page, guide: Guide) -> str:
        """The page's Markdown source, front matter included."""
        resolver = Resolver(self, page.src_uri, page.id, guide)
        # Blocks before the first section sit under the page's h1, the others under their section's h2.
        intro_resolver = Resolver(self, page.src_uri, page.id, guide, heading_level=2)
        return self.call(
            "page",
            title=page.shown("title"),
            summary=page.shown("summary"),
            intro=[self.render_block(b, intro_resolver) for b in page.intro],
            sections=[
                {"id": s.id, "title": s.shown_title, "blocks": [self.render_block(b, resolver) for b in s.blocks]}
                for s in page.sections
            ],
        )

    def render_field(self, field: Field, prefix: str, resolver: Resolver, heading_level: int) -> str:
        params = resolve_links(field.shown(), self.components[field.type], resolver)
        if field.type == GROUP:
            inner = f"{prefix}{field.id}-__i__-"
            params["fields"] = None
            params["fields_html"] = Markup(
                "".join(self.render_field(child, inner, resolver, heading_level) for child in field.fields)
            )
            params["heading_level"] = heading_level
        return self.call(field.type, prefix=prefix, **params)

    def worksheet_form(self, worksheet: Worksheet, resolver: Resolver, heading_level: int) -> Markup:
        """The form's HTML, its headings (entries, insights) at ``heading_level``.

        Rendered once per page depth and heading level, since links inside it are relative.
        """
        key = (worksheet.id, resolver.depth, heading_level)
        form = self._forms.get(key)
        if form is None:
            prefix = f"ow-{worksheet.id}-"
            fields_html = Markup(
                "".join(self.render_field(f, prefix, resolver, heading_level) for f in worksheet.fields)
            )
            reference = None
            if worksheet.reference:
                shown = worksheet.shown("reference")
                reference = {
                    "title": shown["title"],
                    "intro": resolver.markdown(shown.get("intro") or "", html=True) or None,
                    "items": [
                        {"title": i["title"], "text": resolver.markdown(i["text"], html=True)} for i in shown["items"]
                    ],
                }
            html = self.call(
                "worksheet_form",
                id=worksheet.id,
                version=worksheet.version,
                title=worksheet.shown("title"),
                caution=resolver.markdown(worksheet.shown("caution"), html=True) if worksheet.caution else None,
                stylesheet="../" * resolver.depth + f"{ASSETS_URI}/worksheets.css",
                script="../" * resolver.depth + f"{ASSETS_URI}/worksheets.js",
                reference=reference,
                fields_html=fields_html,
                definition=worksheet.definition(),
                my_answers_href=resolver.src_link(MY_ANSWERS, None, html=True),
                insights=self.insight_ids is None or worksheet.id in self.insight_ids,
                heading_level=heading_level,
            )
            # Markdown treats a blank line as the end of a raw HTML block: keep the form in one piece.
            form = self._forms[key] = Markup("\n".join(line for line in html.splitlines() if line.strip()))
        return form

    def render_worksheet_page(self, worksheet: Worksheet, guide: Guide) -> str:
        resolver = Resolver(self, worksheet.src_uri, None, guide)
        placement = worksheet_placements(guide).get(worksheet.id)
        guide_link = None
        if placement:
            page, section_id, section_title = placement  # the title as shown, marked when English
            guide_link = {"href": resolver.link(f"{page.id}#{section_id}"), "title": section_title}
        return self.call(
            "worksheet_page",
            title=worksheet.shown("title"),
            summary=worksheet.shown("summary"),
            why=resolver.markdown(worksheet.shown("why")),
            time=worksheet.shown("time"),
            guide_link=guide_link,
            form_html=self.worksheet_form(worksheet, resolver, heading_level=2),  # under the page's h1
        )

    def render_my_answers(self, guide: Guide, keeps_copy: bool = False) -> str:
        """Privacy statement; backup, restore, adviser summary, shared computer mode; what is held.
        ``keeps_copy``: the site keeps a copy of its files on the device, which the statement says."""
        resolver = Resolver(self, MY_ANSWERS, None, guide)
        up = "../" * resolver.depth
        return self.call(
            "my_answers",
            worksheets=[
                {**w.definition(), "href": resolver.src_link(w.src_uri, None, html=True)}
                for w in self.worksheets.values()
            ],
            script=f"{up}{ASSETS_URI}/my-answers.js",
            stylesheet=f"{up}{ASSETS_URI}/worksheets.css",
            keeps_copy=keeps_copy,
        )

    def render_worksheet_index(self) -> str:
        return self.call(
            "worksheet_index",
            worksheets=[
                {
                    "href": posixpath.relpath(w.src_uri, posixpath.dirname(WORKSHEETS_INDEX)),
                    "title": w.shown("title"),
                    "summary": w.shown("summary"),
                    "time": w.shown("time"),
                }
                for w in self.worksheets.values()
            ],
        )


def worksheet_placements(guide: Guide) -> dict[str, tuple[Page, str, str]]:
    """Where each worksheet is embedded in the guide: (page, section id, section title)."""
    placements: dict[str, tuple[Page, str, str]] = {}
    for page in guide.pages:
        for section in page.sections:
            for block in section.blocks:
                if block.type == "worksheet":
                    placements.setdefault(block.params["worksheet"], (page, section.id, section.shown_title))
    return placements




def without_removed(params: dict[str, Any], component: Component, resolver: Resolver) -> dict[str, Any] | None:
    """Drop what points at things a centre's overlay removed: a list item, or the whole block.

    Validation allows such targets only in Onward's own text; anything the centre wrote
    that points at a removed thing stops the build instead.
    """
    drop: list[tuple[str | int, ...]] = []
    for role, path, value in walk_roles(params, component.params_schema):
        gone = (role == ROLE_LINK and not resolver.resolves(value)) or (
            role == ROLE_WORKSHEET and value not in resolver.renderer.worksheets
        )
        if gone:
            if len(path) < 2 or not isinstance(path[-2], int):
                return None
            drop.append(path[:-1])
    for path in reversed(drop):  # later items first, so earlier indexes stay right
        *parent_path, index = path
        parent: Any = params
        for step in parent_path:
            parent = parent[step]
        items = list(parent)
        del items[index]  # type: ignore[arg-type]
        if not items:
            return None
        params = replace_at(params, tuple(parent_path), items)
    return params


def resolve_links(params: dict[str, Any], component: Component, resolver: Resolver) -> dict[str, Any]:
    """Rewrite link-role values, internal links in Markdown-role text, and worksheet ids.

    Components that write HTML get final addresses; Markdown components get ``.md`` links.
    """
    html = component.template.endswith(".html.j2")
    result: Any = params
    for role, path, value in list(walk_roles(params, component.params_schema)):
        if role == ROLE_LINK:
            result = replace_at(result, path, resolver.link(value, html))
        elif role == ROLE_WORKSHEET:
            result = replace_at(result, path, resolver.worksheet(value, html))
        elif role == ROLE_MARKDOWN:
            result = replace_at(result, path, resolver.markdown(value, html))
    return result
