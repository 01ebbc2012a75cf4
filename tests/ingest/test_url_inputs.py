"""Inputs at URLs: objects on an S3 endpoint on 127.0.0.1 (moto) found by a glob, a prefix or a name, and web
archives there read through fsspec in slices, in a real flow run."""

from __future__ import annotations

import duckdb
import fsspec
import pytest

from flows.pipeline import news_pipeline
from tasks.ingest.discover import discover_urls
from tasks.ingest.inputs import read_item
from tasks.ingest.readers import RawDocument
from tasks.ingest.rejection import Rejection
from tasks.ingest.warc import warc_slices
from tests.ingest.warc_files import crawl

CRAWL = "s3://newsdesk/crawl"


@pytest.fixture(scope="module")
def crawl_bucket(s3):
    """Two archives and a text file under s3://newsdesk/crawl/, and a hidden object that is skipped."""
    fs = fsspec.filesystem("s3", skip_instance_cache=True)
    for name, host in (("a.warc.gz", "a.example"), ("b.warc.gz", "b.example")):
        fs.pipe(f"newsdesk/crawl/2026/{name}", b"".join(m.data for m in crawl(host)))
    fs.pipe("newsdesk/crawl/notes.txt", b"Headline\n\n" + b"A short note on the crawl. " * 20)
    fs.pipe("newsdesk/crawl/2026/.partial.warc.gz", b"being written")
    return s3


def test_a_glob_a_prefix_and_a_name_find_their_objects(crawl_bucket):
    assert list(discover_urls(f"{CRAWL}/*/*.warc.gz")) == [f"{CRAWL}/2026/a.warc.gz", f"{CRAWL}/2026/b.warc.gz"]
    assert list(discover_urls(CRAWL)) == [f"{CRAWL}/2026/a.warc.gz", f"{CRAWL}/2026/b.warc.gz", f"{CRAWL}/notes.txt"]
    assert list(discover_urls(f"{CRAWL}/notes.txt")) == [f"{CRAWL}/notes.txt"]
    (missing,) = discover_urls(f"{CRAWL}/*.jsonl")
    assert isinstance(missing, Rejection) and missing.reason == "no_match"


def test_an_archive_at_a_url_reads_in_slices_as_a_local_one(crawl_bucket, tmp_path):
    url = f"{CRAWL}/2026/a.warc.gz"
    local = tmp_path / "a.warc.gz"
    local.write_bytes(fsspec.open(url, "rb").open().read())
    slices = list(warc_slices(url, max_records=3, max_bytes=10**9))
    remote = [i for s in slices for i in read_item(s, 10**7)]
    here = list(read_item(local, 10**7))
    assert len(slices) > 2 and [type(i) for i in remote] == [type(i) for i in here]
    documents = [i for i in remote if isinstance(i, RawDocument)]
    assert documents and all(d.source_uri.startswith(url + "#urn:uuid:") for d in documents)
    assert [d.doc_id for d in documents] == [d.doc_id for d in here if isinstance(d, RawDocument)]


def test_a_run_on_an_s3_glob_reads_the_archives_there(crawl_bucket, prefect_api, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_BATCH_SIZE", "4")
    summary = news_pipeline([f"{CRAWL}/*/*.warc.gz"], str(tmp_path / "warehouse"))
    assert summary.status == "published"
    glob = f"{tmp_path}/warehouse/documents/**/*.parquet"
    uris = duckdb.sql(f"select source_uri from read_parquet('{glob}') order by 1").fetchall()
    pages = sum(m.expect == "article" for m in crawl())
    assert len(uris) == 2 * pages
    assert {uri.split("#")[0] for (uri,) in uris} == {f"{CRAWL}/2026/a.warc.gz", f"{CRAWL}/2026/b.warc.gz"}
    assert dict(summary.not_articles())["request"] == 2
