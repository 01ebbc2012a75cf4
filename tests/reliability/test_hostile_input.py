"""Hostile input: whatever bytes arrive, each ends as a document or a quarantine row, never an exception."""

from __future__ import annotations

import gzip
import json
import os
import resource
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.clean.article import PageHints, clean_document
from tasks.ingest.discover import discover_files
from tasks.ingest.readers import RawDocument, read_path
from tasks.ingest.rejection import Rejection

LIMIT = 1_000_000
NAMES = ["a.txt", "a.html", "a.jsonl", "a.txt.gz", "a.jsonl.gz"]


def outcomes(path: Path, limit: int = LIMIT) -> list[RawDocument | Rejection]:
    items = list(read_path(path, limit))
    assert items, "every file yields at least one document or rejection"
    for item in items:
        assert isinstance(item, (RawDocument, Rejection))
        if isinstance(item, Rejection):
            assert item.reason and item.detail and "\n" not in item.detail
    return items


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096), name=st.sampled_from(NAMES))
def test_any_bytes_under_any_name_end_in_a_document_or_a_rejection(tmp_path, data, name):
    path = tmp_path / name
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    outcomes(path)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=3000))
def test_cleaning_any_text_returns_an_article_or_a_one_line_refusal(text):
    try:
        article = clean_document(text, None, PageHints())
    except ValueError as refusal:
        assert "\n" not in str(refusal)
        return
    assert "\n\n\n" not in article.body


@settings(max_examples=60, deadline=None)
@given(
    record=st.dictionaries(
        st.sampled_from(["id", "url", "title", "text", "html", "published", "publisher", "x"]),
        st.one_of(
            st.none(),
            st.integers(),
            st.floats(),
            st.text(max_size=50),
            st.lists(st.integers(), max_size=3),
            st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
        ),
    )
)
def test_jsonl_records_of_any_shape_are_taken_or_refused_one_by_one(tmp_path_factory, record):
    path = tmp_path_factory.mktemp("jsonl") / "feed.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"text": "A fine record."}) + "\n")
    items = outcomes(path)
    assert len(items) == 2 and isinstance(items[1], RawDocument)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_200_mb_single_line_file_is_refused_without_reading_it_whole(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        for _ in range(200):
            f.write(b"x" * (1024 * 1024))
    before = peak_rss_mb()
    (item,) = outcomes(path, limit=10 * 1024 * 1024)
    assert item.reason == "too_large"
    assert peak_rss_mb() - before < 60


def test_a_huge_jsonl_line_is_skipped_in_bounded_memory(tmp_path):
    path = tmp_path / "huge.jsonl"
    with open(path, "wb") as f:
        f.write(b'{"text": "' + b"y" * (100 * 1024 * 1024) + b'"}\n{"text": "after the huge line"}\n')
    before = peak_rss_mb()
    first, second = outcomes(path, limit=5 * 1024 * 1024)
    assert first.reason == "too_large" and second.text == "after the huge line"
    assert peak_rss_mb() - before < 60


def test_a_gzip_bomb_is_stopped_at_the_limit(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    member = gzip.compress(b"\x00" * (16 * 1024 * 1024), compresslevel=9)
    path.write_bytes(member * 16)  # 16 gzip members read as one stream: 256 MiB of zeros, 256 KB on disk
    before = peak_rss_mb()
    items = outcomes(path, limit=LIMIT)
    assert {i.reason for i in items if isinstance(i, Rejection)} <= {"too_large", "binary"}
    assert peak_rss_mb() - before < 60


@pytest.mark.parametrize(
    ("encoding", "text", "exact"),
    [
        ("cp1252", "Café owners in Tallinn said prices rose – again – this year. " * 4, True),
        ("koi8-r", "Министр иностранных дел заявил, что переговоры продолжатся в среду. " * 4, True),
        ("utf-16", "A page saved as UTF-16 by an old editor, with a byte order mark. " * 4, True),
        # Baltic code pages differ in a few letters only; detection on short text may pick a sibling.
        ("iso-8859-13", "Latvijas ārlietu ministrs Edgars Rinkēvičs sacīja, ka sanāksme bija laba. " * 4, False),
    ],
)
def test_legacy_encodings_are_detected(tmp_path, encoding, text, exact):
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    (item,) = outcomes(path)
    assert isinstance(item, RawDocument) and "\ufffd" not in item.text
    if exact:
        assert item.text == text
    else:
        assert item.text.split()[0] == text.split()[0] and item.text.split()[3] == text.split()[3]


def test_hostile_html_is_read_as_text_only(tmp_path):
    nested = "<div>" * 5000 + "deep text" + "</div>" * 5000
    page = (
        "<html><head><script>fetch('http://198.51.100.7/x')</script>"
        "<link rel=stylesheet href='http://198.51.100.7/a.css'></head><body>"
        "<iframe src='http://198.51.100.7/frame'></iframe><article><h1>Council votes</h1>"
        + "<p>The council voted on Tuesday to extend the tram line to the harbour district.</p>" * 5
        + "<img src='http://198.51.100.7/pixel.gif' onerror='alert(1)'></article>"
        + nested
        + "</body></html>"
    )
    for name, html in (("hostile.html", page), ("nested.html", nested)):
        (tmp_path / name).write_text(html)
        (doc,) = outcomes(tmp_path / name)
        try:
            article = clean_document(None, doc.html, PageHints())
        except ValueError:
            continue
        assert "fetch(" not in article.body and "alert(" not in article.body


def test_odd_file_names_are_read(tmp_path):
    names = ["spaces in name.txt", "ünïcödé.txt", "semi;colon&amp.txt", "new\nline.txt", "-dash.txt", "'quote'.txt"]
    for name in names:
        (tmp_path / name).write_text("Headline\n\nThe mayor opened the new bridge on Sunday morning.")
    found = [p for p in discover_files([tmp_path]) if not isinstance(p, Rejection)]
    assert len(found) == len(names)
    for path in found:
        (doc,) = outcomes(path)
        assert isinstance(doc, RawDocument)


def test_link_loops_in_folders_are_not_followed(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    os.symlink(inbox, inbox / "sub" / "back-to-top")
    (inbox / "sub" / "a.txt").write_text("x")
    found = list(discover_files([inbox]))
    assert [p.name for p in found if not isinstance(p, Rejection)] == ["a.txt"]
