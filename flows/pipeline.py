"""The news_pipeline flow: ingest -> clean -> dedup -> enrich, each output gated by its suite, then publish.

Ingest, clean and enrich run once per batch of input files on the flow's task runner; dedup runs once over the
whole run, and every quality gate runs here in the flow process, so the gate stays in one place.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.context import FlowRunContext
from prefect.runtime import flow_run

from flows.artifacts import publish_artifacts
from flows.batches import Batch, run_batches, split_inputs
from flows.inbox import LEDGER, pending_files
from flows.run_context import RunContext, StageReport
from flows.runners import describe, spreads_over_processes, task_runner
from flows.stages.boilerplate import strip_publisher_boilerplate
from flows.stages.clean import clean
from flows.stages.dedup import dedup
from flows.stages.enrich import enrich, merge_batches
from flows.stages.ingest import ingest
from flows.stages.publish import publish
from flows.stages.validate import validate_stage
from tasks.ingest.discover import discover_inputs
from tasks.memory import release_freed_memory
from tasks.quality.gate import QualityGate, QualityGateFailed, ValidationOutcome
from tasks.quality.quarantine import row_count
from tasks.settings import Settings
from tasks.warehouse.location import is_url
from tasks.warehouse.lock import warehouse_lock
from tasks.warehouse.publish import prune_versions
from tasks.warehouse.working_copy import WarehouseMoved, WorkingCopy

STAGE_NAMES = ("ingest", "clean", "dedup", "enrich")


@dataclass
class RunSummary:
    run_id: str
    status: str
    warehouse: Path | str
    report_dir: Path
    stages: list[StageReport] = field(default_factory=list)
    outcomes: list[ValidationOutcome] = field(default_factory=list)
    version: str | None = None
    data_docs: Path | None = None

    def suites_verdict(self, stage: str) -> tuple[str, bool]:
        """How a stage's suites went, worded alike in the console and the UI: ('2/2 passed', False),
        ('2/2 passed, 3 rows quarantined', False), ('1 of 2 FAILED', True) or ('none', False) for a stage without
        suites."""
        suites = [o for o in self.outcomes if o.stage == stage]
        failed = sum(not o.success for o in suites)
        if failed:
            return f"{failed} of {len(suites)} FAILED", True
        quarantined = sum(o.quarantined for o in suites)
        verdict = f"{len(suites)}/{len(suites)} passed" if suites else "none"
        return verdict + (f", {row_count(quarantined)} quarantined" if quarantined else ""), False

    @property
    def rows_quarantined(self) -> int:
        """Rows the run's row-level expectations took out, over every stage."""
        return sum(o.quarantined for o in self.outcomes)

    @property
    def quarantine_query(self) -> str:
        """Where to look at them: the `newsdesk query` that lists them."""
        return (
            'newsdesk query "select stage, suite, expectation, value, source_uri from quarantine '
            f"where run_id = '{self.run_id}' and suite is not null\" --warehouse {self.warehouse}"
        )

    def not_articles(self) -> list[tuple[str, int]]:
        """Web archive records the run read that are no article page, by kind, most first."""
        counts = next((r.not_articles for r in self.stages if r.stage == "ingest"), {})
        return sorted(counts.items(), key=lambda kind: (-kind[1], kind[0]))


class RunFailed(RuntimeError):
    """The run stopped at a quality gate; `summary` says what ran and `failure` which expectations broke."""

    def __init__(self, summary: RunSummary, failure: QualityGateFailed):
        self.summary = summary
        self.failure = failure
        super().__init__(str(failure))


def _clear_leftovers(ctx: RunContext) -> None:
    """Staging areas of runs that died are garbage once we hold the lock."""
    staging_root = ctx.layout.staging(ctx.run_id).parent
    if staging_root.exists():
        for leftover in staging_root.iterdir():
            shutil.rmtree(leftover, ignore_errors=True)
    prune_versions(ctx.layout)


def _commit(copy: WorkingCopy | None, version: str) -> str:
    """For a URL warehouse, make the version built in the working copy current at the URL too."""
    if copy is not None:
        copy.push(version)
        get_run_logger().info("committed version %s to %s", version, copy.remote.url)
    return version


def _gated(gate: QualityGate, ctx: RunContext, summary: RunSummary, report: StageReport) -> None:
    summary.stages.append(report)
    # what the stage and then its gate freed is given back, so that neither the gate nor the next stage (and the
    # workers it forks from this process) starts from the high-water mark of the step before
    release_freed_memory()
    outcomes = validate_stage(gate, ctx, report)
    release_freed_memory()
    summary.outcomes += outcomes
    get_run_logger().info(
        "%-7s %6d in, %6d out, %4d quarantined, %5.1fs, suites %s %s",
        report.stage,
        report.rows_in,
        report.rows_out,
        report.quarantined,
        report.seconds,
        summary.suites_verdict(report.stage)[0],
        report.note,
    )
    failed = [o for o in outcomes if not o.success]
    if failed:
        raise QualityGateFailed(failed)


