"""The gate between stages: validate what a stage staged with each table's suite."""

from __future__ import annotations

from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.quality.gate import QualityGate, ValidationOutcome


def _staged_files(ctx: RunContext, table: str) -> list[Path]:
    """A table's new rows (every part) and its replacing rows (the upsert part, if any)."""
    staging = ctx.staging
    upsert = staging.upsert_file(table)
    return staging.files(table) + ([upsert] if upsert else [])


@task(name="validate", task_run_name="validate-{report.stage}", cache_policy=NO_CACHE)
def validate_stage(gate: QualityGate, ctx: RunContext, report: StageReport) -> list[ValidationOutcome]:
    """Every table the stage wrote, its new and its replacing rows, against the table's suite, at most
    `gate_rows` rows at a time."""
    return [
        gate.validate_files(report.stage, table, _staged_files(ctx, table), ctx.settings.gate_rows)
        for table in report.tables
    ]
