"""Faults: a run killed at any point, a disk that fails mid-publish, a document that breaks enrichment.

After each, the warehouse is either the previous published version or the new complete one, never a mix; the next
run completes and `newsdesk validate` passes.
"""

from __future__ import annotations

import errno
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from flows.pipeline import news_pipeline
from tasks.enrich.keyphrases import keyphrases
from tasks.quality.audit import validate_published
from tasks.schemas import TABLES
from tasks.settings import PROJECT_ROOT
from tasks.warehouse.snapshot import Snapshot

DATA_TABLES = [name for name, table in TABLES.items() if table.data]

KILL_POINTS = {
    "after ingest": "staging/*/documents",
    "after clean": "staging/*/removed_segments",
    "after dedup": "staging/*/duplicates",
    "after enrich": "staging/*/mentions",
    "during publish": "versions/.*.partial",
}


def state(warehouse: Path) -> dict[str, pd.DataFrame]:
    snapshot = Snapshot(warehouse)
    frames = {t: snapshot.read(t).drop(columns=["run_id"], errors="ignore") for t in DATA_TABLES}
    return {t: f.sort_values(list(TABLES[t].key)).reset_index(drop=True) for t, f in frames.items()}


def same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> bool:
    return all(a[t].shape == b[t].shape and a[t].astype(str).equals(b[t].astype(str)) for t in DATA_TABLES)


def new_inbox(folder: Path, tag: str) -> Path:
    folder.mkdir()
    for i, seed in enumerate(sorted((PROJECT_ROOT / "seeds").glob("*.txt"))):
        (folder / f"{tag}-{i}.txt").write_text(seed.read_text() + f"\n\nIn an update ({tag}), officials met again.")
    return folder


@pytest.fixture
def published(seeded_warehouse) -> Path:
    """The seeded warehouse, which each test copies before it harms it."""
    return seeded_warehouse


def test_sigkill_at_every_stage_boundary_leaves_a_whole_version(newsdesk, published, tmp_path):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(published, warehouse, symlinks=True)
    inbox = new_inbox(tmp_path / "inbox", "update")
    previous = state(warehouse)
    caught = {}
    for point, marker in KILL_POINTS.items():
        run = subprocess.Popen(
            [sys.executable, "-m", "flows", "run", str(inbox), "--warehouse", str(warehouse)],
            env=newsdesk.env,
            cwd=PROJECT_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 300
        while run.poll() is None and time.monotonic() < deadline:
            if list((warehouse / "_newsdesk").glob(marker)):
                run.send_signal(signal.SIGKILL)
                break
            time.sleep(0.002)
        run.wait()
        caught[point] = run.returncode == -signal.SIGKILL
        now = state(warehouse)
        assert same(now, previous) or len(now["articles"]) == len(previous["articles"]) + 5, point
        if not same(now, previous):  # the kill came after the swap: the new version is complete
            break
    assert caught["after ingest"] and caught["after clean"], caught
    newsdesk("run", str(inbox), "--warehouse", str(warehouse))
    assert len(Snapshot(warehouse).read("articles")) == 10
    newsdesk("validate", "--warehouse", str(warehouse))


def test_a_disk_that_fails_during_publish_leaves_the_warehouse_as_it_was(prefect_api, published, tmp_path, monkeypatch):
    warehouse = tmp_path / "warehouse"
    shutil.copytree(published, warehouse, symlinks=True)
    inbox = new_inbox(tmp_path / "inbox", "full-disk")
    previous, version = state(warehouse), Snapshot(warehouse).version
    real_writer = pq.ParquetWriter

    class FullDisk(real_writer):
        def __init__(self, where, *args, **kwargs):
            if "versions" in str(where):
                raise OSError(errno.ENOSPC, "No space left on device", str(where))
            super().__init__(where, *args, **kwargs)

    monkeypatch.setattr(pq, "ParquetWriter", FullDisk)
    with pytest.raises(OSError, match="No space left"):
        news_pipeline([str(inbox)], str(warehouse))
    assert Snapshot(warehouse).version == version and same(state(warehouse), previous)

    monkeypatch.setattr(pq, "ParquetWriter", real_writer)
    summary = news_pipeline([str(inbox)], str(warehouse))
    assert summary.status == "published" and len(Snapshot(warehouse).read("articles")) == 10
    assert not list((warehouse / "_newsdesk" / "versions").glob(".*.partial"))
    assert all(o.success for o in validate_published(warehouse))


def test_an_annotator_that_fails_costs_its_annotation_and_the_article_is_published(prefect_api, tmp_path, monkeypatch):
    from flows.artifacts import summary_markdown
    from tasks.enrich.annotation import ANNOTATORS

    def fragile(body):
        if "POISON" in body:
            raise RuntimeError("the scorer choked\non this body")
        return keyphrases(body)

    monkeypatch.setitem(ANNOTATORS, "keyphrases", fragile)
    inbox = tmp_path / "inbox"
    shutil.copytree(PROJECT_ROOT / "seeds", inbox)
    (inbox / "poison.txt").write_text(
        "A headline\n\nThe POISON paragraph is long enough to be a real article body, says Kaja Kallas in Tallinn."
        '\n\n"We will not give in," Kallas said on Wednesday.'
    )
    warehouse = tmp_path / "warehouse"

    summary = news_pipeline([str(inbox)], str(warehouse))

    snapshot = Snapshot(warehouse)
    articles = snapshot.read("articles").set_index("source_uri")
    assert summary.status == "published" and len(articles) == 6 and len(snapshot.read("quarantine")) == 0
    poisoned = articles.filter(like="poison.txt", axis=0).iloc[0]
    assert list(poisoned.keyphrases) == [] and poisoned.language == "en" and poisoned.tone is not None
    assert all(len(k) for k in articles.drop(index=poisoned.name).keyphrases)
    for table in ("mentions", "quotes", "date_mentions"):
        assert poisoned.article_id in set(snapshot.read(table)["article_id"]), table
    failures = snapshot.read("annotation_failures")
    assert failures[["article_id", "annotator", "error"]].values.tolist() == [
        [poisoned.article_id, "keyphrases", "RuntimeError: the scorer choked"]
    ]
    enrich = next(r for r in summary.stages if r.stage == "enrich")
    assert enrich.note.endswith("annotation failures: keyphrases 1")
    assert "| keyphrases | 1 | RuntimeError: the scorer choked |" in summary_markdown(summary)
    assert any(o.stage == "enrich" and o.suite == "annotation_failures" and o.success for o in summary.outcomes)
    assert all(o.success for o in validate_published(warehouse))

    published = state(warehouse)
    assert news_pipeline([str(inbox)], str(warehouse)).status == "published"
    assert same(state(warehouse), published)  # a re-run adds no row, no failure either
