"""What the theme's rendering keeps: navigation items within a build, compiled templates between builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment, pass_context

from onward.theme_cache import NavItemCache, theme_bytecode_cache


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
        return f'<li id="{path}"><a href="{relative(context, item.url)}">{item.title} & co{mark}</a></li>'

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
    env.bytecode_cache = theme_bytecode_cache(env, str(cache_dir))
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


def test_a_folder_that_cannot_be_written_leaves_the_build_compiling(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    env = environment(blocked)
    assert env.get_template("page.html").render() == "\n  0\n\n  1\n\n  2\n"
