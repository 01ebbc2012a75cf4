"""Ingest: files -> `documents` and their text, with every refused file or record in `quarantine`."""

from __future__ import annotations

import time
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.ingest.discover import discover_files
from tasks.ingest.readers import RawDocument, read_path
from tasks.ingest.rejection import Rejection
from tasks.warehouse.snapshot import Snapshot


@task(name="ingest", cache_policy=NO_CACHE)
def ingest(ctx: RunContext, paths: list[Path]) -> StageReport:
    """Read every input file; skip documents already published under the same source and content."""
    started = time.perf_counter()
    published = Snapshot(ctx.settings.warehouse).read("documents", ["source_uri", "doc_id"])
    seen = set(zip(published["source_uri"], published["doc_id"]))
    now = datetime.now(UTC)
    documents: list[RawDocument] = []
    rejections: list[Rejection] = []
    inputs = skipped = 0
    for item in discover_files(paths):
        found = [item] if isinstance(item, Rejection) else read_path(item, ctx.settings.max_file_bytes)
        for record in found:
            inputs += 1
            if isinstance(record, Rejection):
                rejections.append(record)
            elif (record.source_uri, record.doc_id) in seen:
                skipped += 1
            else:
                seen.add((record.source_uri, record.doc_id))
                documents.append(record)
    frame = pd.DataFrame([asdict(d) for d in documents], columns=list(RawDocument.__dataclass_fields__))
    frame["ingested_at"] = now
    frame["run_id"] = ctx.run_id
    ctx.staging.write("documents", frame)
    ctx.staging.write("contents", frame)
    ctx.staging.write("quarantine", pd.DataFrame([r.as_row(ctx.run_id) for r in rejections]), part="ingest")
    for r in rejections:
        get_run_logger().warning("quarantined %s: %s (%s)", r.source_uri, r.detail, r.reason)
    return StageReport(
        "ingest",
        rows_in=inputs,
        rows_out=len(documents),
        quarantined=len(rejections),
        seconds=time.perf_counter() - started,
        tables=("documents", "quarantine"),
        note=f"{skipped} already published" if skipped else "",
    )
