"""Every component: its parameters are described, and each of its examples renders."""

from __future__ import annotations

import re
from typing import Any, Iterator

import markdown
import pytest
from markupsafe import Markup
import jsonschema_rs

from onward.components import (
    ROLE_ANCHOR,
    ROLE_KEY,
    ROLE_LINK,
    ROLE_MARKDOWN,
    ROLE_WORKSHEET,
    load_components,
    walk_roles,
)
from onward.content import Guide, Page
from onward.errors import ContentError
from onward.links import INLINE_LINK
from onward.paths import bundled
from onward.render import Renderer, Resolver, WorksheetRef, resolve_links
from support import parse_html

MACROS = bundled("macros")
COMPONENTS = load_components(MACROS)
RENDERER = Renderer(MACROS, COMPONENTS)
EXAMPLES = [
    pytest.param(component, example, id=f"{name}: {example['name']}")
    for name, component in COMPONENTS.items()
    for example in component.examples
]
# The same Markdown extensions as mkdocs.yml, so examples render as they will on the site.
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "def_list", "toc"]


def plain_strings(value: Any, schema: dict[str, Any]) -> Iterator[str]:
    """The readable text of every string parameter (link targets excluded)."""
    role = schema.get(ROLE_KEY)
    if role == "definition":  # read by Onward to build the output, not shown as written
        return
    if isinstance(value, str):
        is_choice_or_address = "enum" in schema or schema.get("format") == "uri"
        if role not in (ROLE_LINK, ROLE_WORKSHEET, ROLE_ANCHOR) and not is_choice_or_address:
            if role == ROLE_MARKDOWN:
                value = re.sub(r"[*_`]", "", INLINE_LINK.sub(lambda m: m["label"], value))
            yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from plain_strings(item, schema.get("properties", {}).get(key, {}))
    elif isinstance(value, list):
        for item in value:
            yield from plain_strings(item, schema.get("items", {}))


class ExampleResolver(Resolver):
    """Resolves examples' links and worksheet ids against a small made-up guide."""

    def __init__(self) -> None:
        page = Page("here", "Here", "Here", "s", 0, (), (), "here.yml")
        others = [Page(i, i, i, "s", 0, (), (), f"{i}.yml") for i in ("coping", "feedback", "learning")]
        super().__init__(RENDERER, page.src_uri, page.id, Guide((page, *others), {}))

    def worksheet(self, worksheet_id: str, html: bool = False) -> WorksheetRef:
        return WorksheetRef(f"worksheets/{worksheet_id}/", worksheet_id.title(), "About 5 minutes",
                            "Why it helps.", Markup('<div data-onward-worksheet="x"></div>'))


def render_example(component, example) -> str:
    params = example["params"]
    if component.is_block or component.kind == "field":
        params = resolve_links(params, component, ExampleResolver())
    return RENDERER.call(component.name, **params)


def to_html(source: str) -> str:
    return markdown.markdown(source, extensions=EXTENSIONS)


def test_every_component_has_a_macro_and_examples():
    assert {"page", "help", "paragraph", "list", "titled_list", "callout", "reason", "questions", "quote",
            "sample_message", "links", "worksheet_link", "worksheet", "worksheet_form", "worksheet_page",
            "worksheet_index", "short_text", "long_text", "single_choice", "multiple_choice", "checklist",
            "scale", "date", "note", "group"} <= set(COMPONENTS)
    for component in COMPONENTS.values():
        assert component.description.strip()
        assert component.examples, f"{component.name} has no examples"


@pytest.mark.parametrize("name", sorted(COMPONENTS))
def test_every_parameter_is_described(name):
    def missing(schema: dict[str, Any], prefix: str) -> Iterator[str]:
        for key, sub in schema.get("properties", {}).items():
            if not sub.get("description") and not prefix.endswith("[]."):
                yield prefix + key
            items = sub.get("items")
            if isinstance(items, dict) and items.get("type") == "object":
                for inner, inner_schema in items.get("properties", {}).items():
                    if not inner_schema.get("description") and name not in ("page",):
                        yield f"{prefix}{key}[].{inner}"
    assert list(missing(COMPONENTS[name].params_schema, "")) == []


@pytest.mark.parametrize(("component", "example"), EXAMPLES)
def test_examples_are_valid_parameters(component, example):
    errors = [e.message for e in jsonschema_rs.Draft202012Validator(component.params_schema).iter_errors(example["params"])]
    assert errors == []


