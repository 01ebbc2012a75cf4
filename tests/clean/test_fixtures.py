"""Every fixture (the seeds and pages modelled on other outlets) cleans into its gold article."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from benchmarks.clean_metric import clean_fixture, gold_files, score_all

GOLDS = gold_files()


@pytest.mark.parametrize("path", GOLDS, ids=[p.name.removesuffix(".gold.json") for p in GOLDS])
def test_fixture_matches_gold(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = clean_fixture(gold)
    assert article.paragraphs == gold["paragraphs"]
    assert [[r.text, r.reason] for r in article.removed] == gold["removed"]
    assert article.title == gold["title"]
    assert article.kicker == gold["kicker"]
    assert article.standfirst == gold["standfirst"]
    assert article.authors == gold["authors"]
    assert article.publisher == gold["publisher"]
    expected_date = datetime.fromisoformat(gold["published_at"]) if gold["published_at"] else None
    assert article.published_at == expected_date


def test_body_paragraphs_are_separated_by_one_blank_line():
    for path in GOLDS:
        body = clean_fixture(json.loads(path.read_text(encoding="utf-8"))).body
        assert "\n\n\n" not in body and all(part.strip() == part and part for part in body.split("\n\n"))


def test_overall_body_f1_reaches_target():
    assert len(GOLDS) >= 25
    _, overall = score_all()
    assert overall.f1 >= 0.97
