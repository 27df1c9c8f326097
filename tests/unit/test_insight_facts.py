"""The facts the insights read come from the YAML: a committed copy for the tests, the site's own in its wheel."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import yaml

from insights_package import PACKAGE, UNPACKED
from onward import __version__
from onward.insight_facts import FACTS_FILE, facts_json, reference_facts
from onward.overlay import read_overlay
from onward.paths import bundled
from onward.runtime import InsightWheel
from onward.site import OnwardSite
from support import REPO


def test_the_committed_facts_are_the_yaml_as_it_is():
    committed = (PACKAGE / FACTS_FILE).read_bytes()
    assert committed == reference_facts(), (
        "worksheets/onward_insights/site_facts.json is stale: run "
        "`python -m onward.insight_facts worksheets/onward_insights/site_facts.json` (or `make insight-facts`)"
    )
    assert (UNPACKED / "onward_insights" / FACTS_FILE).read_bytes() == committed


def test_the_facts_hold_every_section_worksheet_and_option_label():
    facts = json.loads(reference_facts())
    for path in sorted((REPO / "content").glob("*.yml")):
        page = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert {section["id"] for section in page.get("sections", [])} <= set(facts["guide"][page["id"]])
    for path in sorted((REPO / "worksheets").glob("*.yml")):
        sheet = yaml.safe_load(path.read_text(encoding="utf-8"))

        def options(fields):
            for field in fields:
                if field.get("options"):
                    yield field["id"], [[o["value"], o["label"]] for o in field["options"]]
                yield from options(field.get("fields", []))

        def facts_options(fields):
            for field in fields:
                if field.get("options"):
                    yield field["id"], field["options"]
                yield from facts_options(field.get("fields", []))

        assert list(options(sheet["fields"])) == list(facts_options(facts["worksheets"][sheet["id"]]["fields"]))


RELABELLED_LOG = (REPO / "worksheets" / "rejection-log.yml").read_text(encoding="utf-8").replace(
    "            label: Online tests\n", "            label: Tests en ligne\n"
)


def run_in_wheel(wheel: InsightWheel, folder: Path, request: dict) -> dict:
    """Run one request through a wheel in a Python of its own, as a browser would load it."""
    zipfile.ZipFile(io.BytesIO(wheel.data)).extractall(folder)
    code = "import sys; sys.path.insert(0, sys.argv[1]); from onward_insights import run_json; print(run_json(sys.argv[2]))"
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder), json.dumps(request)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_a_centres_site_gives_its_insights_its_own_labels_and_sections(tmp_path):
    folder = tmp_path / "overlay"
    (folder / "worksheets").mkdir(parents=True)
    (folder / "overlay.yml").write_text(textwrap.dedent("remove: [learning-resources]\n"), encoding="utf-8")
    (folder / "worksheets" / "rejection-log.yml").write_text(RELABELLED_LOG, encoding="utf-8")
    site = OnwardSite.load(
        bundled("content"), bundled("worksheets"), bundled("macros"), tmp_path, True, overlay=read_overlay(folder, tmp_path)
    )
    facts = json.loads(facts_json(site))
    assert "learning-resources" not in facts["guide"]["learning"]
    wheel = InsightWheel.build(PACKAGE, __version__, facts_json(site), bundled("locales"))
    answers = {"applications": [{"stage": "online-tests"}, {"stage": "application"}, {"stage": "online-tests"}]}
    result = run_in_wheel(wheel, tmp_path / "unpacked", {"worksheet": "rejection-log", "answers": answers, "today": "2026-11-26"})
    chart = next(block for block in result["blocks"] if block["kind"] == "chart")
    assert chart["table"]["rows"] == [["Application", 1], ["Tests en ligne", 2]]
    steps = next(block for block in result["blocks"] if block["kind"] == "next_steps")["items"]
    removed = [item for item in steps if item["text"].startswith("Free help with applications")]
    assert removed and removed[0]["target"] == ""  # the words stay, the link goes
