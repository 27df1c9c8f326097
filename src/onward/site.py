"""The whole generated site, independent of MkDocs: every page's Markdown and the navigation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from .components import load_components
from .content import Guide, load_guide
from .i18n import Catalog, Languages
from .render import MY_ANSWERS, WORKSHEETS_INDEX, Renderer
from .worksheets import Worksheet, load_worksheets, worksheet_ids


@dataclass
class OnwardSite:
    """The guide and its worksheets, checked and ready to render."""

    guide: Guide
    worksheets: dict[str, Worksheet]
    renderer: Renderer

    @classmethod
    def load(
        cls,
        content_dir: Path,
        worksheets_dir: Path,
        macros_dir: Path,
        root: Path | None = None,
        use_directory_urls: bool = True,
        catalog: Catalog | None = None,
        languages: Languages | None = None,
    ) -> "OnwardSite":
        """Load and check everything; raise ContentError listing every problem.

        ``catalog`` holds the interface strings (English when not given); ``languages``
        says which language each part of a page is in.
        """
        components = load_components(macros_dir)
        guide = load_guide(content_dir, components, worksheet_ids(worksheets_dir), root=root)
        worksheets = load_worksheets(worksheets_dir, components, guide.anchors, root)
        renderer = Renderer(macros_dir, components, worksheets, use_directory_urls, catalog, languages)
        return cls(guide, worksheets, renderer)

    def pages(self) -> Iterator[tuple[str, str]]:
        """(source path, Markdown) for every page the site generates."""
        for page in self.guide.pages:
            yield page.src_uri, self.renderer.render_page(page, self.guide)
        if self.worksheets:
            yield WORKSHEETS_INDEX, self.renderer.render_worksheet_index()
        for worksheet in self.worksheets.values():
            yield worksheet.src_uri, self.renderer.render_worksheet_page(worksheet, self.guide)
        yield MY_ANSWERS, self.renderer.render_my_answers(self.guide)

    def navigation(self) -> list[Any]:
        """Guide pages in order, then a Worksheets section (MkDocs' nav format)."""
        text = self.renderer.catalog.gettext
        nav: list[Any] = [{p.nav_title: p.src_uri} for p in self.guide.pages]
        if self.worksheets:
            sheets = [{w.nav_title: w.src_uri} for w in self.worksheets.values()]
            nav.append({text("navigation.worksheets"): [WORKSHEETS_INDEX, *sheets]})
        nav.append({text("navigation.my_answers"): MY_ANSWERS})
        return nav

    def source_uris(self) -> set[str]:
        """Every source path the site generates, without rendering anything."""
        return self.content_uris() | {MY_ANSWERS} | ({WORKSHEETS_INDEX} if self.worksheets else set())

    def content_uris(self) -> set[str]:
        """Source paths of the pages whose body is the guide's own text (guide and worksheet pages)."""
        return {p.src_uri for p in self.guide.pages} | {w.src_uri for w in self.worksheets.values()}
