"""The second half of cleaning, once per run: paragraphs a publisher repeats across its articles are taken out."""

from __future__ import annotations

import time

import pandas as pd
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.clean.publisher_boilerplate import learn_boilerplate, strip_boilerplate
from tasks.enrich.language import detect_languages_of
from tasks.ingest.rejection import Rejection
from tasks.warehouse.snapshot import Snapshot


@task(name="strip-publisher-boilerplate", cache_policy=NO_CACHE)
def strip_publisher_boilerplate(ctx: RunContext, report: StageReport) -> StageReport:
    """Learn each publisher's boilerplate from its published and new articles; remove it from the new ones."""
    started = time.perf_counter()
    articles = ctx.staging.read("articles")
    published = Snapshot(ctx.settings.warehouse).read("articles", ["publisher", "body"])
    learned = learn_boilerplate(published, articles)
    if not learned:
        return report
    segments = ctx.staging.read("removed_segments")
    next_position = (segments.groupby("article_id")["position"].max() + 1).to_dict()
    removed, emptied = [], []
    for path in ctx.staging.files("articles"):  # batch by batch: later stages read their own batch's part
        part = ctx.staging.read_part("articles", path.stem)
        stripped, part_removed, part_emptied = strip_boilerplate(part, learned, next_position)
        ctx.staging.write("articles", stripped, part=path.stem)
        removed += part_removed
        emptied += part_emptied
    languages = detect_languages_of([row["text"] for row in removed], tuple(ctx.settings.languages))
    removed = [row | {"language": language} for row, language in zip(removed, languages, strict=True)]
    ctx.staging.write("removed_segments", pd.DataFrame(removed), part="publisher-boilerplate")
    if emptied:
        lost = articles[articles["article_id"].isin(emptied)]
        detail = "only the publisher's recurring boilerplate was left after cleaning"
        rows = [
            Rejection(r.source_uri, "no_article", detail, doc_id=r.doc_id, stage="clean").as_row(ctx.run_id)
            for r in lost.itertuples()
        ]
        ctx.staging.write("quarantine", pd.DataFrame(rows), part="clean-publisher-boilerplate")
        ctx.staging.drop_rows("removed_segments", "article_id", emptied)
    report.rows_out -= len(emptied)
    report.quarantined += len(emptied)
    report.seconds += time.perf_counter() - started
    report.note = (report.note + f" {len(removed)} boilerplate paragraphs of {len(learned)} publishers").strip()
    return report
