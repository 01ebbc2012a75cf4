"""Metadata accuracy on the extraction dev set: title, authors, publisher and publication day against the gold.

    python -m benchmarks.metadata_accuracy WAREHOUSE [--source-contains /html/] [--devsets DIR]

Prints one JSON line, like the dev sets' `score.py`. Each field is judged over the gold pages that state it (a page
with no article counts as wrong):
- title: exact match after whitespace is collapsed;
- authors: at least one author, and each one's words (letters only, case-folded) appear in that order in the
  gold byline, which may be raw (`By Jane Doe March 3, 2015`);
- publisher: the site name, case-folded, after whitespace is collapsed;
- date: the day of `published_at` is the gold's day as written or in UTC.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pandas as pd

from benchmarks.devsets import devsets_folder, read_gold, scorer

_LETTERS = re.compile(r"[^\W\d_]+")
FIELDS = ("title", "authors", "publisher", "date")


@dataclass
class Metadata:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published_at: datetime | None = None


def _collapsed(text: str | None) -> str:
    return " ".join((text or "").split())


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _LETTERS.findall(text)]


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def gold_days(published: str) -> set[date]:
    """The day a gold date names, as written and in UTC (they differ near midnight); empty when unreadable."""
    moment = pd.to_datetime(published, errors="coerce")
    if pd.isna(moment):
        return set()
    moment = moment.to_pydatetime()
    return {moment.date(), moment.astimezone(UTC).date()} if moment.tzinfo else {moment.date()}


def judge(predicted: Metadata | None, gold: dict) -> dict[str, bool | None]:
    """For each field, whether the prediction is right, or None when the gold does not state it."""
    got = predicted or Metadata()
    byline = _words(gold["byline"] or "")
    return {
        "title": None if not gold["title"] else _collapsed(got.title) == _collapsed(gold["title"]),
        "authors": None
        if not byline
        else bool(got.authors) and all(_contains(byline, _words(name)) for name in got.authors),
        "publisher": None
        if not gold["site_name"]
        else _collapsed(got.publisher).casefold() == _collapsed(gold["site_name"]).casefold(),
        "date": None
        if not gold["published"]
        else got.published_at is not None and got.published_at.date() in gold_days(gold["published"]),
    }


def accuracy(predicted: dict[str, Metadata], gold: list[dict]) -> dict:
    """Per field: the share right of the gold pages that state it, and how many pages that is."""
    verdicts = [judge(predicted.get(page["id"]), page) for page in gold]
    result = {}
    for name in FIELDS:
        judged = [v[name] for v in verdicts if v[name] is not None]
        result[f"{name}_accuracy"] = round(sum(judged) / len(judged), 4) if judged else 0.0
        result[f"{name}_pages"] = len(judged)
    return result


def warehouse_metadata(
    warehouse: Path, devsets: Path, gold: list[dict], source_contains: str | None = None
) -> dict[str, Metadata]:
    """The metadata of the article `score.py` scores for each gold page (the same choice of article)."""
    chosen, _ = scorer(devsets).articles_by_gold_id(warehouse, {g["id"] for g in gold}, source_contains)
    ids = [row["article_id"] for row in chosen.values()]
    pattern = str(warehouse / "articles" / "**" / "*.parquet")
    rows = duckdb.sql(
        "select article_id, title, authors, publisher, published_at from read_parquet($pattern, "
        "hive_partitioning = true, union_by_name = true) where list_contains($ids, article_id)",
        params={"pattern": pattern, "ids": ids},
    ).fetchall()
    by_article = {row[0]: Metadata(row[1], list(row[2] or []), row[3], row[4]) for row in rows}
    return {page: by_article.get(row["article_id"]) for page, row in chosen.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--source-contains", help="only articles whose source_uri contains this (e.g. /html/)")
    parser.add_argument("--devsets", type=Path, help="the dev sets' folder (default: ../shared/devsets)")
    args = parser.parse_args()
    devsets = devsets_folder(args.devsets)
    gold = read_gold(devsets, "extraction")
    predicted = warehouse_metadata(args.warehouse, devsets, gold, args.source_contains)
    print(json.dumps({"set": "extraction-metadata", "pages": len(gold), **accuracy(predicted, gold)}))


if __name__ == "__main__":
    main()
