"""Versions on real files: links, zero-row tables, no double rows, replaced and dropped rows, atomic pointer."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import duckdb
import pandas as pd

from tasks.schemas import TABLES
from tasks.warehouse.layout import Layout
from tasks.warehouse.parquet_io import to_arrow
from tasks.warehouse.publish import TableChanges, prune_versions, publish_version
from tasks.warehouse.snapshot import Snapshot

NOW = datetime(2022, 1, 12, tzinfo=UTC)


def docs(*ids: str, run: str = "run-1") -> TableChanges:
    frame = pd.DataFrame(
        {
            "doc_id": list(ids),
            "source_uri": [f"file:///{i}" for i in ids],
            "format": "txt",
            "byte_size": 1,
            "ingested_at": NOW,
            "run_id": run,
        }
    )
    return TableChanges(append=[to_arrow(frame, TABLES["documents"])])


def count(warehouse, table: str) -> int:
    glob = f"{warehouse}/{table}/**/*.parquet"
    sql = f"select count(*) from read_parquet('{glob}', hive_partitioning = true, union_by_name = true)"
    return duckdb.sql(sql).fetchall()[0][0]


def test_first_version_has_every_table_readable_even_when_empty(tmp_path):
    publish_version(Layout(tmp_path), Snapshot(tmp_path), {"documents": docs("a", "b")}, "run-1")
    for table in TABLES:
        assert (tmp_path / table).is_symlink()
        assert count(tmp_path, table) == (2 if table == "documents" else 0)
        assert pd.read_parquet(tmp_path / table).columns.tolist() == TABLES[table].column_names


def test_rows_already_published_are_not_added_again_and_unchanged_files_are_links(tmp_path):
    layout = Layout(tmp_path)
    publish_version(layout, Snapshot(tmp_path), {"documents": docs("a", "b")}, "run-1")
    first = Snapshot(tmp_path).files("documents")[0]
    publish_version(layout, Snapshot(tmp_path), {"documents": docs("b", "c", run="run-2")}, "run-2")
    assert count(tmp_path, "documents") == 3
    files = Snapshot(tmp_path).files("documents")
    assert any(os.path.samefile(f, first) for f in files)
    runs = duckdb.sql(
        f"select doc_id, run_id from read_parquet('{tmp_path}/documents/*.parquet') order by 1"
    ).fetchall()
    assert runs == [("a", "run-1"), ("b", "run-1"), ("c", "run-2")]


def test_upsert_replaces_by_key_and_delete_drops(tmp_path):
    layout = Layout(tmp_path)
    publish_version(layout, Snapshot(tmp_path), {"documents": docs("a", "b", "c")}, "run-1")
    changed = docs("b", run="run-9").append[0].to_pandas().assign(byte_size=99)
    keys = pd.DataFrame({"source_uri": ["file:///c"], "doc_id": ["c"]})
    changes = TableChanges(upsert=to_arrow(changed, TABLES["documents"]), delete=__import__("pyarrow").table(keys))
    publish_version(layout, Snapshot(tmp_path), {"documents": changes}, "run-2")
    rows = Snapshot(tmp_path).read("documents").set_index("doc_id")["byte_size"].to_dict()
    assert rows == {"a": 1, "b": 99}


def test_an_upsert_rewrites_only_the_file_holding_the_replaced_row(tmp_path):
    layout = Layout(tmp_path)
    publish_version(layout, Snapshot(tmp_path), {"documents": docs("a", "b")}, "run-1")
    publish_version(layout, Snapshot(tmp_path), {"documents": docs("c", run="run-2")}, "run-2")
    before = Snapshot(tmp_path).files("documents")
    changed = docs("c", run="run-3").append[0].to_pandas().assign(byte_size=99)
    changes = TableChanges(upsert=to_arrow(changed, TABLES["documents"]))
    publish_version(layout, Snapshot(tmp_path), {"documents": changes}, "run-3")
    after = Snapshot(tmp_path).files("documents")
    linked = [f for f in after if any(os.path.samefile(f, b) for b in before)]
    assert len(after) == 2 and len(linked) == 1
    assert sorted(pd.read_parquet(linked[0])["doc_id"]) == ["a", "b"]
    rows = Snapshot(tmp_path).read("documents").set_index("doc_id")["byte_size"].to_dict()
    assert rows == {"a": 1, "b": 1, "c": 99}


def test_appended_pieces_are_taken_one_at_a_time_into_a_file_each(tmp_path):
    pieces = (docs(i).append[0] for i in "abc")  # a generator, as the run's staged parts are read
    publish_version(Layout(tmp_path), Snapshot(tmp_path), {"documents": TableChanges(append=pieces)}, "run-1")
    assert len(Snapshot(tmp_path).files("documents")) == 3
    assert sorted(Snapshot(tmp_path).read("documents")["doc_id"]) == ["a", "b", "c"]


def test_a_snapshot_keeps_reading_its_version_after_a_new_publish(tmp_path):
    layout = Layout(tmp_path)
    publish_version(layout, Snapshot(tmp_path), {"documents": docs("a")}, "run-1")
    before = Snapshot(tmp_path)
    publish_version(layout, Snapshot(tmp_path), {"documents": docs("b", run="run-2")}, "run-2")
    assert len(before.read("documents")) == 1
    assert len(Snapshot(tmp_path).read("documents")) == 2


def test_unfinished_builds_and_old_versions_are_pruned(tmp_path):
    layout = Layout(tmp_path)
    for i in range(7):
        publish_version(layout, Snapshot(tmp_path), {"documents": docs(f"d{i}", run=f"run-{i}")}, f"run-{i}")
    (layout.versions / ".vX.partial").mkdir()
    prune_versions(layout)
    kept = [p.name for p in layout.versions.iterdir()]
    assert len(kept) == 5 and not any(k.endswith(".partial") for k in kept)
    assert count(tmp_path, "documents") == 7
