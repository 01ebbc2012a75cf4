"""What a run leaves in the Prefect UI: a markdown summary, a table of its validation results and a link to its
GX Data Docs."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact

from tasks.quality.quarantine import row_count
from tasks.warehouse.snapshot import Snapshot

if TYPE_CHECKING:
    from flows.pipeline import RunSummary

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md(text: object) -> str:
    """Text from articles or file names, made inert in markdown: no HTML, no links, no formatting."""
    return _MARKDOWN.sub(r"\\\1", html.escape(" ".join(str(text).split())))


def _top(frame, column: str, n: int = 10) -> list[tuple[str, int]]:
    return list(frame[column].value_counts().head(n).items()) if len(frame) else []


def summary_markdown(summary: RunSummary) -> str:
    snapshot = Snapshot(summary.warehouse)
    lines = [
        f"# newsdesk run `{summary.run_id}`: {summary.status}",
        "",
        "| stage | rows in | rows out | quarantined | seconds | suites | note |",
        "|---|---:|---:|---:|---:|---|---|",
    ]
    for r in summary.stages:
        verdict, failed = summary.suites_verdict(r.stage)
        verdict = f"**{verdict}**" if failed else verdict
        lines.append(
            f"| {r.stage} | {r.rows_in} | {r.rows_out} | {r.quarantined} | {r.seconds:.1f} | {verdict} | {md(r.note)} |"
        )
    run = [summary.run_id]  # each table is read a file at a time, keeping only this run's rows
    quarantine = snapshot.read_where("quarantine", "run_id", run, ["run_id", "reason"])
    if len(quarantine):
        lines += ["", "## Quarantined", "", "| reason | count |", "|---|---:|"]
        lines += [f"| {md(reason)} | {n} |" for reason, n in _top(quarantine, "reason", 50)]
    if summary.not_articles():
        lines += ["", "## Not articles (web archive records counted, not stored)", ""]
        lines += ["| record | count |", "|---|---:|"]
        lines += [f"| {md(kind)} | {n} |" for kind, n in summary.not_articles()]
    if summary.status == "published":
        failures = snapshot.read_where("annotation_failures", "run_id", run, ["run_id", "annotator", "error"])
        if len(failures):
            lines += ["", "## Annotation failures", "", "(the articles are published without that annotation)"]
            lines += ["", "| annotator | articles | first error |", "|---|---:|---|"]
            first = failures.groupby("annotator")["error"].first()
            lines += [f"| {a} | {n} | {md(first[a])} |" for a, n in _top(failures, "annotator")]
        articles = snapshot.read_where("articles", "run_id", run, ["run_id", "is_canonical"])
        copies = int((~articles["is_canonical"]).sum())
        lines += ["", f"**{len(articles)}** new articles, **{copies}** copies of stories already seen."]
        top = _top(snapshot.read_where("mentions", "run_id", run, ["run_id", "entity_id"]), "entity_id")
        if top:
            names = snapshot.read_where("entities", "entity_id", [e for e, _ in top], ["entity_id", "name", "type"])
            names = names.set_index("entity_id")
            lines += ["", "## Top entities", "", "| entity | type | mentions |", "|---|---|---:|"]
            lines += [f"| {md(names.at[e, 'name'])} | {names.at[e, 'type']} | {n} |" for e, n in top]
        quotes = snapshot.read_where("quotes", "run_id", run, ["run_id", "speaker"])
        speakers = _top(quotes.dropna(subset=["speaker"]), "speaker")
        if speakers:
            lines += ["", "## Top speakers", "", "| speaker | quotes |", "|---|---:|"]
            lines += [f"| {md(s)} | {n} |" for s, n in speakers]
    lines += ["", f"Quality reports: `{summary.report_dir}`", f"GX Data Docs: `{summary.data_docs}`"]
    if summary.rows_quarantined:
        lines += [
            "",
            f"**{row_count(summary.rows_quarantined)}** broke row-level expectations, quarantined; see them with",
            "",
            f"    {summary.quarantine_query}",
        ]
    return "\n".join(lines)


def publish_artifacts(summary: RunSummary) -> None:
    create_markdown_artifact(key="run-summary", markdown=summary_markdown(summary), description="newsdesk run summary")
    create_table_artifact(
        key="validation-results",
        table=[
            {
                "stage": o.stage,
                "suite": o.suite,
                "success": o.success,
                "evaluated": o.evaluated,
                "failed": o.failed,
                "failed_expectations": md("; ".join(o.failed_expectations)),
                "rows": o.rows,
                "quarantined": o.quarantined,
                "quarantined_expectations": md("; ".join(o.quarantined_expectations)),
                "report": str(o.report_path),
            }
            for o in summary.outcomes
        ],
        description="Great Expectations results of every stage",
    )
    if summary.data_docs is not None:
        create_link_artifact(
            key="data-docs",
            link=summary.data_docs.absolute().as_uri(),
            link_text=str(summary.data_docs),
            description="GX Data Docs of this run (a file on the machine that ran it)",
        )
