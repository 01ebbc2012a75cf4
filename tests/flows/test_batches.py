"""How a run's input files are split into batches: by file count and by bytes; web archives by their records."""

from __future__ import annotations

import math
from pathlib import Path

from flows.batches import split_inputs
from tasks.ingest.rejection import Rejection
from tasks.ingest.warc import WarcSlice
from tests.ingest.warc_files import crawl, write


def files(folder: Path, sizes: list[int]) -> list[Path]:
    paths = []
    for number, size in enumerate(sizes):
        path = folder / f"{number:02d}.jsonl"
        path.write_bytes(b"x" * size)
        paths.append(path)
    return paths


def sizes(batches) -> list[list[int]]:
    return [[0 if isinstance(i, Rejection) else i.stat().st_size for i in b.items] for b in batches]


def test_a_batch_closes_before_it_would_pass_the_byte_bound(tmp_path):
    batches = split_inputs(files(tmp_path, [40, 40, 30, 90, 10]), max_files=100, max_bytes=100)
    assert sizes(batches) == [[40, 40], [30], [90, 10]]
    assert [b.part for b in batches] == ["batch-00000", "batch-00001", "batch-00002"]


def test_a_file_larger_than_the_bound_is_a_batch_of_its_own(tmp_path):
    assert sizes(split_inputs(files(tmp_path, [10, 500, 10]), max_files=100, max_bytes=100)) == [[10], [500], [10]]


def test_a_batch_also_closes_at_the_file_count(tmp_path):
    assert sizes(split_inputs(files(tmp_path, [1] * 5), max_files=2, max_bytes=100)) == [[1, 1], [1, 1], [1]]


def test_refusals_and_vanished_files_weigh_nothing(tmp_path):
    refused = Rejection("gone.bin", "unknown_extension", "not an input format")
    vanished = tmp_path / "vanished.jsonl"
    batches = split_inputs([*files(tmp_path, [60]), refused, vanished], 10, 100)
    assert len(batches) == 1 and batches[0].items[1:] == (refused, vanished)


def test_no_input_is_one_empty_batch():
    assert [b.items for b in split_inputs([], max_files=10, max_bytes=100)] == [()]


def test_a_web_archive_is_cut_into_slices_of_records_that_batch_like_files(tmp_path):
    members = [m for n in range(3) for m in crawl(f"site{n}.example")]
    archive = write(tmp_path / "crawl.warc.gz", members)
    page = files(tmp_path, [10])[0]
    batches = split_inputs([page, archive], max_files=4, max_bytes=10**9)
    assert batches[0].items[0] == page
    slices = [i for b in batches for i in b.items if isinstance(i, WarcSlice)]
    assert all(sum(getattr(i, "records", 1) for i in b.items) <= 4 for b in batches)
    assert sum(s.records for s in slices) == len(members) and len(batches) == 1 + math.ceil(len(members) / 4)
    assert {s.source for s in slices} == {archive}