@pytest.mark.parametrize(("component", "example"), EXAMPLES)
def test_examples_render_with_all_their_text(component, example):
    rendered = render_example(component, example)
    html = rendered if component.template.endswith(".html.j2") else to_html(rendered.split("---", 2)[-1])
    text = parse_html(html).text
    for string in plain_strings(example["params"], component.params_schema):
        # Front matter (the page summary) is not part of the body.
        found = " ".join(string.split()) in text or string in rendered
        assert found, f"{string!r} missing from {component.name} output"
    for role, _path, value in walk_roles(example["params"], component.params_schema):
        if role == ROLE_ANCHOR:
            assert f'id="{value}"' in html


def test_page_has_front_matter_title_and_anchored_sections():
    rendered = RENDERER.call("page", title='A "quoted" title', summary="S.", intro=[], sections=[
        {"id": "first", "title": "First", "blocks": ["Body.\n"]}])
    assert rendered.startswith('---\ntitle: "A \\"quoted\\" title"\ndescription: "S."\n---\n')
    html = to_html(rendered.split("---", 2)[-1])
    assert '<h2 id="first">First</h2>' in html


def test_reason_heading_carries_its_anchor():
    html = to_html(RENDERER.call("reason", id="salary", title="Pay", text="T.", actions=["A."]))
    assert '<h3 id="salary">Pay</h3>' in html
    assert "What you can do" in html


def test_callout_styles_become_admonition_classes():
    html = to_html(RENDERER.call("callout", style="care", title="Rest", text="Go gently."))
    assert '<div class="admonition care">' in html
    assert '<p class="admonition-title">Rest</p>' in html


def test_callout_without_title_has_no_title_bar():
    html = to_html(RENDERER.call("callout", style="tip", text="Go gently."))
    assert "admonition-title" not in html


def test_sample_message_keeps_line_breaks():
    html = to_html(RENDERER.call("sample_message", title="Mail", text="Dear [Name],\n\nThanks.\nBest,\n[Me]\n"))
    assert "Thanks.<br>" in html and "<p>Dear [Name],</p>" in html


def test_links_resolve_relative_to_the_page():
    component = COMPONENTS["links"]
    params = resolve_links({"items": [{"to": "coping#first", "label": "Go"}, {"to": "#mine", "label": "Here"}]},
                           component, ExampleResolver())
    assert [i["to"] for i in params["items"]] == ["coping.md#first", "#mine"]


def test_cards_are_a_material_grid():
    html = to_html(RENDERER.call("links", style="cards", items=[{"to": "a.md", "label": "A", "text": "Go."}]))
    assert '<div class="grid cards onward-cards">' in html
    assert '<a href="a.md">A</a>' in html


def test_help_escapes_configured_text():
    html = RENDERER.call("help", title="Help <now>", intro="&", contacts=[
        {"name": "<script>alert(1)</script>", "description": "d", "phone": "0100 200"}])
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'href="tel:0100200"' in html


def test_strict_undefined_names_the_missing_parameter():
    with pytest.raises(ContentError, match=r"^macros/paragraph\.md\.j2:\d+: paragraph: parameter 'text' was not provided"):
        RENDERER.call("paragraph")


@pytest.mark.parametrize("level", [2, 3])
def test_entries_and_form_headings_take_the_level_they_are_given(level):
    """h2 on a worksheet's own page (under its h1), h3 inside a guide section (under an h2)."""
    group = next(e["params"] for e in COMPONENTS["group"].examples)
    entries = RENDERER.call("group", **{**group, "heading_level": level})
    assert entries.count(f'<h{level} class="onward-entry__heading"') == 2  # the entry and its template
    form = next(e["params"] for e in COMPONENTS["worksheet_form"].examples)
    html = RENDERER.call("worksheet_form", **{**form, "heading_level": level})
    assert f'<h{level} class="onward-insights__title"' in html
    assert f'<h{level} class="onward-retired__title"' in html


def test_a_forms_regions_name_their_worksheet_for_screen_readers():
    form = next(e["params"] for e in COMPONENTS["worksheet_form"].examples)
    html = RENDERER.call("worksheet_form", **form)
    assert '<span class="onward-visually-hidden">: A tiny worksheet</span></h2>' in html
