"""A consistent read-only view of one published warehouse version, in a local folder or at a URL."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from tasks.schemas import ALL_TABLES
from tasks.warehouse.layout import Layout
from tasks.warehouse.location import is_url
from tasks.warehouse.parquet_io import read_files, to_frame
from tasks.warehouse.remote import RemoteWarehouse

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem


class Snapshot:
    """Resolves the `current` pointer (a link, or the CURRENT object of a URL warehouse) once, so a whole read sees
    one version even while a run publishes."""

    def __init__(self, warehouse: Path | str):
        self.version_dir: Path | None = None
        self.remote: RemoteWarehouse | None = None
        self._manifest = None
        if is_url(warehouse):
            self.remote = RemoteWarehouse(warehouse)
            self._manifest = self.remote.current()
            return
        current = Layout(Path(warehouse)).current
        if current.is_symlink():
            self.version_dir = (current.parent / os.readlink(current)).resolve()

    @property
    def exists(self) -> bool:
        return self.version_dir is not None or self._manifest is not None

    @property
    def version(self) -> str | None:
        if self._manifest is not None:
            return self._manifest.version
        return self.version_dir.name if self.version_dir else None

    @property
    def filesystem(self) -> AbstractFileSystem | None:
        """The fsspec file system of a URL warehouse's files; None for a local folder."""
        return self.remote.fs if self.remote else None

    def files(self, table: str) -> list[Path] | list[str]:
        """The table's Parquet files: paths in the version folder, or object paths on the URL's file system."""
        if self._manifest is not None:
            return [self.remote.path(e.key) for e in self._manifest.tables.get(table, [])]
        if self.version_dir is None:
            return []
        return sorted((self.version_dir / table).glob("**/*.parquet"))

    def uris(self, table: str) -> list[str]:
        """The table's files as full URLs, for a reader given the file system (DuckDB, Polars)."""
        if self._manifest is not None:
            return [self.remote.uri(e.key) for e in self._manifest.tables.get(table, [])]
        return [str(p) for p in self.files(table)]

    def read_arrow(self, table: str, columns: list[str] | None = None) -> pa.Table:
        return read_files(self.files(table), ALL_TABLES[table], columns, self.filesystem)

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """The table (or some of its columns) as pandas; an empty frame with the schema when nothing is published."""
        return to_frame(self.read_arrow(table, columns))

    def read_where(
        self, table: str, column: str, values: pd.Series | list[str], columns: list[str] | None = None
    ) -> pd.DataFrame:
        """The rows whose `column` is one of `values` (only `columns`, which then include `column`), read a file at
        a time: a few rows of a large table cost the memory of one file, not of the table."""
        wanted = pa.array(values, pa.string())
        parts = [data.filter(pc.is_in(data[column], value_set=wanted)) for data in self._each_file(table, columns)]
        return to_frame(pa.concat_tables(parts) if parts else read_files([], ALL_TABLES[table], columns))

    def read_each(self, table: str, columns: list[str] | None = None) -> Iterator[pd.DataFrame]:
        """The table (or some of its columns) one file at a time, so that a pass over it holds one file's rows."""
        return (to_frame(data) for data in self._each_file(table, columns))

    def _each_file(self, table: str, columns: list[str] | None = None) -> Iterator[pa.Table]:
        for path in self.files(table):
            yield read_files([path], ALL_TABLES[table], columns, self.filesystem)
