"""Sites the benchmarks build: the real guide, a plain Material twin, a 100x synthetic guide."""

from __future__ import annotations

import copy
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

import yaml

from onward.links import INLINE_LINK, is_external
from onward.paths import THEME_DIR, bundled
from onward.site import OnwardSite
from support import REPO, build_site


def onward_config(folder: Path, content_dir: Path | None = None) -> Path:
    """The reference mkdocs.yml, pointed at another content folder when given."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {REPO / 'docs'}")
    if content_dir is not None:
        text = text.replace("  - onward\n", f"  - onward:\n      content_dir: {content_dir}\n")
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def plain_material_config(folder: Path) -> Path:
    """A plain Material site with the guide's pages as ready-made Markdown, and no Onward plugin.

    Same theme settings, Markdown extensions, search and page count: the difference
    in build time and page weight is what Onward itself adds.
    """
    docs = folder / "docs"
    docs.mkdir(parents=True)
    # The reference site's favicon is Onward's icon, which the theme serves: the plain site needs its own copy.
    (docs / "assets" / "onward").mkdir(parents=True)
    shutil.copyfile(THEME_DIR / "assets" / "onward" / "icon.svg", docs / "assets" / "onward" / "icon.svg")
    site = OnwardSite.load(bundled("content"), bundled("worksheets"), bundled("macros"))
    for src_uri, markdown in site.pages():
        (docs / src_uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / src_uri).write_text(markdown, encoding="utf-8")
    nav = yaml.safe_dump({"nav": site.navigation()}, allow_unicode=True)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("  - onward\n", "") + nav
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def synthetic_content(folder: Path, copies: int) -> Path:
    """The real content repeated ``copies`` times, every id and link given a copy suffix."""
    out = folder / "content"
    out.mkdir(parents=True)
    for file in sorted(bundled("content").glob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for n in range(copies):
            # Copy 0 keeps the real ids, which the worksheets' own links point at.
            page = _suffixed(copy.deepcopy(data), f"-s{n}" if n else "")
            page["order"] = data["order"] * copies + n
            (out / f"{page['id']}.yml").write_text(yaml.safe_dump(page, allow_unicode=True), encoding="utf-8")
    return out


def _suffixed(value: Any, suffix: str) -> Any:
    def target(text: str) -> str:
        page, hash_, anchor = text.partition("#")
        return (page + suffix if page else "") + (hash_ + anchor + suffix if anchor else "")

    if isinstance(value, dict):
        result = {k: _suffixed(v, suffix) for k, v in value.items()}
        for key in ("id", "to"):
            if isinstance(result.get(key), str):
                result[key] = target(result[key])
        return result
    if isinstance(value, list):
        return [_suffixed(v, suffix) for v in value]
    if isinstance(value, str):
        return INLINE_LINK.sub(
            lambda m: m[0] if is_external(m["target"]) else f"[{m['label']}]({target(m['target'])})", value
        )
    return value


def median_build_seconds(config: Path, site_dir: Path, runs: int, site_url: str = "http://127.0.0.1:8000/") -> float:
    """Median wall time of full ``mkdocs build --strict`` runs (a new process each, like a user)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = build_site(config, site_dir, site_url)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise RuntimeError(f"build of {config} failed:\n{result.stdout}{result.stderr}")
    return statistics.median(times)


def count_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("index.html"))