def _inputs(ctx: RunContext, paths: list[str] | None, inbox: str | None) -> list[Batch]:
    """Batches of the files given, or of the inbox's pending files, whose ledger rows the run then stages."""
    if inbox is None:
        items = list(discover_inputs([p if is_url(p) else Path(p) for p in paths or []]))
    else:
        pending = pending_files(Path(inbox), ctx.settings.warehouse, ctx.settings.inbox_settle_seconds)
        get_run_logger().info(
            "inbox %s: %d new or changed files, %d still being written", inbox, len(pending.ledger), pending.settling
        )
        ctx.staging.write(LEDGER, pending.ledger.assign(run_id=ctx.run_id))
        items = pending.items
    return split_inputs(items, ctx.settings.batch_size, ctx.settings.batch_bytes)


def _stages(gate: QualityGate, ctx: RunContext, summary: RunSummary, batches: list[Batch]) -> None:
    _gated(gate, ctx, summary, run_batches(ingest, ctx, batches))
    if summary.stages[-1].rows_out == 0:
        # Unchanged or refused input only: the later stages would read nothing, so they do not start (and a re-run
        # of the same input costs the ingest and its gate, not four stages and their suites on empty tables).
        get_run_logger().info("ingest staged no new document: clean, dedup and enrich have nothing to read")
        summary.stages += [StageReport.not_run(stage, "no new document") for stage in STAGE_NAMES[1:]]
        return
    _gated(gate, ctx, summary, strip_publisher_boilerplate(ctx, run_batches(clean, ctx, batches)))
    _gated(gate, ctx, summary, dedup(ctx))
    _gated(gate, ctx, summary, merge_batches(ctx, run_batches(enrich, ctx, batches)))


@flow(name="news_pipeline", log_prints=True, task_runner=task_runner())
def news_pipeline(
    paths: list[str] | None = None,
    warehouse: str = "warehouse",
    lock_wait_seconds: float = 300,
    inbox: str | None = None,
) -> RunSummary:
    """Run every stage on the input files (or the inbox's new files) and publish the warehouse version only if
    every suite passed."""
    settings = Settings()
    copy = WorkingCopy.of(warehouse, settings.cache_dir) if is_url(warehouse) else None
    settings = settings.with_(warehouse=copy.layout.root if copy else Path(warehouse))
    runner = FlowRunContext.get().task_runner
    get_run_logger().info("batches run on %s", describe(runner))
    if spreads_over_processes(runner):
        settings = settings.with_(workers=1)  # a Dask worker is one process; the cluster is the parallelism
    run_id = flow_run.id or str(uuid.uuid4())
    ctx = RunContext(run_id=run_id, started_at=datetime.now(UTC), settings=settings)
    summary = RunSummary(run_id, "running", warehouse if copy else settings.warehouse, ctx.report_dir)
    with warehouse_lock(ctx.layout.lock, run_id, lock_wait_seconds):
        _clear_leftovers(ctx)
        if copy is not None:
            get_run_logger().info("%s is at version %s", warehouse, copy.pull())
        gate = QualityGate(settings.expectations, ctx.report_dir)
        try:
            _stages(gate, ctx, summary, _inputs(ctx, paths, inbox))
        except QualityGateFailed as failure:
            summary.status = "failed_quality_gate"
            summary.data_docs = gate.build_docs()
            version = publish(ctx, summary.status, summary.stages, summary.outcomes, failure.failed[0].stage)
            summary.version = _commit(copy, version)
            publish_artifacts(summary)
            raise RunFailed(summary, failure) from None
        except WarehouseMoved:
            raise  # another writer owns the URL warehouse now: not even this run's failure may be recorded
        except Exception:
            # Record the crash in `runs` (nothing else of the run is published), then let it surface.
            stage = STAGE_NAMES[len(summary.stages)] if len(summary.stages) < len(STAGE_NAMES) else "publish"
            _commit(copy, publish.fn(ctx, "failed", summary.stages, summary.outcomes, stage))
            raise
        summary.status = "published"
        summary.data_docs = gate.build_docs()
        summary.version = _commit(copy, publish(ctx, summary.status, summary.stages, summary.outcomes))
        ctx.staging.remove()
    publish_artifacts(summary)
    return summary
