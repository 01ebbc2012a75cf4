"""Atomic publish: build a complete new version beside the current one, then swap one pointer.

A run that dies before the swap leaves the previous version current and untouched; readers that resolve the
pointer once (Snapshot, `newsdesk query`) never see a mix. Unchanged part files are hard links, so a version costs
only what the run changed.
"""

from __future__ import annotations

import functools
import itertools
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from tasks.schemas import ALL_TABLES, TABLES, Table
from tasks.warehouse.layout import Layout
from tasks.warehouse.parquet_io import read_files, write_parts, write_table
from tasks.warehouse.snapshot import Snapshot

KEEP_VERSIONS = 5
"""Previous versions kept for readers still going through an older pointer."""

EMPTY_PART = "part-empty.parquet"


@dataclass
class TableChanges:
    """What a run does to one table: rows to add (as Arrow tables taken one at a time, e.g. the run's staged parts
    read as they are written, so a version is built without holding the run), rows that replace published rows with
    the same key (or are added), and keys of published rows to drop."""

    append: Iterable[pa.Table] = ()
    upsert: pa.Table | None = None
    delete: pa.Table | None = None


def _key_strings(data: pa.Table, table: Table) -> pa.Array:
    """One string per row naming its key, for set lookups across tables."""
    keys = [pc.cast(data[k], pa.string()).combine_chunks() for k in table.key]
    return keys[0] if len(keys) == 1 else pc.binary_join_element_wise(*keys, "\x1f")


def _without_keys(data: pa.Table, keys: pa.Array, table: Table) -> pa.Table:
    if not data.num_rows or not len(keys):
        return data
    return data.filter(pc.invert(pc.is_in(_key_strings(data, table), value_set=keys)))


def link_or_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _rows(data: pa.Table | None, table: Table) -> pa.Table:
    return data.cast(table.schema) if data is not None else table.schema.empty_table()


def _build_table(table: Table, base: Snapshot, changes: TableChanges, out_dir: Path, part: str) -> None:
    """Write one table of the new version: links to the unchanged files, the files holding replaced or dropped rows
    rewritten without them, and new part files, one per appended piece; one piece or file is held at a time."""
    base_files = [f for f in base.files(table.name) if f.name != EMPTY_PART]
    upsert = _rows(changes.upsert, table)
    deleted = _key_strings(changes.delete, table) if changes.delete is not None else pa.array([], pa.string())
    file_keys = functools.cache(
        lambda: [_key_strings(read_files([f], table, list(table.key)), table) for f in base_files]
    )
    published = functools.cache(lambda: pa.concat_arrays([pa.array([], pa.string()), *file_keys()]))
    # the published keys are read only when something is to be compared with them
    replaced = deleted
    if upsert.num_rows:
        replaces = pc.is_in(_key_strings(upsert, table), value_set=published())
        replaced = pa.concat_arrays([_key_strings(upsert.filter(replaces), table), deleted])
    names = (f"{part}-{n:05d}" for n in itertools.count())
    written = 0
    for n, f in enumerate(base_files):
        relative = f.relative_to(base.version_dir / table.name)
        if not len(replaced) or not pc.any(pc.is_in(file_keys()[n], value_set=replaced)).as_py():
            link_or_copy(f, out_dir / relative)
            written += 1
            continue
        kept = _without_keys(read_files([f], table), replaced, table)
        if kept.num_rows:  # under a new name: older versions still list the file as it was
            write_table(kept, table, out_dir / relative.parent / f"{next(names)}.parquet")
            written += 1
    for rows in changes.append:
        rows = _rows(rows, table)
        if table.data and rows.num_rows:  # a published row is never added twice
            rows = _without_keys(rows, published(), table)
        if rows.num_rows:
            written += len(write_parts(rows, table, out_dir, next(names)))
    if upsert.num_rows:
        written += len(write_parts(upsert, table, out_dir, next(names)))
    if not written:
        write_table(table.schema.empty_table(), table, out_dir / EMPTY_PART)


def _fsync_tree(root: Path) -> None:
    for path in [*root.rglob("*"), root]:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _swap_link(link: Path, target: str) -> None:
    tmp = link.with_name(f".{link.name}.swap")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def ensure_table_links(layout: Layout) -> None:
    """Give every public table a stable folder at the warehouse top level, pointing into the current version."""
    for name in TABLES:
        link = layout.table_link(name)
        target = f"{layout.current.relative_to(layout.root)}/{name}"
        if link.is_symlink() and os.readlink(link) == target:
            continue
        if link.exists() and not link.is_symlink():
            raise FileExistsError(f"{link} is a real folder, not a newsdesk table link; move it out of the warehouse")
        _swap_link(link, target)


def make_current(layout: Layout, version: str | None) -> None:
    """Point `current` at a version folder in one atomic swap, or at nothing (no version published)."""
    if version is None:
        layout.current.unlink(missing_ok=True)
        return
    _swap_link(layout.current, str((layout.versions / version).relative_to(layout.state)))
    ensure_table_links(layout)


def publish_version(layout: Layout, base: Snapshot, changes: dict[str, TableChanges], run_id: str) -> str:
    """Build the next version from `base` plus `changes`, make it current in one rename, and return its name."""
    version = f"v{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}-{run_id[:8]}"
    partial = layout.versions / f".{version}.partial"
    if partial.exists():
        shutil.rmtree(partial)
    part = f"part-{run_id}"
    for name, table in ALL_TABLES.items():
        _build_table(table, base, changes.get(name, TableChanges()), partial / name, part)
    _fsync_tree(partial)
    final = layout.versions / version
    os.rename(partial, final)
    make_current(layout, version)
    prune_versions(layout)
    return version


def prune_versions(layout: Layout, keep: int = KEEP_VERSIONS) -> None:
    """Delete versions older than the last `keep` and leftovers of builds that never finished."""
    if not layout.versions.exists():
        return
    current = os.readlink(layout.current) if layout.current.is_symlink() else None
    for leftover in layout.versions.glob(".*.partial"):
        shutil.rmtree(leftover, ignore_errors=True)
    versions = sorted(p for p in layout.versions.iterdir() if not p.name.startswith("."))
    for old in versions[:-keep]:
        if current and old.name == Path(current).name:
            continue
        shutil.rmtree(old, ignore_errors=True)
