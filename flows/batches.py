"""How a run's input is split: batches of at most `batch_size` input files (or web archive records) and about
`batch_bytes` of input, each taken through ingest, clean and enrich on its own (dedup and the quality gate see the
whole run). A web archive is split into slices of its records, so a 1 GB archive spreads over many batches."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import fsspec
from prefect import Task, get_run_logger
from prefect.futures import as_completed

from flows.progress import StageProgress
from flows.run_context import RunContext, StageReport
from tasks.ingest.inputs import Item
from tasks.ingest.readers import format_of
from tasks.ingest.rejection import Rejection
from tasks.ingest.warc import WarcSlice, warc_slices


@dataclass(frozen=True)
class Batch:
    """A reference that tasks pass around instead of data: which files (or archive slices), and the staging part
    they write."""

    number: int
    items: tuple[Item, ...]

    @property
    def part(self) -> str:
        return f"batch-{self.number:05d}"

    def part_of(self, stage: str) -> str:
        """The part for a table that several stages write to (quarantine)."""
        return f"{stage}-{self.part}"


def split_inputs(items: list[Item], max_files: int, max_bytes: int) -> list[Batch]:
    """Consecutive batches in discovery order; at least one, so every stage stages its tables even for no input.

    A batch closes at `max_files` files (or archive records) or before it would pass `max_bytes`, so that what a
    batch holds in memory is bounded whatever the corpus size, also when each file is a JSONL file of many
    articles (a file larger than `max_bytes` is a batch of its own). A web archive is first cut into slices of at
    most that many records and bytes (tasks/ingest/warc.py), read here once without keeping its records.
    """
    chunks: list[tuple[Item, ...]] = []
    chunk: list[Item] = []
    count = size = 0
    for item in _sliced(items, max_files, max_bytes):
        records, weight = _weight(item)
        if chunk and (count + records > max(1, max_files) or size + weight > max_bytes):
            chunks.append(tuple(chunk))
            chunk, count, size = [], 0, 0
        chunk.append(item)
        count += records
        size += weight
    if chunk or not chunks:
        chunks.append(tuple(chunk))
    return [Batch(n, c) for n, c in enumerate(chunks)]


def _sliced(items: list[Item], max_records: int, max_bytes: int) -> Iterator[Item]:
    for item in items:
        if not isinstance(item, Rejection) and format_of(item)[0] == "warc":
            yield from warc_slices(item, max_records, max_bytes)
        else:
            yield item


def _weight(item: Item) -> tuple[int, int]:
    """(files or records, bytes) of an item; a refusal, or a file gone since discovery (ingest quarantines it),
    weighs one file of 0 bytes."""
    if isinstance(item, WarcSlice):
        return max(1, item.records), item.bytes
    if isinstance(item, Rejection):
        return 1, 0
    try:
        return 1, item.stat().st_size if isinstance(item, Path) else fsspec.core.url_to_fs(item)[0].size(item)
    except (OSError, ValueError):
        return 1, 0


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
