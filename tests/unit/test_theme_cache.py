"""What the theme's rendering keeps: navigation items within a build, compiled templates between builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, pass_context

from onward.paths import THEME_DIR
from onward.theme_cache import NavItemCache, kept_templates


class Item:
    """A navigation item as Material's template sees it."""

    def __init__(self, title: str, url: str, children: list["Item"] | None = None, active: bool = False) -> None:
        self.title, self.url, self.children, self.active = title, url, children, active


@pass_context
def relative(context, url: str) -> str:
    """MkDocs' url filter, reduced: a link from a page one or two folders deep."""
    return "../" * context["page"].url.count("/") + url


def navigation(items: list[Item], cache: NavItemCache, calls: list[str]):
    """Renders the navigation of any page, counting Material's item renders."""

    def render(item: Item, path: str, level: int) -> str:
        calls.append(item.title)
        mark = " current" if item == page or item.active else ""
        return f'<li id="{path}"><a href="{relative(context, getattr(item, "url", ""))}">{item.title} & co{mark}</a></li>'

    env = Environment()
    env.filters["url"] = relative
    env.globals["onward_nav_items"] = cache.render_items
    template = env.from_string("<ul>{{ onward_nav_items(items, render) }}</ul>")
    context = page = None

    def on(this_page: Item) -> str:
        nonlocal context, page
        page = this_page
        context = template.new_context({"items": items, "render": render, "page": page})
        return "".join(template.root_render_func(context))

    return on


def test_an_item_renders_once_for_each_way_a_page_links_to_it():
    calls: list[str] = []
    reasons, coping, goals = Item("Reasons", "reasons/"), Item("Coping", "coping/"), Item("Goals", "worksheets/goals/")
    on = navigation([reasons, coping], NavItemCache(), calls)
    on_reasons = on(reasons)
    assert calls == ["Reasons", "Coping"]
    on_coping = on(coping)
    assert calls == ["Reasons", "Coping", "Reasons", "Coping"]  # the page itself is rendered for it
    assert on(goals) == on(Item("Strengths", "worksheets/strengths/"))  # one folder deeper: rendered again, once
    assert calls == ["Reasons", "Coping", "Reasons", "Coping", "Reasons", "Coping"]
    assert '<li id="__nav_2"><a href="../coping/">Coping & co</a></li>' in on_reasons
    assert '<li id="__nav_1"><a href="../reasons/">Reasons & co</a></li>' in on_coping
    assert '<li id="__nav_1"><a href="../../reasons/">Reasons & co</a></li>' in on(goals)
    # Material's whitespace around each item, so a page is byte for byte what Material writes.
    assert on_reasons.startswith('<ul>\n      \n      <li id="__nav_1">') and on_reasons.endswith("</li>\n    </ul>")


def test_sections_and_active_items_render_on_every_page():
    calls: list[str] = []
    section = Item("Worksheets", "worksheets/", children=[Item("Goals", "worksheets/goals/")])
    marked = Item("Marked", "marked/", active=True)
    on = navigation([section, marked], NavItemCache(), calls)
    on(Item("Home", ""))
    on(Item("Tonight", "tonight/"))
    assert calls == ["Worksheets", "Marked", "Worksheets", "Marked"]


def test_two_items_with_the_same_title_and_link_are_kept_apart():
    calls: list[str] = []
    on = navigation([Item("Goals", "goals/"), Item("Goals", "goals/")], NavItemCache(), calls)
    on(Item("Home", "home/"))
    assert calls == ["Goals", "Goals"]


TEMPLATES = {"page.html": "{% for n in range(3) %}\n  {{ n }}\n{% endfor %}\n"}


def environment(cache_dir: Path, **options) -> Environment:
    env = Environment(loader=DictLoader(TEMPLATES), **options)
    env.bytecode_cache = kept_templates("theme", str(cache_dir))
    return env


def test_a_later_build_loads_the_compiled_templates_instead_of_compiling_them(tmp_path, monkeypatch):
    first = environment(tmp_path)
    assert first.get_template("page.html").render() == "\n  0\n\n  1\n\n  2\n"
    assert list(tmp_path.glob("onward-theme-*.cache"))

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    later = environment(tmp_path)
    monkeypatch.setattr(later, "compile", no_compiling)
    assert later.get_template("page.html").render() == "\n  0\n\n  1\n\n  2\n"


