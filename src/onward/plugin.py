"""The thin MkDocs adapter: options in, generated pages and theme additions out.

All the real work (loading, checking, rendering) lives in modules that do not
import MkDocs, so they can be tested alone and survive a change of site builder.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Literal

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from . import __version__
from .csp import externalise_site_icons
from .insight_facts import facts_json
from .centre import CENTRE_FIELDS, Centre, load_centre
from .contrast import DEFAULT_COLOURS, palette_css
from .errors import ContentError, Problem
from .hosting import HEADERS_FILE, headers_file, site_url_problem
from .i18n import Languages, UnknownString, load_catalog
from .fallback import strip, to_html
from .minify import MinifyError, Minifying, find_esbuild
from .theme_cache import NavItemCache, kept_templates
from .offline import ICON, WEB_MANIFEST, WORKBOX_PACKAGES, find_workbox, home_screen_icon, web_manifest, write_service_worker
from .interface_language import (
    name_theme_controls,
    report_translation,
    search_content_language,
    search_worker_name,
    stems_typed_words,
    with_search_worker,
    write_search_worker,
)
from .paths import ASSETS_URI, PACKAGE_DIR, THEME_DIR, bundled
from .scaffold import locked_version
from .runtime import PYODIDE_FILES, InsightWheel, find_pyodide, install_pyodide
from .overlay import read_overlay
from .site import OnwardSite
from .site_defaults import default_help, help_sets_for
from .translations import Translator, guide_language, report, translator_for
from .storage import storage_namespace
from .template_errors import calling_template
from .versions import pyodide_problem, pyodide_version, stamp_generator, write_stamp

MATERIAL_TEMPLATES = Path(material.__file__).resolve().parent / "templates"
# Icons served beside onward.css, taken from the copy Material already bundles.
MATERIAL_ICONS = {
    "care.svg": MATERIAL_TEMPLATES / ".icons" / "material" / "hand-heart-outline.svg",
    # A sample message is a letter, and a worked example an idea: not Material's laboratory flask.
    "message.svg": MATERIAL_TEMPLATES / ".icons" / "material" / "email-edit-outline.svg",
    "example.svg": MATERIAL_TEMPLATES / ".icons" / "material" / "lightbulb-on-outline.svg",
}
CENTRE_CSS = f"{ASSETS_URI}/centre.css"  # a centre's colours, written at build time
MATERIAL_FAVICON = "assets/images/favicon.png"  # Material's own default, replaced by Onward's icon

log = get_plugin_logger(__name__)


def stopped(error: ContentError) -> PluginError:
    """The build stops with every problem, each naming its file, line and field: never a traceback."""
    count = len(error.problems)
    return PluginError(f"Onward found {count} problem{'s' if count != 1 else ''} to fix before it can build:\n{error}")


def strict(lookup: Callable[..., str]) -> Callable[..., str]:
    """A gettext callable for MkDocs' own templates that stops the build on an unknown string."""

    def looked_up(*args: Any) -> str:
        try:
            return lookup(*args)
        except UnknownString as unknown:
            file, line = calling_template() or ("a template", None)
            raise stopped(ContentError([Problem(file, line, (Path(file).name,), str(unknown))])) from None

    return looked_up


def apply_to_theme(centre: Centre, config: MkDocsConfig) -> None:
    """Hand the centre's language, logo and favicon to Material, which owns those settings."""
    if centre.language:
        config.theme["language"] = centre.language  # Material's own setting (MkDocs' locale stays as it is)
    for key in ("logo", "favicon"):
        if getattr(centre, key):
            config.theme[key] = getattr(centre, key)
    if config.theme["favicon"] == MATERIAL_FAVICON:
        config.theme["favicon"] = ICON  # Onward's, in the tab and on the home screen alike


def workbox_pins() -> str:
    """The npm packages a site needs to keep itself on readers' devices, at the versions Onward is tested with."""
    return " ".join(f"{name}@{locked_version(name)}" for name in WORKBOX_PACKAGES)


def insight_modules(package: Path) -> frozenset[str]:
    """Worksheet ids with Python insights: a module in the package named after each (rejection_log.py)."""
    if not package.is_dir():
        return frozenset()
    return frozenset(file.stem.replace("_", "-") for file in package.glob("*.py") if not file.stem.startswith("_"))


def minifiable_files(files: Files) -> dict[str, bytes]:
    """Name -> bytes of the .js and .css files the build puts directly in assets/onward/ (what minify changes)."""
    return {
        PurePosixPath(file.dest_uri).name: file.content_bytes
        for file in files
        if str(PurePosixPath(file.dest_uri).parent) == ASSETS_URI and PurePosixPath(file.dest_uri).suffix in (".js", ".css")
    }


