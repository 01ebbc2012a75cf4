"""The quality gate: each stage's output table is validated by its suite from expectations/ before anyone reads it.

Suites are committed JSON, one per table, loaded by name; they are not re-created in code. Each expectation says in
its `meta` how it gates: `{"gate": "table"}`, a failure blocks the run; or `{"gate": "row"}`, the rows that break it
are found and taken out, and it blocks only when they are more than its `threshold` (a fraction of the rows it checked,
DEFAULT_THRESHOLD unless it says). Validation runs in one ephemeral GX context per run (no shared config to corrupt);
Data Docs are built once, at the end of the run. A staged table is validated in chunks of its part files, so the
gate's memory is bounded by the chunk, not by the run."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
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

FIND_FORMAT = {"result_format": "COMPLETE", "partial_unexpected_count": 0, "return_unexpected_index_query": False}
"""The failing rows of row-level expectations, by their key (`unexpected_index_column_names`, set per table). Run on a
Batch, whose results no store keeps, so these values never reach Data Docs either."""

DEFAULT_THRESHOLD = 0.01
"""Share of the rows a row-level expectation checked that it may quarantine before it blocks the run."""

TABLE_WIDE = ("expect_table_",)
"""Expectation types about the whole table (its columns, its row count): they have no failing rows to take out."""

KEYS_SUFFIX = ".keys"
"""`<table>.keys` is the sub-suite of the table's ROW_COMPARING expectations, run over the key columns of all chunks."""


@dataclass(frozen=True)
class Gating:
    """How an expectation gates, from its `meta`: table-level, or row-level with its threshold."""

    row: bool = False
    threshold: float = DEFAULT_THRESHOLD

    @classmethod
    def of(cls, meta: dict | None) -> Gating:
        """An expectation that does not say is table-level: a failure nobody classified blocks, as it always did."""
        meta = meta or {}
        return cls(row=meta.get("gate") == "row", threshold=meta.get("threshold", DEFAULT_THRESHOLD))


def check_gating(suite: dict) -> None:
    """Refuse a suite whose `meta` gating cannot be obeyed: an unknown gate, a threshold outside [0, 1) or on a
    table-level expectation, a row-level expectation that compares rows or looks at the whole table."""
    for expectation in suite["expectations"]:
        meta, kind = expectation.get("meta") or {}, expectation["type"]
        where = f"suite '{suite['name']}', {kind}({json.dumps(expectation['kwargs'], sort_keys=True)})"
        if meta.get("gate", "table") not in ("table", "row"):
            raise ValueError(f"{where}: meta 'gate' must be 'table' or 'row', not {meta['gate']!r}")
        if "threshold" in meta and not (meta.get("gate") == "row" and 0 <= meta["threshold"] < 1):
            raise ValueError(f"{where}: a 'threshold' is a fraction in [0, 1) of a row-level expectation")
        if meta.get("gate") == "row" and (kind in ROW_COMPARING or kind.startswith(TABLE_WIDE)):
            raise ValueError(f"{where}: compares rows or looks at the whole table, so it can only be table-level")


@dataclass(frozen=True)
class FailingRow:
    """A row a row-level expectation took out: the table's key of it (as text), the expectation, the value it broke
    and the article it is in, for tables whose key does not say."""

    key: tuple[str, ...]
    expectation: str
    value: object
    article_id: str | None = None


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
    quarantined_expectations: list[str] = field(default_factory=list)
    """Row-level expectations that failed within their thresholds: their failing rows are taken out."""
    failing_rows: tuple[FailingRow, ...] = ()
    validated_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def quarantined(self) -> int:
        """Rows taken out (a row that broke several expectations once)."""
        return len({row.key for row in self.failing_rows})

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
            "quarantined": self.quarantined,
            "quarantined_expectations": self.quarantined_expectations,
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
    loaded = json.loads(path.read_text())
    check_gating(loaded)
    return loaded


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


def _as_json(config) -> dict:
    """An expectation of a result as a suite file has it (its kwargs but the batch)."""
    kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
    return {"type": config.type, "kwargs": kwargs, "meta": config.meta}


def _identity(config) -> str:
    """The same expectation in the results of different chunks or suites."""
    expectation = _as_json(config)
    return json.dumps([expectation["type"], expectation["kwargs"]], sort_keys=True, default=str)


def _name(config) -> str:
    """An expectation as people read it: its type and what it looks at."""
    where = config.kwargs.get("column") or ",".join(
        config.kwargs.get("column_list")
        or [c for c in (config.kwargs.get("column_A"), config.kwargs.get("column_B")) if c]
    )
    return f"{config.type}({where or 'table'})"


def _unexpected(result: ExpectationValidationResult) -> int:
    return (result.result or {}).get("unexpected_count") or 0


def _describe(results: list[ExpectationValidationResult]) -> str:
    """One failing expectation, from its results in every validation where it ran, unexpected counts summed."""
    count = sum(_unexpected(r) for r in results)
    errors = [e for r in results if (e := (r.exception_info or {}).get("exception_message"))]
    detail = f", {count} unexpected" if count else (f", error: {errors[0]}" if errors else "")
    return _name(results[0].expectation_config).removesuffix(")") + f"{detail})"


def _blocks(results: list[ExpectationValidationResult]) -> bool:
    """Whether a failing expectation stops the run, from its results in every validation where it ran: a table-level
    one does; a row-level one when it failed without naming rows (an error) or on more than its threshold of the rows
    it checked (those with a value, as GX counts them)."""
    gating = Gating.of(results[0].expectation_config.meta)
    failed = [_unexpected(r) for r in results if not r.success]
    if not gating.row or not all(failed):
        return True
    checked = sum(
        (r.result or {}).get("element_count", 0) - ((r.result or {}).get("missing_count") or 0) for r in results
    )
    return sum(failed) > gating.threshold * checked


