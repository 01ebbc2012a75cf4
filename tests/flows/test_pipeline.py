"""The whole flow on real files with a real Prefect API, real GX suites and Parquet read back by DuckDB."""

from __future__ import annotations

import json
import re
import shutil
import socket
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pytest

from flows.pipeline import RunFailed, news_pipeline
from tasks.schemas import TABLES
from tasks.settings import PROJECT_ROOT
from tasks.warehouse.snapshot import Snapshot
from tests.failing_suites import expectations_with

DATA_TABLES = [name for name, table in TABLES.items() if table.data]


def read(warehouse: Path, table: str) -> pd.DataFrame:
    """The CONTRACT.md way of reading a table."""
    glob = f"{warehouse}/{table}/**/*.parquet"
    return duckdb.sql(f"select * from read_parquet('{glob}', hive_partitioning = true, union_by_name = true)").df()


def counts(warehouse: Path) -> dict[str, int]:
    return {table: len(read(warehouse, table)) for table in TABLES}


def run(paths: list[Path], warehouse: Path):
    return news_pipeline([str(p) for p in paths], str(warehouse))


def test_a_terminal_shows_a_progress_bar_per_batched_stage(seeded_warehouse):
    screen = (seeded_warehouse.parent / "screen.txt").read_text()
    for stage in ("ingest", "clean", "enrich"):
        assert re.search(rf"{stage}\s.*3/3 batches", screen), screen[-2000:]


def copy_of(warehouse: Path, tmp_path: Path) -> Path:
    target = tmp_path / "warehouse"
    shutil.copytree(warehouse, target, symlinks=True)
    return target


def test_every_contract_table_is_readable_by_duckdb_pandas_and_polars(seeded_warehouse):
    for name, table in TABLES.items():
        frame = read(seeded_warehouse, name)
        assert set(table.column_names) <= set(frame.columns), name
        assert pd.read_parquet(seeded_warehouse / name).shape[0] == len(frame)
        assert pl.scan_parquet(f"{seeded_warehouse}/{name}/**/*.parquet").collect().height == len(frame)
    articles = read(seeded_warehouse, "articles")
    assert len(articles) == 5
    assert articles["title"].notna().all() and (articles["word_count"] > 50).all()
    assert (articles["body"].str.contains("\n\n")).all()
    assert len(read(seeded_warehouse, "mentions")) > 20 and len(read(seeded_warehouse, "entities")) > 10


def test_offsets_of_mentions_point_into_the_body(seeded_warehouse):
    bodies = read(seeded_warehouse, "articles").set_index("article_id")["body"]
    mentions = read(seeded_warehouse, "mentions")
    assert all(bodies[m.article_id][m.start : m.end] == m.text for m in mentions.itertuples())


def test_each_run_is_recorded_with_its_validations(seeded_warehouse):
    runs, validations = read(seeded_warehouse, "runs"), read(seeded_warehouse, "validations")
    assert runs["status"].tolist() == ["published"]
    assert set(validations["stage"]) == {"ingest", "clean", "dedup", "enrich"}
    assert validations["success"].all()
    assert (Path(runs["report_path"][0]) / "data_docs" / "index.html").exists()


def test_a_second_run_adds_no_rows_and_changes_no_ids(seeded_warehouse, tmp_path):
    warehouse = copy_of(seeded_warehouse, tmp_path)
    before = {t: read(warehouse, t) for t in DATA_TABLES}
    run([PROJECT_ROOT / "seeds"], warehouse)
    for table in DATA_TABLES:
        after = read(warehouse, table)
        assert len(after) == len(before[table]), table
    assert sorted(read(warehouse, "articles")["article_id"]) == sorted(before["articles"]["article_id"])
    assert sorted(read(warehouse, "entities")["entity_id"]) == sorted(before["entities"]["entity_id"])
    assert set(read(warehouse, "articles")["run_id"]) == set(before["articles"]["run_id"])
    assert len(read(warehouse, "runs")) == 2


