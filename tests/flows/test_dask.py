"""Batches on a 2-worker Dask LocalCluster make the same warehouse as the local runner on the same input: files,
and the slices of a web archive spread over the batches."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import psutil

from flows.pipeline import news_pipeline
from flows.runners import task_runner
from tasks.schemas import TABLES
from tasks.settings import PROJECT_ROOT
from tasks.warehouse.snapshot import Snapshot
from tests.ingest.warc_files import crawl, write

RUN_COLUMNS = {"run_id", "ingested_at"}
"""What differs between two runs by design: which run published a row, and when it was read."""


def published_rows(warehouse: Path, table: str) -> pd.DataFrame:
    frame = Snapshot(warehouse).read(table)
    frame = frame[[c for c in frame.columns if c not in RUN_COLUMNS]].astype(str)
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def dask_processes() -> list[psutil.Process]:
    return [p for p in psutil.Process().children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]


def test_a_dask_cluster_makes_the_same_warehouse_as_the_local_runner(prefect_api, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_BATCH_SIZE", "2")  # five seeds and an archive's slices: eight batches per stage
    inputs = tmp_path / "inputs"
    shutil.copytree(PROJECT_ROOT / "seeds", inputs)
    write(inputs / "crawl.warc.gz", crawl())
    seeds = [str(inputs)]
    local, dask = tmp_path / "local", tmp_path / "dask"

    news_pipeline.with_options(task_runner=task_runner("local"))(seeds, str(local))
    summary = news_pipeline.with_options(task_runner=task_runner("dask", dask_workers=2))(seeds, str(dask))

    assert summary.status == "published"
    for name, table in TABLES.items():
        if table.data:
            pd.testing.assert_frame_equal(published_rows(dask, name), published_rows(local, name), obj=name)
    assert len(Snapshot(dask).read("articles")) == 5 + sum(m.expect == "article" for m in crawl())
    assert not dask_processes(), "the cluster's workers outlived the run"
