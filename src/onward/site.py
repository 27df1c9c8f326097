"""The whole generated site, independent of MkDocs: every page's Markdown and the navigation."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from .components import Component, load_components
from .content import Guide, load_guide
from .i18n import Catalog, Languages
from .render import MY_ANSWERS, WORKSHEETS_INDEX, Renderer
from .overlay import Overlay, merge
from .worksheets import Worksheet, field_types, load_worksheets, worksheet_files


@dataclass
class OnwardSite:
    """The guide and its worksheets, checked and ready to render."""

    guide: Guide
    worksheets: dict[str, Worksheet]
    renderer: Renderer
    default_worksheet_ids: tuple[str, ...] = ()  # before an overlay

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
        overlay: Overlay | None = None,
        insight_ids: frozenset[str] = frozenset(),
    ) -> "OnwardSite":
        """Load and check everything, with a centre's ``overlay`` applied; raise ContentError listing every problem.

        ``catalog`` holds the interface strings (English when not given); ``languages``
        says which language each part of a page is in; ``insight_ids`` are the worksheets
        the insight package has Python for.
        """
        components = load_components(macros_dir)
        defaults = worksheet_files(worksheets_dir)
        final_ids = sorted(merge("worksheets", defaults, overlay, root)[0]) if overlay else sorted(defaults)
        guide = load_guide(content_dir, components, final_ids, root, overlay, default_worksheet_ids=defaults)
        notes = list(guide.notes)
        worksheets = load_worksheets(
            worksheets_dir, components, guide.anchors, root, overlay, guide.default_anchors, notes
        )
        guide = dataclasses.replace(guide, notes=tuple(notes))
        offered = insights_offered(worksheets_dir, insight_ids, worksheets, overlay, components)
        renderer = Renderer(macros_dir, components, worksheets, use_directory_urls, catalog, languages, offered)
        return cls(guide, worksheets, renderer, tuple(defaults))

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

    def missing_targets(self) -> list[str]:
        """Pages, sections ("page#section") and worksheets ("worksheets/ID") an overlay took away.

        Insights name places in the guide; the page shows these as text, not as links.
        """
        missing = []
        for page_id, anchors in sorted(self.guide.default_anchors.items()):
            if page_id not in self.guide.anchors:
                missing.append(page_id)
                continue
            missing.extend(f"{page_id}#{a}" for a in sorted(anchors - self.guide.anchors[page_id]))
        default_ids = set(self.default_worksheet_ids)
        missing.extend(f"worksheets/{w}" for w in sorted(default_ids - set(self.worksheets)))
        return missing

    def source_uris(self) -> set[str]:
        """Every source path the site generates, without rendering anything."""
        return self.content_uris() | {MY_ANSWERS} | ({WORKSHEETS_INDEX} if self.worksheets else set())

    def content_uris(self) -> set[str]:
        """Source paths of the pages whose body is the guide's own text (guide and worksheet pages)."""
        return {p.src_uri for p in self.guide.pages} | {w.src_uri for w in self.worksheets.values()}


def insights_offered(
    worksheets_dir: Path,
    insight_ids: frozenset[str],
    worksheets: dict[str, Worksheet],
    overlay: Overlay | None,
    components: Mapping[str, Component],
) -> frozenset[str]:
    """The worksheets whose forms offer "See what this tells me".

    Only those with Python written for them; and a worksheet the overlay replaced
    keeps its insights only when every default field is still there with its type,
    because the Python reads answers by field id.
    """
    offered = set(insight_ids) & set(worksheets)
    if overlay is not None:
        defaults = worksheet_files(worksheets_dir)
        for ident in set(overlay.files["worksheets"]) & offered & set(defaults):
            original = load_worksheets(worksheets_dir, components, only=ident)[ident]
            kept = field_types(worksheets[ident].fields)
            if any(kept.get(key) != kind for key, kind in field_types(original.fields).items()):
                offered.discard(ident)
    return frozenset(offered)
