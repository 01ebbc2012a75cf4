"""A Common Crawl News-like web archive through ingest and clean, beside the bare libraries on the same pages.

    python -m benchmarks.warc_bench --bytes 1073741824       # a 1 GiB archive (written to a temporary folder)
    python -m benchmarks.warc_bench --bytes 50000000 --keep /tmp/warc   # a small one, kept for the next run

Three measurements, each in a fresh process, on `processes` cores:
- the bare reader: FastWARC reading every record and every page's payload, in one process (records/s, MB/s);
- newsdesk: the archive cut into slices as the flow's batches are (NEWSDESK_BATCH_SIZE records, NEWSDESK_BATCH_BYTES),
  each slice through the ingest reader and clean_document on a process of the pool, staging its rows;
- bare trafilatura: the same slices read with FastWARC, each page given to `trafilatura.extract` with its metadata
  (the text, title, date and site name newsdesk gives too), on a pool of the same size.
Both pages-per-second figures include cutting the archive into slices (one pass over its records): a pool of
processes needs the archive split, whichever library reads it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from benchmarks.dedup_bench import in_fresh_process
from benchmarks.resources import MemoryTimeline, load_average
from benchmarks.stage_work import ingest_and_clean, run_context
from benchmarks.warc_corpus import cc_news_archive

PROCESSES = 2


def _pool(processes: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"))


def _slices(archive: Path) -> list:
    """The archive's slices as a run batches it (the flow's split, with the run's settings)."""
    from flows.batches import split_inputs
    from tasks.settings import Settings

    settings = Settings()
    return [batch.items for batch in split_inputs([archive], settings.batch_size, settings.batch_bytes)]


def bare_reader(archive: str) -> dict:
    """FastWARC alone: every record's headers, every HTML response's payload read."""
    from fastwarc.warc import ArchiveIterator

    records = pages = payload = 0
    with MemoryTimeline() as memory, open(archive, "rb") as stream:
        started = time.perf_counter()
        for record in ArchiveIterator(stream, parse_http=True, auto_decode="none"):
            records += 1
            if record.is_http and (record.http_content_type or "").startswith("text/html"):
                payload += len(record.reader.read())
                pages += 1
        seconds = time.perf_counter() - started
    return {
        "records": records,
        "pages": pages,
        "seconds": seconds,
        "records_per_s": records / seconds,
        "mb_per_s": Path(archive).stat().st_size / 2**20 / seconds,
        "payload_mb": payload / 2**20,
        "peak_pss_mb": memory.peak_mb(),
    }


def _extract_slices(items: tuple) -> int:
    """Bare FastWARC and trafilatura on one batch's slices: each HTML page with status 200, text and metadata."""
    import trafilatura
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    pages = 0
    for piece in items:
        with open(piece.source, "rb") as stream:
            stream.seek(piece.start)
            for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
                if piece.end is not None and record.stream_pos >= piece.end:
                    break
                if record.http_headers.status_code == 200 and (record.http_content_type or "").startswith("text/html"):
                    trafilatura.extract(record.reader.read().decode("utf-8", "replace"), with_metadata=True)
                    pages += 1
    return pages


def bare_trafilatura(archive: str, processes: int) -> dict:
    """The same slices, each on a process of the pool; cutting them is timed, as it is for newsdesk."""
    with MemoryTimeline() as memory:
        started = time.perf_counter()
        batches = _slices(Path(archive))
        with _pool(processes) as pool:
            pages = sum(pool.map(_extract_slices, batches))
        seconds = time.perf_counter() - started
    return {"pages": pages, "seconds": seconds, "pages_per_s": pages / seconds, "peak_pss_mb": memory.peak_mb()}


def newsdesk_ingest_and_clean(archive: str, warehouse: str, processes: int) -> dict:
    """The archive's batches through ingest and clean on `processes` processes, each staging its rows."""
    ctx = run_context(Path(warehouse))
    with MemoryTimeline() as memory:
        started = time.perf_counter()
        batches = _slices(Path(archive))
        sliced = time.perf_counter() - started
        parts = [f"batch-{n:05d}" for n in range(len(batches))]
        with _pool(processes) as pool:
            done = list(pool.map(ingest_and_clean, batches, repeat(ctx), parts))
        seconds = time.perf_counter() - started
    ctx.staging.remove()
    documents, articles = sum(d[0] for d in done), sum(d[1] for d in done)
    return {
        "batches": len(batches),
        "slicing_seconds": sliced,
        "pages": documents,
        "articles": articles,
        "seconds": seconds,
        "pages_per_s": documents / seconds,
        "peak_pss_mb": memory.peak_mb(),
    }


def measure_warc(folder: Path, target_bytes: int, seed: int, processes: int = PROCESSES) -> dict:
    """Write the archive (unless `folder` already holds one of that size), then the three measurements."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / f"cc-news-{target_bytes}-{seed}.warc.gz"
    facts_file = archive.with_suffix(".json")
    if not facts_file.exists():
        started = time.perf_counter()
        facts = cc_news_archive(archive, target_bytes, seed) | {"written_in_s": time.perf_counter() - started}
        facts_file.write_text(json.dumps(facts))
    facts = json.loads(facts_file.read_text())
    print(f"  archive: {facts['bytes'] / 2**20:,.0f} MB, {facts['records']:,} records", flush=True)
    reader = in_fresh_process(bare_reader, str(archive))
    print(f"  bare reader {reader['records_per_s']:,.0f} records/s; newsdesk, load {load_average()}", flush=True)
    newsdesk = in_fresh_process(newsdesk_ingest_and_clean, str(archive), str(folder / "warehouse"), processes)
    print(f"  newsdesk {newsdesk['pages_per_s']:,.1f} pages/s; trafilatura, load {load_average()}", flush=True)
    baseline = in_fresh_process(bare_trafilatura, str(archive), processes)
    return {
        "archive": facts,
        "processes": processes,
        "bare_reader": reader,
        "newsdesk": newsdesk,
        "trafilatura": baseline,
        "ratio": newsdesk["pages_per_s"] / baseline["pages_per_s"],
        "load_average": load_average(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=2**30, help="size of the archive to write (default 1 GiB)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--keep", type=Path, help="write the archive here and reuse it (default: a temporary folder)")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-warc-") as temporary:
        results = measure_warc(args.keep or Path(temporary), args.bytes, args.seed)
    print(json.dumps(results, indent=1))
    if args.out:
        args.out.write_text(json.dumps(results, indent=1) + "\n")


if __name__ == "__main__":
    main()
