"""Dedup: cleaned articles -> story clusters (`cluster_id`, `is_canonical`, `duplicate_of`) and `duplicates`."""

from __future__ import annotations

import time

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.dedup.clusters import assign_clusters
from tasks.dedup.published import ARTICLE_COLUMNS, SIGNATURES_TABLE
from tasks.dedup.settings import DedupSettings
from tasks.warehouse.snapshot import Snapshot

CLUSTER_COLUMNS = ["cluster_id", "is_canonical", "duplicate_of"]
NEW_ARTICLE_COLUMNS = [c for c in ARTICLE_COLUMNS if c not in CLUSTER_COLUMNS]
BODY_COLUMNS = ["article_id", "content_hash", "body"]


@task(name="dedup", task_run_name="dedup", cache_policy=NO_CACHE)
def dedup(ctx: RunContext) -> StageReport:
    """Cluster the run's articles with each other and with every published one; every copy is kept.

    Runs once over all the run's batches (in the flow process), so copies in different batches meet. It holds the
    run's small columns and signatures; bodies are read, signed and dropped one batch's part at a time.
    """
    started = time.perf_counter()
    published = Snapshot(ctx.settings.warehouse)
    articles = ctx.staging.read("articles", NEW_ARTICLE_COLUMNS)
    bodies = (ctx.staging.read_part("articles", path.stem, BODY_COLUMNS) for path in ctx.staging.files("articles"))
    result = assign_clusters(articles, published, DedupSettings(), bodies)
    ctx.staging.set_columns("articles", result.clusters, key="article_id")  # enrich takes up each batch's part again
    # New copies are added; published copies whose canonical changed are replaced and keep their first run_id;
    # a published copy that became canonical leaves the duplicates table.
    first_runs = published.read("duplicates", ["article_id", "run_id"]).set_index("article_id")["run_id"]
    duplicates = result.duplicates.assign(run_id=result.duplicates["article_id"].map(first_runs).fillna(ctx.run_id))
    ctx.staging.write("duplicates", duplicates, part="upsert")
    ctx.staging.write(SIGNATURES_TABLE, result.signatures.assign(run_id=ctx.run_id))
    if len(result.cluster_updates):
        updated = published.read_where("articles", "article_id", result.cluster_updates["article_id"])
        updated = updated.drop(columns=CLUSTER_COLUMNS).merge(result.cluster_updates, on="article_id")
        ctx.staging.write("articles", updated, part="upsert")
        now_canonical = result.cluster_updates.loc[result.cluster_updates["is_canonical"], ["article_id"]]
        ctx.staging.write_deletes("duplicates", now_canonical)
    copies = int((~result.clusters["is_canonical"]).sum())
    return StageReport(
        "dedup",
        rows_in=len(articles),
        rows_out=len(articles),
        seconds=time.perf_counter() - started,
        tables=("articles", "duplicates"),
        note=f"{copies} copies, {len(result.cluster_updates)} earlier articles re-clustered",
    )
