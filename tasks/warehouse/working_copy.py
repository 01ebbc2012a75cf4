"""A run on a URL warehouse: pull the current version into a local working copy, build the next version there with
the local code, then commit it to the URL with one PUT of the pointer.

Pull downloads only the files the copy lacks. Push uploads only the part files the new version added (the files it
shares with the version it was built on are hard links in the copy, and keep their objects), then the manifest, then
the pointer. Object stores have no lock: a writer records the pointer when it starts and refuses to commit if another
writer has moved it since (optimistic concurrency), so a lost race costs a run, never a version.
"""

from __future__ import annotations

import filecmp
import os
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from tasks.schemas import ALL_TABLES
from tasks.warehouse.layout import Layout
from tasks.warehouse.location import working_copy
from tasks.warehouse.publish import KEEP_VERSIONS, link_or_copy, make_current
from tasks.warehouse.remote import Entry, Manifest, RemoteWarehouse, manifest_key, part_key
from tasks.warehouse.snapshot import Snapshot

MANIFEST = "manifest.json"
"""In a version folder of the copy: that version's remote manifest, to know which objects the copy holds."""


class WarehouseMoved(RuntimeError):
    """Another writer published to the URL warehouse while this run worked."""


def _whole(path: Path, size: int) -> bool:
    return path.is_file() and path.stat().st_size == size


@dataclass
class WorkingCopy:
    remote: RemoteWarehouse
    layout: Layout
    base: Manifest | None = field(default=None, init=False)
    """The remote version this run started from, recorded by pull."""

    @classmethod
    def of(cls, url: str, cache_dir: Path) -> WorkingCopy:
        return cls(RemoteWarehouse(url), Layout(working_copy(url, cache_dir)))

    def _local(self, version: str, table: str, path: str) -> Path:
        return self.layout.versions / version / table / path

    def _saved(self) -> Manifest | None:
        """The manifest of the copy's current version, kept in its folder since it was pulled or pushed."""
        current = Snapshot(self.layout.root).version_dir
        saved = current / MANIFEST if current else None
        return Manifest.from_json(saved.read_bytes()) if saved and saved.exists() else None

    def _save(self, manifest: Manifest) -> None:
        (self.layout.versions / manifest.version / MANIFEST).write_bytes(manifest.to_json())

    def pull(self) -> str | None:
        """Make the remote's current version the copy's current one; return its name (None when nothing is
        published). Files of the copy's previous version are linked, only the others are downloaded."""
        saved = self._saved()
        held = {e.key: self._local(saved.version, t, e.path) for t, e in saved.entries()} if saved else {}
        self.base = self.remote.current()
        if self.base is None:
            make_current(self.layout, None)
            return None
        for table, e in self.base.entries():
            target = self._local(self.base.version, table, e.path)
            if _whole(target, e.size):
                continue
            if e.key in held and _whole(held[e.key], e.size):
                link_or_copy(held[e.key], target)
            else:
                self.remote.download(e.key, target)
        self._save(self.base)
        make_current(self.layout, self.base.version)
        return self.base.version

    def _base_entries(self) -> dict[tuple[str, str], Entry]:
        if self.base is None:
            return {}
        return {(table, e.path): e for table, e in self.base.entries()}

    def _shared_key(self, base: dict[tuple[str, str], Entry], table: str, path: str, local: Path) -> str | None:
        """The key of a file the new version shares with the base (a hard link to the base's file, or the same bytes,
        like a table's zero-row file), else None."""
        entry = base.get((table, path))
        base_file = self._local(self.base.version, table, path) if entry else None
        if base_file is None or not base_file.exists():
            return None
        same = os.path.samefile(base_file, local) or filecmp.cmp(base_file, local, shallow=False)
        return entry.key if same else None

    def push(self, version: str) -> None:
        """Commit the copy's `version` to the URL. On any failure the URL is left as it was (what this push uploaded
        is deleted again) and the copy's current version is the base again, so the run can record its failure."""
        uploaded: list[str] = []
        base = self._base_entries()
        try:
            tables = {}
            for table in ALL_TABLES:
                folder = self.layout.versions / version / table
                entries = []
                for local in sorted(folder.rglob("*.parquet")):
                    path = local.relative_to(folder).as_posix()
                    key = self._shared_key(base, table, path, local)
                    if key is None:
                        key = part_key(version, table, path)
                        self.remote.upload(local, key)
                        uploaded.append(key)
                    entries.append(Entry(path, key, local.stat().st_size))
                tables[table] = entries
            started, now = (self.base.version if self.base else None), self.remote.pointer()
            if now != started:
                raise WarehouseMoved(
                    f"{self.remote.url} moved from version {started} to {now} while this run worked; nothing of this "
                    "run was published. Runs on one URL warehouse must not overlap: run again when the other is done"
                )
            manifest = Manifest(version, tables)
            self.remote.put_manifest(manifest)
            uploaded.append(manifest_key(version))
            self.remote.set_pointer(version)
        except BaseException:
            self._undo(uploaded)
            raise
        self.base = manifest
        self._save(manifest)
        self.remote.prune(KEEP_VERSIONS)

    def _undo(self, uploaded: list[str]) -> None:
        make_current(self.layout, self.base.version if self.base else None)
        with suppress(OSError):  # best effort: objects no manifest lists are pruned by a later publish anyway
            self.remote.delete(uploaded)
