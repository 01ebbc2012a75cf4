"""`make bench`: the pipeline on seeded corpora beside the bare libraries, written to JSON and a markdown page.

    python -m benchmarks                                    # 1k, 10k, 100k, then 1M without the flow: ~80 min
    python -m benchmarks --sizes 1000 10000 --no-million    # a quick look: ~6 min
    python -m benchmarks --render docs/benchmarks.json      # targets and page again from saved figures: seconds
    python -m benchmarks --sizes 1000 --no-million --warc-bytes 1073741824   # the 1 GiB web archive only, ~20 min

Per size: a corpus is generated and written as input files (JSONL records, some .txt and .html pages), the flow
runs on it twice (first run, then the same input again), and the baselines run on the same texts. Then (unless
--no-million) ingest, clean, dedup and publish also run directly (without the flow) on 1,000,000 articles, and
(unless --warc-bytes 0) a Common Crawl News-like web archive goes through ingest and clean beside bare FastWARC and
bare trafilatura (benchmarks/warc_bench.py).
Set PREFECT_API_URL to measure against a running Prefect server instead of a temporary API per run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.report import render
from benchmarks.targets import summarise

PREFECT_ENV = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",  # a busy machine starts the temporary API slowly
}
ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000], help="articles per corpus")
    parser.add_argument(
        "--million",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also ingest, clean, dedup and publish 1M articles (about 25 min)",
    )
    parser.add_argument(
        "--warc-bytes",
        type=int,
        default=2**30,
        help="size of the web archive through ingest and clean (default 1 GiB, about 20 min; 0: none)",
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.json")
    parser.add_argument("--markdown", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument(
        "--render", type=Path, metavar="JSON", help="measure nothing: judge and render the figures saved in JSON"
    )
    args = parser.parse_args()
    results = json.loads(args.render.read_text(encoding="utf-8")) if args.render else _measure(args)
    results |= summarise(results)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    args.markdown.write_text(render(results), encoding="utf-8")
    print(f"wrote {args.out} and {args.markdown}")


def _measure(args: argparse.Namespace) -> dict:
    """Every size through the flow twice with its baselines, then the 1M stages: the figures, not yet judged."""
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as folder:
        # Before anything imports Prefect: the runs (in child processes) inherit these.
        os.environ.update({k: os.environ.get(k, v) for k, v in PREFECT_ENV.items()})
        os.environ["PREFECT_HOME"] = str(Path(folder) / "prefect")
        from benchmarks.pipeline_bench import measure_size
        from benchmarks.resources import load_average, machine
        from benchmarks.stage_work import measure_million
        from benchmarks.warc_bench import measure_warc

        results = {
            "command": " ".join(["python -m benchmarks", *sys.argv[1:]]),
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "load_average_at_start": load_average(),
            "seed": args.seed,
            "sizes": {},
        }
        for size in args.sizes:
            print(f"{size:,} articles: load average {load_average()}", flush=True)
            results["sizes"][str(size)] = measure_size(size, Path(folder) / str(size), args.seed)
        if args.million:
            print(f"1,000,000 articles, stages without the flow: load average {load_average()}", flush=True)
            results["million"] = measure_million(Path(folder) / "million", args.seed)
        if args.warc_bytes:
            print(f"a {args.warc_bytes / 2**20:,.0f} MB web archive: load average {load_average()}", flush=True)
            results["warc"] = measure_warc(Path(folder) / "warc", args.warc_bytes, args.seed)
        results["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        results["load_average_at_end"] = load_average()
    return results


if __name__ == "__main__":
    main()
