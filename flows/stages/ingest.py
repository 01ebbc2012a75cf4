"""Ingest: one batch of files (or web archive slices) -> `documents` and their text, with every refused file or
record in `quarantine`, and archive records that are no article counted by kind."""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, datetime

import pandas as pd
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.tasks import exponential_backoff

from flows.batches import Batch
from flows.run_context import RunContext, StageReport
from tasks.ingest.inputs import read_item
from tasks.ingest.readers import RawDocument
from tasks.ingest.rejection import Rejection
from tasks.ingest.warc import NotArticle
from tasks.warehouse.snapshot import Snapshot


def documents_frame(documents: list[RawDocument]) -> pd.DataFrame:
    """The documents as rows, a column per field (read shallow: `asdict` would copy every page's text again)."""
    return pd.DataFrame([vars(d) for d in documents], columns=list(RawDocument.__dataclass_fields__))


@task(
    name="ingest",
    task_run_name="ingest-{batch.part}",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=exponential_backoff(backoff_factor=2),
)
def ingest(ctx: RunContext, batch: Batch) -> StageReport:
    """Read the batch's files; skip documents already published under the same source and content.

    This skip is the pipeline's cache: a document is keyed by (source_uri, sha256 of its bytes), so an unchanged
    document is never cleaned or enriched again, and the key lives in the warehouse itself, not in a result store.
    Retrying is safe: the batch rewrites only its own staging parts.
    """
    started = time.perf_counter()
    published = Snapshot(ctx.settings.warehouse).read("documents", ["source_uri", "doc_id"])
    seen = set(zip(published["source_uri"], published["doc_id"], strict=True))
    now = datetime.now(UTC)
    documents: list[RawDocument] = []
    rejections: list[Rejection] = []
    not_articles: Counter[str] = Counter()
    inputs = skipped = 0
    for item in batch.items:
        for record in read_item(item, ctx.settings.max_file_bytes):
            inputs += 1
            if isinstance(record, NotArticle):
                not_articles[record.kind] += 1
            elif isinstance(record, Rejection):
                rejections.append(record)
            elif (record.source_uri, record.doc_id) in seen:
                skipped += 1
            else:
                seen.add((record.source_uri, record.doc_id))
                documents.append(record)
    frame = documents_frame(documents)
    frame["ingested_at"] = now
    frame["run_id"] = ctx.run_id
    ctx.staging.write("documents", frame, part=batch.part)
    ctx.staging.write("contents", frame, part=batch.part)
    ctx.quarantine(rejections, part=batch.part_of("ingest"))
    for r in rejections:
        get_run_logger().warning("quarantined %s: %s (%s)", r.source_uri, r.detail, r.reason)
    return StageReport(
        "ingest",
        rows_in=inputs,
        rows_out=len(documents),
        quarantined=len(rejections),
        seconds=time.perf_counter() - started,
        tables=("documents", "quarantine"),
        skipped=skipped,
        not_articles=dict(not_articles),
    )
