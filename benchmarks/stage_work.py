"""The stages whose cost does not depend on the NER model, called directly in batches, without the flow.

Ingest and clean run batch by batch on a process per core (as the flow's batches do on a Dask cluster), each
batch staging its `documents` and `articles` as the flow's batches do. Used for the 1M-article run of
`python -m benchmarks` and for profiling one stage: ingest reads the input files with the ingest readers, clean runs
clean_document on each document, dedup is the flow's dedup stage over the staged parts, publish writes the staged
tables as one warehouse version with the flow's publish, part by part.
"""

from __future__ import annotations

import multiprocessing
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import repeat
from pathlib import Path

import pandas as pd
import psutil

from benchmarks.corpus import corpus_inputs
from benchmarks.dedup_bench import in_fresh_process
from benchmarks.pipeline_bench import rates
from benchmarks.resources import MemoryTimeline, load_average
from flows.run_context import RunContext, StageReport
from flows.stages.clean import clean_contents
from flows.stages.dedup import dedup as dedup_stage
from flows.stages.ingest import documents_frame
from flows.stages.publish import staged_changes
from tasks.ingest.inputs import Item, read_item
from tasks.ingest.readers import RawDocument
from tasks.memory import release_freed_memory
from tasks.settings import Settings
from tasks.warehouse.publish import publish_version
from tasks.warehouse.snapshot import Snapshot

STAGES = ("ingest", "clean", "dedup", "publish")


def ingest(items: list[Item], run_id: str) -> pd.DataFrame:
    """`documents` rows with their text, as the ingest readers give them (refused records are left out)."""
    limit = Settings().max_file_bytes
    documents = [d for item in items for d in read_item(item, limit) if isinstance(d, RawDocument)]
    return documents_frame(documents).assign(ingested_at=datetime.now(UTC), run_id=run_id)


def clean(documents: pd.DataFrame, run_id: str) -> pd.DataFrame:
    """`articles` rows (before deduplication) for the documents that have an article in them, as the clean stage
    makes them."""
    frame = clean_contents(documents, run_id, Settings().with_(workers=1)).articles  # one process per batch already
    frame["published_at"] = pd.to_datetime(frame["published_at"], utc=True)
    return frame


def run_context(warehouse: Path) -> RunContext:
    """A run of its own on `warehouse`, whose staging area the batches write to."""
    return RunContext(str(uuid.uuid4()), datetime.now(UTC), Settings().with_(warehouse=warehouse))


def stage(ctx: RunContext, documents: pd.DataFrame, articles: pd.DataFrame, part: str) -> None:
    """Stage one batch's documents and articles, as the flow's ingest and clean do."""
    ctx.staging.write("documents", documents, part=part)
    ctx.staging.write("articles", articles, part=part)


def dedup(ctx: RunContext) -> StageReport:
    """The flow's dedup stage over the staged parts, against an empty warehouse; then, as the flow does after every
    stage, freed memory goes back to the system."""
    report = dedup_stage.fn(ctx)
    release_freed_memory()
    return report


def publish(ctx: RunContext) -> str:
    """The staged tables as the next version of the warehouse, a staged part at a time."""
    return publish_version(ctx.layout, Snapshot(ctx.settings.warehouse), staged_changes(ctx), ctx.run_id)


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


def ingest_and_clean(items: list[Item], ctx: RunContext, part: str) -> tuple[int, int, float, float]:
    """One batch (files or web archive slices) through ingest and clean, staged: its documents, its articles, each
    stage's seconds."""
    started = time.perf_counter()
    found = ingest(items, ctx.run_id)
    read = time.perf_counter()
    articles = clean(found, ctx.run_id)
    cleaned = time.perf_counter()
    stage(ctx, found, articles, part)
    return len(found), len(articles), read - started, cleaned - read


@contextmanager
def window(windows: dict[str, tuple[float, float]], name: str) -> Iterator[None]:
    start = time.time()
    yield
    windows[name] = (start, time.time())


def run_stages(inputs: Path, warehouse: Path, batch_bytes: int = 32 * 2**20) -> dict:
    """Batches of the files under `inputs` through ingest and clean on a process per core, each staging its rows,
    then dedup and publish once over the staged parts. Ingest and clean share the parallel phase's wall time in
    proportion to their summed batch seconds."""
    ctx = run_context(warehouse)
    paths = sorted(p for p in inputs.iterdir() if p.is_file())
    parts = [f"batch-{n:05d}" for n, _ in enumerate(batches(paths, batch_bytes))]
    windows: dict[str, tuple[float, float]] = {}
    with MemoryTimeline() as memory:
        with (
            window(windows, "parallel"),
            ProcessPoolExecutor(psutil.cpu_count(), mp_context=multiprocessing.get_context("fork")) as pool,
        ):
            done = list(pool.map(ingest_and_clean, batches(paths, batch_bytes), repeat(ctx), parts))
        with window(windows, "dedup"):
            dedup(ctx)
        with window(windows, "publish"):
            publish(ctx)
    ctx.staging.remove()
    parallel_start, parallel_end = windows.pop("parallel")
    reading, cleaning = sum(d[2] for d in done), sum(d[3] for d in done)
    seconds = {name: end - start for name, (start, end) in windows.items()} | {
        "ingest": (parallel_end - parallel_start) * reading / (reading + cleaning),
        "clean": (parallel_end - parallel_start) * cleaning / (reading + cleaning),
    }
    peaks = {name: memory.peak_mb(*span) for name, span in windows.items()}
    peaks["ingest"] = peaks["clean"] = memory.peak_mb(parallel_start, parallel_end)
    documents, articles = sum(d[0] for d in done), sum(d[1] for d in done)
    rows = {"ingest": documents, "clean": documents, "dedup": articles, "publish": articles}
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
