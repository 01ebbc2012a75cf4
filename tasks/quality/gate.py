"""The quality gate: each stage's output table is validated by its suite from expectations/ before anyone reads it.

Suites are committed JSON, one per table, loaded by name; they are not re-created in code. Validation runs in one
ephemeral GX context per run (no shared config to corrupt); Data Docs are built once, at the end of the run. A staged
table is validated in chunks of its part files, so the gate's memory is bounded by the chunk, not by the run.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow.parquet as pq

from tasks.schemas import ALL_TABLES
from tasks.warehouse.parquet_io import read_files, to_frame

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem
    from great_expectations.core import ExpectationSuiteValidationResult, ExpectationValidationResult

RESULT_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 0}
"""Counts of unexpected values, never the values: GX Data Docs render them as raw HTML, and they are article text."""

ROW_COMPARING = frozenset({"expect_column_values_to_be_unique", "expect_compound_columns_to_be_unique"})
"""Expectation types that compare rows with one another: no chunk alone can prove them for the whole table."""

KEYS_SUFFIX = ".keys"
"""`<table>.keys` is the sub-suite of the table's ROW_COMPARING expectations, run over the key columns of all chunks."""


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


def keys_only(suite: dict, name: str) -> dict:
    """The sub-suite `name` of a suite's ROW_COMPARING expectations."""
    return suite | {"name": name, "expectations": [e for e in suite["expectations"] if e["type"] in ROW_COMPARING]}


def key_columns(suite: dict) -> list[str]:
    """The columns a suite's expectations read (`column` or `column_list`), in order, each once."""
    columns = [
        c for e in suite["expectations"] for c in [e["kwargs"].get("column"), *e["kwargs"].get("column_list", [])]
    ]
    return list(dict.fromkeys(c for c in columns if c))


def chunk_files(paths: list[Path], max_rows: int, filesystem: AbstractFileSystem | None = None) -> list[list[Path]]:
    """Consecutive part files grouped up to `max_rows` rows (a larger part alone), counted from Parquet metadata
    without reading the rows; no file at all is one empty chunk, validated like an empty table."""
    chunks: list[list[Path]] = [[]]
    rows = 0
    for path in paths:
        count = pq.read_metadata(path, filesystem=filesystem).num_rows
        if chunks[-1] and rows + count > max_rows:
            chunks.append([])
            rows = 0
        chunks[-1].append(path)
        rows += count
    return chunks


def _identity(config) -> str:
    """The same expectation in the results of different chunks or suites (its kwargs but the batch)."""
    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
    return json.dumps([config.type, kwargs], sort_keys=True, default=str)


def _describe(results: list[ExpectationValidationResult]) -> str:
    """One failing expectation, from its results in every validation where it failed, unexpected counts summed."""
    config = results[0].expectation_config
    where = config.kwargs.get("column") or ",".join(config.kwargs.get("column_list", []) or []) or "table"
    count = sum((r.result or {}).get("unexpected_count") or 0 for r in results)
    errors = [e for r in results if (e := (r.exception_info or {}).get("exception_message"))]
    detail = f", {count} unexpected" if count else (f", error: {errors[0]}" if errors else "")
    return f"{config.type}({where}{detail})"


def _failed_expectations(results: list[ExpectationValidationResult]) -> list[str]:
    """Each failing expectation of the table once, in the order of its first failing result."""
    failing: dict[str, list] = {}
    for result in results:
        if not result.success:
            failing.setdefault(_identity(result.expectation_config), []).append(result)
    return [_describe(same) for same in failing.values()]


def _expectation_results(
    chunks: list[ExpectationSuiteValidationResult], keys: ExpectationSuiteValidationResult | None
) -> list[ExpectationValidationResult]:
    """Every expectation result of a table's validations; the key check, when it ran, stands for the chunks' own
    ROW_COMPARING results (it saw every row, each of them only a chunk)."""
    results = [
        r for chunk in chunks for r in chunk.results if keys is None or r.expectation_config.type not in ROW_COMPARING
    ]
    return results + (list(keys.results) if keys is not None else [])


