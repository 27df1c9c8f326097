"""The whole generated site, independent of MkDocs: every page's Markdown and the navigation."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from .components import Component, load_components
from .content import Guide, build_guide
from .errors import ContentError
from .i18n import Catalog, Languages
from .overlay import Overlay, resolve
from .render import MY_ANSWERS, WORKSHEETS_INDEX, Renderer
from .sources import Merged, WorksheetSource
from .translations import Translator
from .worksheets import Worksheet, build_worksheets, field_types


@dataclass
class OnwardSite:
    """The guide and its worksheets, checked and ready to render."""

    guide: Guide
    worksheets: dict[str, Worksheet]
    renderer: Renderer
    removed_worksheets: frozenset[str] = frozenset()  # Onward's worksheets the overlay removed
    notes: tuple[str, ...] = ()  # what the build log should tell the centre (nothing here stops the build)

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
        translator: Translator | None = None,
    ) -> "OnwardSite":
        """Load and check everything, with a centre's ``overlay`` applied; raise ContentError listing every problem.

        ``catalog`` holds the interface strings (English when not given); ``languages``
        says which language each part of a page is in; ``insight_ids`` are the worksheets
        the insight package has Python for; ``translator`` puts the guide and the worksheets
        in the reader's language, after the overlay is applied and before anything is checked.
        """
        components = load_components(macros_dir)
        merged = resolve(content_dir, worksheets_dir, overlay, root)
        if translator is not None:
            merged = translator.merged(merged, components)
        guide, problems = build_guide(merged, components, merged.worksheets)
        problems = [*merged.problems, *problems]
        notes = [*merged.notes, *guide.notes]
        worksheets = build_worksheets(
            merged.worksheets, components, guide.anchors, guide.displaced_anchors, notes, problems
        )
        if problems:
            raise ContentError(problems)
        offered = insights_offered(merged, insight_ids, worksheets, components)
        renderer = Renderer(macros_dir, components, worksheets, use_directory_urls, catalog, languages, offered)
        return cls(guide, worksheets, renderer, merged.displaced.worksheets, tuple(notes))

    def pages(self, keeps_copy: bool = False) -> Iterator[tuple[str, str]]:
        """(source path, Markdown) for every page the site generates; ``keeps_copy``: the site
        keeps a copy of its files on readers' devices (the privacy statement says so)."""
        for page in self.guide.pages:
            yield page.src_uri, self.renderer.render_page(page, self.guide)
        if self.worksheets:
            yield WORKSHEETS_INDEX, self.renderer.render_worksheet_index()
        for worksheet in self.worksheets.values():
            yield worksheet.src_uri, self.renderer.render_worksheet_page(worksheet, self.guide)
        yield MY_ANSWERS, self.renderer.render_my_answers(self.guide, keeps_copy)

    def navigation(self) -> list[Any]:
        """Guide pages in order, then a Worksheets section (MkDocs' nav format)."""
        text = self.renderer.catalog.gettext
        nav: list[Any] = [{p.shown("nav_title"): p.src_uri} for p in self.guide.pages]
        if self.worksheets:
            sheets = [{w.shown("nav_title"): w.src_uri} for w in self.worksheets.values()]
            nav.append({text("navigation.worksheets"): [WORKSHEETS_INDEX, *sheets]})
        nav.append({text("navigation.my_answers"): MY_ANSWERS})
        return nav

    def missing_targets(self) -> list[str]:
        """Pages, sections ("page#section") and worksheets ("worksheets/ID") an overlay took away.

        Insights name places in the guide; the page shows these as text, not as links.
        """
        missing = []
        for page_id, anchors in sorted(self.guide.displaced_anchors.items()):
            if page_id not in self.guide.anchors:
                missing.append(page_id)
                continue
            missing.extend(f"{page_id}#{a}" for a in sorted(anchors - self.guide.anchors[page_id]))
        missing.extend(f"worksheets/{w}" for w in sorted(self.removed_worksheets))
        return missing

    def source_uris(self) -> set[str]:
        """Every source path the site generates, without rendering anything."""
        return self.content_uris() | {MY_ANSWERS} | ({WORKSHEETS_INDEX} if self.worksheets else set())

    def content_uris(self) -> set[str]:
        """Source paths of the pages whose body is the guide's own text (guide and worksheet pages)."""
        return {p.src_uri for p in self.guide.pages} | {w.src_uri for w in self.worksheets.values()}


def insights_offered(
    merged: Merged,
    insight_ids: frozenset[str],
    worksheets: Mapping[str, Worksheet],
    components: Mapping[str, Component],
) -> frozenset[str]:
    """The worksheets whose forms offer "See what this tells me".

    Only those with Python written for them; and a worksheet the overlay replaced
    keeps its insights only when every default field is still there with its type,
    because the Python reads answers by field id.
    """
    offered = set(insight_ids) & set(worksheets)
    for ident in sorted(offered):
        replaced = merged.worksheets[ident].replaces
        if replaced is None:
            continue
        original = build_worksheets({ident: WorksheetSource(ident, replaced)}, components)[ident]
        kept = field_types(worksheets[ident].fields)
        if any(kept.get(key) != kind for key, kind in field_types(original.fields).items()):
            offered.discard(ident)
    return frozenset(offered)
