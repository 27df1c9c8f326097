"""The thin MkDocs adapter: options in, generated pages and theme additions out.

All the real work (loading, checking, rendering) lives in modules that do not
import MkDocs, so they can be tested alone and survive a change of site builder.
"""

from __future__ import annotations

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
from .i18n import Languages, load_catalog
from .interface_language import name_theme_controls, report_translation, search_content_language
from .paths import ASSETS_URI, PACKAGE_DIR, THEME_DIR, bundled
from .runtime import InsightWheel, find_pyodide, install_pyodide
from .site import OnwardSite
from .site_defaults import default_help
from .storage import storage_namespace

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
# Icons served beside onward.css, taken from the copy Material already bundles.
MATERIAL_ICONS = {"care.svg": MATERIAL_TEMPLATES / ".icons" / "material" / "hand-heart-outline.svg"}


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
        report_translation(language, self.catalog)
        try:
            self.site = OnwardSite.load(
                self.content_dir, self.worksheets_dir, self.macros_dir, project_root, config.use_directory_urls,
                self.catalog, self.languages,
            )
        except ContentError as exc:
            count = len(exc.problems)
            raise PluginError(f"Onward found {count} problem(s) in the content:\n{exc}") from None
        name_theme_controls(config, self.catalog)
        search_content_language(config, self.config.content_language)
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

