"""Web archives through the whole flow (real Prefect API, real GX suites, the published warehouse read by DuckDB):
every record ends as an article, a counted non-article or a quarantine row; re-runs add nothing; the same page
in two archives is a document per record and an exact duplicate."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from benchmarks.warc_corpus import CRAWLED
from flows.artifacts import summary_markdown
from flows.console import print_summary
from flows.pipeline import news_pipeline
from tasks.schemas import TABLES
from tests.ingest.warc_files import BROADCASTER_PAGE, NEWS_PAGE, corrupted, crawl, page, with_content_length, write

DATA_TABLES = [name for name, table in TABLES.items() if table.data]


def sql(warehouse: Path, query: str) -> list[tuple]:
    """The query with one view per table, read as CONTRACT.md tells analysts to."""
    con = duckdb.connect()
    for table in TABLES:
        glob = f"{warehouse}/{table}/**/*.parquet"
        con.sql(f"create view {table} as select * from read_parquet('{glob}', union_by_name = true)")
    return con.sql(query).fetchall()


def archives(folder: Path) -> tuple[list[Path], dict[str, int]]:
    """Three archives: the first with damaged records between its pages and the wage page under a second URL, the
    second holding the first's transit page again, the third cut off; and how many records of each outcome they
    hold."""
    folder.mkdir()
    first = crawl("news.example")
    first.insert(3, corrupted(crawl("other.example")[1]))
    first.insert(5, with_content_length(crawl("other.example")[1], -100))
    first.insert(7, page("https://mirror.example/wage-copy", BROADCASTER_PAGE))
    second = [page("https://news.example/2024/01/22/transit", NEWS_PAGE), *crawl("second.example")[4:]]
    cut = crawl("cut.example")[:2]
    paths = [write(folder / "a.warc.gz", first), write(folder / "b.warc.gz", second)]
    data = b"".join(m.data for m in cut)
    (folder / "c.warc.gz").write_bytes(data[: len(data) - 200])
    expected: dict[str, int] = {}
    for member in [*first, *second, cut[0]]:
        expected[member.expect] = expected.get(member.expect, 0) + 1
    expected["truncated_record"] = 1
    return [*paths, folder / "c.warc.gz"], expected


@pytest.fixture(scope="module")
def warc_run(prefect_api, tmp_path_factory):
    root = tmp_path_factory.mktemp("warc")
    inputs, expected = archives(root / "crawl")
    warehouse = root / "warehouse"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("NEWSDESK_BATCH_SIZE", "4")  # each archive spreads over several batches
        summary = news_pipeline([str(root / "crawl")], str(warehouse))
    assert summary.status == "published"
    return warehouse, summary, expected


def test_every_record_ends_as_an_article_a_counted_non_article_or_a_quarantine_row(warc_run):
    warehouse, summary, expected = warc_run
    (documents,) = sql(warehouse, "select count(*) from documents where format = 'warc'")[0]
    refused = dict(sql(warehouse, "select reason, count(*) from quarantine where stage = 'ingest' group by 1"))
    (not_articles,) = sql(warehouse, "select not_articles from runs")[0]
    counted = json.loads(not_articles)
    assert sql(warehouse, "select not_articles::json ->> 'request' from runs")[0] == (str(expected["request"]),)
    assert {"article": documents, **refused, **counted} == expected
    assert counted == dict(summary.not_articles())
    (lost,) = sql(
        warehouse,
        "select count(*) from documents d where not exists (select 1 from articles a where a.doc_id = d.doc_id "
        "and a.source_uri = d.source_uri) and not exists (select 1 from quarantine q "
        "where q.source_uri = d.source_uri)",
    )[0]
    assert lost == 0


def test_the_run_summary_and_the_ui_count_the_non_articles_by_kind(warc_run, capsys):
    warehouse, summary, expected = warc_run
    markdown = summary_markdown(summary)
    assert "## Not articles" in markdown
    assert f"| request | {expected['request']} |" in markdown and f"| image | {expected['image']} |" in markdown
    print_summary(summary)
    terminal = capsys.readouterr().out
    assert "Not articles" in terminal and f"{expected['revisit']} revisit" in terminal


def test_a_page_takes_its_publisher_from_its_site_name_else_its_host_and_never_its_crawl_time(warc_run):
    warehouse, _, _ = warc_run
    rows = sql(warehouse, "select url, publisher, published_at from articles order by url")
    by_url = {url: (publisher, published) for url, publisher, published in rows}
    assert by_url["https://news.example/2024/01/22/transit"][0] == "Nordic Transit News"
    assert by_url["https://news.example/2024/01/22/transit"][1] == datetime(2024, 1, 22, 5, 30, tzinfo=UTC)
    assert by_url["https://news.example/2024/03/14/riga-port"] == ("news.example", datetime(2024, 3, 14, tzinfo=UTC))
    assert all(published != CRAWLED for _, published in by_url.values())
    (fetched,) = sql(warehouse, "select distinct fetched_at from documents")[0]
    assert fetched == CRAWLED


def test_the_same_page_under_another_url_or_in_another_archive_is_a_document_per_record_and_an_exact_duplicate(
    warc_run,
):
    warehouse, _, _ = warc_run
    for html, where in ((BROADCASTER_PAGE, {"a.warc.gz"}), (NEWS_PAGE, {"a.warc.gz", "b.warc.gz"})):
        copies = sql(
            warehouse,
            "select a.source_uri, a.is_canonical, d.method from articles a left join duplicates d using (article_id) "
            f"where a.doc_id = '{hashlib.sha256(html).hexdigest()}'",
        )
        assert len(copies) == 2 and {uri.split("#")[0].rsplit("/", 1)[-1] for uri, _, _ in copies} == where
        assert sorted((canonical, method) for _, canonical, method in copies) == [(False, "exact"), (True, None)]


def test_a_rerun_of_the_same_archives_adds_no_rows(warc_run, tmp_path):
    warehouse, _, _ = warc_run
    before = {t: sql(warehouse, f"select count(*) from {t}")[0][0] for t in DATA_TABLES}
    summary = news_pipeline([str(warehouse.parent / "crawl")], str(warehouse))
    assert summary.status == "published"
    assert {t: sql(warehouse, f"select count(*) from {t}")[0][0] for t in DATA_TABLES} == before
