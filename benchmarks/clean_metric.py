"""Token-level precision, recall and F1 of the cleaned body against the gold files in tests/clean/fixtures.

Run as `python -m benchmarks.clean_metric`; a fixture is a raw page (or a seed) plus `<name>.gold.json`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tasks.clean.article import CleanArticle, PageHints, clean_document

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "clean" / "fixtures"
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Score:
    name: str
    precision: float
    recall: float
    f1: float
    overlap: int
    produced: int
    expected: int


def gold_files() -> list[Path]:
    return sorted(FIXTURES.glob("*.gold.json"))


def clean_fixture(gold: dict) -> CleanArticle:
    """Clean a fixture's source the way the pipeline would: html pages as html, everything else as text."""
    source = ROOT / gold["source"]
    raw = source.read_text(encoding="utf-8")
    hints = dict(gold.get("hints") or {})
    if hints.get("published_at"):
        hints["published_at"] = datetime.fromisoformat(hints["published_at"])
    is_html = source.suffix in (".html", ".htm")
    return clean_document(None if is_html else raw, raw if is_html else None, PageHints(**hints))


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(name: str, produced: str, expected: str) -> Score:
    got, want = Counter(_TOKEN.findall(produced)), Counter(_TOKEN.findall(expected))
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else float(not want)
    recall = overlap / sum(want.values()) if want else 1.0
    return Score(name, precision, recall, _f1(precision, recall), overlap, sum(got.values()), sum(want.values()))


def score_all() -> tuple[list[Score], Score]:
    """A score per fixture and the micro-averaged overall score (tokens pooled over all fixtures)."""
    scores = []
    for path in gold_files():
        gold = json.loads(path.read_text(encoding="utf-8"))
        article = clean_fixture(gold)
        scores.append(score(path.name.removesuffix(".gold.json"), article.body, "\n\n".join(gold["paragraphs"])))
    overlap = sum(s.overlap for s in scores)
    produced = sum(s.produced for s in scores)
    expected = sum(s.expected for s in scores)
    precision, recall = overlap / produced, overlap / expected
    return scores, Score("overall", precision, recall, _f1(precision, recall), overlap, produced, expected)


def main() -> None:
    scores, overall = score_all()
    print(f"{'fixture':42} {'precision':>9} {'recall':>7} {'f1':>7}")
    for s in [*scores, overall]:
        print(f"{s.name:42} {s.precision:9.4f} {s.recall:7.4f} {s.f1:7.4f}")


if __name__ == "__main__":
    main()
