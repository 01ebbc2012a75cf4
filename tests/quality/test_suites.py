"""Every suite in expectations/ passes a valid table and fails a deliberately broken one (real GX validations)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pandas as pd
import pytest

from tasks.quality.gate import QualityGate
from tasks.schemas import TABLES
from tasks.settings import PROJECT_ROOT

NOW = datetime(2022, 1, 12, 10, tzinfo=UTC)
RUN = "9b2f3c4d-0000-4000-8000-000000000001"
SHA = "a" * 64
AID = "0123456789abcdef"

VALID = {
    "documents": {
        "doc_id": SHA,
        "source_uri": "file:///in/a.txt",
        "format": "txt",
        "byte_size": 10,
        "ingested_at": NOW,
        "run_id": RUN,
    },
    "articles": {
        "article_id": AID,
        "doc_id": SHA,
        "source_uri": "file:///in/a.txt",
        "title": "Headline",
        "authors": ["A. Writer"],
        "body": "First paragraph.\n\nSecond one.",
        "word_count": 4,
        "language": "en",
        "content_hash": SHA,
        "cluster_id": AID,
        "is_canonical": True,
        "polarity": 0.2,
        "ingested_at": NOW,
        "run_id": RUN,
    },
    "removed_segments": {
        "article_id": AID,
        "position": 0,
        "text": "Follow us",
        "reason": "social_cta",
        "language": "en",
        "run_id": RUN,
    },
    "entities": {"entity_id": AID, "name": "Kaja Kallas", "type": "PERSON", "country_codes": [], "run_id": RUN},
    "mentions": {
        "article_id": AID,
        "entity_id": AID,
        "text": "Kallas",
        "type": "PERSON",
        "start": 3,
        "end": 9,
        "country_codes": [],
        "run_id": RUN,
    },
    "quotes": {
        "quote_id": AID,
        "article_id": AID,
        "text": "We must",
        "start": 1,
        "end": 8,
        "speaker": "Kallas",
        "cue": "said",
        "polarity": 0.0,
        "run_id": RUN,
    },
    "duplicates": {
        "article_id": AID,
        "duplicate_of": "fedcba9876543210",
        "method": "exact",
        "similarity": 1.0,
        "run_id": RUN,
    },
    "date_mentions": {
        "article_id": AID,
        "text": "Dec. 5",
        "start": 0,
        "end": 6,
        "date": date(2022, 12, 5),
        "granularity": "day",
        "resolved": True,
        "run_id": RUN,
    },
    "annotation_failures": {
        "article_id": AID,
        "annotator": "keyphrases",
        "error": "ZeroDivisionError: float division by zero",
        "run_id": RUN,
    },
    "quarantine": {
        "source_uri": "file:///in/x.bin",
        "stage": "ingest",
        "reason": "binary",
        "detail": "the file holds binary data",
        "run_id": RUN,
    },
    "runs": {
        "run_id": RUN,
        "started_at": NOW,
        "finished_at": NOW,
        "status": "published",
        "inputs": 5,
        "articles": 5,
        "quarantined": 0,
    },
    "validations": {
        "run_id": RUN,
        "stage": "clean",
        "suite": "articles",
        "success": True,
        "evaluated": 12,
        "failed": 0,
        "failed_expectations": [],
        "rows": 5,
        "validated_at": NOW,
    },
}

BROKEN = {
    "documents": {"doc_id": "not-a-sha"},
    "articles": {"body": "Para one.\n\n\n\nPara two after too many blank lines."},
    "removed_segments": {"reason": "Not A Reason!"},
    "entities": {"country_code": "Estonia"},
    "mentions": {"end": 1},
    "quotes": {"polarity": 3.5},
    "duplicates": {"method": "fuzzy"},
    "date_mentions": {"granularity": None},
    "annotation_failures": {"annotator": "spelling"},
    "quarantine": {"detail": "two\nlines"},
    "runs": {"status": "half-done"},
    "validations": {"evaluated": 0},
}


def frame(table: str, **changes) -> pd.DataFrame:
    row = {c: None for c in TABLES[table].column_names} | VALID[table] | changes
    return pd.DataFrame([row])


@pytest.fixture(scope="module")
def gate(tmp_path_factory):
    return QualityGate(PROJECT_ROOT / "expectations", tmp_path_factory.mktemp("reports"))


def test_every_table_has_a_suite_and_a_case_here():
    suites = {p.stem for p in (PROJECT_ROOT / "expectations").glob("*.json")}
    assert set(TABLES) <= suites
    assert set(VALID) == set(BROKEN) == set(TABLES)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_suite_passes_a_valid_table(gate, table):
    outcome = gate.validate("test", table, frame(table))
    assert outcome.success, outcome.failed_expectations


@pytest.mark.parametrize("table", sorted(TABLES))
def test_suite_fails_a_broken_table_and_names_the_expectation(gate, table):
    outcome = gate.validate("test", table, frame(table, **BROKEN[table]))
    assert not outcome.success
    assert outcome.failed >= 1 and outcome.failed_expectations
    assert outcome.report_path.exists()


def test_a_unique_key_is_enforced(gate):
    twice = pd.concat([frame("articles"), frame("articles")], ignore_index=True)
    outcome = gate.validate("test", "articles", twice)
    assert not outcome.success
    assert any("unique" in e and "article_id" in e for e in outcome.failed_expectations)
