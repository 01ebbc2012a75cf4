"""The gate between stages: validate what a stage staged with each table's suite."""

from __future__ import annotations

import pandas as pd
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.quality.gate import QualityGate, ValidationOutcome


@task(name="validate", task_run_name="validate-{report.stage}", cache_policy=NO_CACHE)
def validate_stage(gate: QualityGate, ctx: RunContext, report: StageReport) -> list[ValidationOutcome]:
    """Every table the stage wrote, its new and its replacing rows, against the table's suite."""
    outcomes = []
    for table in report.tables:
        frame = pd.concat([ctx.staging.read(table), ctx.staging.read_upsert(table)], ignore_index=True)
        outcomes.append(gate.validate(report.stage, table, frame))
    return outcomes
