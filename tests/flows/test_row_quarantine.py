"""A real corpus always holds a bad row: the run quarantines it and publishes the rest, unless bad rows are many
(real Prefect runs, real GX, the warehouse read back with DuckDB)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from tasks.warehouse.snapshot import Snapshot
from tests.flows.test_pipeline import DATA_TABLES, counts, read

WORDS = (
    "harbour budget council road school water price rain wind market bridge train farm river court clinic "
    "station library tax rent wage storm ferry museum garden factory bakery plant street tunnel airport"
).split()
LONG_TITLE = "Breaking " * 70
"""Longer than the 500 characters the articles suite lets a title have."""


def feed(path: Path, records: int, long_titles: set[int]) -> Path:
    """A JSONL feed of short distinct reports; the records numbered in `long_titles` carry a 630-character title."""
    rng = random.Random(7)
    with path.open("w") as out:
        for n in range(records):
            text = " ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + f" in week {n}."
            title = LONG_TITLE if n in long_titles else f"Report {n}"
            out.write(json.dumps({"id": f"r{n}", "title": title, "text": text}) + "\n")
    return path


@pytest.fixture(scope="module")
def feed_10k(tmp_path_factory) -> Path:
    return feed(tmp_path_factory.mktemp("feed") / "feed.jsonl", 10_000, {4_242})


def test_one_bad_article_in_10k_is_quarantined_the_run_publishes_and_a_rerun_adds_nothing(newsdesk, feed_10k, tmp_path):
    warehouse = tmp_path / "warehouse"

    done = newsdesk("run", str(feed_10k), "--warehouse", str(warehouse))

    assert re.search(r"clean .*2/2 passed, 1 row quarantined", done.stdout), done.stdout
    assert "newsdesk query" in done.stdout and "from quarantine" in done.stdout
    documents, articles, quarantine = (read(warehouse, t) for t in ("documents", "articles", "quarantine"))
    assert len(documents) == 10_000 and len(articles) == 9_999
    (row,) = quarantine.itertuples()
    assert row.source_uri.endswith("#L4243") and row.source_uri not in set(articles["source_uri"])
    assert (row.stage, row.reason, row.suite) == ("clean", "failed_expectation", "articles")
    assert row.expectation == "expect_column_value_lengths_to_be_between(title)"
    assert json.loads(row.value).startswith("Breaking Breaking") and re.search(r'\(6\d\d characters\)"$', row.value)
    validations = read(warehouse, "validations").set_index(["stage", "suite"])
    assert validations.loc[("clean", "articles"), "quarantined"] == 1 and validations["success"].all()
    assert read(warehouse, "runs")["articles"].tolist() == [9_999]

    before = counts(warehouse)
    newsdesk("run", str(feed_10k), "--warehouse", str(warehouse))
    after = counts(warehouse)
    assert {t: after[t] for t in DATA_TABLES} == {t: before[t] for t in DATA_TABLES}

    done = newsdesk("validate", "--warehouse", str(warehouse))
    assert "articles" in done.stdout and "FAILED" not in done.stdout


def test_five_percent_bad_articles_fail_the_gate_and_publish_nothing(newsdesk, tmp_path):
    bad = set(range(0, 10_000, 20))
    warehouse = tmp_path / "warehouse"

    done = newsdesk("run", str(feed(tmp_path / "feed.jsonl", 10_000, bad)), "--warehouse", str(warehouse), check=1)

    assert "at stage 'clean', suite 'articles'" in done.stderr
    assert "expect_column_value_lengths_to_be_between(title, 500 unexpected)" in done.stderr
    assert "Nothing of this run was published" in done.stderr
    snapshot = Snapshot(warehouse)
    for table in DATA_TABLES:
        assert snapshot.read(table).empty, table
    assert read(warehouse, "runs")["status"].tolist() == ["failed_quality_gate"]