def _suite_name(table: str, keys: bool) -> str:
    return f"{table}{KEYS_SUFFIX}" if keys else table


def _check_table(table: str) -> None:
    if table not in ALL_TABLES:
        raise KeyError(f"unknown table '{table}'")


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

    def _suite(self, table: str, keys: bool = False) -> dict:
        """The table's committed suite, or its keys sub-suite."""
        suite = load_suite_json(self.expectations_dir, table)
        return keys_only(suite, _suite_name(table, keys)) if keys else suite

    def _definition(self, table: str, keys: bool = False):
        """The table's suite (or its keys sub-suite), added to the context once per run with its own asset."""
        name = _suite_name(table, keys)
        if name not in self._definitions:
            gx = self._gx
            suite = self.context.suites.add(gx.ExpectationSuite(**self._suite(table, keys)))
            batch = self._source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("stage output")
            self._definitions[name] = self.context.validation_definitions.add(
                gx.ValidationDefinition(name=name, data=batch, suite=suite)
            )
        return self._definitions[name]

    def _run(self, table: str, frame: pd.DataFrame, keys: bool = False) -> ExpectationSuiteValidationResult:
        return self._definition(table, keys).run(batch_parameters={"dataframe": frame}, result_format=RESULT_FORMAT)

    def _outcome(
        self,
        stage: str,
        table: str,
        chunks: list[ExpectationSuiteValidationResult],
        rows: int,
        keys: ExpectationSuiteValidationResult | None = None,
    ) -> ValidationOutcome:
        """One outcome for a table however many validations it took; one JSON report, a list when several."""
        validations = chunks + ([keys] if keys is not None else [])
        described = [v.describe_dict() for v in validations]
        report = self.report_dir / f"{stage}.{table}.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(described[0] if len(described) == 1 else described, indent=2, default=str))
        failed = _failed_expectations(_expectation_results(chunks, keys))
        return ValidationOutcome(
            stage=stage,
            suite=table,
            success=all(v.success for v in validations),
            evaluated=len(chunks[0].results),
            failed=len(failed),
            failed_expectations=failed,
            rows=rows,
            report_path=report,
        )

    def validate(self, stage: str, table: str, frame: pd.DataFrame) -> ValidationOutcome:
        """Run the table's suite on a stage's output; the JSON result goes to the run's report folder."""
        _check_table(table)
        return self._outcome(stage, table, [self._run(table, frame)], len(frame))

    def validate_files(
        self, stage: str, table: str, paths: list[Path], max_rows: int, filesystem: AbstractFileSystem | None = None
    ) -> ValidationOutcome:
        """Run the table's suite on its part files, a chunk of at most `max_rows` rows at a time; with several
        chunks, the suite's ROW_COMPARING expectations also run over the key columns of all of them, so a key
        repeated in two chunks fails too."""
        _check_table(table)
        validated = [self._validate_chunk(table, c, filesystem) for c in chunk_files(paths, max_rows, filesystem)]
        chunks = [result for result, _ in validated]
        keys = self._key_check(table, paths, filesystem) if len(chunks) > 1 else None
        return self._outcome(stage, table, chunks, sum(rows for _, rows in validated), keys)

    def _validate_chunk(
        self, table: str, paths: list[Path], filesystem: AbstractFileSystem | None = None
    ) -> tuple[ExpectationSuiteValidationResult, int]:
        """The table's suite on the rows of some of its part files (only they are read); the result and the rows."""
        frame = to_frame(read_files(paths, ALL_TABLES[table], filesystem=filesystem))
        return self._run(table, frame), len(frame)

    def _key_check(
        self, table: str, paths: list[Path], filesystem: AbstractFileSystem | None = None
    ) -> ExpectationSuiteValidationResult | None:
        """The keys sub-suite over only its columns of every part; None when the suite compares no rows."""
        suite = self._suite(table, keys=True)
        if not suite["expectations"]:
            return None
        columns = key_columns(suite)
        return self._run(table, to_frame(read_files(paths, ALL_TABLES[table], columns, filesystem)), keys=True)

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
