"""The stages whose cost does not depend on the NER model, called directly in batches, without the flow.

Ingest and clean run batch by batch on a process per core (as the flow's batches do on a Dask cluster).
Used for the 1M-article run of `python -m benchmarks` and for profiling one stage: ingest reads the input
files with the ingest readers, clean runs clean_document on each document, dedup runs assign_clusters over the
whole corpus, publish writes `documents` and `articles` as one warehouse version.
"""

from __future__ import annotations

import multiprocessing
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from itertools import repeat
from pathlib import Path

import pandas as pd
import psutil

from benchmarks.corpus import corpus_inputs
from benchmarks.dedup_bench import in_fresh_process
from benchmarks.pipeline_bench import rates
from benchmarks.resources import MemoryTimeline, load_average
from flows.stages.clean import clean_contents
from tasks.dedup.clusters import assign_clusters
from tasks.dedup.published import FramesIndex
from tasks.ingest.readers import RawDocument, read_path
from tasks.schemas import ALL_TABLES
from tasks.settings import Settings
from tasks.warehouse.layout import Layout
from tasks.warehouse.parquet_io import to_arrow
from tasks.warehouse.publish import TableChanges, publish_version
from tasks.warehouse.snapshot import Snapshot

STAGES = ("ingest", "clean", "dedup", "publish")


def ingest(paths: list[Path], run_id: str) -> pd.DataFrame:
    """`documents` rows with their text, as the ingest readers give them (refused records are left out)."""
    documents = [d for path in paths for d in read_path(path, Settings().max_file_bytes) if isinstance(d, RawDocument)]
    frame = pd.DataFrame([asdict(d) for d in documents], columns=list(RawDocument.__dataclass_fields__))
    return frame.assign(ingested_at=datetime.now(UTC), run_id=run_id)


def clean(documents: pd.DataFrame, run_id: str) -> pd.DataFrame:
    """`articles` rows (before deduplication) for the documents that have an article in them, as the clean stage
    makes them."""
    frame = clean_contents(documents, run_id, Settings().with_(workers=1)).articles  # one process per batch already
    frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True)
    return frame


def dedup(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles with their story clusters, deduplicated against an empty warehouse."""
    clusters = assign_clusters(articles, FramesIndex()).clusters
    return articles.drop(columns=["cluster_id", "is_canonical"]).merge(clusters, on="article_id", how="left")


def publish(documents: pd.DataFrame, articles: pd.DataFrame, warehouse: Path, run_id: str) -> str:
    """Write `documents` and `articles` as the next version of the warehouse with the warehouse writer."""
    changes = {
        "documents": TableChanges(append=to_arrow(documents, ALL_TABLES["documents"])),
        "articles": TableChanges(append=to_arrow(articles, ALL_TABLES["articles"])),
    }
    return publish_version(Layout(warehouse), Snapshot(warehouse), changes, run_id)


def batches(paths: list[Path], max_bytes: int) -> Iterator[list[Path]]:
    """Consecutive files of about `max_bytes` together: a JSONL file holds many articles, a page one."""
    batch, size = [], 0
    for path in paths:
        batch.append(path)
        size += path.stat().st_size
        if size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def ingest_and_clean(paths: list[Path], run_id: str) -> tuple[pd.DataFrame, pd.DataFrame, float, float]:
    """One batch through ingest and clean: its documents (without their text), its articles, each stage's seconds."""
    started = time.perf_counter()
    found = ingest(paths, run_id)
    read = time.perf_counter()
    articles = clean(found, run_id)
    return found.drop(columns=["text", "html"]), articles, read - started, time.perf_counter() - read


@contextmanager
def window(windows: dict[str, tuple[float, float]], name: str) -> Iterator[None]:
    start = time.time()
    yield
    windows[name] = (start, time.time())


def run_stages(inputs: Path, warehouse: Path, batch_bytes: int = 32 * 2**20) -> dict:
    """Batches of the files under `inputs` through ingest and clean on a process per core, then dedup and publish
    once. Ingest and clean share the parallel phase's wall time in proportion to their summed batch seconds."""
    run_id = str(uuid.uuid4())
    paths = sorted(p for p in inputs.iterdir() if p.is_file())
    windows: dict[str, tuple[float, float]] = {}
    with MemoryTimeline() as memory:
        with (
            window(windows, "parallel"),
            ProcessPoolExecutor(psutil.cpu_count(), mp_context=multiprocessing.get_context("fork")) as pool,
        ):
            parts = list(pool.map(ingest_and_clean, batches(paths, batch_bytes), repeat(run_id)))
        documents = pd.concat([p[0] for p in parts], ignore_index=True)
        articles = pd.concat([p[1] for p in parts], ignore_index=True)
        with window(windows, "dedup"):
            articles = dedup(articles)
        with window(windows, "publish"):
            publish(documents, articles, warehouse, run_id)
    parallel_start, parallel_end = windows.pop("parallel")
    reading, cleaning = sum(p[2] for p in parts), sum(p[3] for p in parts)
    seconds = {name: end - start for name, (start, end) in windows.items()} | {
        "ingest": (parallel_end - parallel_start) * reading / (reading + cleaning),
        "clean": (parallel_end - parallel_start) * cleaning / (reading + cleaning),
    }
    peaks = {name: memory.peak_mb(*span) for name, span in windows.items()}
    peaks["ingest"] = peaks["clean"] = memory.peak_mb(parallel_start, parallel_end)
    rows = {"ingest": len(documents), "clean": len(documents), "dedup": len(articles), "publish": len(articles)}
    return {
        "stages": [{"stage": s, "rows_in": rows[s], "seconds": seconds[s], "peak_pss_mb": peaks[s]} for s in STAGES],
        "peak_pss_mb": memory.peak_mb(),
        "workers": psutil.cpu_count(),
    }


def measure_million(folder: Path, seed: int, size: int = 1_000_000) -> dict:
    """Ingest, clean, dedup and publish on `size` articles, directly and in a fresh process."""
    _, facts = corpus_inputs(size, folder / "inputs", seed)
    result = in_fresh_process(run_stages, folder / "inputs", folder / "warehouse")
    for stage in result["stages"]:
        stage |= rates(stage["rows_in"], stage["seconds"], facts)
    return {"corpus": facts, "load_average": load_average()} | result