def _failing(results: list[ExpectationValidationResult]) -> tuple[list[list], list[list]]:
    """The table's failing expectations, each with all its results, in the order of their first result: those that
    block the run and those whose failing rows are taken out instead."""
    by_expectation: dict[str, list] = {}
    for result in results:
        by_expectation.setdefault(_identity(result.expectation_config), []).append(result)
    failing = [same for same in by_expectation.values() if not all(r.success for r in same)]
    verdicts = [_blocks(same) for same in failing]
    return (
        [same for same, blocks in zip(failing, verdicts, strict=True) if blocks],
        [same for same, blocks in zip(failing, verdicts, strict=True) if not blocks],
    )


def _shown(entry: dict, config) -> object:
    """The value a failing row broke the expectation with: its column's, or each of its columns' for a pair."""
    columns = [
        c for c in (config.kwargs.get("column"), config.kwargs.get("column_A"), config.kwargs.get("column_B")) if c
    ]
    return entry.get(columns[0]) if len(columns) == 1 else {c: entry.get(c) for c in columns}


def _expectation_results(
    chunks: list[ExpectationSuiteValidationResult], keys: ExpectationSuiteValidationResult | None
) -> list[ExpectationValidationResult]:
    """Every expectation result of a table's validations; the key check, when it ran, stands for the chunks' own
    ROW_COMPARING results (it saw every row, each of them only a chunk)."""
    results = [
        r for chunk in chunks for r in chunk.results if keys is None or r.expectation_config.type not in ROW_COMPARING
    ]
    return results + (list(keys.results) if keys is not None else [])


def _read_chunk(table: str, paths: list[Path], filesystem: AbstractFileSystem | None = None) -> pd.DataFrame:
    """The rows of some of a table's part files (only they are read)."""
    return to_frame(read_files(paths, ALL_TABLES[table], filesystem=filesystem))


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
        chunks: list[tuple[ExpectationSuiteValidationResult, Callable[[], pd.DataFrame]]],
        rows: int,
        keys: ExpectationSuiteValidationResult | None = None,
    ) -> ValidationOutcome:
        """One outcome for a table however many validations it took; one JSON report, a list when several. When
        only row-level expectations failed, within their thresholds, the rows that broke them are found (each chunk
        they failed in is read again)."""
        results = [result for result, _ in chunks]
        validations = results + ([keys] if keys is not None else [])
        described = [v.describe_dict() for v in validations]
        report = self.report_dir / f"{stage}.{table}.json"
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(described[0] if len(described) == 1 else described, indent=2, default=str))
        blocking, quarantining = _failing(_expectation_results(results, keys))
        failing_rows = [] if blocking else self._failing_rows(table, chunks, quarantining)
        return ValidationOutcome(
            stage=stage,
            suite=table,
            success=not blocking,
            evaluated=len(results[0].results),
            failed=len(blocking),
            failed_expectations=[_describe(same) for same in blocking],
            rows=rows,
            report_path=report,
            quarantined_expectations=[_describe(same) for same in quarantining],
            failing_rows=tuple(failing_rows),
        )

    def _failing_rows(
        self,
        table: str,
        chunks: list[tuple[ExpectationSuiteValidationResult, Callable[[], pd.DataFrame]]],
        quarantining: list[list[ExpectationValidationResult]],
    ) -> list[FailingRow]:
        """The rows of each chunk that broke the row-level expectations failing in it, by their key, as GX's
        unexpected-index results name them."""
        identities = {_identity(same[0].expectation_config) for same in quarantining}
        key = list(ALL_TABLES[table].key)
        index = key + [c for c in ["article_id"] if c in ALL_TABLES[table].column_names and c not in key]
        found = []
        for result, frame in chunks:
            configs = [
                r.expectation_config
                for r in result.results
                if not r.success and _identity(r.expectation_config) in identities
            ]
            if not configs:
                continue
            suite = self._gx.ExpectationSuite(name=f"{table}.rows", expectations=[_as_json(c) for c in configs])
            batch = self._definition(table).data.get_batch(batch_parameters={"dataframe": frame()})
            rows = batch.validate(suite, result_format=FIND_FORMAT | {"unexpected_index_column_names": index})
            found += [
                FailingRow(
                    tuple(str(entry[k]) for k in key),
                    _name(r.expectation_config),
                    _shown(entry, r.expectation_config),
                    entry.get("article_id"),
                )
                for r in rows.results
                for entry in (r.result or {}).get("unexpected_index_list") or []
            ]
        return found

    def validate(self, stage: str, table: str, frame: pd.DataFrame) -> ValidationOutcome:
        """Run the table's suite on a stage's output; the JSON result goes to the run's report folder."""
        _check_table(table)
        return self._outcome(stage, table, [(self._run(table, frame), lambda: frame)], len(frame))

    def validate_files(
        self, stage: str, table: str, paths: list[Path], max_rows: int, filesystem: AbstractFileSystem | None = None
    ) -> ValidationOutcome:
        """Run the table's suite on its part files, a chunk of at most `max_rows` rows at a time; with several
        chunks, the suite's ROW_COMPARING expectations also run over the key columns of all of them, so a key
        repeated in two chunks fails too."""
        _check_table(table)
        chunks, rows = [], 0
        for files in chunk_files(paths, max_rows, filesystem):
            read = partial(_read_chunk, table, files, filesystem)
            frame = read()
            chunks.append((self._run(table, frame), read))
            rows += len(frame)
            del frame  # the gate holds one chunk at a time
        keys = self._key_check(table, paths, filesystem) if len(chunks) > 1 else None
        return self._outcome(stage, table, chunks, rows, keys)

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
