"""The inbox of a served pipeline: which files landed since a run last took them.

The ledger is the internal table `inbox_files`, published in the same atomic version as the run's data. A run that
fails its quality gate or dies publishes none of it, so its files stay pending; a file that changes after it was
listed (size or mtime) is pending again. Re-reading is harmless: ingest skips published documents.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tasks.ingest.discover import discover_files
from tasks.ingest.rejection import Rejection
from tasks.warehouse.snapshot import Snapshot

LEDGER = "inbox_files"


@dataclass(frozen=True)
class PendingFiles:
    items: list[Path | Rejection]
    ledger: pd.DataFrame
    """`inbox_files` rows (without run_id) for the files taken."""
    settling: int
    """Files changed too recently to be complete; the next run takes them."""


def pending_files(inbox: Path, warehouse: Path, settle_seconds: float) -> PendingFiles:
    """Files of the inbox whose (uri, size, mtime) the ledger of the current version does not hold."""
    taken = Snapshot(warehouse).read(LEDGER, ["source_uri", "byte_size", "mtime_ns"])
    known = set(zip(taken["source_uri"], taken["byte_size"], taken["mtime_ns"], strict=True))
    newest = time.time_ns() - int(settle_seconds * 1e9)
    items, rows, settling = [], [], 0
    for item in discover_files([inbox]):
        if isinstance(item, Rejection):
            items.append(item)  # quarantine keeps one row per (uri, stage), so a broken link is not counted twice
            continue
        stat = item.stat()
        row = {"source_uri": item.as_uri(), "byte_size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
        if (row["source_uri"], row["byte_size"], row["mtime_ns"]) in known:
            continue
        if stat.st_mtime_ns > newest:
            settling += 1
            continue
        items.append(item)
        rows.append(row)
    return PendingFiles(items, pd.DataFrame(rows, columns=["source_uri", "byte_size", "mtime_ns"]), settling)
