"""A run's private work area: each stage writes its output tables here for the gate, then the next stage reads them."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tasks.schemas import ALL_TABLES, STAGING_TABLES
from tasks.warehouse.parquet_io import read_files, to_arrow, to_frame, write_table

UPSERT = "upsert"
DELETE = "delete"


def _table(name: str):
    return ALL_TABLES.get(name) or STAGING_TABLES[name]


@dataclass(frozen=True)
class Staging:
    """Tables of one run: `<dir>/<table>/<part>.parquet`. The part `upsert` holds rows that replace published rows
    with the same key (or are added), `delete` the keys of published rows to drop."""

    dir: Path

    def write(self, table: str, frame: pd.DataFrame, part: str = "rows") -> Path:
        return write_table(to_arrow(frame, _table(table)), _table(table), self.dir / table / f"{part}.parquet")

    def files(self, table: str) -> list[Path]:
        return sorted(p for p in (self.dir / table).glob("*.parquet") if p.stem not in (UPSERT, DELETE))

    def read(self, table: str) -> pd.DataFrame:
        """Every part of a table but the upserts; empty with the schema when the run wrote none."""
        return to_frame(read_files(self.files(table), _table(table)))

    def read_part(self, table: str, part: str) -> pd.DataFrame:
        """One part of a table, e.g. one batch's rows; empty with the schema when that part was not written."""
        path = self.dir / table / f"{part}.parquet"
        return to_frame(read_files([path] if path.exists() else [], _table(table)))

    def replace(self, table: str, frame: pd.DataFrame) -> Path:
        """Make `frame` the table's only rows, e.g. after merging what batches wrote in parts."""
        for path in self.files(table):
            path.unlink()
        return self.write(table, frame)

    def write_back(self, table: str, frame: pd.DataFrame, key: str) -> None:
        """Rewrite each part with the rows of `frame` whose `key` it held, so a step over the whole run keeps
        the parts (one per batch) that later per-batch steps read."""
        for path in self.files(table):
            held = self.read_part(table, path.stem)[key]
            self.write(table, frame[frame[key].isin(held)], part=path.stem)

    def read_upsert(self, table: str) -> pd.DataFrame:
        return self.read_part(table, UPSERT)

    def write_deletes(self, table: str, keys: pd.DataFrame) -> Path:
        """Keys of published rows the run drops (only the key columns)."""
        path = self.dir / table / f"{DELETE}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        keys[list(_table(table).key)].to_parquet(path, index=False)
        return path

    def read_deletes(self, table: str) -> pd.DataFrame | None:
        path = self.dir / table / f"{DELETE}.parquet"
        return pd.read_parquet(path) if path.exists() else None

    def drop_rows(self, table: str, column: str, values) -> None:
        """Take rows out of every part of a staged table, e.g. the dependents of a quarantined article."""
        for path in sorted((self.dir / table).glob("*.parquet")):
            if path.stem == DELETE:
                continue
            rows = to_frame(read_files([path], _table(table)))
            self.write(table, rows[~rows[column].isin(values)], part=path.stem)

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