def test_a_run_with_no_new_document_stops_after_ingests_gate_and_still_records_its_refusals(seeded_warehouse, tmp_path):
    warehouse = copy_of(seeded_warehouse, tmp_path)
    refused = tmp_path / "refused"
    refused.mkdir()
    (refused / "empty.txt").write_bytes(b"")
    summary = run([PROJECT_ROOT / "seeds", refused], warehouse)
    assert summary.status == "published"
    ingest, *later = summary.stages
    assert (ingest.rows_out, ingest.skipped, ingest.quarantined) == (0, 5, 1)
    assert [(r.stage, r.rows_in, r.note) for r in later] == [
        (stage, 0, "not run: no new document") for stage in ("clean", "dedup", "enrich")
    ]
    assert {(o.stage, o.suite) for o in summary.outcomes} == {("ingest", "documents"), ("ingest", "quarantine")}
    quarantine = read(warehouse, "quarantine")
    assert quarantine["source_uri"].str.endswith("empty.txt").sum() == 1
    validations = read(warehouse, "validations")
    assert set(validations.loc[validations["run_id"] == summary.run_id, "stage"]) == {"ingest"}


def test_a_copy_under_another_name_is_an_exact_duplicate(seeded_warehouse, tmp_path):
    warehouse = copy_of(seeded_warehouse, tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    original = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))[1]
    shutil.copy(original, inbox / "syndicated-copy.txt")
    run([inbox], warehouse)
    articles = read(warehouse, "articles")
    assert len(articles) == 6
    first = articles[articles["source_uri"] == original.as_uri()].iloc[0]
    copy = articles[articles["source_uri"].str.endswith("syndicated-copy.txt")].iloc[0]
    assert copy["doc_id"] == first["doc_id"] and copy["article_id"] != first["article_id"]
    assert copy["cluster_id"] == first["cluster_id"]
    assert first["is_canonical"] and not copy["is_canonical"]
    assert copy["duplicate_of"] == first["article_id"] and pd.isna(first["duplicate_of"])
    duplicates = read(warehouse, "duplicates")
    row = duplicates[duplicates["article_id"] == copy["article_id"]].iloc[0]
    assert row["method"] == "exact" and row["duplicate_of"] == first["article_id"]


def test_an_acronym_and_its_long_form_are_one_entity_across_batches_and_runs(seeded_warehouse, tmp_path, monkeypatch):
    warehouse = copy_of(seeded_warehouse, tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stories = {
        "a-long-form.txt": "Lenders meet\n\nThe International Monetary Fund said on Tuesday that growth would slow.",
        "b-acronym.txt": "Loans approved\n\nThe IMF approved a new loan for Ukraine on Thursday, officials said.",
        "c-published-acronym.txt": "Summit ends\n\nThe North Atlantic Treaty Organization ended its summit in Vilnius.",
    }
    for name, text in stories.items():
        (inbox / name).write_text(text + " The talks went on for hours and will continue next month in Geneva.")
    nato = read(seeded_warehouse, "mentions").query("text == 'NATO'")["entity_id"].unique().tolist()
    monkeypatch.setenv("NEWSDESK_BATCH_BYTES", "1")  # every file passes the byte bound: a batch per file

    run([inbox], warehouse)

    linked = read(warehouse, "mentions").groupby("text")["entity_id"].unique()
    assert len(nato) == 1 and linked["North Atlantic Treaty Organization"].tolist() == nato
    assert linked["IMF"].tolist() == linked["International Monetary Fund"].tolist()
    entities = read(warehouse, "entities")
    assert len(entities[entities["entity_id"] == linked["IMF"][0]]) == 1


def test_a_failing_suite_stops_the_run_and_publishes_none_of_it(seeded_warehouse, tmp_path, monkeypatch):
    warehouse = copy_of(seeded_warehouse, tmp_path)
    strict = expectations_with(
        tmp_path / "expectations",
        "articles",
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "word_count", "min_value": 100_000}},
    )
    monkeypatch.setenv("NEWSDESK_EXPECTATIONS", str(strict))
    before = {t: read(warehouse, t) for t in DATA_TABLES}
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "new.txt").write_text("A new headline\n\n" + "Officials met on Monday to discuss the budget. " * 20)

    with pytest.raises(RunFailed) as failed:
        run([inbox], warehouse)

    (outcome,) = failed.value.failure.failed
    assert (outcome.stage, outcome.suite) == ("clean", "articles")
    assert "word_count" in outcome.failed_expectations[0] and outcome.report_path.exists()
    assert "stage 'clean' failed suite 'articles'" in str(failed.value)
    for table in DATA_TABLES:
        pd.testing.assert_frame_equal(read(warehouse, table), before[table], check_like=True)
    runs = read(warehouse, "runs").set_index("status")
    assert runs.loc["failed_quality_gate", "failed_stage"] == "clean"


