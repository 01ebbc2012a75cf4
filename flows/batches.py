"""How a run's input is split: batches of at most `batch_size` input files and about `batch_bytes` of input, each
taken through ingest, clean and enrich on its own (dedup and the quality gate see the whole run)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from prefect import Task, get_run_logger
from prefect.futures import as_completed

from flows.progress import StageProgress
from flows.run_context import RunContext, StageReport
from tasks.ingest.rejection import Rejection


@dataclass(frozen=True)
class Batch:
    """A reference that tasks pass around instead of data: which files, and the staging part they write."""

    number: int
    items: tuple[Path | Rejection, ...]

    @property
    def part(self) -> str:
        return f"batch-{self.number:05d}"

    def part_of(self, stage: str) -> str:
        """The part for a table that several stages write to (quarantine)."""
        return f"{stage}-{self.part}"


def split_inputs(items: list[Path | Rejection], max_files: int, max_bytes: int) -> list[Batch]:
    """Consecutive batches in discovery order; at least one, so every stage stages its tables even for no input.

    A batch closes at `max_files` files or before it would pass `max_bytes`, so that what a batch holds in memory
    is bounded whatever the corpus size, also when each file is a JSONL file of many articles (a file larger than
    `max_bytes` is a batch of its own).
    """
    chunks: list[tuple[Path | Rejection, ...]] = []
    chunk: list[Path | Rejection] = []
    size = 0
    for item in items:
        weight = _bytes(item)
        if chunk and (len(chunk) >= max(1, max_files) or size + weight > max_bytes):
            chunks.append(tuple(chunk))
            chunk, size = [], 0
        chunk.append(item)
        size += weight
    if chunk or not chunks:
        chunks.append(tuple(chunk))
    return [Batch(n, c) for n, c in enumerate(chunks)]


def _bytes(item: Path | Rejection) -> int:
    """Size of an input file on disk; a refusal, or a file gone since discovery (ingest quarantines it), weighs 0."""
    if isinstance(item, Rejection):
        return 0
    try:
        return item.stat().st_size
    except OSError:
        return 0


def run_batches(stage: Task[..., StageReport], ctx: RunContext, batches: list[Batch]) -> StageReport:
    """One task run per batch on the flow's task runner. As each batch finishes, a log line (and in a terminal a
    progress bar) shows a long run's progress. The report's seconds are the stage's wall time."""
    started = time.perf_counter()
    futures = [stage.submit(ctx, batch) for batch in batches]
    bar = StageProgress(stage.name, len(batches))
    logger = get_run_logger()
    for done, future in enumerate(as_completed(futures), 1):
        report = future.result()
        bar.advance()
        if len(batches) > 1:
            logger.info(
                "%-7s batch %d/%d done: %d in, %d out",
                report.stage,
                done,
                len(batches),
                report.rows_in,
                report.rows_out,
            )
    report = StageReport.combined([future.result() for future in futures])
    report.seconds = time.perf_counter() - started
    return report
