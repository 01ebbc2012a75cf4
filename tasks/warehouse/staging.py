"""A run's private work area: each stage writes its output tables here for the gate, then the next stage reads them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq

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

    def count(self, table: str) -> int:
        """Rows in every part of a table but the upserts, from the files' metadata (nothing is read)."""
        return sum(pq.read_metadata(path).num_rows for path in self.files(table))

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """Every part of a table but the upserts (only `columns` when given); empty with the schema when the run
        wrote none."""
        return to_frame(read_files(self.files(table), _table(table), columns))

    def read_part(self, table: str, part: str, columns: list[str] | None = None) -> pd.DataFrame:
        """One part of a table, e.g. one batch's rows; empty with the schema when that part was not written."""
        path = self.dir / table / f"{part}.parquet"
        return to_frame(read_files([path] if path.exists() else [], _table(table), columns))

    def replace(self, table: str, frame: pd.DataFrame) -> Path:
        """Make `frame` the table's only rows, e.g. after merging what batches wrote in parts."""
        for path in self.files(table):
            path.unlink()
        return self.write(table, frame)

    def set_columns(self, table: str, values: pd.DataFrame, key: str) -> None:
        """Give the rows of every part the columns of `values` (rows matched on `key`), one part at a time: a step
        over the whole run keeps the parts (one per batch) that later per-batch steps read, and never holds them all."""
        for path in self.files(table):
            rows = self.read_part(table, path.stem)
            rows = rows.drop(columns=[c for c in values.columns if c != key]).merge(values, on=key, how="left")
            self.write(table, rows, part=path.stem)

    def read_upsert(self, table: str) -> pd.DataFrame:
        return self.read_part(table, UPSERT)

    def upsert_file(self, table: str) -> Path | None:
        """The table's upsert part, when the run wrote one."""
        path = self.dir / table / f"{UPSERT}.parquet"
        return path if path.exists() else None

    def write_deletes(self, table: str, keys: pd.DataFrame) -> Path:
        """Keys of published rows the run drops (only the key columns)."""
        path = self.dir / table / f"{DELETE}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        keys[list(_table(table).key)].to_parquet(path, index=False)
        return path

    def read_deletes(self, table: str) -> pd.DataFrame | None:
        path = self.dir / table / f"{DELETE}.parquet"
        return pd.read_parquet(path) if path.exists() else None

    def drop_rows(self, table: str, column: str, values) -> int:
        """Take rows out of every part of a staged table, e.g. the dependents of a quarantined article."""
        return self.drop_keys(table, pd.DataFrame({column: list(values)}))

    def drop_keys(self, table: str, keys: pd.DataFrame) -> int:
        """Take the rows whose values in the columns of `keys` match one of its rows (compared as text) out of every
        part of a staged table, the upserts too; only the parts that held one are rewritten. Returns how many."""
        columns, wanted = list(keys.columns), set(keys.astype(str).itertuples(index=False, name=None))
        taken = 0
        for path, hit in self._matches(table, columns, wanted):
            self.write(table, self.read_part(table, path.stem)[~hit], part=path.stem)
            taken += int(hit.sum())
        return taken

    def clear_values(self, table: str, column: str, values) -> None:
        """Set `column` to null wherever it holds one of `values`, e.g. links to an entity that was taken out."""
        for path, hit in self._matches(table, [column], {(str(v),) for v in values}):
            rows = self.read_part(table, path.stem)
            rows.loc[hit, column] = None
            self.write(table, rows, part=path.stem)

    def _matches(self, table: str, columns: list[str], wanted: set[tuple]) -> Iterator[tuple[Path, np.ndarray]]:
        """The parts (upserts too) holding rows whose `columns`, as text, are in `wanted`, each with its mask of
        them; only those columns are read to find them."""
        for path in sorted((self.dir / table).glob("*.parquet")) if wanted else []:
            if path.stem == DELETE:
                continue
            held = pq.read_table(path, columns=columns)
            values = zip(*(map(str, held[c].to_pylist()) for c in columns), strict=True)
            hit = np.fromiter((row in wanted for row in values), bool, held.num_rows)
            if hit.any():
                yield path, hit

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
