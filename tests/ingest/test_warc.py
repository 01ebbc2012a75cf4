"""Web archives on real files written by FastWARC: pages become documents, other records are counted by kind,
damaged records are refused with a reason and the records after them are still read, in slices as in one go."""

from __future__ import annotations

import gzip
import hashlib

import pytest

from benchmarks.warc_corpus import CRAWLED
from tasks.ingest.inputs import read_item
from tasks.ingest.readers import RawDocument
from tasks.ingest.warc import NotArticle, WarcSlice, warc_slices
from tests.ingest.warc_files import (
    BALTIC_PAGE,
    BROADCASTER_PAGE,
    NEWS_PAGE,
    corrupted,
    crawl,
    page,
    with_content_length,
    write,
)

LIMIT = 10_000_000


def outcome(item) -> str:
    if isinstance(item, RawDocument):
        return "article"
    return item.kind if isinstance(item, NotArticle) else item.reason


def read(path, limit: int = LIMIT) -> list:
    return list(read_item(path, limit))


def test_every_record_is_a_document_a_counted_kind_or_a_refusal(tmp_path):
    members = crawl()
    items = read(write(tmp_path / "crawl.warc.gz", members))
    assert [outcome(i) for i in items] == [m.expect for m in members]
    documents = [i for i in items if isinstance(i, RawDocument)]
    assert [d.url for d in documents] == [m.uri for m in members if m.expect == "article"]
    assert {d.format for d in documents} == {"warc"} and {d.compression for d in documents} == {"gzip"}
    assert {d.fetched_at for d in documents} == {CRAWLED}


def test_a_document_is_named_by_its_record_and_identified_by_its_page(tmp_path):
    path = write(tmp_path / "crawl.warc.gz", crawl())
    first, again = read(path), read(path)
    transit = first[1]
    assert transit.source_uri.startswith(path.as_uri() + "#urn:uuid:")
    assert transit.doc_id == hashlib.sha256(NEWS_PAGE).hexdigest() and transit.byte_size == len(NEWS_PAGE)
    assert [getattr(i, "source_uri", None) for i in first] == [getattr(i, "source_uri", None) for i in again]


def test_the_charset_the_http_header_names_is_used_before_guessing(tmp_path):
    baltic = read(write(tmp_path / "crawl.warc.gz", crawl()))[2]
    assert baltic.encoding == "cp1257" and "Rīgas brīvostas pārvalde" in baltic.html and "Šogad" in baltic.html
    assert baltic.doc_id == hashlib.sha256(BALTIC_PAGE).hexdigest()


def test_gzip_and_chunked_http_bodies_are_decoded(tmp_path):
    wage = read(write(tmp_path / "crawl.warc.gz", crawl()))[3]
    assert wage.html == BROADCASTER_PAGE.decode() and wage.doc_id == hashlib.sha256(BROADCASTER_PAGE).hexdigest()


def test_an_uncompressed_archive_reads_alike(tmp_path):
    members = crawl()
    plain = tmp_path / "crawl.warc"
    plain.write_bytes(b"".join(gzip.decompress(m.data) for m in members))
    items = read(plain)
    assert [outcome(i) for i in items] == [m.expect for m in members]
    assert {i.compression for i in items if isinstance(i, RawDocument)} == {None}


def test_an_archive_cut_off_in_its_last_record_refuses_only_that_record(tmp_path):
    members = crawl()[:2]
    data = b"".join(m.data for m in members)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 200])
    items = read(path)
    assert [outcome(i) for i in items] == ["request", "truncated_record"]
    assert "cut short" in items[1].detail and items[1].source_uri.startswith(path.as_uri() + "#urn:uuid:")


def test_a_corrupt_member_in_the_middle_is_refused_and_the_records_after_it_are_read(tmp_path):
    members = crawl()
    members[2] = corrupted(members[2])
    items = read(write(tmp_path / "corrupt.warc.gz", members))
    assert [outcome(i) for i in items] == [m.expect for m in members]
    bad = items[2]
    assert bad.source_uri.endswith(f"#offset={len(members[0].data) + len(members[1].data)}")
    assert "the records after it were read" in bad.detail


@pytest.mark.parametrize("delta", [-100, 100, 50_000])
def test_a_content_length_that_lies_refuses_its_record_only(tmp_path, delta):
    members = crawl()
    members[1] = with_content_length(members[1], delta)
    items = read(write(tmp_path / "lies.warc.gz", members))
    assert [outcome(i) for i in items] == [m.expect for m in members]
    assert "Content-Length" in items[1].detail


def test_garbage_between_records_is_refused_as_one_stretch(tmp_path):
    members = crawl()
    path = tmp_path / "garbage.warc.gz"
    path.write_bytes(members[0].data + b"not a record " * 50 + b"".join(m.data for m in members[1:]))
    outcomes = [outcome(i) for i in read(path)]
    assert outcomes == [members[0].expect, "bad_gzip", *(m.expect for m in members[1:])]


def test_an_oversized_or_binary_page_is_refused_and_the_next_is_read(tmp_path):
    members = [page("https://a.example/big", NEWS_PAGE), page("https://a.example/bin", b"\x00\x01" * 500), *crawl()]
    items = read(write(tmp_path / "crawl.warc.gz", members), limit=len(NEWS_PAGE) - 1)
    outcomes = [outcome(i) for i in items]
    assert outcomes[:2] == ["too_large", "binary"] and outcomes.count("article") >= 2


def test_an_empty_or_foreign_file_is_refused_whole(tmp_path):
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    (tmp_path / "text.warc").write_text("hello, not an archive\n" * 20)
    assert [outcome(i) for i in read(tmp_path / "empty.warc.gz")] == ["empty"]
    assert [outcome(i) for i in read(tmp_path / "text.warc")] == ["malformed_record"]


def test_slices_hold_at_most_the_records_and_bytes_asked_and_read_as_the_whole(tmp_path):
    members = [m for n in range(6) for m in crawl(f"site{n}.example")]
    members[17] = corrupted(members[17])
    path = write(tmp_path / "big.warc.gz", members)
    slices = list(warc_slices(path, max_records=7, max_bytes=20_000))
    assert len(slices) > 5 and all(s.records <= 7 for s in slices)
    assert all(s.bytes <= 20_000 for s in slices if s.records > 1)
    assert [s.start for s in slices[1:]] == [s.end for s in slices[:-1]] and slices[-1].end is None
    pieces = [outcome(i) for s in slices for i in read_item(s, LIMIT)]
    assert pieces == [outcome(i) for i in read(path)] == [m.expect for m in members]


def test_a_slice_is_a_reference_that_pickles_small(tmp_path):
    import pickle

    piece = WarcSlice(tmp_path / "x.warc.gz", 100, 2000, 3, 5000)
    assert len(pickle.dumps(piece)) < 300