def test_every_input_ends_in_articles_or_quarantine(prefect_api, tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(PROJECT_ROOT / "seeds", inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "image.txt").write_bytes(bytes(range(256)) * 8)
    (inbox / "notes.pdf").write_bytes(b"%PDF-1.4")
    (inbox / "page.html").write_text(
        "<html><head><title>Port reopens</title></head><body><article><h1>Port reopens</h1>"
        + "<p>The harbour authority said the port would reopen on Friday after repairs.</p>" * 8
        + "</article></body></html>"
    )
    (inbox / "feed.jsonl").write_text(
        '{"id": "w1", "title": "Rates hold", "text": "The central bank held rates at 4 percent on Thursday, '
        'saying inflation was easing but still above target."}\n{broken\n'
    )
    warehouse = tmp_path / "warehouse"
    run([inbox], warehouse)
    articles, quarantine = read(warehouse, "articles"), read(warehouse, "quarantine")
    assert len(articles) == 7
    assert sorted(quarantine["reason"]) == ["binary", "empty", "malformed_json", "unknown_extension"]
    inputs = 5 + 3 + 1 + 2  # seeds, bad files, HTML page, JSONL lines
    assert len(articles) + len(quarantine) == inputs
    assert (quarantine["detail"].str.len() > 10).all()


def test_runs_connect_to_nothing_but_loopback(prefect_api, tmp_path, monkeypatch):
    targets = []
    real_connect = socket.socket.connect

    def recording_connect(sock, address):
        targets.append(address)
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", recording_connect)
    run([PROJECT_ROOT / "seeds"], tmp_path / "warehouse")
    hosts = {a[0] for a in targets if isinstance(a, tuple)}
    assert hosts <= {"127.0.0.1", "::1", "localhost"}, hosts


def test_snapshot_reads_are_of_one_version(seeded_warehouse):
    snapshot = Snapshot(seeded_warehouse)
    assert snapshot.exists and all(snapshot.files(t) for t in TABLES)


def test_a_publishers_recurring_footer_is_learned_and_removed(prefect_api, tmp_path):
    footer = "Harbour Times is an independent paper. Support local journalism: subscribe from 3 euros a month."
    records = [
        {
            "id": f"ht-{n}",
            "publisher": "Harbour Times",
            "title": f"Council story {n}",
            "text": f"Council story {n}\n\nThe council met on day {n} and approved budget line {n * 11} for the "
            f"harbour district after a long debate about ferry number {n + 40}.\n\n{footer}",
        }
        for n in range(4)
    ]
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    warehouse = tmp_path / "warehouse"
    run([inbox], warehouse)
    articles, removed = read(warehouse, "articles"), read(warehouse, "removed_segments")
    assert len(articles) == 4 and not articles["body"].str.contains("independent paper").any()
    learned = removed[removed["reason"] == "repeated_across_publisher"]
    assert len(learned) == 4 and (learned["text"] == footer).all()
