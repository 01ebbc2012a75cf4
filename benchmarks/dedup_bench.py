"""Deduplication speed and memory on the syndication corpus, beside a datasketch-only baseline.

    python -m benchmarks.dedup_bench --sizes 100000 1000000

Each measurement runs in a fresh process that reads the corpus from Parquet, so its peak memory is its
own (sampled every 20 ms, corpus included). Ours: content hashes, then assign_clusters on an empty
warehouse; `incremental`: a random 1% arriving after the other 99% were published. Baseline: datasketch
MinHash.bulk over the same word shingles, MinHashLSH with the same bands, a query per article, estimated
Jaccard >= the LSH threshold, the same union-find. Above --baseline-max articles the baseline runs on the
first --baseline-max and its time is extrapolated linearly (marked in the output).
"""

from __future__ import annotations

import argparse
import multiprocessing
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd
import psutil

from benchmarks.corpus import syndication_corpus
from benchmarks.resources import MemoryTimeline, load_average
from tasks.dedup.clusters import assign_clusters
from tasks.dedup.published import FramesIndex
from tasks.dedup.settings import DedupSettings
from tasks.dedup.union_find import connected_components
from tasks.text.content_hash import content_hashes, fold_text


def pairwise_scores(truth: pd.Series, clusters: pd.Series) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against the true story ids."""
    frame = pd.DataFrame({"story": truth.to_numpy(), "cluster": clusters.to_numpy()})

    def pairs(sizes: pd.Series) -> int:
        return int((sizes * (sizes - 1) // 2).sum())

    right = pairs(frame.groupby(["cluster", "story"]).size())
    return right / max(1, pairs(frame.groupby("cluster").size())), right / max(1, pairs(frame.groupby("story").size()))


COLUMNS = ["article_id", "body", "published_at", "ingested_at", "word_count", "story_id"]


def run_ours(path: str) -> dict:
    corpus = pd.read_parquet(path, columns=COLUMNS)
    with MemoryTimeline(interval=0.02) as memory:
        start, cpu = time.perf_counter(), time.process_time()
        corpus["content_hash"] = content_hashes(corpus["body"])
        result = assign_clusters(corpus, FramesIndex())
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    precision, recall = pairwise_scores(corpus["story_id"], result.clusters["cluster_id"])
    return {"seconds": seconds, "cpu": cpu, "peak_mb": memory.peak_mb(), "precision": precision, "recall": recall}


def run_incremental(path: str) -> dict:
    corpus = pd.read_parquet(path, columns=COLUMNS)
    corpus["content_hash"] = content_hashes(corpus["body"])
    arriving = np.random.default_rng(0).random(len(corpus)) < 0.01
    published, new = corpus[~arriving], corpus[arriving]
    first = assign_clusters(published, FramesIndex())
    index = FramesIndex(
        {
            "articles": published.merge(first.clusters, on="article_id"),
            "dedup_signatures": first.signatures.assign(run_id="r1"),
        }
    )
    with MemoryTimeline(interval=0.02) as memory:
        start, cpu = time.perf_counter(), time.process_time()
        result = assign_clusters(new, index)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    rerun_start = time.perf_counter()
    assign_clusters(published.iloc[-len(new) :], index)
    rerun = time.perf_counter() - rerun_start
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": memory.peak_mb(),
        "new": len(new),
        "rerun_seconds": rerun,
        "joined_published": int(result.clusters["cluster_id"].isin(first.clusters["cluster_id"]).sum()),
    }


def run_datasketch(path: str, limit: int) -> dict:
    from datasketch import MinHash, MinHashLSH

    corpus = pd.read_parquet(path, columns=COLUMNS).iloc[:limit]
    settings = DedupSettings()
    with MemoryTimeline(interval=0.02) as memory:
        start, cpu = time.perf_counter(), time.process_time()
        shingle_sets = []
        for body in corpus["body"]:
            words = fold_text(body).split()
            count = max(len(words) - settings.shingle_words + 1, 1)
            shingle_sets.append([" ".join(words[i : i + settings.shingle_words]).encode() for i in range(count)])
        minhashes = MinHash.bulk(shingle_sets, num_perm=settings.permutations, seed=settings.seed % 2**32)
        lsh = MinHashLSH(num_perm=settings.permutations, params=(settings.bands, settings.rows))
        with lsh.insertion_session() as session:
            for i, minhash in enumerate(minhashes):
                session.insert(i, minhash)
        left, right = [], []
        threshold = (1 / settings.bands) ** (1 / settings.rows)
        for i, minhash in enumerate(minhashes):
            for j in lsh.query(minhash):
                if j > i and minhash.jaccard(minhashes[j]) >= threshold:
                    left.append(i)
                    right.append(j)
        labels = connected_components(len(corpus), np.array(left, dtype=np.int64), np.array(right, dtype=np.int64))
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    precision, recall = pairwise_scores(corpus["story_id"], pd.Series(labels))
    return {
        "seconds": seconds,
        "cpu": cpu,
        "peak_mb": memory.peak_mb(),
        "precision": precision,
        "recall": recall,
        "measured_on": len(corpus),
    }


def in_fresh_process(function, *args) -> dict:
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--baseline-max", type=int, default=100_000, help="largest corpus the baseline runs on in full")
    parser.add_argument("--incremental", action="store_true", help="also time 1%% new articles against 99%% published")
    parser.add_argument("--corpus-dir", type=Path, help="keep the generated corpora here and reuse them in later runs")
    args = parser.parse_args()

    print(f"cores: {psutil.cpu_count()}, load average: {load_average()[0]:.1f}")
    print("seconds: wall clock; cpu: CPU seconds of the measuring process (the machine may be shared)")
    print(
        f"{'articles':>9} {'method':<22} {'seconds':>8} {'cpu':>8} {'art/s':>8} {'peak MB':>8} "
        f"{'precision':>9} {'recall':>7}  note"
    )
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.corpus_dir or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            path = str(folder / f"corpus_{size}_seed{args.seed}.parquet")
            if not Path(path).exists():
                print(f"generating {size:,} articles, load average {load_average()[0]:.1f}", flush=True)
                syndication_corpus(size, seed=args.seed).to_parquet(path)
            print(f"measuring {size:,} articles, load average {load_average()[0]:.1f}", flush=True)
            ours = in_fresh_process(run_ours, path)
            _report(size, "newsdesk (numpy)", ours, "")
            baseline = in_fresh_process(run_datasketch, path, args.baseline_max)
            measured = baseline["measured_on"]
            note = (
                ""
                if measured == size
                else f"measured on {measured:,}; time extrapolated x{size / measured:g}, memory as measured"
            )
            baseline["seconds"] *= size / measured
            baseline["cpu"] *= size / measured
            _report(size, "datasketch baseline", baseline, note)
            if args.incremental:
                step = in_fresh_process(run_incremental, path)
                _report(
                    step["new"],
                    "incremental (1% new)",
                    step,
                    f"against {size - step['new']:,} published; "
                    f"{step['joined_published']:,} joined published clusters; "
                    f"re-run of {step['new']:,} published articles {step['rerun_seconds']:.2f} s",
                )


def _report(size: int, method: str, figures: dict, note: str) -> None:
    precision = f"{figures['precision']:.4f}" if "precision" in figures else "-"
    recall = f"{figures['recall']:.4f}" if "recall" in figures else "-"
    print(
        f"{size:>9,} {method:<22} {figures['seconds']:>8.1f} {figures['cpu']:>8.1f} {size / figures['seconds']:>8,.0f} "
        f"{figures['peak_mb']:>8,.0f} {precision:>9} {recall:>7}  load {load_average()[0]:.1f}; {note}",
        flush=True,
    )


if __name__ == "__main__":
    main()
