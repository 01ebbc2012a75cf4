"""Enrichment throughput beside spaCy's NER-only throughput on the same texts in the same run.

    python -m benchmarks.enrich_bench --articles 10000

Prints words per second for: NER alone in one process, NER alone in a worker pool, and the whole
enrich_articles (language, entities, quotes, dates, tone, keyphrases) with the run's workers.
The model and the language detector are loaded before timing: they are one-off costs of a process.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from functools import partial

import pandas as pd

from benchmarks.corpus import syndication_corpus
from tasks.enrich.annotate import enrich_articles
from tasks.enrich.annotation import load_annotators
from tasks.enrich.model import ner_pipeline
from tasks.pool import map_batches
from tasks.settings import Settings


def ner_spans(texts: list[str], model: str) -> list[list[tuple[int, int, str]]]:
    """NER alone, returning plain tuples as the enrichment workers do."""
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in ner_pipeline(model).pipe(texts)]


def timed(run) -> tuple[float, float]:
    """Wall seconds and CPU seconds (this process and its reaped workers): CPU time still means something
    when other work shares the machine."""
    wall, cpu = time.perf_counter(), _cpu_seconds()
    run()
    return time.perf_counter() - wall, _cpu_seconds() - cpu


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=Settings().workers)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    settings = Settings().with_(workers=args.workers)
    corpus = syndication_corpus(args.articles, seed=args.seed)
    articles = corpus[["article_id", "title", "body", "published_at"]]
    texts = articles.body.tolist()
    words = int(corpus.word_count.sum())
    prepare = partial(load_annotators, settings.spacy_model, tuple(settings.languages))
    prepare()

    size = max(1, len(texts) // (4 * max(1, args.workers)))
    batches = [texts[i : i + size] for i in range(0, len(texts), size)]
    work = partial(ner_spans, model=settings.spacy_model)
    runs = {
        "spaCy NER only, 1 process": lambda: ner_spans(texts, settings.spacy_model),
        f"spaCy NER only, {args.workers}-process pool": lambda: list(
            map_batches(work, batches, prepare, args.workers, len(texts))
        ),
        f"enrich_articles, {args.workers} workers": lambda: enrich_articles(articles, pd.DataFrame(), settings),
    }
    print(f"{len(texts)} articles, {words:,} words, spaCy model {settings.spacy_model}", flush=True)
    figures = []
    for label, run in runs.items():
        wall, cpu = timed(run)
        figures.append((wall, cpu))
        print(
            f"{label:40s} {wall:7.1f} s {words / wall:9,.0f} words/s {words / cpu:9,.0f} words per CPU-second"
            f"   (load average {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    (ner_wall, ner_cpu), (pool_wall, _), (enrich_wall, enrich_cpu) = figures
    print(f"enrich_articles / NER-only pool (wall): {pool_wall / enrich_wall:.2f}")
    print(
        f"enrich_articles / NER-only 1 process (wall): {ner_wall / enrich_wall:.2f}; "
        f"per CPU-second: {ner_cpu / enrich_cpu:.2f}"
    )


if __name__ == "__main__":
    main()
