"""What the theme's rendering keeps, so a build does not do the same work again.

Two things are kept:
- Navigation items, once per build. Material writes the whole navigation into every page, so
  the build grew with the square of the guide's length. A top-level item that is not on the
  page's own path renders the same wherever the link to it reads the same, so it is kept by
  the item and its link as this page sees it (links are relative: a page one folder deeper
  gets its own copy). ``theme/partials/nav.html`` hands its items over.
- Compiled templates, between builds (the theme's, and Onward's macros): Jinja's per-user
  bytecode cache, checked against each template's source. The theme's files are named for the
  Jinja release and the environment's settings, which the cache's own key does not hold.
  Compiling the theme was about a sixth of a build of the guide.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, pass_context
from jinja2.runtime import Context
from jinja2.bccache import Bucket
from markupsafe import Markup


class NavItemCache:
    """The top-level navigation items of one build's pages (a new build makes a new cache:
    its items are new objects)."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[int, str], str] = {}
        self._items: list[Any] = []  # held, so that no id is reused for another item in the build

    @pass_context
    def render_items(self, context: Context, items: Iterable[Any], render: Callable[..., Any]) -> Markup:
        """Each of ``items`` as Material's ``render`` macro writes it on this page, with the
        whitespace Material's own loop puts around each (a page is byte for byte Material's)."""
        page = context.get("page")
        url = context.environment.filters["url"]
        out = []
        for index, item in enumerate(items, 1):
            path = f"__nav_{index}"
            if _on_the_page_path(item, page):
                html = str(render(item, path, 1))
            else:
                key = (id(item), url(context, item.url))
                html = self._rendered.get(key)
                if html is None:
                    html = self._rendered[key] = str(render(item, path, 1))
                    self._items.append(item)
            out.append(f"\n      \n      {html}\n    ")
        return Markup("".join(out))


def _on_the_page_path(item: Any, page: Any) -> bool:
    """Whether Material writes ``item`` differently on ``page`` than elsewhere: a section (its
    children may hold the page), the page itself, an item marked active, or a listing of pages."""
    return bool(
        getattr(item, "children", None) or getattr(item, "active", False) or getattr(item, "pages", None) or item == page
    )


class KeptTemplates(FileSystemBytecodeCache):
    """Jinja's file cache, but a folder that cannot be read or written only costs the time
    saved: the build goes on compiling as if there were no cache."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def kept_templates(pattern: str, directory: str | None = None) -> KeptTemplates | None:
    """A cache in ``directory`` (or Jinja's own per-user folder), or None where there is no safe folder."""
    try:
        return KeptTemplates(directory, pattern)
    except (OSError, RuntimeError):  # Jinja refuses a shared temporary folder it cannot make private
        return None


def theme_bytecode_cache(env: Environment, directory: str | None = None) -> KeptTemplates | None:
    """A bytecode cache for ``env`` whose files no environment compiled differently can share."""
    settings = repr((
        jinja2.__version__,
        sorted(env.extensions),
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.block_start_string,
        env.variable_start_string,
        env.comment_start_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        getattr(env, "newstyle_gettext", False),
        env.policies.get("ext.i18n.trimmed"),
        env.optimized,
        env.is_async,
        env.finalize is not None,
        env.autoescape if isinstance(env.autoescape, bool) else repr(env.autoescape),  # a function: this process only
    ))
    tag = hashlib.sha1(settings.encode("utf-8")).hexdigest()[:12]
    return kept_templates(f"onward-theme-{tag}-%s.cache", directory)
