"""A table staged as several part files is validated in chunks (real GX, real Parquet) with the verdict of the whole."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tasks.quality.audit import validate_published
from tasks.quality.gate import ROW_COMPARING, QualityGate, chunk_files
from tasks.schemas import TABLES
from tasks.settings import PROJECT_ROOT, Settings
from tasks.warehouse.layout import Layout
from tasks.warehouse.parquet_io import to_arrow, write_table
from tasks.warehouse.publish import publish_version
from tasks.warehouse.snapshot import Snapshot
from tests.quality.test_suites import BROKEN, frame
from tests.warehouse.test_publish import docs

UNIQUE_ARTICLE_ID = "expect_column_values_to_be_unique(article_id"
BAD_BODY = "expect_column_values_to_not_match_regex(body"

PER_CHUNK = {
    "expect_column_values_to_not_be_null",
    "expect_column_values_to_match_regex",
    "expect_column_values_to_not_match_regex",
    "expect_column_values_to_be_between",
    "expect_column_values_to_be_in_set",
    "expect_column_value_lengths_to_be_between",
    "expect_column_pair_values_a_to_be_greater_than_b",
    "expect_table_columns_to_match_set",
}
"""Expectation types that hold for a table when they hold for each chunk: each looks at one row (or the columns)."""


def articles(*numbers: int, **changes) -> pd.DataFrame:
    """Valid articles, one per number, each its own article_id."""
    return pd.concat([frame("articles", article_id=f"{n:016x}", **changes) for n in numbers], ignore_index=True)


def parts(folder: Path, table: str, *frames: pd.DataFrame) -> list[Path]:
    """Each frame written as one staged part file, as the batches of a run write them."""
    return [
        write_table(to_arrow(rows, TABLES[table]), TABLES[table], folder / f"batch-{i:05d}.parquet")
        for i, rows in enumerate(frames)
    ]


@pytest.fixture(scope="module")
def gate(tmp_path_factory):
    return QualityGate(PROJECT_ROOT / "expectations", tmp_path_factory.mktemp("reports"))


def test_every_expectation_type_of_the_suites_either_holds_per_chunk_or_is_in_the_key_check():
    types = {
        e["type"]
        for p in (PROJECT_ROOT / "expectations").glob("*.json")
        for e in json.loads(p.read_text())["expectations"]
    }
    assert types - ROW_COMPARING <= PER_CHUNK, "a new expectation type: does it compare rows? (ROW_COMPARING)"


def test_parts_are_grouped_by_their_row_counts(tmp_path):
    paths = parts(tmp_path, "articles", articles(1), articles(2), articles(3, 4, 5), articles(6))
    assert chunk_files(paths, max_rows=2) == [paths[:2], [paths[2]], [paths[3]]]
    assert chunk_files(paths, max_rows=100) == [paths]
    assert chunk_files([], max_rows=2) == [[]]


def test_a_valid_table_in_three_chunks_passes_with_every_row_and_one_report(gate, tmp_path):
    paths = parts(tmp_path, "articles", articles(1, 2), articles(3, 4), articles(5))
    outcome = gate.validate_files("chunked", "articles", paths, max_rows=2)
    assert outcome.success, outcome.failed_expectations
    assert (outcome.rows, outcome.failed, outcome.failed_expectations) == (5, 0, [])
    assert outcome.evaluated == len(
        json.loads((PROJECT_ROOT / "expectations/articles.json").read_text())["expectations"]
    )
    report = json.loads(outcome.report_path.read_text())
    assert outcome.report_path == gate.report_dir / "chunked.articles.json"
    assert len(report) == 4 and all(r["success"] for r in report)
    assert {e["kwargs"]["batch_id"] for e in report[-1]["expectations"]} == {"newsdesk-articles.keys"}


def test_a_bad_row_in_the_last_chunk_only_fails_the_gate(gate, tmp_path):
    bad = articles(5, **BROKEN["articles"])
    outcome = gate.validate_files("last", "articles", parts(tmp_path, "articles", articles(1, 2), articles(3), bad), 2)
    assert not outcome.success
    assert outcome.failed == 1 and outcome.failed_expectations == [f"{BAD_BODY}, 1 unexpected)"]


def test_an_expectation_failing_in_several_chunks_is_named_once_with_every_unexpected_row(gate, tmp_path):
    bad = {"body": BROKEN["articles"]["body"]}
    paths = parts(tmp_path, "articles", articles(1, 2, **bad), articles(3, 4), articles(5, **bad))
    outcome = gate.validate_files("twice", "articles", paths, max_rows=2)
    assert not outcome.success
    assert outcome.failed_expectations == [f"{BAD_BODY}, 3 unexpected)"]


def test_a_key_in_two_chunks_fails_the_key_check_though_each_chunk_alone_passes(gate, tmp_path):
    paths = parts(tmp_path, "articles", articles(1, 2), articles(2, 3))
    assert all(gate.validate_files("alone", "articles", [p], max_rows=2).success for p in paths)
    outcome = gate.validate_files("across", "articles", paths, max_rows=2)
    assert not outcome.success
    assert outcome.failed_expectations == [f"{UNIQUE_ARTICLE_ID}, 2 unexpected)"]


def test_a_compound_key_in_two_chunks_fails_too(gate, tmp_path):
    paths = parts(tmp_path, "removed_segments", frame("removed_segments"), frame("removed_segments", text="Share"))
    outcome = gate.validate_files("across", "removed_segments", paths, max_rows=1)
    assert not outcome.success
    assert outcome.failed_expectations == ["expect_compound_columns_to_be_unique(article_id,position, 2 unexpected)"]


def test_a_key_repeated_within_and_across_chunks_counts_each_row_once(gate, tmp_path):
    paths = parts(tmp_path, "articles", articles(1, 1), articles(1, 2))
    outcome = gate.validate_files("within", "articles", paths, max_rows=2)
    assert outcome.failed_expectations == [f"{UNIQUE_ARTICLE_ID}, 3 unexpected)"]


@pytest.mark.parametrize(
    "rows",
    [articles(1, 2, 3), articles(1, 2, 3, **BROKEN["articles"]), articles(1, 2, 2)],
    ids=["valid", "broken", "duplicate"],
)
def test_one_chunk_gives_the_outcome_of_the_whole_frame(gate, tmp_path, rows):
    paths = parts(tmp_path, "articles", rows.iloc[:1], rows.iloc[1:])
    chunked = gate.validate_files("files", "articles", paths, max_rows=100)
    whole = gate.validate("frame", "articles", pd.concat([rows.iloc[:1], rows.iloc[1:]], ignore_index=True))
    fields = ("success", "evaluated", "failed", "failed_expectations", "rows")
    assert [getattr(chunked, f) for f in fields] == [getattr(whole, f) for f in fields]
    assert isinstance(json.loads(chunked.report_path.read_text()), dict)


def test_no_part_file_is_an_empty_table(gate):
    outcome = gate.validate_files("empty", "quarantine", [], max_rows=2)
    assert outcome.success and outcome.rows == 0


def test_newsdesk_validate_checks_a_published_table_a_chunk_of_files_at_a_time(tmp_path):
    warehouse = tmp_path / "warehouse"
    for run, ids in (("run-1", ("a" * 64, "b" * 64)), ("run-2", ("c" * 64,))):  # doc_id is a SHA-256
        publish_version(Layout(warehouse), Snapshot(warehouse), {"documents": docs(*ids, run=run)}, run)
    settings = Settings().with_(gate_rows=1)
    documents = {o.suite: o for o in validate_published(warehouse, settings)}["documents"]
    assert documents.success and documents.rows == 3
    assert len(json.loads(documents.report_path.read_text())) == 3  # two chunks and the key check

    first = Snapshot(warehouse).files("documents")[0]
    shutil.copy(first, first.with_name("copied.parquet"))  # the same keys in a second file
    documents = {o.suite: o for o in validate_published(warehouse, settings)}["documents"]
    assert documents.failed_expectations == ["expect_compound_columns_to_be_unique(source_uri,doc_id, 4 unexpected)"]