class Unchecked(c.BaseConfigOption[Any]):
    """Taken as written: Onward's own schema checks it, naming the file, line and field."""

    def run_validation(self, value: object) -> Any:
        return value


# The plugin's options: two folder options, ``centre`` (a centre file), and every centre
# field (CENTRE_FIELDS), which may instead be written here, in mkdocs.yml.
OnwardOptions = type(
    "OnwardOptions",
    (base.Config,),
    {
        # Your own full copy of the guide or the worksheets instead of Onward's (an overlay is gentler).
        "content_dir": c.Optional(c.Dir(exists=True)),
        "worksheets_dir": c.Optional(c.Dir(exists=True)),
        # The catalogues that translate them (locales/LANG/LC_MESSAGES/*.po), for such a copy.
        "locales_dir": c.Optional(c.Dir(exists=True)),
        "centre": c.Optional(c.Type(str)),
        # The language the guide and worksheets are shown in (the interface's is theme.language):
        # by default the interface's when Onward is translated into it (locales/LANG/LC_MESSAGES/), else en.
        "content_language": c.Optional(c.Type(str)),
        # Text a catalogue leaves in English (missing or fuzzy): listed in the build log, or with
        # strict, a reason to stop the build.
        "translations": c.Choice(("report", "strict"), default="report"),
        **{name: Unchecked() for name in CENTRE_FIELDS},
    },
)


