"""A centre's overlay over Onward's own guide: replace, add and remove by id, with precise errors."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from onward.errors import ContentError
from onward.overlay import read_overlay
from onward.paths import bundled
from onward.plugin import insight_modules
from onward.site import OnwardSite

INSIGHTS = insight_modules(bundled("worksheets") / "onward_insights")

SECTION = """\
id: {id}
title: Our own words
blocks:
  - type: paragraph
    text: {text}
"""

PAGE = """\
id: {id}
title: Goodbye
summary: The end.
order: 70
sections:
  - id: {section}
    title: Our words
    blocks:
      - type: paragraph
        text: Take care.
"""

WORKSHEET = """\
id: {id}
version: 1
title: Before your appointment
summary: Notes to bring.
why: It helps the time go on what matters.
time: About 5 minutes
fields:
  - type: long_text
    id: {field}
    label: What would you like to talk about?
"""


def overlay(tmp_path: Path, manifest: str = "", **files: str) -> Path:
    """An overlay folder; ``files`` maps "sections/ID" (etc.) to YAML text."""
    folder = tmp_path / "overlay"
    folder.mkdir(parents=True)
    if manifest:
        (folder / "overlay.yml").write_text(textwrap.dedent(manifest), encoding="utf-8")
    for name, text in files.items():
        (folder / f"{name}.yml").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def load(folder: Path, content: Path | None = None) -> OnwardSite:
    root = folder.parent
    return OnwardSite.load(
        content or bundled("content"),
        bundled("worksheets"),
        bundled("macros"),
        root,
        True,
        overlay=read_overlay(folder, root),
        insight_ids=INSIGHTS,
    )


def problems(folder: Path, content: Path | None = None) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(folder, content)
    return [str(p) for p in caught.value.problems]


def markdown(site: OnwardSite, src_uri: str) -> str:
    return dict(site.pages())[src_uri]


def test_a_section_with_a_default_id_replaces_it_where_it_was(tmp_path):
    folder = overlay(tmp_path, **{"sections/more-support": SECTION.format(id="more-support", text="Talk to our team.")})
    site = load(folder)
    coping = site.guide.page("coping")
    section = next(s for s in coping.sections if s.id == "more-support")
    assert section.title == "Our own words"
    assert [s.id for s in coping.sections][-1] == "more-support"
    text = markdown(site, "coping.md")
    assert "Talk to our team." in text
    assert "Most people find that the low feeling" not in text


def test_a_page_with_a_default_id_replaces_the_page(tmp_path):
    site = load(overlay(tmp_path, **{"pages/closing": PAGE.format(id="closing", section="goodbye")}))
    assert site.guide.page("closing").title == "Goodbye"
    assert "Take care." in markdown(site, "closing.md")


def test_a_mistyped_id_is_an_error_with_a_suggestion(tmp_path):
    folder = overlay(tmp_path, **{"sections/more-suport": SECTION.format(id="more-suport", text="Hello.")})
    [problem] = problems(folder)
    assert problem.startswith("overlay/sections/more-suport.yml:1: id: there is no default section 'more-suport'")
    assert "did you mean 'more-support'?" in problem
    assert "list 'more-suport' under add in overlay.yml" in problem


def test_a_mistyped_page_and_worksheet_are_errors_with_suggestions(tmp_path):
    [page] = problems(overlay(tmp_path / "a", **{"pages/copin": PAGE.format(id="copin", section="our-words")}))
    assert "no default page 'copin'" in page and "did you mean 'coping'?" in page
    folder = overlay(tmp_path / "b", **{"worksheets/strenghts": WORKSHEET.format(id="strenghts", field="notes")})
    [worksheet] = problems(folder)
    assert "no default worksheet 'strenghts'" in worksheet and "did you mean 'strengths'?" in worksheet


def test_removing_an_unknown_id_suggests_the_nearest(tmp_path):
    [problem] = problems(overlay(tmp_path, "remove:\n  - learning-resource\n"))
    assert problem.startswith("overlay/overlay.yml:2: remove[0]: there is no default page, section or worksheet")
    assert "did you mean 'learning-resources'?" in problem


def test_a_removal_suggestion_names_the_kind_of_each_near_id(tmp_path):
    """A near worksheet is never offered as if it were the section someone meant to hide."""
    [problem] = problems(overlay(tmp_path, "remove:\n  - learning-resource\n"))
    assert "did you mean 'learning-resources'? That is a section of page 'learning';" in problem
    assert "'learning' is a page" in problem and "'learning-plan' is a worksheet" in problem


def test_an_added_id_needs_its_file(tmp_path):
    [problem] = problems(overlay(tmp_path, "add:\n  - workshops\n"))
    assert "overlay/overlay.yml:2: add[0]: 'workshops' is listed under add, but there is no" in problem


def test_a_new_section_goes_on_its_page_after_the_named_section(tmp_path):
    section = SECTION.format(id="workshops", text="Practise with us.") + "page: learning\nafter: review-kindly\n"
    site = load(overlay(tmp_path, "add: [workshops]\n", **{"sections/workshops": section}))
    ids = [s.id for s in site.guide.page("learning").sections]
    assert ids[ids.index("review-kindly") + 1] == "workshops"
    assert "workshops" in site.guide.anchors["learning"]


def test_a_new_section_on_a_missing_page_is_an_error(tmp_path):
    section = SECTION.format(id="workshops", text="Hi.") + "page: learnin\n"
    [problem] = problems(overlay(tmp_path, "add: [workshops]\n", **{"sections/workshops": section}))
    assert "page: there is no page 'learnin'; did you mean 'learning'?" in problem


def test_removed_sections_vanish_and_links_to_them_in_onwards_text_become_plain(tmp_path):
    site = load(overlay(tmp_path, "remove: [more-support]\n"))
    assert "more-support" not in site.guide.anchors["coping"]
    assert site.guide.notes, "the build should say which links lost their target"
    assert all("removed by the overlay" in note for note in site.guide.notes)
    for src_uri, text in site.pages():
        assert "#more-support" not in text, src_uri
    assert "coping#more-support" in site.missing_targets()


def test_the_centres_own_text_may_not_link_to_what_it_removed(tmp_path):
    section = SECTION.format(id="self-care", text="See [more support](coping#more-support).")
    folder = overlay(tmp_path, "remove: [more-support]\n", **{"sections/self-care": section})
    [problem] = problems(folder)
    assert problem.startswith("overlay/sections/self-care.yml:5: blocks[0].text: link to 'coping#more-support'")


def test_a_removed_worksheet_leaves_the_guide_and_its_embeds(tmp_path):
    site = load(overlay(tmp_path, "remove: [self-care-plan]\n"))
    assert "self-care-plan" not in site.worksheets
    assert "worksheets/self-care-plan.md" not in dict(site.pages())
    assert 'data-onward-worksheet="self-care-plan"' not in markdown(site, "coping.md")


def test_removing_every_section_of_a_page_asks_to_remove_the_page(tmp_path):
    [problem] = problems(overlay(tmp_path, "remove: [the-path-so-far, part-of-searching, where-to-go-next]\n"))
    assert "removes every section of page 'closing'" in problem


def test_an_added_worksheet_offers_no_insights(tmp_path):
    sheet = WORKSHEET.format(id="appointment-prep", field="topics")
    site = load(overlay(tmp_path, "add: [appointment-prep]\n", **{"worksheets/appointment-prep": sheet}))
    assert "appointment-prep" in site.worksheets
    assert "appointment-prep" not in site.renderer.insight_ids
    page = markdown(site, "worksheets/appointment-prep.md")
    assert "data-onward-insights" not in page and "data-onward-worksheet=\"appointment-prep\"" in page
    assert "data-onward-insights" in markdown(site, "worksheets/strengths.md")


def test_a_replaced_worksheet_keeps_insights_only_while_its_fields_match(tmp_path):
    original = (bundled("worksheets") / "expressive-writing.yml").read_text(encoding="utf-8")
    kept = load(overlay(tmp_path / "a", **{"worksheets/expressive-writing": original.replace("title:", "title: Ours -", 1)}))
    assert "expressive-writing" in kept.renderer.insight_ids
    changed = load(overlay(tmp_path / "b", **{"worksheets/expressive-writing": WORKSHEET.format(id="expressive-writing", field="x")}))
    assert "expressive-writing" not in changed.renderer.insight_ids


def test_the_home_page_can_be_replaced_but_not_removed(tmp_path):
    [problem] = problems(overlay(tmp_path, "remove: [index]\n"))
    assert problem == "overlay/overlay.yml:1: remove[0]: the home page cannot be removed: replace it in pages/index.yml"


def test_a_link_to_a_worksheet_in_the_centres_text_names_the_worksheet_link_block(tmp_path):
    section = SECTION.format(id="workshops", text="Keep a [rejection log](worksheets/rejection-log).") + "page: learning\n"
    [problem] = problems(overlay(tmp_path, "add: [workshops]\n", **{"sections/workshops": section}))
    assert problem.startswith("overlay/sections/workshops.yml:5: blocks[0].text: link to 'worksheets/rejection-log'")
    assert "worksheet_link block (type: worksheet_link, worksheet: rejection-log" in problem
    [by_id] = problems(overlay(tmp_path / "b", "add: [workshops]\n", **{"sections/workshops": section.replace("worksheets/", "")}))
    assert "worksheet_link block (type: worksheet_link, worksheet: rejection-log" in by_id


def test_a_section_both_replaced_and_removed_is_an_error(tmp_path):
    folder = overlay(tmp_path, "remove: [more-support]\n", **{"sections/more-support": SECTION.format(id="more-support", text="Hi.")})
    [problem] = problems(folder)
    assert problem.startswith("overlay/overlay.yml:1: remove[0]: 'more-support' is both replaced (overlay/sections/more-support.yml)")


def test_every_overlay_problem_is_listed_at_once(tmp_path):
    sheet = WORKSHEET.format(id="strenghts", field="notes")
    section = SECTION.format(id="workshops", text="Hi.") + "page: learnin\n"
    folder = overlay(tmp_path, "add: [workshops]\nremove: [learning-resource]\n",
                     **{"sections/workshops": section, "worksheets/strenghts": sheet})
    found = problems(folder)
    assert len(found) == 3, found


# Upgrades: Onward renames a section (keeping its old id), and a centre's overlay written for the
# release before keeps working, with a note naming the new id.

RENAMED = "networking-and-contacts"


@pytest.fixture
def renamed_content(tmp_path: Path) -> Path:
    """Onward's content as a later release might have it: moving-forward#networking renamed."""
    folder = tmp_path / "content-next"
    shutil.copytree(bundled("content"), folder)
    page = folder / "moving-forward.yml"
    text = page.read_text(encoding="utf-8")
    assert text.count("  - id: networking\n") == 1
    page.write_text(text.replace("  - id: networking\n", f"  - id: {RENAMED}\n    renamed_from: [networking]\n"), encoding="utf-8")
    for other in folder.glob("*.yml"):  # the release updates its own links to the new id
        other.write_text(other.read_text(encoding="utf-8").replace("moving-forward#networking)", f"moving-forward#{RENAMED})"), encoding="utf-8")
    return folder


