"""The second half of cleaning, once per run: paragraphs a publisher repeats across its articles are taken out."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.exceptions import MissingContextError

from flows.run_context import RunContext, StageReport
from tasks.clean.publisher_boilerplate import learn_boilerplate, strip_boilerplate
from tasks.enrich.language import detect_languages_of
from tasks.warehouse.snapshot import Snapshot

BODY_COLUMNS = ["publisher", "body"]
KEPT_WHOLE = "kept whole: it is nothing but its publisher's recurring paragraphs"


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


def _log_kept_whole(part: pd.DataFrame, kept_whole: list[str]) -> None:
    """One line per article the pass left as it was, so that a reader of the run sees why it still has them."""
    try:
        logger = get_run_logger()
    except MissingContextError:  # called outside a flow run
        logger = logging.getLogger(__name__)
    for uri in part.loc[part["article_id"].isin(kept_whole), "source_uri"]:
        logger.info("publisher boilerplate: %s %s", uri, KEPT_WHOLE)


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
    removed, kept_whole = [], []
    for path in parts:  # batch by batch: later stages read their own batch's part
        part = ctx.staging.read_part("articles", path.stem)
        stripped, part_removed, part_kept_whole = strip_boilerplate(part, learned, next_position)
        ctx.staging.write("articles", stripped, part=path.stem)
        removed += part_removed
        kept_whole += part_kept_whole
        _log_kept_whole(part, part_kept_whole)
    languages = detect_languages_of([row["text"] for row in removed], tuple(ctx.settings.languages))
    removed = [row | {"language": language} for row, language in zip(removed, languages, strict=True)]
    ctx.staging.write("removed_segments", pd.DataFrame(removed), part="publisher-boilerplate")
    report.seconds += time.perf_counter() - started
    notes = [f"{len(removed)} boilerplate paragraphs of {len(learned)} publishers"]
    if kept_whole:
        notes.append(f"{len(kept_whole)} articles of nothing but boilerplate kept whole")
    report.note = " ".join([report.note, "; ".join(notes)]).strip()
    return report
