"""The analytic views against a real seeded warehouse, checked against the tables they summarise."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from flows.cli import main
from tasks.analytics.views import VIEWS
from tasks.warehouse.query import connect
from tasks.warehouse.snapshot import Snapshot

COLUMNS = {
    "who_said_what": {"quote", "speaker", "speaker_name", "title", "publisher", "published_at", "published_date"},
    "entity_cooccurrence": {"entity_a", "name_a", "entity_b", "name_b", "articles"},
    "story_clusters": {"cluster_id", "title", "copies", "publishers", "first_published", "last_published"},
    "entity_timeline": {"entity_id", "name", "type", "day", "mentions", "articles"},
}


@pytest.fixture(scope="module")
def con(warehouse):
    with connect(warehouse) as con:
        yield con


def test_every_view_has_its_columns_and_rows(con):
    assert set(VIEWS) == set(COLUMNS)
    for name, columns in COLUMNS.items():
        frame = con.sql(f"select * from {name}").df()
        assert columns <= set(frame.columns) and len(frame), name


def test_who_said_what_has_every_quote_with_its_article_and_speaker_entity(con):
    quotes = con.sql("select count(*) from quotes").fetchall()[0][0]
    rows = con.sql("select * from who_said_what").df()
    assert len(rows) == quotes
    named = rows.dropna(subset=["speaker_entity_id"])
    names = con.sql("select entity_id, name from entities").df().set_index("entity_id")["name"]
    assert len(named) and (named["speaker_name"] == named["speaker_entity_id"].map(names)).all()
    assert rows["title"].notna().all()


def test_cooccurrence_counts_articles_that_name_both(con):
    pairs = con.sql("select * from entity_cooccurrence").df()
    assert (pairs["entity_a"] < pairs["entity_b"]).all()
    top = pairs.sort_values("articles", ascending=False).iloc[0]
    both = con.sql(
        "select count(*) from (select article_id from mentions where entity_id = $a intersect "
        "select article_id from mentions where entity_id = $b)",
        params={"a": top["entity_a"], "b": top["entity_b"]},
    ).fetchall()[0][0]
    assert top["articles"] == both > 1


def test_story_clusters_gather_a_syndicated_copy(con):
    clusters = con.sql("select * from story_clusters").df()
    assert clusters["copies"].sum() == con.sql("select count(*) from articles").fetchall()[0][0]
    (copied,) = clusters[clusters["copies"] > 1].itertuples()
    assert copied.copies == 2 and copied.title
    assert copied.first_published <= copied.last_published


def test_timeline_counts_every_mention_once_on_a_utc_day_whatever_the_session_time_zone(con):
    assert (
        con.sql("select sum(mentions) from entity_timeline").fetchall()
        == con.sql("select count(*) from mentions").fetchall()
    )
    utc = con.sql("select entity_id, day from entity_timeline order by all").fetchall()
    con.execute("set TimeZone = 'Pacific/Kiritimati'")
    try:
        assert con.sql("select entity_id, day from entity_timeline order by all").fetchall() == utc
    finally:
        con.execute("set TimeZone = 'UTC'")


def test_query_duckdb_writes_a_database_with_the_views_over_the_current_version(warehouse, tmp_path):
    database = tmp_path / "newsdesk.duckdb"
    with pytest.raises(SystemExit) as done:
        main(["query", "--duckdb", str(database), "--warehouse", str(warehouse)])
    assert done.value.code == 0
    with duckdb.connect(str(database), read_only=True) as opened, connect(warehouse) as live:
        views = dict(opened.sql("select view_name, sql from duckdb_views() where not internal").fetchall())
        assert set(VIEWS) | {"articles", "mentions", "runs"} <= set(views)
        assert str(Snapshot(warehouse).version_dir) in views["articles"]
        for name in VIEWS:
            query = f"select * from {name} order by all"
            assert opened.sql(query).fetchall() == live.sql(query).fetchall(), name


def test_query_needs_sql_or_a_database_file(warehouse):
    with pytest.raises(SystemExit) as done:
        main(["query", "--warehouse", str(warehouse)])
    assert done.value.code == 2


def test_a_version_published_before_a_table_existed_is_still_queried(warehouse, tmp_path):
    old = tmp_path / "warehouse"
    shutil.copytree(warehouse, old, symlinks=True)
    shutil.rmtree(Snapshot(old).version_dir / "annotation_failures")
    with connect(old) as con:
        assert len(con.sql("select * from who_said_what").df()) > 0
        assert "annotation_failures" not in {name for (name,) in con.sql("show tables").fetchall()}
