"""A site upgrade changes a worksheet: answers typed under the old version are all still there.

Two builds of one site (same origin, same storage namespace) stand for "before" and "after" a
new release: in the new one a field is renamed, a field is removed and a field inside a
repeatable group is removed; and the thought record and the self-care check, which are kept
over time in this release, are asked once in the old one (their single answers become the
first dated entry).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from support import REPO, build_site, free_port, serve_directory
from worksheet_driver import stored_record, wait_for_stored

CONFIG = """\
site_name: Onward
site_url: {url}
docs_dir: {docs}
theme:
  name: material
  font: false
  features: [navigation.instant]
plugins:
  - onward:
      worksheets_dir: {worksheets}
      storage_namespace: onward-upgrade-test
      pyodide_url: /pyodide/
"""


def upgraded(strengths: str) -> str:
    """The strengths worksheet, version 2: skills renamed, what-others-say and what-it-shows gone."""
    text = strengths.replace("version: 1\n", "version: 2\n", 1)
    text = text.replace("    id: skills\n", "    id: abilities\n    renamed_from: [skills]\n", 1)
    start = text.index("  - type: long_text\n    id: what-others-say\n")
    end = text.find("\n  - type:", start + 1)
    text = text[:start] + (text[end + 1 :] if end != -1 else "")
    start = text.index("      - type: long_text\n        id: what-it-shows\n")
    end = text.index("\n  - type:", start)
    return text[:start] + text[end + 1 :]


def asked_once(current: str) -> str:
    """An earlier version of a worksheet whose group gathers single answers: those fields asked once, at the top."""
    sheet = yaml.safe_load(current)
    fields: list[dict[str, Any]] = []
    for field in sheet["fields"]:
        if field.get("gathers"):
            by_id = {child["id"]: child for child in field["fields"]}
            for child in field["fields"]:
                old = next((gathered for gathered in field["gathers"] if gathered == child["id"] or gathered in child.get("renamed_from", [])), None)
                if old is not None:
                    fields.append({**{k: v for k, v in child.items() if k != "renamed_from"}, "id": old})
            assert {f["id"] for f in fields} >= set(field["gathers"]) and by_id
        else:
            fields.append(field)
    sheet.update(version=sheet["version"] - 1, fields=fields)
    return yaml.safe_dump(sheet, allow_unicode=True, sort_keys=False)


KEPT_OVER_TIME = ("thought-record", "self-care-plan")


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("upgrade")
    port = free_port()
    served = root / "served"
    docs = root / "docs"
    docs.mkdir()
    for version in ("v1", "v2"):
        worksheets = root / f"worksheets-{version}"
        shutil.copytree(REPO / "worksheets", worksheets)
        if version == "v1":
            for ident in KEPT_OVER_TIME:
                file = worksheets / f"{ident}.yml"
                file.write_text(asked_once(file.read_text(encoding="utf-8")), encoding="utf-8")
        if version == "v2":
            file = worksheets / "strengths.yml"
            file.write_text(upgraded(file.read_text(encoding="utf-8")), encoding="utf-8")
        url = f"http://127.0.0.1:{port}/{version}/"
        config = root / f"mkdocs-{version}.yml"
        config.write_text(CONFIG.format(url=url, docs=docs, worksheets=worksheets), encoding="utf-8")
        result = build_site(config, served / version, url)
        assert result.returncode == 0, result.stdout + result.stderr
    with serve_directory(served, port) as url:
        yield url


def test_the_upgraded_worksheet_is_what_the_test_says(two_versions):
    text = upgraded((REPO / "worksheets" / "strengths.yml").read_text(encoding="utf-8"))
    assert "renamed_from: [skills]" in text
    assert "what-others-say" not in text and "what-it-shows" not in text and "what-i-did" in text


def test_answers_follow_renamed_fields_and_removed_questions_are_kept(two_versions, open_page):
    page = open_page(f"{two_versions}/v1/worksheets/strengths/").page
    page.wait_for_selector("[data-onward-bound]", state="attached")
    page.locator("#ow-strengths-skills").fill("Patient with customers")
    page.locator("#ow-strengths-what-others-say").fill("“Always calm on busy days”")
    page.locator("#ow-strengths-accomplishments-0-what-happened").fill("Ran the open day")
    page.locator("#ow-strengths-accomplishments-0-what-it-shows").fill("I organise well")
    wait_for_stored(page, "strengths", {"skills": "Patient with customers"})
    page.wait_for_function(
        "() => Object.values(localStorage).some((v) => v.includes('I organise well'))"
    )

    page.goto(f"{two_versions}/v2/worksheets/strengths/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    assert page.locator("#ow-strengths-abilities").input_value() == "Patient with customers"
    assert page.locator("#ow-strengths-accomplishments-0-what-happened").input_value() == "Ran the open day"
    retired = page.locator("[data-onward-retired]")
    assert retired.is_visible()
    shown = retired.locator("dt, dd").all_inner_texts()
    assert shown == [
        "What others say about you",
        "“Always calm on busy days”",
        "Accomplishment 1: What does it show about you?",
        "I organise well",
    ]
    record = stored_record(page, "strengths")
    assert record["version"] == 2
    assert record["answers"]["abilities"] == "Patient with customers" and "skills" not in record["answers"]
    assert set(record["retired"]) == {"what-others-say", "accomplishments.1.what-it-shows"}

    # Editing the group keeps the retired answers; only the person can delete them.
    page.locator("#ow-strengths-accomplishments-0-what-i-did").fill("Planned the rota")
    page.wait_for_function("() => Object.values(localStorage).some((v) => v.includes('Planned the rota'))")
    assert set(stored_record(page, "strengths")["retired"]) == {"what-others-say", "accomplishments.1.what-it-shows"}
    page.reload()
    page.wait_for_selector("[data-onward-bound]", state="attached")
    page.locator("[data-onward-retired-delete]").click()
    page.locator("[data-onward-retired-no]").click()
    assert "retired" in stored_record(page, "strengths")
    page.locator("[data-onward-retired-delete]").click()
    page.locator("[data-onward-retired-yes]").click()
    assert "retired" not in stored_record(page, "strengths")
    assert retired.is_hidden()
    assert stored_record(page, "strengths")["answers"]["abilities"] == "Patient with customers"


def test_answers_to_questions_no_longer_asked_are_in_the_summary(two_versions, open_page):
    page = open_page(f"{two_versions}/v1/worksheets/strengths/").page
    page.wait_for_selector("[data-onward-bound]", state="attached")
    page.locator("#ow-strengths-what-others-say").fill("Kind words from a manager")
    page.wait_for_function("() => Object.values(localStorage).some((v) => v.includes('Kind words'))")
    page.goto(f"{two_versions}/v2/my-answers/")
    page.wait_for_selector("[data-onward-my-answers][data-onward-bound]", state="attached")
    page.locator("[data-onward-summary-with-insights]").uncheck()  # this test site has no Pyodide
    page.locator("[data-onward-summary-show]").click()
    summary = page.locator("[data-onward-summary]")
    summary.wait_for()
    text = summary.inner_text()
    assert "Answers kept aside" in text
    assert "What others say about you" in text and "Kind words from a manager" in text


def wait_for_version(page, worksheet_id: str, version: int) -> None:
    """Wait until the fitted record is written back (the form saves a migrated record at once)."""
    page.wait_for_function(
        """([id, version]) => {
            const ns = document.querySelector('meta[name="onward-storage"]').content;
            const text = localStorage.getItem(`onward:${ns}:worksheet:${id}`);
            return text !== null && JSON.parse(text).version === version;
        }""",
        arg=[worksheet_id, version],
    )


def test_the_earlier_versions_ask_once_what_is_now_kept_over_time():
    old = yaml.safe_load(asked_once((REPO / "worksheets" / "thought-record.yml").read_text(encoding="utf-8")))
    assert [field["id"] for field in old["fields"]][:3] == ["situation", "emotion", "emotion-before"]
    assert not any(field["type"] == "group" for field in old["fields"])
    care = yaml.safe_load(asked_once((REPO / "worksheets" / "self-care-plan.yml").read_text(encoding="utf-8")))
    assert care["fields"][0]["id"] == "today" and care["fields"][0]["type"] == "checklist"


def test_single_answers_become_the_first_dated_entry_with_nothing_lost(two_versions, open_page):
    page = open_page(f"{two_versions}/v1/worksheets/thought-record/").page
    page.wait_for_selector("[data-onward-bound]", state="attached")
    page.locator("#ow-thought-record-situation").fill("Read the email on the bus")
    page.locator("#ow-thought-record-emotion-before-80").check()
    page.locator("#ow-thought-record-automatic-thought").fill("I will never get there")
    page.locator("#ow-thought-record-traps-fortune-telling").check()
    page.locator("#ow-thought-record-balanced-thought").fill("One no is one no")
    wait_for_stored(page, "thought-record", {"balanced-thought": "One no is one no", "traps": ["fortune-telling"]})
    page.goto(f"{two_versions}/v1/worksheets/self-care-plan/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    page.locator("#ow-self-care-plan-today-water").check()
    page.locator("#ow-self-care-plan-mindfulness-what").fill("Five slow breaths")
    wait_for_stored(page, "self-care-plan", {"today": ["water"], "mindfulness-what": "Five slow breaths"})

    page.goto(f"{two_versions}/v2/worksheets/thought-record/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    entry = "#ow-thought-record-records-0-"
    assert page.locator(f"{entry}situation").input_value() == "Read the email on the bus"
    assert page.locator(f"{entry}emotion-before-80").is_checked()
    assert page.locator(f"{entry}automatic-thought").input_value() == "I will never get there"
    assert page.locator(f"{entry}traps-fortune-telling").is_checked()
    assert page.locator(f"{entry}balanced-thought").input_value() == "One no is one no"
    assert page.locator(f"{entry}date").input_value() == ""  # the reader can date it; nothing is made up
    assert page.locator("[data-onward-retired]").is_hidden()
    wait_for_version(page, "thought-record", 2)
    record = stored_record(page, "thought-record")
    assert record["version"] == 2 and "retired" not in record
    assert record["answers"] == {
        "records": [
            {
                "situation": "Read the email on the bus",
                "emotion-before": 80,
                "automatic-thought": "I will never get there",
                "traps": ["fortune-telling"],
                "balanced-thought": "One no is one no",
            }
        ]
    }

    page.goto(f"{two_versions}/v2/worksheets/self-care-plan/")
    page.wait_for_selector("[data-onward-bound]", state="attached")
    assert page.locator("#ow-self-care-plan-check-ins-0-small-things-water").is_checked()
    assert page.locator("#ow-self-care-plan-mindfulness-what").input_value() == "Five slow breaths"
    assert page.locator("[data-onward-retired]").is_hidden()
    wait_for_version(page, "self-care-plan", 2)
    record = stored_record(page, "self-care-plan")
    assert record["answers"]["check-ins"] == [{"small-things": ["water"]}]
    assert "today" not in record["answers"] and "retired" not in record
