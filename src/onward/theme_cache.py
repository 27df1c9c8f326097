"""What the theme's rendering keeps, so a build does not do the same work again.

Two things are kept:
- Navigation items, once per build. Material writes the whole navigation into every page, so
  the build grew with the square of the guide's length. A top-level item that is not on the
  page's own path renders the same wherever the link to it reads the same, so it is kept by
  the item and its link as this page sees it (links are relative: a page one folder deeper
  gets its own copy). ``theme/partials/nav.html`` hands its items over.
- Compiled templates, between builds (the theme's, and Onward's macros): Jinja's per-user
  bytecode cache, checked against each template's source, in files named for what else the
  compiled code depends on (``KeptTemplates``). Compiling the theme was about a sixth of a
  build of the guide.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import lru_cache
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
    """Whether Material writes ``item`` differently on ``page`` than elsewhere, or it has no link
    to key it by: a section (its children may hold the page; an empty one has no link), the page
    itself, an item marked active, or a listing of pages."""
    return bool(
        getattr(item, "children", None)
        or getattr(item, "url", None) is None
        or getattr(item, "active", False)
        or getattr(item, "pages", None)
        or item == page
    )


class KeptTemplates(FileSystemBytecodeCache):
    """Jinja's file cache, with each file named for what the compiled code depends on besides
    the template's source, which Jinja's own key leaves out: the Jinja release, the
    environment's settings, and which filters and tests it has (Jinja calls a filter on
    constants while compiling). A file that cannot be read, written or understood only costs
    the time saved: the template is compiled as if there were no cache."""

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        key = f"{settings_tag(environment)}-{self.get_cache_key(name, filename)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a cut-short or foreign file: unpickling can fail in many ways
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def kept_templates(name: str, directory: str | None = None) -> KeptTemplates | None:
    """A cache for the templates called ``name`` ("theme", "macros") in ``directory`` (or Jinja's
    own per-user folder), or None where there is no safe folder."""
    try:
        return KeptTemplates(directory, f"onward-{name}-%s.cache")
    except (OSError, RuntimeError):  # Jinja refuses a shared temporary folder it cannot make private
        return None


def _function(f: Any) -> str:
    """Which function ``f`` is, the same in every process: where it was defined, how Jinja calls
    it, and what it closes over (select_autoescape's settings). A value whose repr holds an
    address makes the name new in each process: the cache then goes unused, never wrong."""
    closure = tuple(
        _where(value) if callable(value) else repr(value)
        for value in (cell.cell_contents for cell in getattr(f, "__closure__", None) or ())
    )
    return repr((_where(f), getattr(f, "jinja_pass_arg", None), closure))


def _where(f: Any) -> str:
    return f"{getattr(f, '__module__', '') or ''}:{getattr(f, '__qualname__', type(f).__qualname__)}"


@lru_cache(maxsize=1024)
def _known_function(f: Any) -> str:
    return _function(f)


def _callables(functions: dict[str, Any]) -> list[tuple[str, str]]:
    """Each name with its function; worked out once per function, as every template load asks."""
    named = []
    for name, f in functions.items():
        try:
            named.append((name, _known_function(f)))
        except TypeError:  # a callable that cannot be a dictionary key
            named.append((name, _function(f)))
    return sorted(named)


def settings_tag(env: Environment) -> str:
    """A short name for everything besides a template's source that its compiled code depends on."""
    settings = repr((
        jinja2.__version__,
        sorted(env.extensions),
        env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.newline_sequence,
        getattr(env, "newstyle_gettext", False),
        env.policies.get("ext.i18n.trimmed"),
        env.optimized,
        env.is_async,
        env.finalize is not None,
        env.autoescape if isinstance(env.autoescape, bool) else _function(env.autoescape),
        _callables(env.filters),
        _callables(env.tests),
    ))  # fmt: skip
    return hashlib.sha1(settings.encode("utf-8")).hexdigest()[:12]
