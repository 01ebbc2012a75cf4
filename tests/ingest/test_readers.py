"""Readers on real files: every format, gzip, and each kind of bad input ending in a Rejection with a clear line."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from tasks.ingest.readers import RawDocument, read_path
from tasks.ingest.rejection import Rejection

LIMIT = 10_000


def read(path: Path, limit: int = LIMIT) -> list[RawDocument | Rejection]:
    return list(read_path(path, limit))


def only(path: Path, limit: int = LIMIT):
    (item,) = read(path, limit)
    return item


def test_text_file_is_one_document_identified_by_its_bytes(tmp_path):
    data = "Headline\n\nBody text\u00a0here.".encode()
    (tmp_path / "a.txt").write_bytes(data)
    doc = only(tmp_path / "a.txt")
    assert doc.doc_id == hashlib.sha256(data).hexdigest()
    assert doc.format == "txt" and doc.text.startswith("Headline") and doc.html is None
    assert doc.source_uri == (tmp_path / "a.txt").as_uri()


@pytest.mark.parametrize("name", ["page.html", "page.HTM"])
def test_html_file_keeps_the_markup_for_cleaning(tmp_path, name):
    (tmp_path / name).write_text("<html><body><p>Hello</p></body></html>")
    doc = only(tmp_path / name)
    assert doc.format == "html" and "<p>Hello</p>" in doc.html and doc.text is None


def test_gzip_file_is_read_by_the_inner_name(tmp_path):
    data = b"Title\n\nSome article text."
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(data))
    doc = only(tmp_path / "a.txt.gz")
    assert doc.compression == "gzip" and doc.doc_id == hashlib.sha256(data).hexdigest()


def test_jsonl_records_become_documents_and_a_bad_line_only_quarantines_itself(tmp_path):
    lines = [
        json.dumps({"id": 7, "url": "https://x.test/a", "title": "T", "text": "Body one.", "publisher": "X"}),
        "{not json",
        "",
        json.dumps({"html": "<p>Body two.</p>", "published": "2022-01-12T10:00:00Z"}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        json.dumps({"text": 42}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    items = read(tmp_path / "feed.jsonl")
    docs = [i for i in items if isinstance(i, RawDocument)]
    bad = {i.source_uri.rsplit("#", 1)[1]: i.reason for i in items if isinstance(i, Rejection)}
    assert [d.external_id for d in docs] == ["7", None]
    assert docs[0].source_uri.endswith("feed.jsonl#L1") and docs[1].html == "<p>Body two.</p>"
    assert bad == {"L2": "malformed_json", "L5": "malformed_record", "L6": "missing_text", "L7": "malformed_record"}


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("nul.html", b"<p>a\x00b</p>", "binary"),
        ("notes.docx", b"PK\x03\x04", "unknown_extension"),
        ("noext", b"text", "unknown_extension"),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00garbage", "bad_gzip"),
        ("empty.jsonl", b"\n\n", "empty"),
    ],
)
def test_bad_files_are_rejected_with_a_reason_and_one_line(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    item = only(tmp_path / name)
    assert isinstance(item, Rejection) and item.reason == reason
    assert item.detail and "\n" not in item.detail


def test_files_over_the_limit_are_refused_and_a_gzip_bomb_is_not_expanded(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"word " * 5_000)
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 50_000_000))
    assert only(tmp_path / "big.txt").reason == "too_large"
    assert only(tmp_path / "bomb.txt.gz").reason == "too_large"


def test_a_huge_jsonl_line_is_skipped_without_losing_the_next(tmp_path):
    huge = json.dumps({"text": "x" * 50_000})
    (tmp_path / "f.jsonl").write_text(huge + "\n" + json.dumps({"text": "fine"}) + "\n")
    first, second = read(tmp_path / "f.jsonl")
    assert first.reason == "too_large" and first.source_uri.endswith("#L1")
    assert second.text == "fine" and second.source_uri.endswith("#L2")


def test_legacy_encodings_are_decoded(tmp_path):
    text = "Peaminister ütles, et Tallinna ja Pärnu elanikud on mures. " * 3
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    doc = only(tmp_path / "latin.txt")
    assert isinstance(doc, RawDocument) and "ütles" in doc.text and doc.encoding != "utf-8"
