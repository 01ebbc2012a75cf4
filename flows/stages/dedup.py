"""Dedup: cleaned articles -> story clusters (`cluster_id`, `is_canonical`, `duplicate_of`) and `duplicates`."""

from __future__ import annotations

import time

from prefect import task
from prefect.cache_policies import NO_CACHE

from flows.run_context import RunContext, StageReport
from tasks.dedup.clusters import assign_clusters
from tasks.dedup.published import SIGNATURES_TABLE
from tasks.dedup.settings import DedupSettings
from tasks.warehouse.snapshot import Snapshot

CLUSTER_COLUMNS = ["cluster_id", "is_canonical", "duplicate_of"]


@task(name="dedup", task_run_name="dedup", cache_policy=NO_CACHE)
def dedup(ctx: RunContext) -> StageReport:
    """Cluster the run's articles with each other and with every published one; every copy is kept.

    Runs once over all the run's batches (in the flow process), so copies in different batches meet.
    """
    started = time.perf_counter()
    published = Snapshot(ctx.settings.warehouse)
    articles = ctx.staging.read("articles")
    result = assign_clusters(articles, published, DedupSettings())
    articles = articles.drop(columns=CLUSTER_COLUMNS).merge(result.clusters, on="article_id", how="left")
    ctx.staging.write_back("articles", articles, key="article_id")  # enrich takes up each batch's part again
    # New copies are added; published copies whose canonical changed are replaced and keep their first run_id;
    # a published copy that became canonical leaves the duplicates table.
    first_runs = published.read("duplicates", ["article_id", "run_id"]).set_index("article_id")["run_id"]
    duplicates = result.duplicates.assign(run_id=result.duplicates["article_id"].map(first_runs).fillna(ctx.run_id))
    ctx.staging.write("duplicates", duplicates, part="upsert")
    ctx.staging.write(SIGNATURES_TABLE, result.signatures.assign(run_id=ctx.run_id))
    if len(result.cluster_updates):
        updated = published.read("articles")
        updated = updated[updated["article_id"].isin(result.cluster_updates["article_id"])]
        updated = updated.drop(columns=CLUSTER_COLUMNS).merge(result.cluster_updates, on="article_id")
        ctx.staging.write("articles", updated, part="upsert")
        now_canonical = result.cluster_updates.loc[result.cluster_updates["is_canonical"], ["article_id"]]
        ctx.staging.write_deletes("duplicates", now_canonical)
    copies = int((~articles["is_canonical"]).sum()) if len(articles) else 0
    return StageReport(
        "dedup",
        rows_in=len(articles),
        rows_out=len(articles),
        seconds=time.perf_counter() - started,
        tables=("articles", "duplicates"),
        note=f"{copies} copies, {len(result.cluster_updates)} earlier articles re-clustered",
    )
