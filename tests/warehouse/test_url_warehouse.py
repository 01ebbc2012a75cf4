"""Real flow runs into a warehouse at a URL: S3 (a moto server on 127.0.0.1, the `s3` fixture) and file://.

One seeds run into S3 is shared by the module (beside the session's local one); each other test adds one run.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import fsspec
import pandas as pd
import pytest

from flows.pipeline import news_pipeline
from tasks.schemas import TABLES
from tasks.settings import PROJECT_ROOT
from tasks.warehouse.publish import publish_version
from tasks.warehouse.remote import POINTER, RemoteWarehouse
from tasks.warehouse.snapshot import Snapshot
from tasks.warehouse.working_copy import WarehouseMoved, WorkingCopy
from tests.warehouse.test_publish import docs

SEEDS = PROJECT_ROOT / "seeds"
URL = "s3://newsdesk/warehouse"
DATA_TABLES = [name for name, table in TABLES.items() if table.data]
PER_RUN = {"run_id", "ingested_at", "ingest_date"}
"""Columns that name the run or its time, so they differ between two runs on the same input."""


def run(paths: list[Path], warehouse: str | Path):
    return news_pipeline([str(p) for p in paths], str(warehouse))


@pytest.fixture(scope="module")
def seeded(seeded_warehouse, s3) -> Path:
    """The seeds run into S3 beside the session's local seeded warehouse; returns the local one."""
    summary = run([SEEDS], URL)
    assert (summary.status, summary.warehouse) == ("published", URL)
    return seeded_warehouse


def one_article(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "new.txt").write_text("A new headline\n\n" + "Officials met on Monday to discuss the budget. " * 20)
    return inbox


def local_rows(warehouse: Path, table: str) -> pd.DataFrame:
    glob = f"{warehouse}/{table}/**/*.parquet"
    return duckdb.sql(f"select * from read_parquet('{glob}', hive_partitioning = true, union_by_name = true)").df()


def url_rows(url: str, table: str) -> pd.DataFrame:
    """The way docs/operations.md tells analysts to read a URL warehouse: the pointer, the manifest, then DuckDB."""
    fs, root = fsspec.core.url_to_fs(url)
    version = fs.cat_file(f"{root}/_newsdesk/CURRENT").decode().strip()
    manifest = pd.read_json(fs.open(f"{root}/_newsdesk/versions/{version}.json"), typ="series")
    files = [fs.unstrip_protocol(f"{root}/{entry['key']}") for entry in manifest["tables"][table]]
    con = duckdb.connect()
    con.register_filesystem(fs)
    return con.sql(f"select * from read_parquet({files}, hive_partitioning = true, union_by_name = true)").df()


def comparable(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    frame = frame.drop(columns=[c for c in PER_RUN if c in frame.columns])
    key = list(TABLES[table].key)
    return frame.sort_values(key).reset_index(drop=True)[sorted(frame.columns)]


def objects(url: str) -> dict[str, tuple[int, str | None]]:
    fs, root = fsspec.core.url_to_fs(url)
    fs.invalidate_cache()
    return {path: (info["size"], info.get("ETag")) for path, info in fs.find(root, detail=True).items()}


def test_a_url_warehouse_holds_the_same_rows_as_a_local_folder(seeded):
    for table in DATA_TABLES:
        local, remote = comparable(local_rows(seeded, table), table), comparable(url_rows(URL, table), table)
        pd.testing.assert_frame_equal(remote, local, check_dtype=False, obj=table)
    assert len(url_rows(URL, "articles")) == 5
    assert Snapshot(URL).read("runs")["status"].tolist() == ["published"]


def test_a_rerun_from_an_empty_working_copy_adds_no_rows_and_uploads_no_data_again(seeded, monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSDESK_CACHE_DIR", str(tmp_path / "fresh-cache"))  # pulls the whole version first
    before = Snapshot(URL)
    run([SEEDS], URL)
    after = Snapshot(URL)
    assert after.version != before.version
    for table in DATA_TABLES:
        assert after.files(table) == before.files(table), table  # the same objects, none uploaded again
        assert len(after.read(table)) == len(before.read(table)), table
    assert after.read("runs")["status"].tolist() == ["published", "published"]


def test_a_run_that_fails_to_commit_leaves_the_url_warehouse_as_it_was(seeded, monkeypatch, tmp_path):
    inbox = one_article(tmp_path)
    pointer, stored = RemoteWarehouse(URL).pointer(), objects(URL)

    def lost_connection(self, version):
        raise ConnectionError("connection reset by peer")

    monkeypatch.setattr(RemoteWarehouse, "set_pointer", lost_connection)
    with pytest.raises(ConnectionError):
        run([inbox], URL)
    assert RemoteWarehouse(URL).pointer() == pointer
    assert objects(URL) == stored
    assert len(Snapshot(URL).read("articles")) == 5


def test_a_writer_that_lost_the_race_publishes_nothing(prefect_api, monkeypatch, tmp_path):
    url = f"file://{tmp_path}/remote"
    other = WorkingCopy.of(url, tmp_path / "other-cache")
    real_pull = WorkingCopy.pull

    def pull_then_another_writer_commits(self):
        started = real_pull(self)
        real_pull(other)
        other.push(publish_version(other.layout, Snapshot(other.layout.root), {"documents": docs("x")}, "other-1"))
        return started

    monkeypatch.setattr(WorkingCopy, "pull", pull_then_another_writer_commits)
    with pytest.raises(WarehouseMoved, match="moved from version None to v.*nothing of this run was published"):
        run([one_article(tmp_path)], url)
    assert Snapshot(url).read("documents")["doc_id"].tolist() == ["x"]
    assert (tmp_path / "remote" / POINTER).read_text().strip() == other.base.version
    uploaded = [p for p in objects(url) if p.endswith(".parquet")]
    assert all(f"/{other.base.version}/" in p for p in uploaded), uploaded


def test_query_and_validate_read_a_url_warehouse(seeded, newsdesk, s3):
    done = newsdesk("query", "select count(*) as n from articles", "--warehouse", URL, "--format", "csv", env=s3)
    assert done.stdout.split() == ["n", "5"]
    speakers = newsdesk("query", "select count(*) from who_said_what", "--warehouse", URL, env=s3)
    assert speakers.returncode == 0
    newsdesk("validate", "--warehouse", URL, env=s3)
    assert not (PROJECT_ROOT / "s3:").exists()  # reports go to the working copy, never to a folder named like the URL
