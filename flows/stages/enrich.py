"""Enrich: articles -> language, tone, keyphrases, `entities`, `mentions`, `quotes`, `date_mentions`, and the
`annotation_failures` of annotators that failed on an article (the article is published without that annotation)."""

from __future__ import annotations

import time

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.batches import Batch
from flows.run_context import RunContext, StageReport
from tasks.enrich.annotate import enrich_articles
from tasks.enrich.entities import acronym_merges, one_row_per_entity
from tasks.ingest.rejection import Rejection
from tasks.warehouse.snapshot import Snapshot

ENRICHED_COLUMNS = ["language", "tone", "polarity", "keyphrases"]
ANNOTATION_TABLES = ("mentions", "quotes", "date_mentions", "annotation_failures")
TABLES = ("articles", "removed_segments", "entities", *ANNOTATION_TABLES)


@task(name="enrich", task_run_name="enrich-{batch.part}", cache_policy=NO_CACHE)
def enrich(ctx: RunContext, batch: Batch) -> StageReport:
    """Annotate the batch's articles; an annotator that fails on an article costs that annotation only (an
    `annotation_failures` row); an article whose body is no text at all is quarantined."""
    started = time.perf_counter()
    articles = ctx.staging.read_part("articles", batch.part)
    known = Snapshot(ctx.settings.warehouse).read("entities")
    known = known.astype(object).where(known.notna(), None)
    result = enrich_articles(articles[["article_id", "title", "body", "published_at"]], known, ctx.settings)

    failed = dict(result.unreadable)
    lost = articles[articles["article_id"].isin(failed)]
    rejections = [
        Rejection(r.source_uri, "enrich_error", failed[r.article_id], doc_id=r.doc_id, stage="enrich")
        for r in lost.itertuples()
    ]
    ctx.quarantine(rejections, part=batch.part_of("enrich"))
    articles = articles[~articles["article_id"].isin(failed)]
    articles = articles.drop(columns=ENRICHED_COLUMNS).merge(result.articles, on="article_id", how="left")
    ctx.staging.write("articles", articles, part=batch.part)

    new_entities = result.entities[~result.entities["entity_id"].isin(known["entity_id"])]
    ctx.staging.write("entities", new_entities.assign(run_id=ctx.run_id), part=batch.part)
    for table in ANNOTATION_TABLES:
        ctx.staging.write(table, getattr(result, table).assign(run_id=ctx.run_id), part=batch.part)
    return StageReport(
        "enrich",
        rows_in=len(articles) + len(failed),
        rows_out=len(articles),
        quarantined=len(failed),
        seconds=time.perf_counter() - started,
        tables=TABLES,
        quarantined_ids=tuple(failed),
    )


def merge_batches(ctx: RunContext, report: StageReport) -> StageReport:
    """What batches cannot do alone: one row per entity met in several batches (by its preferred spelling), no
    `removed_segments` or `duplicates` row of an article the run quarantined, an acronym and its expansion met in
    different batches made one entity, and a check that every staged article was enriched. Its time is the stage's."""
    started = time.perf_counter()
    staged = ctx.staging.count("articles")
    if staged != report.rows_out:  # a step over the whole run replaced the batch parts instead of writing back
        raise RuntimeError(f"{staged} articles are staged but the enrich batches took {report.rows_out}")
    entities = one_row_per_entity(ctx.staging.read("entities"))
    merges = acronym_merges(Snapshot(ctx.settings.warehouse).read("entities"), entities)
    if merges:
        entities = entities[~entities["entity_id"].isin(merges)]
        _relink(ctx, merges)
    ctx.staging.replace("entities", entities)
    if report.quarantined_ids:
        for table in ("duplicates", "removed_segments"):
            ctx.staging.drop_rows(table, "article_id", list(report.quarantined_ids))
    mentions, quotes = ctx.staging.count("mentions"), ctx.staging.count("quotes")
    report.note = f"{mentions} mentions, {quotes} quotes, {len(entities)} new entities"
    failures = ctx.staging.read("annotation_failures", ["annotator"])["annotator"].value_counts()
    if len(failures):
        report.note += "; annotation failures: " + ", ".join(f"{name} {n}" for name, n in failures.items())
    report.seconds += time.perf_counter() - started
    return report


def _relink(ctx: RunContext, merges: dict[str, str]) -> None:
    """Point the run's mentions and quote speakers at the entities `merges` maps their entities to."""
    for table, column in (("mentions", "entity_id"), ("quotes", "speaker_entity_id")):
        for path in ctx.staging.files(table):
            rows = ctx.staging.read_part(table, path.stem)
            rows[column] = [merges.get(value, value) for value in rows[column]]
            ctx.staging.write(table, rows, part=path.stem)
