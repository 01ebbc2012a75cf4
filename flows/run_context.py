"""What every stage of one run needs to know: which run, which warehouse, where its staging area is."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from tasks.ingest.rejection import Rejection
from tasks.settings import Settings
from tasks.warehouse.layout import Layout
from tasks.warehouse.staging import Staging


@dataclass(frozen=True)
class RunContext:
    run_id: str
    started_at: datetime
    settings: Settings

    @property
    def layout(self) -> Layout:
        return Layout(self.settings.warehouse)

    @property
    def staging(self) -> Staging:
        return Staging(self.layout.staging(self.run_id))

    @property
    def report_dir(self) -> Path:
        return self.layout.reports(self.run_id)

    def quarantine(self, rejections: list[Rejection], part: str) -> None:
        """Stage refused inputs as this run's `quarantine` rows; each stage and batch writes its own part."""
        self.staging.write("quarantine", pd.DataFrame([r.as_row(self.run_id) for r in rejections]), part=part)


@dataclass
class StageReport:
    """Counts of one stage for logs, the summary table and the Prefect artifacts."""

    stage: str
    rows_in: int
    rows_out: int
    quarantined: int = 0
    seconds: float = 0.0
    tables: tuple[str, ...] = ()
    note: str = ""
    skipped: int = 0
    """Inputs already published, left alone."""
    quarantined_ids: tuple[str, ...] = ()
    """Articles the stage quarantined, whose rows in other staged tables must go too."""
    ran: bool = True
    """False when the stage had nothing to read and did not start."""
    not_articles: dict[str, int] = field(default_factory=dict)
    """Web archive records that are no article page, by kind (request, redirect, image, ...): counted, not stored."""

    @classmethod
    def not_run(cls, stage: str, why: str) -> StageReport:
        """A stage left out because it had nothing to read: it staged no table, so no suite had anything to check."""
        return cls(stage, rows_in=0, rows_out=0, note=f"not run: {why}", ran=False)

    @classmethod
    def combined(cls, reports: list[StageReport]) -> StageReport:
        """One stage's report over all its batches."""
        first, skipped = reports[0], sum(r.skipped for r in reports)
        return cls(
            first.stage,
            rows_in=sum(r.rows_in for r in reports),
            rows_out=sum(r.rows_out for r in reports),
            quarantined=sum(r.quarantined for r in reports),
            seconds=sum(r.seconds for r in reports),
            tables=first.tables,
            note=f"{skipped} already published" if skipped else "",
            skipped=skipped,
            quarantined_ids=tuple(i for r in reports for i in r.quarantined_ids),
            not_articles=dict(sum((Counter(r.not_articles) for r in reports), Counter())),
        )
