"""What a person sees in the terminal: the run summary table, a failed gate, query results."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pandas as pd
from rich.console import Console
from rich.table import Table

from tasks.quality.gate import ValidationOutcome
from tasks.quality.quarantine import row_count

if TYPE_CHECKING:
    from flows.pipeline import RunFailed, RunSummary

_WIDTH = None if sys.stdout.isatty() else 140  # logs and CI capture: wide enough that the summary stays one line a row
_out = Console(highlight=False, width=_WIDTH)
_err = Console(stderr=True, highlight=False, width=_WIDTH)


def _stage_table(summary: RunSummary) -> Table:
    table = Table(title=f"newsdesk run {summary.run_id}")
    for header in ("stage", "rows in", "rows out", "quarantined", "suites", "seconds", "note"):
        table.add_column(
            header, justify="right" if header in ("rows in", "rows out", "quarantined", "seconds") else "left"
        )
    for r in summary.stages:
        verdict, failed = summary.suites_verdict(r.stage)
        verdict = f"[red]{verdict}[/red]" if failed else verdict
        table.add_row(r.stage, str(r.rows_in), str(r.rows_out), str(r.quarantined), verdict, f"{r.seconds:.1f}", r.note)
    return table


def print_summary(summary: RunSummary) -> None:
    _out.print(_stage_table(summary))
    if summary.not_articles():
        counts = ", ".join(f"{n} {kind}" for kind, n in summary.not_articles())
        _out.print(f"Not articles (web archive records counted, not stored): {counts}")
    _out.print(f"Published version {summary.version} to {summary.warehouse}.")
    _out.print(f"Quality reports: {summary.report_dir}  (Data Docs: {summary.data_docs})")
    if summary.rows_quarantined:
        _out.print(f"{row_count(summary.rows_quarantined)} broke row-level expectations, quarantined:")
        _out.print(f"  {summary.quarantine_query}", soft_wrap=True)
    _out.print('Next: newsdesk query "select title, publisher, word_count from articles"')


def print_failure(failed: RunFailed) -> None:
    _err.print(_stage_table(failed.summary))
    for o in failed.failure.failed:
        _err.print(
            f"[red]Quality gate failed[/red] at stage '{o.stage}', suite '{o.suite}' ({o.failed} of {o.evaluated}):"
        )
        for expectation in o.failed_expectations:
            _err.print(f"  - {expectation}")
        _err.print(f"  report: {o.report_path}")
    _err.print(f"Nothing of this run was published; the warehouse is as it was. Data Docs: {failed.summary.data_docs}")


def print_validations(outcomes: list[ValidationOutcome]) -> None:
    table = Table(title="newsdesk validate")
    for header in ("table", "rows", "result", "failed expectations", "rows breaking row-level expectations"):
        table.add_column(header)
    for o in outcomes:
        result = "passed" if o.success else "[red]FAILED[/red]"
        table.add_row(
            o.suite, str(o.rows), result, "; ".join(o.failed_expectations), "; ".join(o.quarantined_expectations)
        )
    _out.print(table)
    breaking = sum(o.quarantined for o in outcomes)
    if breaking:
        _out.print(
            f"{row_count(breaking)} published break row-level expectations, within their thresholds: a run would "
            "quarantine them; the reports say which."
        )
    if outcomes:
        _out.print(f"Reports: {outcomes[0].report_path.parent}")


def print_frame(frame: pd.DataFrame, fmt: str) -> None:
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        sys.stdout.write(frame.to_json(orient="records", date_format="iso", force_ascii=False) + "\n")
    else:
        with pd.option_context("display.max_colwidth", 80, "display.width", 200):
            shown = frame.astype(object).where(frame.notna(), "NULL")
            sys.stdout.write((shown.to_string(index=False) if len(frame.columns) else "(no columns)") + "\n")
