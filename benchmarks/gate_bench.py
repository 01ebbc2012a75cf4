"""The quality gate alone on a large staged output: `python -m benchmarks.gate_bench --articles 100000 [--bad 3]`.

Writes synthetic `articles` and `mentions` parts as a run's batches stage them (10,000 articles a part, five mentions
an article), then times the gate's validation of each table as a stage does, with `--bad` mentions too long for
their suite (so that the row-level path, finding and naming them, is timed too). Prints one JSON line; the CPU
seconds are the figure to compare on a busy machine.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from tasks.quality.gate import QualityGate
from tasks.settings import PROJECT_ROOT, Settings
from tasks.warehouse.staging import Staging

PART_ARTICLES = 10_000
MENTIONS_PER_ARTICLE = 5
WORDS = "the council said on monday that harbour budget talks would resume after the storm".split()


def _hex(n: int, length: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()[:length]


def _articles(first: int, count: int, rng: random.Random) -> pd.DataFrame:
    bodies = [
        "\n\n".join(" ".join(rng.choices(WORDS, k=60)).capitalize() + "." for _ in range(3)) for _ in range(count)
    ]
    ids = [_hex(n, 16) for n in range(first, first + count)]
    return pd.DataFrame(
        {
            "article_id": ids,
            "doc_id": [_hex(-n, 64) for n in range(first, first + count)],
            "source_uri": [f"file:///in/{n}.txt" for n in range(first, first + count)],
            "title": [f"Report {n}" for n in range(first, first + count)],
            "authors": [["A. Writer"]] * count,
            "publisher": "Example News",
            "language": "en",
            "body": bodies,
            "word_count": [len(b.split()) for b in bodies],
            "content_hash": [_hex(n, 64) for n in range(first, first + count)],
            "cluster_id": ids,
            "is_canonical": True,
            "polarity": 0.1,
            "ingested_at": datetime(2026, 1, 1, tzinfo=UTC),
            "run_id": "bench",
        }
    )


def _mentions(articles: pd.DataFrame) -> pd.DataFrame:
    rows = articles[["article_id"]].loc[articles.index.repeat(MENTIONS_PER_ARTICLE)].reset_index(drop=True)
    rows["start"] = [i % MENTIONS_PER_ARTICLE * 40 for i in range(len(rows))]
    return rows.assign(
        entity_id=_hex(0, 16),
        text="Harbour Council",
        type="ORG",
        end=rows["start"] + 15,
        country_codes=[[]] * len(rows),
        run_id="bench",
    )


def stage(staging: Staging, articles: int, bad: int, seed: int = 0) -> None:
    """The staged parts of a run of `articles` articles, `bad` of its mentions 400 characters long."""
    rng = random.Random(seed)
    for first in range(0, articles, PART_ARTICLES):
        part = f"batch-{first // PART_ARTICLES:05d}"
        rows = _articles(first, min(PART_ARTICLES, articles - first), rng)
        staging.write("articles", rows, part=part)
        mentions = _mentions(rows)
        if first == 0 and bad:
            mentions.loc[: bad - 1, "text"] = "Home News Sport " * 25
        staging.write("mentions", mentions, part=part)


def measure(articles: int, bad: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="gate-bench-") as folder:
        staging = Staging(Path(folder) / "staging")
        stage(staging, articles, bad)
        gate = QualityGate(PROJECT_ROOT / "expectations", Path(folder) / "reports")
        gate_rows = Settings().gate_rows
        figures = {"articles": articles, "bad_mentions": bad}
        for table in ("articles", "mentions"):
            started, cpu = time.perf_counter(), time.process_time()
            outcome = gate.validate_files("bench", table, staging.files(table), gate_rows)
            figures[f"{table}_seconds"] = round(time.perf_counter() - started, 2)
            figures[f"{table}_cpu_seconds"] = round(time.process_time() - cpu, 2)
            figures[f"{table}_rows"] = outcome.rows
            figures[f"{table}_success"] = outcome.success
            figures[f"{table}_quarantined"] = getattr(outcome, "quarantined", None)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--bad", type=int, default=0, help="mentions that break their suite's length check")
    args = parser.parse_args()
    print(json.dumps(measure(args.articles, args.bad)))


if __name__ == "__main__":
    main()
