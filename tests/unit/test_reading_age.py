"""Every page of the guide, and every worksheet, reads at a level a 12 to 14 year old manages."""

from __future__ import annotations

import sys

import pytest

from support import REPO

sys.path.insert(0, str(REPO / "tools"))
import reading_age  # noqa: E402

SCORES = {score.name: score for score in reading_age.scores()}


def test_every_page_and_worksheet_is_scored():
    pages = {f.stem for f in (REPO / "content").glob("*.yml")}
    sheets = {f"worksheets/{f.stem}" for f in (REPO / "worksheets").glob("*.yml")}
    assert set(SCORES) == pages | sheets


@pytest.mark.parametrize("name", sorted(SCORES))
def test_the_wording_is_at_grade_eight_or_lower(name):
    score = SCORES[name]
    assert score.words > 50, "the text was found"
    assert max(score.grade, score.prose_grade) <= reading_age.GOAL, score


def test_sample_messages_and_ids_are_not_scored_as_prose():
    text = " ".join(reading_age.prose({"id": "x-y", "type": "sample_message", "text": "Dear [Name]"}))
    assert text == ""
    assert list(reading_age.prose({"text": "See [the page](coping#more-support)", "to": "coping"})) == ["See the page."]