def test_without_renamed_from_the_old_id_is_an_error_naming_both_near_ids(tmp_path, renamed_content):
    page = renamed_content / "moving-forward.yml"
    page.write_text(page.read_text(encoding="utf-8").replace("    renamed_from: [networking]\n", ""), encoding="utf-8")
    [problem] = problems(overlay(tmp_path, "remove: [networking]\n"), renamed_content)
    assert f"did you mean '{RENAMED}'? That is a section of page 'moving-forward'" in problem
    assert "'networking-plan' is a worksheet" in problem


def test_an_old_section_id_under_remove_still_hides_the_section(tmp_path, renamed_content):
    site = load(overlay(tmp_path, "remove: [networking]\n"), renamed_content)
    assert RENAMED not in site.guide.anchors["moving-forward"]
    assert "networking-plan" in site.worksheets, "the worksheet with the near id stays"
    [note] = [n for n in site.notes if "now called" in n]
    assert note.startswith("overlay/overlay.yml:1: remove[0]: Onward's section 'networking' is now called 'networking-and-contacts'")


def test_an_old_section_id_still_replaces_the_section_where_it_is(tmp_path, renamed_content):
    folder = overlay(tmp_path, **{"sections/networking": SECTION.format(id="networking", text="Meet our alumni.")})
    site = load(folder, renamed_content)
    ids = [s.id for s in site.guide.page("moving-forward").sections]
    assert RENAMED in ids and "networking" not in ids
    assert ids.index(RENAMED) == [s.id for s in load(overlay(tmp_path / "plain"), renamed_content).guide.page("moving-forward").sections].index(RENAMED)
    assert "Meet our alumni." in markdown(site, "moving-forward.md")
    assert any(n.startswith("overlay/sections/networking.yml:1: id: Onward's section 'networking' is now called") for n in site.notes)


