"""Where everything lives inside a warehouse folder.

<warehouse>/<table>/                 -> link to _newsdesk/current/<table>, what readers glob
<warehouse>/_newsdesk/current        -> link to versions/<version>, swapped atomically on publish
<warehouse>/_newsdesk/versions/<v>/  every table of one published version (unchanged files are hard links)
<warehouse>/_newsdesk/staging/<run>/ a run's stage outputs, validated before the next stage reads them
<warehouse>/_newsdesk/reports/<run>/ the run's validation results and GX Data Docs
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

STATE_DIR = "_newsdesk"


@dataclass(frozen=True)
class Layout:
    root: Path

    @property
    def state(self) -> Path:
        return self.root / STATE_DIR

    @property
    def versions(self) -> Path:
        return self.state / "versions"

    @property
    def current(self) -> Path:
        return self.state / "current"

    @property
    def lock(self) -> Path:
        return self.state / "lock"

    def staging(self, run_id: str) -> Path:
        return self.state / "staging" / run_id

    def reports(self, run_id: str) -> Path:
        return self.state / "reports" / run_id

    def table_link(self, table: str) -> Path:
        return self.root / table
