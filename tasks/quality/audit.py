"""`newsdesk validate`: every published table against its suite, on one consistent version, a chunk of its files at
a time (as the gate validates a run), so a large warehouse is never held whole."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from tasks.quality.gate import QualityGate, ValidationOutcome
from tasks.schemas import TABLES
from tasks.settings import Settings
from tasks.warehouse.layout import Layout
from tasks.warehouse.location import local_root
from tasks.warehouse.snapshot import Snapshot


def validate_published(warehouse: Path | str, settings: Settings | None = None) -> list[ValidationOutcome] | None:
    """Outcomes per table, or None when nothing has been published yet."""
    snapshot = Snapshot(warehouse)
    if not snapshot.exists:
        return None
    settings = settings or Settings()
    run = f"validate-{datetime.now(UTC):%Y%m%dT%H%M%S}"
    report_dir = Layout(local_root(warehouse, settings.cache_dir)).reports(run)
    gate = QualityGate(settings.expectations, report_dir)
    outcomes = [
        gate.validate_files("published", name, snapshot.files(name), settings.gate_rows, snapshot.filesystem)
        for name in TABLES
    ]
    gate.build_docs()
    return outcomes