class OnwardPlugin(BasePlugin[OnwardOptions]):
    """Adds the guide's pages, the help box and Onward's stylesheet to a Material site."""

    site: OnwardSite
    deploying = False  # set by on_startup: `mkdocs build` and `mkdocs gh-deploy` make a site to publish
    esbuild: Path | None = None  # set by on_env in a build for deployment, where npm installed it
    minifying: Minifying | None = None  # esbuild at work on Onward's scripts and styles (on_env to on_post_build)

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # `mkdocs serve --clean` reports "build" too; the command line says what it really is.
        self.deploying = command in ("build", "gh-deploy") and sys.argv[1:2] != ["serve"]

    # Before other plugins' on_config (search reads the language there).
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        project_root = config_file.parent
        problem = site_url_problem(config.site_url) if self.deploying else None
        if problem:
            raise PluginError(f"Onward stopped this build for deployment: {problem}.")
        self.content_dir = Path(self.config.content_dir or bundled("content"))
        self.worksheets_dir = Path(self.config.worksheets_dir or bundled("worksheets"))
        self.macros_dir = bundled("macros")
        try:
            self.centre = load_centre(dict(self.config), config_file, Path(config.docs_dir))
        except ContentError as exc:
            raise stopped(exc) from None
        apply_to_theme(self.centre, config)
        # The centre's language (if any) is Material's theme.language by now.
        language = str(config.theme["language"])
        try:
            self.catalog = load_catalog(language)
        except ContentError as exc:
            raise stopped(exc) from None
        locales = Path(self.config.locales_dir or bundled("locales"))
        content_language = guide_language(language, self.config.content_language, locales)
        self.languages = Languages(language, self.catalog.language, content_language)
        report_translation(language, self.catalog)
        insights = self.worksheets_dir / "onward_insights"
        try:
            overlay = read_overlay(self.centre.overlay, project_root) if self.centre.overlay else None
            translator = translator_for(
                content_language, locales, overlay and overlay.language, overlay and overlay.locales, project_root
            )
            self.site = OnwardSite.load(
                self.content_dir,
                self.worksheets_dir,
                self.macros_dir,
                project_root,
                config.use_directory_urls,
                self.catalog,
                self.languages,
                overlay,
                insight_modules(insights),
                translator,
            )
            # The help box speaks the interface's language; its country sets, the guide's.
            same = translator is not None and translator.language == self.catalog.language
            interface = translator if same else translator_for(self.catalog.language, locales, root=project_root)
            self.help_box = self.centre.help_box(
                default_help(self.catalog, interface.document if interface else None),
                self.catalog.gettext("help.book_with"),
            )
            self.help_box.update(help_sets_for(self.centre.help_set, translator.document if translator else None))
        except ContentError as exc:
            raise stopped(exc) from None
        for note in self.site.notes:
            log.info("Onward: %s", note)
        self._report_untranslated([t for t in (translator, interface) if t is not None], content_language)
        # Readers' devices keep the site (offline.py) in a build for deployment whose centre did not
        # switch it off. `mkdocs serve` never does: its pages change under the author at every save.
        self.workbox: Path | None = None
        if self.deploying and self.centre.service_worker is not False:
            self.workbox = find_workbox(project_root, PACKAGE_DIR)
            if self.workbox is None:
                log.warning(
                    "Onward: the site cannot be kept on readers' devices for use with no network: Workbox is missing "
                    f"from node_modules. Run `npm install --save-exact {workbox_pins()}` in {project_root} (or set "
                    "service_worker: false in the centre's settings to build without it)"
                )
        # Every page and the help box are rendered now, before MkDocs empties site_dir: a mistake
        # in a macro stops the build while the site already there is still whole.
        try:
            self.pages = list(self.site.pages(keeps_copy=self.workbox is not None))
            self.help_html = Markup(self.site.renderer.call("help", **self.help_box))
        except ContentError as exc:
            raise stopped(exc) from None
        self.namespace = self.centre.storage_namespace or storage_namespace(config.site_name, config.site_url)
        name_theme_controls(config, self.catalog)
        # The Worksheets section's own page is its title, not a second "Worksheets" inside it.
        if "navigation.indexes" not in config.theme.get("features", []):
            config.theme["features"] = [*config.theme.get("features", []), "navigation.indexes"]
        search_content_language(config, content_language)
        self.search_worker = search_worker_name() if stems_typed_words(content_language) else None
        self.wheel: InsightWheel | None = None
        self.pyodide_dir: Path | None = None
        if self.site.renderer.insight_ids and insights.is_dir():
            try:
                self.wheel = InsightWheel.build(insights, __version__, facts_json(self.site), bundled("locales"))
            except ContentError as exc:
                raise PluginError(f"Onward found a problem in the insights' translations:\n{exc}") from None
            if not self.centre.pyodide_url:
                self.pyodide_dir = find_pyodide(project_root, PACKAGE_DIR)
                if self.pyodide_dir is None:
                    raise PluginError(
                        "Onward's worksheets need the Pyodide runtime, but node_modules/pyodide was not found "
                        f"in or above {project_root}. Run `npm install` there (a site made by `onward new-site` "
                        "has a package.json for it), or set the onward plugin's pyodide_url to the path "
                        "browsers should load Pyodide from."
                    )
                mismatch = pyodide_problem(self.pyodide_dir)
                if mismatch:
                    log.warning("%s", mismatch)
        # The loader is tiny and on every page; it imports the worksheet module only where a form is.
        loader = c.ExtraScriptValue(f"{ASSETS_URI}/onward.js")
        loader.type = "module"
        config.extra_javascript.append(loader)
        # After the site's own custom_dir (so a site can still override ours), before Material.
        # Static files in THEME_DIR (assets/onward/onward.css) are copied like any theme's.
        position = 1 if config.theme.custom_dir else 0
        config.theme.dirs.insert(position, str(THEME_DIR))
        config.extra_css.insert(0, f"{ASSETS_URI}/onward.css")
        if self.centre.colours:
            config.extra_css.insert(1, CENTRE_CSS)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri, markdown in self.pages:
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(
                    f"docs_dir has its own {src_uri}, which clashes with a page Onward generates; "
                    "rename or remove it"
                )
            files.append(File.generated(config, src_uri, content=markdown))
        for name, source in MATERIAL_ICONS.items():
            files.append(File.generated(config, f"{ASSETS_URI}/{name}", abs_src_path=str(source)))
        if self.centre.colours:
            files.append(File.generated(config, CENTRE_CSS, content=palette_css(self.centre.colours)))
        if config.nav is None:
            config.nav = self._navigation(files)
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        # Our partials wrap Material's originals ("material/partials/...") instead of copying them.
        # Added here, after MkDocs has listed the theme's static files, so nothing extra is copied.
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(str(MATERIAL_TEMPLATES))})])
        self.catalog.install(env)
        # A theme template asking for a string English lacks stops the build with its file and line.
        env.install_gettext_callables(strict(self.catalog.gettext), strict(self.catalog.ngettext), newstyle=True)  # type: ignore[attr-defined]
        self.languages.install(env)
        env.bytecode_cache = kept_templates("theme")
        # Pages whose body is the guide's own text, in the content language.
        env.globals["onward_content_pages"] = self.site.content_uris()
        env.globals["onward_nav_items"] = NavItemCache().render_items
        env.globals["onward_help_html"] = self.help_html
        env.globals["onward_centre"] = {"name": self.centre.name or "", "footer": self.centre.footer or ""}
        env.globals["onward_storage_namespace"] = self.namespace
        env.globals["onward_insights"] = {
            "wheel": self.wheel.address if self.wheel else "",
            "pyodide": self.centre.pyodide_url or "",
            "directory_urls": "true" if config.use_directory_urls else "false",
            "missing": " ".join(self.site.missing_targets()),
            # What a first start downloads, for its progress bar (unknown for a runtime served elsewhere).
            "runtime_bytes": sum((self.pyodide_dir / name).stat().st_size for name in PYODIDE_FILES) if self.pyodide_dir else 0,
        }
        env.globals["onward_offline"] = {
            "keep": "on" if self.workbox else "off",
            "theme_colour": (self.centre.colours or DEFAULT_COLOURS)["primary"],
        }
        self._start_minifying(files, config)
        return env

    def _start_minifying(self, files: Files, config: MkDocsConfig) -> None:
        """Start esbuild on Onward's scripts and styles now, so it works while the pages render.

        A build for deployment minifies them (where npm installed esbuild); ``on_post_build`` finishes.
        """
        self.minifying = None
        self.esbuild = find_esbuild(Path(config.config_file_path or "mkdocs.yml").resolve().parent, PACKAGE_DIR) if self.deploying else None
        if self.esbuild is not None:
            self.minifying = Minifying(minifiable_files(files), self.esbuild)

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        return self._finished(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return self._finished(output_content) if template_name.endswith(".html") else strip(output_content)

    def _finished(self, html: str) -> str:
        """A page as it is written: English marks as HTML, the build stamp, and the search worker."""
        html = stamp_generator(to_html(html))
        return with_search_worker(html, self.search_worker) if self.search_worker else html

    # Last of every plugin's (after the search plugin has written its index): the list of files
    # readers' devices keep is made from the finished site.
    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        externalise_site_icons(site_dir)
        index = site_dir / "search" / "search_index.json"
        if index.is_file():  # titles left in English are marked for the page, not for the search box
            index.write_text(strip(index.read_text(encoding="utf-8")), encoding="utf-8")
        if self.wheel:
            self.wheel.write(site_dir / ASSETS_URI)
        if self.pyodide_dir:
            install_pyodide(self.pyodide_dir, site_dir)
        if self.deploying and self.esbuild is None:
            log.info("Onward: node_modules/esbuild was not found, so its scripts are served unminified (npm ci adds it)")
        try:
            if self.minifying is not None:
                self.minifying.finish(site_dir / ASSETS_URI)
            if self.search_worker:
                write_search_worker(site_dir, self.search_worker, self.esbuild)
        except MinifyError as error:
            raise PluginError(f"Onward could not minify its scripts: {error}") from None
        served = self.centre.pyodide_url or (pyodide_version(self.pyodide_dir) if self.pyodide_dir else None)
        write_stamp(site_dir, served or "none")
        (site_dir / HEADERS_FILE).write_text(headers_file(site_dir), encoding="utf-8")
        self._write_installable(site_dir, config)

    def _write_installable(self, site_dir: Path, config: MkDocsConfig) -> None:
        """The web app manifest, then the service worker that keeps every file (or lets an old copy go)."""
        icon, problem = home_screen_icon(site_dir, str(config.theme["favicon"]))
        if problem:
            log.info("Onward: the home-screen icon is Onward's own, because %s", problem)
        name = self.centre.name or config.site_name
        manifest = web_manifest(
            name=name,
            short_name=self.centre.short_name or name,
            description=config.site_description or "",
            language=str(config.theme["language"]),
            theme_colour=(self.centre.colours or DEFAULT_COLOURS)["primary"],
            icon=icon,
        )
        (site_dir / WEB_MANIFEST).write_text(manifest, encoding="utf-8")
        kept = write_service_worker(site_dir, self.workbox)
        if kept:
            log.info("Onward: readers' devices keep %d files (%.1f MB) for use with no network", kept.files, kept.size / 1e6)
            for path in kept.too_large:
                log.info("Onward: %s is too large to keep on every reader's device; it needs the network", path)

    def on_build_error(self, *, error: Exception) -> None:
        if self.minifying is not None:
            self.minifying.cancel()

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        server.watch(str(self.macros_dir))
        server.watch(str(self.worksheets_dir))
        server.watch(str(self.config.locales_dir or bundled("locales")))  # the catalogues too
        return server

    def _report_untranslated(self, translators: list[Translator], language: str) -> None:
        """Every text shown in English on a translated site: in the log, or with ``translations: strict``, an error."""
        distinct = {id(translator): translator for translator in translators}.values()
        untranslated = [item for translator in distinct for item in translator.untranslated]
        if not untranslated:
            return
        message = report(untranslated, language)
        if self.config.translations == "strict":
            raise PluginError(f"Onward stopped this build (translations: strict): {message}")
        log.info("Onward: %s", message)

    def _navigation(self, files: Files) -> list[Any]:
        """Onward's pages in their order, then any page the site's own docs_dir adds."""
        generated = self.site.source_uris()
        extra = sorted(f.src_uri for f in files.documentation_pages() if f.src_uri not in generated)
        return self.site.navigation() + extra

