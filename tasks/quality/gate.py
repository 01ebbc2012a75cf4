"""The quality gate: each stage's output table is validated by its suite from expectations/ before anyone reads it.

Suites are committed JSON, one per table, loaded by name; they are not re-created in code. Validation runs in one
ephemeral GX context per run (no shared config to corrupt); Data Docs are built once, at the end of the run.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from tasks.schemas import ALL_TABLES

RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 0}
"""Counts of unexpected values, never the values: GX Data Docs render them as raw HTML, and they are article text."""


@dataclass(frozen=True)
class ValidationOutcome:
    stage: str
    suite: str
    success: bool
    evaluated: int
    failed: int
    failed_expectations: list[str]
    rows: int
    report_path: Path
    validated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    def as_row(self, run_id: str) -> dict:
        return {
            "run_id": run_id,
            "stage": self.stage,
            "suite": self.suite,
            "success": self.success,
            "evaluated": self.evaluated,
            "failed": self.failed,
            "failed_expectations": self.failed_expectations,
            "rows": self.rows,
            "validated_at": self.validated_at,
        }


class QualityGateFailed(RuntimeError):
    """A stage's output broke its suite: the run stops and publishes nothing of its data."""

    def __init__(self, failed: list[ValidationOutcome]):
        self.failed = failed
        first = failed[0]
        super().__init__(
            "; ".join(
                f"stage '{o.stage}' failed suite '{o.suite}': {o.failed} of {o.evaluated} expectations failed "
                f"({'; '.join(o.failed_expectations)})"
                for o in failed
            )
            + f". Report: {first.report_path}"
        )


def load_suite_json(expectations_dir: Path, suite: str) -> dict:
    path = expectations_dir / f"{suite}.json"
    if not path.exists():
        raise FileNotFoundError(f"no expectation suite for table '{suite}': {path} is missing")
    return json.loads(path.read_text())


def _describe(result) -> str:
    config = result.expectation_config
    where = config.kwargs.get("column") or ",".join(config.kwargs.get("column_list", []) or []) or "table"
    count = (result.result or {}).get("unexpected_count")
    error = (result.exception_info or {}).get("exception_message")
    detail = f", {count} unexpected" if count else (f", error: {error}" if error else "")
    return f"{config.type}({where}{detail})"


class QualityGate:
    """Validates tables against their suites and keeps every result of the run in its report folder."""

    def __init__(self, expectations_dir: Path, report_dir: Path):
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig
        from great_expectations.execution_engine import pandas_execution_engine

        # GX hashes (and, with list columns, pickles) the whole frame before each run; that is most of its cost.
        pandas_execution_engine.HASH_THRESHOLD = 0
        logging.getLogger("great_expectations").setLevel(logging.WARNING)
        self._gx = gx
        self.expectations_dir = Path(expectations_dir)
        self.report_dir = Path(report_dir)
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self._source = self.context.data_sources.add_pandas("newsdesk")
        self._definitions: dict[str, object] = {}

    def _definition(self, suite_name: str):
        if suite_name not in self._definitions:
            gx = self._gx
            suite = self.context.suites.add(gx.ExpectationSuite(**load_suite_json(self.expectations_dir, suite_name)))
            batch = self._source.add_dataframe_asset(suite_name).add_batch_definition_whole_dataframe("stage output")
            self._definitions[suite_name] = self.context.validation_definitions.add(
                gx.ValidationDefinition(name=suite_name, data=batch, suite=suite)
            )
        return self._definitions[suite_name]

    def validate(self, stage: str, table: str, frame: pd.DataFrame) -> ValidationOutcome:
        """Run the table's suite on a stage's output; the JSON result goes to the run's report folder."""
        if table not in ALL_TABLES:
            raise KeyError(f"unknown table '{table}'")
        result = self._definition(table).run(batch_parameters={"dataframe": frame}, result_format=RESULT_FORMAT)
        report = self.report_dir / f"{stage}.{table}.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(result.describe_dict(), indent=2, default=str))
        failed = [_describe(r) for r in result.results if not r.success]
        return ValidationOutcome(
            stage=stage,
            suite=table,
            success=bool(result.success),
            evaluated=len(result.results),
            failed=len(failed),
            failed_expectations=failed,
            rows=len(frame),
            report_path=report,
        )

    def build_docs(self) -> Path:
        """Render every validation of the run as GX Data Docs, once, into the run's report folder."""
        site = self.report_dir / "data_docs"
        self.context.add_data_docs_site(
            site_name="run",
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(site)},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
        self.context.build_data_docs(site_names=["run"])
        return site / "index.html"