@pytest.mark.parametrize(
    "options",
    [{"trim_blocks": True}, {"lstrip_blocks": True}, {"extensions": ["jinja2.ext.i18n"]}, {"autoescape": True}],
)
def test_an_environment_that_compiles_differently_keeps_its_own_files(tmp_path, options):
    """Jinja's cache is keyed by the template and its source alone: the settings name the files."""
    environment(tmp_path).get_template("page.html")
    other = environment(tmp_path, **options)
    assert other.get_template("page.html").render() == Environment(loader=DictLoader(TEMPLATES), **options).get_template("page.html").render()
    assert len(list(tmp_path.glob("onward-theme-*.cache"))) == 2


def test_filters_are_part_of_what_names_the_files(tmp_path):
    """Jinja calls a plain filter on a constant while compiling, so its answer is in the code."""
    templates = {"page.html": "{{ 'x' | shout }}"}

    def environment_with(shout) -> Environment:
        env = Environment(loader=DictLoader(templates))
        env.filters["shout"] = shout
        env.bytecode_cache = kept_templates("theme", str(tmp_path))
        return env

    def loud(value: str) -> str:
        return value.upper() + "!"

    def quiet(value: str) -> str:
        return value.lower()

    assert environment_with(loud).get_template("page.html").render() == "X!"
    assert environment_with(quiet).get_template("page.html").render() == "x"


def test_a_filter_added_after_the_cache_is_set_counts_too(tmp_path):
    """Plugins after Onward's may still add filters: the files are named when a template is loaded."""
    environment(tmp_path).get_template("page.html")
    later = environment(tmp_path)
    later.filters["added_later"] = str.upper
    later.get_template("page.html")
    assert len(list(tmp_path.glob("onward-theme-*.cache"))) == 2


def test_a_damaged_file_is_compiled_again_and_replaced(tmp_path):
    environment(tmp_path).get_template("page.html")
    (kept,) = tmp_path.glob("onward-theme-*.cache")
    kept.write_bytes(kept.read_bytes()[:16])  # cut short just after Jinja's header
    assert environment(tmp_path).get_template("page.html").render() == "\n  0\n\n  1\n\n  2\n"
    assert environment(tmp_path).get_template("page.html").render() == "\n  0\n\n  1\n\n  2\n"
    assert kept.stat().st_size > 16


def test_a_folder_that_cannot_be_written_leaves_the_build_compiling(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    env = environment(blocked)
    assert env.get_template("page.html").render() == "\n  0\n\n  1\n\n  2\n"


def test_an_empty_section_is_left_to_material():
    """A section with no pages has no link to keep it by."""
    calls: list[str] = []
    empty = Item("Soon", "soon/", children=[])
    del empty.url
    on = navigation([empty], NavItemCache(), calls)
    on(Item("Home", ""))
    on(Item("Tonight", "tonight/"))
    assert calls == ["Soon", "Soon"]


MATERIAL_LOOP = """    {% for nav_item in nav.items %}
      {% set path = "__nav_" ~ loop.index %}
      {{ item.render(nav_item, path, 1) }}
    {% endfor %}
"""
ONWARD_LOOP = "    {{ onward_nav_items(nav.items, item.render) }}\n"


def test_onwards_navigation_is_materials_but_for_its_loop():
    """Onward's partials/nav.html is a copy of the installed Material's: a Material release that
    changes its navigation fails here until the copy is made again."""
    import material

    theirs = (Path(material.__file__).parent / "templates" / "partials" / "nav.html").read_text(encoding="utf-8")
    ours = (THEME_DIR / "partials" / "nav.html").read_text(encoding="utf-8")
    assert MATERIAL_LOOP in theirs and ONWARD_LOOP in ours
    body = lambda text: text.split("-#}\n", 1)[1]  # noqa: E731 - each file's own opening comment aside
    assert body(ours).replace(ONWARD_LOOP, MATERIAL_LOOP) == body(theirs)


def test_the_files_have_the_same_names_in_every_build():
    """Each build is a new process: a name holding an address (as a function's repr does) would
    leave every build compiling, and the folder filling up."""
    import subprocess
    import sys

    script = (
        "from onward.paths import bundled\n"
        "from onward.render import make_environment\n"
        "from onward.theme_cache import settings_tag\n"
        "print(settings_tag(make_environment(bundled('macros'))))\n"
    )
    names = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout for _ in range(2)}
    assert len(names) == 1 and len(names.pop().strip()) == 12
