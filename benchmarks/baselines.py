"""The bare libraries doing the pipeline's work on the same texts, each in a fresh process: what a stage costs
beside the library it is built on.

- spaCy NER only: `nlp.pipe` with every component but `ner` disabled, in one process per core (and up to 10k
  articles also in one process);
- datasketch MinHash + LSH over the same word shingles (benchmarks.dedup_bench.run_datasketch);
- trafilatura on the HTML pages, beside newsdesk's clean_document on the same pages;
- a plain pyarrow write of the published `articles` rows.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

import psutil

from benchmarks.dedup_bench import in_fresh_process, run_datasketch
from benchmarks.resources import MemoryTimeline, load_average


def _cpu_seconds() -> float:
    """CPU time of this process and its reaped workers: still meaningful when other work shares the machine."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measured(run, items: int) -> dict:
    """Wall and CPU seconds, items per second, peak memory of the process tree and the load while `run` ran."""
    with MemoryTimeline() as memory:
        wall, cpu = time.perf_counter(), _cpu_seconds()
        run()
        wall, cpu = time.perf_counter() - wall, _cpu_seconds() - cpu
    return {
        "items": items,
        "seconds": wall,
        "cpu_seconds": cpu,
        "items_per_s": items / wall,
        "peak_pss_mb": memory.peak_mb(),
        "load_average": load_average(),
    }


def spacy_ner(texts: list[str], model: str, processes: int) -> dict:
    import spacy

    nlp = spacy.load(model, enable=["ner"])
    nlp("warm up")
    return measured(lambda: sum(len(doc.ents) for doc in nlp.pipe(texts, n_process=processes)), len(texts))


def trafilatura_pages(paths: list[str]) -> dict:
    import trafilatura

    pages = [Path(p).read_text(encoding="utf-8") for p in paths]
    return measured(lambda: [trafilatura.extract(page) for page in pages], len(pages))


def newsdesk_pages(paths: list[str]) -> dict:
    from tasks.clean.article import PageHints, clean_document
    from tasks.clean.language import detect_language

    pages = [Path(p).read_text(encoding="utf-8") for p in paths]
    detect_language("Dieser Satz ist auf Deutsch geschrieben")  # loads lingua's models: once per process
    return measured(lambda: [clean_document(None, page, PageHints()) for page in pages], len(pages))


def pyarrow_write(warehouse: str) -> dict:
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    rows = ds.dataset(Path(warehouse) / "articles", format="parquet", partitioning="hive").to_table()
    with tempfile.TemporaryDirectory() as folder:
        return measured(lambda: pq.write_table(rows, Path(folder) / "articles.parquet"), rows.num_rows)


def datasketch_lsh(corpus_parquet: str) -> dict:
    result = run_datasketch(corpus_parquet, limit=10**9)
    return {
        "items": result["measured_on"],
        "seconds": result["seconds"],
        "cpu_seconds": result["cpu"],
        "items_per_s": result["measured_on"] / result["seconds"],
        "peak_pss_mb": result["peak_mb"],
        "precision": result["precision"],
        "recall": result["recall"],
        "load_average": load_average(),
    }


SINGLE_PROCESS_NER_MAX = 10_000
"""Above this size NER runs only in one process per core, the faster setting the targets compare with: in one
process, 100k articles would add about 30 minutes to the benchmark and tell nothing new."""


def all_baselines(texts: list[str], html_pages: list[str], corpus_parquet: str, warehouse: str, model: str) -> dict:
    """Every baseline on this size's texts; NER in one process per core, and up to 10k also in one process."""
    cores = psutil.cpu_count() or 1
    single = (
        {"spacy_ner_1_process": in_fresh_process(spacy_ner, texts, model, 1)}
        if len(texts) <= SINGLE_PROCESS_NER_MAX
        else {}
    )
    return single | {
        f"spacy_ner_{cores}_processes": in_fresh_process(spacy_ner, texts, model, cores),
        "datasketch_minhash_lsh": in_fresh_process(datasketch_lsh, corpus_parquet),
        "trafilatura_html": in_fresh_process(trafilatura_pages, html_pages),
        "newsdesk_clean_html": in_fresh_process(newsdesk_pages, html_pages),
        "pyarrow_write_articles": in_fresh_process(pyarrow_write, warehouse),
    }
