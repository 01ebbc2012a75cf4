"""Enrich: articles -> language, tone, keyphrases, `entities`, `mentions`, `quotes`, `date_mentions`."""

from __future__ import annotations

import time

import pandas as pd
from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.enrich.annotate import detect_languages, enrich_articles
from tasks.ingest.rejection import Rejection
from tasks.warehouse.snapshot import Snapshot

ENRICHED_COLUMNS = ["language", "tone", "polarity", "keyphrases"]
PER_ARTICLE_TABLES = ("removed_segments", "duplicates")


@task(name="enrich", cache_policy=NO_CACHE)
def enrich(ctx: RunContext) -> StageReport:
    """Annotate the run's articles; an article whose enrichment fails is quarantined, the others go on."""
    started = time.perf_counter()
    articles = ctx.staging.read("articles")
    known = Snapshot(ctx.settings.warehouse).read("entities")
    known = known.astype(object).where(known.notna(), None)
    result = enrich_articles(articles[["article_id", "title", "body", "published_at"]], known, ctx.settings)

    failed = dict(result.failures)
    if failed:
        lost = articles[articles["article_id"].isin(failed)]
        rejections = [
            Rejection(r.source_uri, "enrich_error", failed[r.article_id], doc_id=r.doc_id, stage="enrich")
            for r in lost.itertuples()
        ]
        ctx.staging.write("quarantine", pd.DataFrame([r.as_row(ctx.run_id) for r in rejections]), part="enrich")
        articles = articles[~articles["article_id"].isin(failed)]
        for table in PER_ARTICLE_TABLES:
            ctx.staging.drop_rows(table, "article_id", list(failed))

    articles = articles.drop(columns=ENRICHED_COLUMNS).merge(result.articles, on="article_id", how="left")
    ctx.staging.write("articles", articles)

    segments = ctx.staging.read("removed_segments")
    segments["language"] = detect_languages(segments["text"].tolist(), ctx.settings)
    ctx.staging.write("removed_segments", segments)

    new_entities = result.entities[~result.entities["entity_id"].isin(known["entity_id"])]
    ctx.staging.write("entities", new_entities.assign(run_id=ctx.run_id))
    for table in ("mentions", "quotes", "date_mentions"):
        ctx.staging.write(table, getattr(result, table).assign(run_id=ctx.run_id))
    return StageReport(
        "enrich",
        rows_in=len(articles) + len(failed),
        rows_out=len(articles),
        quarantined=len(failed),
        seconds=time.perf_counter() - started,
        tables=("articles", "removed_segments", "entities", "mentions", "quotes", "date_mentions"),
        note=f"{len(result.mentions)} mentions, {len(result.quotes)} quotes, {len(new_entities)} new entities",
    )
