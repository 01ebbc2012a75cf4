"""`newsdesk report`: one self-contained HTML page of what the warehouse holds.

Everything is inline (CSS, charts as PNG data URIs), so the page opens offline and can be mailed as one file. Every
string that comes from the data is HTML-escaped before it reaches the page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from tasks.analytics.charts import bar_chart, run_chart
from tasks.warehouse.query import connect
from tasks.warehouse.snapshot import Snapshot

TOP = 15
RECENT_RUNS = 10
SIDE_BY_SIDE_COLUMNS = 4
"""A table this narrow sits beside its chart; a wider one goes under it."""

TOP_ENTITIES = f"""
select name, type, sum(mentions)::bigint as mentions, sum(articles)::bigint as articles
from entity_timeline group by entity_id, name, type order by mentions desc, name limit {TOP}
"""
TOP_SPEAKERS = f"""
select coalesce(speaker_name, speaker) as speaker, count(*) as quotes, count(distinct article_id) as articles
from who_said_what where coalesce(speaker_name, speaker) is not null
group by 1 order by quotes desc, speaker limit {TOP}
"""
TONE_BY_PUBLISHER = f"""
select * from (
    select coalesce(publisher, '(unknown)') as publisher, count(*) as articles, avg(tone) as tone,
           avg(polarity) as polarity
    from articles group by 1 order by articles desc, publisher limit {TOP}
) order by tone desc, publisher
"""
DUPLICATE_CLUSTERS = """
select title, copies, publishers, first_published, last_published
from story_clusters where copies > 1 order by copies desc, first_published, title limit 20
"""
RECENT_QUALITY = f"""
select left(r.run_id, 8) as run, r.started_at, r.status, r.failed_stage, r.inputs, r.articles, r.quarantined,
       count(v.suite) as suites, count(v.suite) filter (where v.success) as passed,
       coalesce(sum(v.failed), 0)::bigint as failed_expectations
from runs r left join validations v on v.run_id = r.run_id
group by all order by r.started_at desc limit {RECENT_RUNS}
"""
TOTALS = """
select (select count(*) from articles) as articles, (select count(*) from story_clusters) as stories,
       (select count(*) from entities) as entities, (select count(*) from quotes) as quotes,
       (select count(*) from quarantine) as quarantined
"""

STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; color: #1f2933; background: #fff; margin: 2rem auto; max-width: 72rem;
       padding: 0 1rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #2f6fba; padding-bottom: 0.2rem; }
.meta { color: #52606d; } .empty { color: #52606d; font-style: italic; }
.totals { display: flex; gap: 1rem; flex-wrap: wrap; padding: 0; }
.totals li { list-style: none; background: #eef4fb; border-radius: 6px; padding: 0.6rem 1rem; }
.totals b { display: block; font-size: 1.5rem; color: #2f6fba; }
.pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.5rem; align-items: start; }
img { max-width: 100%; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 0.25rem 0.5rem; }
th { background: #eef4fb; } tr:nth-child(even) td { background: #f7f9fb; } td.n { text-align: right; }
"""


@dataclass(frozen=True)
class Section:
    heading: str
    frame: pd.DataFrame
    empty: str
    chart: str | None = None


def cell(value: object) -> str:
    """One value as escaped text: lists joined, times to the minute (UTC), numbers rounded."""
    if isinstance(value, list | tuple | np.ndarray):
        return html.escape(", ".join(str(v) for v in value))
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, pd.Timestamp | datetime):
        return html.escape(pd.Timestamp(value).tz_convert("UTC").strftime("%Y-%m-%d %H:%M UTC"))
    if isinstance(value, float):
        return f"{value:.2f}"
    return html.escape(str(value))


def table_html(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = (
            f'<td class="n">{cell(v)}</td>'
            if pd.api.types.is_number(v) and not pd.api.types.is_bool(v)
            else f"<td>{cell(v)}</td>"
            for v in record
        )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def section_html(section: Section) -> str:
    heading = f"<h2>{html.escape(section.heading)}</h2>"
    if not len(section.frame):
        return f'<section>{heading}<p class="empty">{html.escape(section.empty)}</p></section>'
    chart = f'<img src="{section.chart}" alt="{html.escape(section.heading)} chart">' if section.chart else ""
    body = chart + table_html(section.frame)
    if chart and len(section.frame.columns) <= SIDE_BY_SIDE_COLUMNS:
        body = f'<div class="pair">{body}</div>'
    return f"<section>{heading}{body}</section>"


def _chart_if_rows(frame: pd.DataFrame, labels: str, values: str, xlabel: str) -> str | None:
    return bar_chart(frame[labels].tolist(), frame[values].tolist(), xlabel) if len(frame) else None


def sections(con) -> list[Section]:
    entities = con.sql(TOP_ENTITIES).df()
    speakers = con.sql(TOP_SPEAKERS).df()
    tone = con.sql(TONE_BY_PUBLISHER).df()
    quality = con.sql(RECENT_QUALITY).df()
    quality_chart = None
    if len(quality):
        oldest_first = quality.iloc[::-1]
        quality_chart = run_chart(
            oldest_first["run"].tolist(),
            oldest_first["passed"].tolist(),
            (oldest_first["suites"] - oldest_first["passed"]).tolist(),
        )
    return [
        Section(
            "Top entities",
            entities,
            "No entity has been mentioned yet.",
            _chart_if_rows(entities, "name", "mentions", "mentions"),
        ),
        Section(
            "Top speakers",
            speakers,
            "No quotation has a known speaker yet.",
            _chart_if_rows(speakers, "speaker", "quotes", "quotations"),
        ),
        Section(
            "Tone by publisher",
            tone,
            "No articles yet.",
            _chart_if_rows(tone, "publisher", "tone", "mean tone (positive - negative words per 100)"),
        ),
        Section("Duplicate clusters", con.sql(DUPLICATE_CLUSTERS).df(), "No story was published more than once."),
        Section(f"Quality over the last {RECENT_RUNS} runs", quality, "No runs recorded.", quality_chart),
    ]


def render(warehouse: Path) -> str:
    """The report page for the version of `warehouse` current now."""
    version = Snapshot(warehouse).version
    with connect(warehouse) as con:
        totals = con.sql(TOTALS).df().iloc[0]
        parts = [section_html(s) for s in sections(con)]
    figures = "".join(f"<li><b>{int(v)}</b>{html.escape(str(k))}</li>" for k, v in totals.items())
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>newsdesk report</title><style>{STYLE}</style></head><body>"
        f'<h1>newsdesk report</h1><p class="meta">Warehouse version {html.escape(str(version))}, '
        f'generated {generated}.</p><ul class="totals">{figures}</ul>{"".join(parts)}</body></html>\n'
    )


def write_report(warehouse: Path, out: Path) -> Path:
    """Write `out/index.html` (renamed into place, so a browser never loads half a page) and return its path."""
    page = render(warehouse)
    out.mkdir(parents=True, exist_ok=True)
    index = out / "index.html"
    tmp = out / ".index.html.tmp"
    tmp.write_text(page, encoding="utf-8")
    tmp.replace(index)
    return index
