"""Publish: audit passed, so the run's staged tables become the next warehouse version in one atomic swap."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pandas as pd
import pyarrow as pa
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.quality.gate import ValidationOutcome
from tasks.schemas import ALL_TABLES, Table
from tasks.warehouse.parquet_io import read_files, to_arrow
from tasks.warehouse.publish import TableChanges, publish_version
from tasks.warehouse.snapshot import Snapshot


def _staged_parts(ctx: RunContext, name: str, table: Table) -> Iterator[pa.Table]:
    """The run's rows of a table a staged part at a time, so that publishing never holds the whole run."""
    for path in ctx.staging.files(name):
        yield read_files([path], table)


def staged_changes(ctx: RunContext) -> dict[str, TableChanges]:
    """What the run's staged data tables do to the warehouse (appended rows are read as they are written)."""
    changes = {}
    for name, table in ALL_TABLES.items():
        if not table.data:
            continue
        upsert, deletes = ctx.staging.read_upsert(name), ctx.staging.read_deletes(name)
        changes[name] = TableChanges(
            append=_staged_parts(ctx, name, table),
            upsert=to_arrow(upsert, table) if len(upsert) else None,
            delete=pa.Table.from_pandas(deletes, preserve_index=False) if deletes is not None else None,
        )
    return changes


def _run_row(ctx: RunContext, status: str, reports: list[StageReport], failed_stage: str | None) -> dict:
    by_stage = {r.stage: r for r in reports}
    return {
        "run_id": ctx.run_id,
        "started_at": ctx.started_at,
        "finished_at": datetime.now(UTC),
        "status": status,
        "failed_stage": failed_stage,
        "inputs": by_stage["ingest"].rows_in if "ingest" in by_stage else 0,
        "articles": by_stage["enrich"].rows_out if status == "published" and "enrich" in by_stage else 0,
        "quarantined": sum(r.quarantined for r in reports),
        "not_articles": json.dumps(by_stage["ingest"].not_articles if "ingest" in by_stage else {}, sort_keys=True),
        "report_path": str(ctx.report_dir),
    }


@task(name="publish", task_run_name="publish-{status}", retries=2, retry_delay_seconds=[1, 5], cache_policy=NO_CACHE)
def publish(
    ctx: RunContext,
    status: str,
    reports: list[StageReport],
    outcomes: list[ValidationOutcome],
    failed_stage: str | None = None,
) -> str:
    """Write the next version: the run's data only if every suite passed; `runs` and `validations` always."""
    changes = staged_changes(ctx) if status == "published" else {}
    changes["runs"] = TableChanges(
        append=[to_arrow(pd.DataFrame([_run_row(ctx, status, reports, failed_stage)]), ALL_TABLES["runs"])]
    )
    changes["validations"] = TableChanges(
        append=[to_arrow(pd.DataFrame([o.as_row(ctx.run_id) for o in outcomes]), ALL_TABLES["validations"])]
    )
    return publish_version(ctx.layout, Snapshot(ctx.settings.warehouse), changes, ctx.run_id)
