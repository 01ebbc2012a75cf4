"""The analytic views: fixed SQL over the table views, the one definition used by `newsdesk query`, the DuckDB file
that `newsdesk query --duckdb` writes, and the report.

Days are UTC days (`timezone('UTC', ...)`), so a view answers the same whatever time zone the session has.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

ARTICLE_TIME = "coalesce(a.published_at, a.ingested_at)"
"""When an article appeared: the time the page states, else when it was read."""


@dataclass(frozen=True)
class View:
    name: str
    doc: str
    sql: str


VIEWS: dict[str, View] = {
    v.name: v
    for v in (
        View(
            "who_said_what",
            "one row per quotation: what was said, by whom, in which article of which publisher",
            """
            select q.quote_id, q.text as quote, q.speaker, q.speaker_entity_id, e.name as speaker_name, q.cue,
                   q.article_id, a.title, a.publisher, a.published_at,
                   cast(timezone('UTC', a.published_at) as date) as published_date, a.is_canonical
            from quotes q
            join articles a on a.article_id = q.article_id
            left join entities e on e.entity_id = q.speaker_entity_id
            """,
        ),
        View(
            "entity_cooccurrence",
            "one row per pair of entities named in the same article (entity_a < entity_b): in how many articles, "
            "and in how many distinct stories (clusters)",
            """
            with named as (
                select distinct m.article_id, m.entity_id, a.cluster_id
                from mentions m join articles a on a.article_id = m.article_id
            )
            select x.entity_id as entity_a, ea.name as name_a, y.entity_id as entity_b, eb.name as name_b,
                   count(*) as articles, count(distinct x.cluster_id) as stories
            from named x
            join named y on y.article_id = x.article_id and x.entity_id < y.entity_id
            join entities ea on ea.entity_id = x.entity_id
            join entities eb on eb.entity_id = y.entity_id
            group by x.entity_id, ea.name, y.entity_id, eb.name
            """,
        ),
        View(
            "story_clusters",
            "one row per story: its canonical article, how many copies were published (the canonical one included), "
            "by which publishers, and when the first and last appeared",
            f"""
            select a.cluster_id,
                   any_value(a.article_id) filter (where a.is_canonical) as canonical_article_id,
                   any_value(a.title) filter (where a.is_canonical) as title,
                   count(*) as copies,
                   coalesce(list_sort(list(distinct a.publisher) filter (where a.publisher is not null)), [])
                       as publishers,
                   min({ARTICLE_TIME}) as first_published,
                   max({ARTICLE_TIME}) as last_published
            from articles a
            group by a.cluster_id
            """,
        ),
        View(
            "entity_timeline",
            "one row per entity per UTC day: mentions and articles that day (day of publication, else of ingestion)",
            f"""
            select m.entity_id, e.name, e.type, cast(timezone('UTC', {ARTICLE_TIME}) as date) as day,
                   count(*) as mentions, count(distinct m.article_id) as articles
            from mentions m
            join articles a on a.article_id = m.article_id
            join entities e on e.entity_id = m.entity_id
            group by m.entity_id, e.name, e.type, day
            """,
        ),
    )
}


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Add every analytic view to a connection that already has one view per table."""
    for view in VIEWS.values():
        con.execute(f"create or replace view {view.name} as {view.sql}")
