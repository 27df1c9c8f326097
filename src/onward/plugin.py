"""The thin MkDocs adapter: options in, generated pages and theme additions out.

All the real work (loading, checking, rendering) lives in modules that do not
import MkDocs, so they can be tested alone and survive a change of site builder.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import __version__
from .csp import externalise_site_icons
from .errors import ContentError
from .i18n import Catalog, Languages, load_catalog
from .paths import ASSETS_URI, PACKAGE_DIR, THEME_DIR, bundled
from .runtime import InsightWheel, find_pyodide, install_pyodide
from .site import OnwardSite
from .site_defaults import default_help
from .storage import storage_namespace

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
# Icons served beside onward.css, taken from the copy Material already bundles.
MATERIAL_ICONS = {"care.svg": MATERIAL_TEMPLATES / ".icons" / "material" / "hand-heart-outline.svg"}

log = logging.getLogger("mkdocs.plugins.onward")


class HelpContact(base.Config):
    name = c.Type(str)
    description = c.Type(str)
    phone = c.Optional(c.Type(str))
    email = c.Optional(c.Type(str))
    url = c.Optional(c.Type(str))
    url_label = c.Optional(c.Type(str))
    hours = c.Optional(c.Type(str))


class HelpOptions(base.Config):
    # Left out, they are the generic help in the interface language (locales/, help.*).
    title = c.Optional(c.Type(str))
    intro = c.Optional(c.Type(str))
    contacts = c.ListOfItems(c.SubConfig(HelpContact), default=[])


class OnwardOptions(base.Config):
    content_dir = c.Optional(c.Dir(exists=True))
    worksheets_dir = c.Optional(c.Dir(exists=True))
    help = c.SubConfig(HelpOptions)
    # Answers are stored under this name; two sites on one domain need different ones.
    storage_namespace = c.Optional(c.Type(str))
    # Where browsers load Pyodide from; by default the site serves its own pinned copy.
    pyodide_url = c.Optional(c.Type(str))
    # The language the guide and worksheets are written in; the interface's is theme.language.
    content_language = c.Type(str, default="en")


class OnwardPlugin(BasePlugin[OnwardOptions]):
    """Adds the guide's pages, the help box and Onward's stylesheet to a Material site."""

    site: OnwardSite

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project_root = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = Path(self.config.content_dir or bundled("content"))
        self.worksheets_dir = Path(self.config.worksheets_dir or bundled("worksheets"))
        self.macros_dir = bundled("macros")
        language = str(config.theme["language"])
        try:
            self.catalog = load_catalog(language)
        except ContentError as exc:
            raise PluginError(f"Onward found {len(exc.problems)} problem(s) in its translations:\n{exc}") from None
        self.languages = Languages(language, self.catalog.language, self.config.content_language)
        _report_translation(language, self.catalog)
        try:
            self.site = OnwardSite.load(
                self.content_dir, self.worksheets_dir, self.macros_dir, project_root, config.use_directory_urls,
                self.catalog, self.languages,
            )
        except ContentError as exc:
            count = len(exc.problems)
            raise PluginError(f"Onward found {count} problem(s) in the content:\n{exc}") from None
        _name_theme_controls(config, self.catalog)
        _search_content_language(config, self.config.content_language)
        self.namespace = self.config.storage_namespace or storage_namespace(config.site_name, config.site_url)
        self.wheel: InsightWheel | None = None
        self.pyodide_dir: Path | None = None
        insights = self.worksheets_dir / "onward_insights"
        if self.site.worksheets and insights.is_dir():
            self.wheel = InsightWheel.build(insights, __version__)
            if not self.config.pyodide_url:
                self.pyodide_dir = find_pyodide(project_root, PACKAGE_DIR)
                if self.pyodide_dir is None:
                    raise PluginError(
                        "Onward's worksheets need the Pyodide runtime, but node_modules/pyodide was not found "
                        f"in or above {project_root}. Run `npm ci` (the Makefile does), or set the onward "
                        "plugin's pyodide_url to where browsers should load Pyodide from."
                    )
        # The loader is tiny and on every page; it imports the worksheet module only where a form is.
        loader = c.ExtraScriptValue(f"{ASSETS_URI}/onward.js")
        loader.type = "module"
        config.extra_javascript.append(loader)
        # After the site's own custom_dir (so a site can still override ours), before Material.
        # Static files in THEME_DIR (assets/onward/onward.css) are copied like any theme's.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_DIR))
        config.extra_css.insert(0, f"{ASSETS_URI}/onward.css")
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri, markdown in self.site.pages():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"docs_dir has its own {src_uri}, which clashes with a page Onward generates; "
                    "rename or remove it"
                )
            files.append(File.generated(config, src_uri, content=markdown))
        for name, source in MATERIAL_ICONS.items():
            files.append(File.generated(config, f"{ASSETS_URI}/{name}", abs_src_path=str(source)))
        if config.nav is None:
            config.nav = self._navigation(files)
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # Our partials wrap Material's originals ("material/partials/...") instead of copying them.
        # Added here, after MkDocs has listed the theme's static files, so nothing extra is copied.
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(MATERIAL_TEMPLATES))})])
        self.catalog.install(env)
        self.languages.install(env)
        defaults = default_help(self.catalog)
        help_config = self.config.help
        help_options: dict[str, Any] = {
            "title": help_config["title"] or defaults["title"],
            "intro": help_config["intro"] or defaults["intro"],
            "contacts": [{k: v for k, v in dict(contact).items() if v is not None} for contact in help_config["contacts"]]
            or defaults["contacts"],
        }
        # Pages whose body is the guide's own text, in the content language.
        env.globals["onward_content_pages"] = self.site.content_uris()
        env.globals["onward_help_html"] = Markup(self.site.renderer.call("help", **help_options))
        env.globals["onward_storage_namespace"] = self.namespace
        env.globals["onward_insights"] = {
            "wheel": self.wheel.address if self.wheel else "",
            "pyodide": self.config.pyodide_url or "",
            "directory_urls": "true" if config.use_directory_urls else "false",
        }
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        externalise_site_icons(site_dir)
        if self.wheel:
            self.wheel.write(site_dir / ASSETS_URI)
        if self.pyodide_dir:
            install_pyodide(self.pyodide_dir, site_dir)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        server.watch(str(self.macros_dir))
        server.watch(str(self.worksheets_dir))
        return server

    def _navigation(self, files: Files) -> list[Any]:
        """Onward's pages in their order, then any page the site's own docs_dir adds."""
        generated = self.site.source_uris()
        extra = sorted(f.src_uri for f in files.documentation_pages() if f.src_uri not in generated)
        return self.site.navigation() + extra


def _report_translation(language: str, catalog: Catalog) -> None:
    """Say (without failing a strict build) where Onward's interface is not in the site's language."""
    if catalog.language not in (language, language.replace("_", "-").split("-")[0]):
        log.info("Onward has no interface translation for '%s'; its own words stay in English", language)
    elif catalog.missing:
        log.info("Onward's '%s' interface leaves %d string(s) in English: %s",
                 catalog.language, len(catalog.missing), ", ".join(catalog.missing))


def _name_theme_controls(config: MkDocsConfig, catalog: Catalog) -> None:
    """Give Material's controls that the site left unnamed their names in the interface language.

    A palette toggle names what pressing it does: switch to the next option.
    """
    toc = config.mdx_configs.get("toc")
    if isinstance(toc, dict) and toc.get("permalink") and "permalink_title" not in toc:
        toc["permalink_title"] = catalog.gettext("page.permalink")
    palette = config.theme.get("palette")
    options = palette if isinstance(palette, list) else [palette] if isinstance(palette, dict) else []
    for index, option in enumerate(options):
        toggle = option.get("toggle")
        if isinstance(toggle, dict) and not toggle.get("name"):
            following = options[(index + 1) % len(options)]
            scheme = following.get("scheme")
            key = "palette.system" if scheme is None else "palette.dark" if scheme == "slate" else "palette.light"
            toggle["name"] = catalog.gettext(key)


def _search_content_language(config: MkDocsConfig, content_language: str) -> None:
    """Search stems words as the guide's language too, not only as the interface's.

    Material's search plugin (listed before Onward) has set its languages by now.
    """
    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = getattr(getattr(search, "config", None), "lang", None)
    if isinstance(languages, list) and content_language not in languages:
        languages.append(content_language)
