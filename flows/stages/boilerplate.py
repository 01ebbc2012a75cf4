"""The second half of cleaning, once per run: paragraphs a publisher repeats across its articles are taken out."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.clean.publisher_boilerplate import learn_boilerplate, strip_boilerplate
from tasks.enrich.language import detect_languages_of
from tasks.ingest.rejection import Rejection
from tasks.warehouse.snapshot import Snapshot

BODY_COLUMNS = ["publisher", "body"]
EMPTIED = "only the publisher's recurring boilerplate was left after cleaning"


def _run_publishers(parts: list[Path]) -> set[str]:
    """The publishers of the run's articles, reading only that column, so that only their published articles are
    counted."""
    return {
        publisher
        for path in parts
        for publisher in pq.read_table(path, columns=["publisher"])["publisher"].unique().drop_null().to_pylist()
    }


def _bodies_part_by_part(ctx: RunContext, parts: list[Path]) -> Iterator[pd.DataFrame]:
    """Publisher and body of the published articles, file by file, then of the run's articles, part by part."""
    yield from Snapshot(ctx.settings.warehouse).read_each("articles", BODY_COLUMNS)
    for path in parts:
        yield ctx.staging.read_part("articles", path.stem, BODY_COLUMNS)


def _emptied_rejections(part: pd.DataFrame, emptied: list[str], run_id: str) -> list[dict]:
    """Quarantine rows for the articles of a part that nothing but boilerplate was left of."""
    lost = part[part["article_id"].isin(emptied)]
    return [
        Rejection(r.source_uri, "no_article", EMPTIED, doc_id=r.doc_id, stage="clean").as_row(run_id)
        for r in lost.itertuples()
    ]


@task(name="strip-publisher-boilerplate", cache_policy=NO_CACHE)
def strip_publisher_boilerplate(ctx: RunContext, report: StageReport) -> StageReport:
    """Learn each publisher's boilerplate from its published and new articles; remove it from the new ones."""
    started = time.perf_counter()
    parts = ctx.staging.files("articles")
    publishers = _run_publishers(parts)
    learned = learn_boilerplate(_bodies_part_by_part(ctx, parts), publishers) if publishers else {}
    if not learned:
        return report
    segments = ctx.staging.read("removed_segments", ["article_id", "position"])
    next_position = (segments.groupby("article_id")["position"].max() + 1).to_dict()
    removed, emptied, rejections = [], [], []
    for path in parts:  # batch by batch: later stages read their own batch's part
        part = ctx.staging.read_part("articles", path.stem)
        stripped, part_removed, part_emptied = strip_boilerplate(part, learned, next_position)
        ctx.staging.write("articles", stripped, part=path.stem)
        removed += part_removed
        emptied += part_emptied
        rejections += _emptied_rejections(part, part_emptied, ctx.run_id)
    languages = detect_languages_of([row["text"] for row in removed], tuple(ctx.settings.languages))
    removed = [row | {"language": language} for row, language in zip(removed, languages, strict=True)]
    ctx.staging.write("removed_segments", pd.DataFrame(removed), part="publisher-boilerplate")
    if emptied:
        ctx.staging.write("quarantine", pd.DataFrame(rejections), part="clean-publisher-boilerplate")
        ctx.staging.drop_rows("removed_segments", "article_id", emptied)
    report.rows_out -= len(emptied)
    report.quarantined += len(emptied)
    report.seconds += time.perf_counter() - started
    report.note = (report.note + f" {len(removed)} boilerplate paragraphs of {len(learned)} publishers").strip()
    return report
