"""A consistent read-only view of one published warehouse version."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa

from tasks.schemas import ALL_TABLES
from tasks.warehouse.layout import Layout
from tasks.warehouse.parquet_io import read_files, to_frame


class Snapshot:
    """Resolves the `current` pointer once, so a whole read sees one version even while a run publishes."""

    def __init__(self, warehouse: Path):
        self.layout = Layout(Path(warehouse))
        current = self.layout.current
        self.version_dir: Path | None = (
            (current.parent / os.readlink(current)).resolve() if current.is_symlink() else None
        )

    @property
    def exists(self) -> bool:
        return self.version_dir is not None

    @property
    def version(self) -> str | None:
        return self.version_dir.name if self.version_dir else None

    def files(self, table: str) -> list[Path]:
        if self.version_dir is None:
            return []
        return sorted((self.version_dir / table).glob("**/*.parquet"))

    def read_arrow(self, table: str, columns: list[str] | None = None) -> pa.Table:
        return read_files(self.files(table), ALL_TABLES[table], columns)

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """The table (or some of its columns) as pandas; an empty frame with the schema when nothing is published."""
        return to_frame(self.read_arrow(table, columns))