def test_an_old_id_in_after_and_in_the_centres_links_follows_the_rename(tmp_path, renamed_content):
    text = "See [who to ask](moving-forward#networking) first."
    section = SECTION.format(id="alumni", text=text) + "page: moving-forward\nafter: networking\n"
    site = load(overlay(tmp_path, "add: [alumni]\n", **{"sections/alumni": section}), renamed_content)
    ids = [s.id for s in site.guide.page("moving-forward").sections]
    assert ids[ids.index(RENAMED) + 1] == "alumni"
    page = markdown(site, "moving-forward.md")
    assert f"[who to ask](#{RENAMED})" in page
    notes = [n for n in site.notes if "now calls" in n or "now called" in n]
    assert len(notes) == 2, notes
    assert any("after: Onward's section 'networking' is now called" in n for n in notes)
    assert any(f"blocks[0].text: link to 'moving-forward#networking': Onward now calls this 'moving-forward#{RENAMED}'" in n for n in notes)


def test_an_old_id_cannot_also_be_in_use(tmp_path, renamed_content):
    page = renamed_content / "moving-forward.yml"
    page.write_text(page.read_text(encoding="utf-8").replace("renamed_from: [networking]", "renamed_from: [keep-learning]"), encoding="utf-8")
    [problem] = problems(overlay(tmp_path), renamed_content)
    assert "renamed_from: 'keep-learning' is still in use as an id" in problem
