"""The gate between stages: validate what a stage staged with each table's suite, and take out the rows that broke
row-level expectations."""

from __future__ import annotations

from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.quality.gate import QualityGate, ValidationOutcome
from tasks.quality.quarantine import quarantine_failing_rows


def _staged_files(ctx: RunContext, table: str) -> list[Path]:
    """A table's new rows (every part) and its replacing rows (the upsert part, if any)."""
    staging = ctx.staging
    upsert = staging.upsert_file(table)
    return staging.files(table) + ([upsert] if upsert else [])


@task(name="validate", task_run_name="validate-{report.stage}", cache_policy=NO_CACHE)
def validate_stage(gate: QualityGate, ctx: RunContext, report: StageReport) -> list[ValidationOutcome]:
    """Every table the stage wrote, its new and its replacing rows, against the table's suite, at most
    `gate_rows` rows at a time. When no suite blocks, the rows that broke row-level expectations leave the staged
    output with their dependents for `quarantine`; documents or articles among them count as the stage's
    quarantined inputs."""
    outcomes = [
        gate.validate_files(report.stage, table, _staged_files(ctx, table), ctx.settings.gate_rows)
        for table in report.tables
    ]
    if all(o.success for o in outcomes):
        inputs = quarantine_failing_rows(ctx.staging, report.stage, outcomes, ctx.run_id)
        report.rows_out -= inputs
        report.quarantined += inputs
        for o in outcomes:
            if o.quarantined:
                get_run_logger().warning(
                    "quarantined %d %s rows: %s", o.quarantined, o.suite, "; ".join(o.quarantined_expectations)
                )
    return outcomes
