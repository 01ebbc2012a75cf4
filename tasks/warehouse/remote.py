"""A warehouse on object storage: immutable part files, one manifest per version, and one pointer object.

<url>/_newsdesk/CURRENT                     the current version's name; overwriting this one object is the commit
<url>/_newsdesk/versions/<v>.json           manifest of version <v>: every Parquet file of every table
<url>/_newsdesk/versions/<v>/<table>/...    part files first published by <v> (later versions list them again)

Object stores have no rename or links, but a single PUT is atomic: a reader that reads the pointer once and then the
files its manifest lists sees one whole version, whatever a writer is uploading meanwhile.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

import fsspec
from fsspec.implementations.local import LocalFileSystem

POINTER = "_newsdesk/CURRENT"
VERSIONS = "_newsdesk/versions"


@dataclass(frozen=True)
class Entry:
    path: str
    """Inside the table's folder, e.g. `ingest_date=2026-11-23/part-<run>-00000.parquet`."""
    key: str
    """Where the object is, from the warehouse URL."""
    size: int


@dataclass(frozen=True)
class Manifest:
    version: str
    tables: dict[str, list[Entry]]

    def entries(self) -> Iterator[tuple[str, Entry]]:
        """(table, entry) for every file of the version."""
        return ((table, e) for table, entries in self.tables.items() for e in entries)

    def to_json(self) -> bytes:
        tables = {name: [asdict(e) for e in entries] for name, entries in self.tables.items()}
        return json.dumps({"version": self.version, "tables": tables}, indent=1).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Manifest:
        data = json.loads(raw)
        return cls(data["version"], {name: [Entry(**e) for e in rows] for name, rows in data["tables"].items()})


def manifest_key(version: str) -> str:
    return f"{VERSIONS}/{version}.json"


def part_key(version: str, table: str, path: str) -> str:
    return f"{VERSIONS}/{version}/{table}/{path}"


def _version_of(key: str) -> str:
    """The version a key under VERSIONS belongs to: its manifest or a part file it first published."""
    return key[len(VERSIONS) + 1 :].split("/", 1)[0].removesuffix(".json")


class RemoteWarehouse:
    """The objects of one URL warehouse, through fsspec (credentials and endpoints come from fsspec's and the
    storage library's own configuration, e.g. FSSPEC_S3_ENDPOINT_URL or ~/.aws)."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")
        local = self.url.startswith(("file:", "local:"))
        self.fs, self.root = fsspec.core.url_to_fs(self.url, **({"auto_mkdir": True} if local else {}))

    def path(self, key: str) -> str:
        return f"{self.root}/{key}"

    def uri(self, key: str) -> str:
        """The object's full URL, as DuckDB or another reader names it."""
        return self.fs.unstrip_protocol(self.path(key))

    def pointer(self) -> str | None:
        """The current version's name, read fresh (never from a listing cache); None before the first publish."""
        self.fs.invalidate_cache()
        try:
            return self.fs.cat_file(self.path(POINTER)).decode().strip() or None
        except FileNotFoundError:
            return None

    def manifest(self, version: str) -> Manifest:
        return Manifest.from_json(self.fs.cat_file(self.path(manifest_key(version))))

    def current(self) -> Manifest | None:
        version = self.pointer()
        return self.manifest(version) if version else None

    def upload(self, local: Path, key: str) -> None:
        self.fs.put_file(str(local), self.path(key))

    def download(self, key: str, local: Path) -> None:
        """Fetch beside the target and rename into place, so a part file in the working copy is always whole."""
        local.parent.mkdir(parents=True, exist_ok=True)
        tmp = local.with_name(f".{local.name}.download")
        self.fs.get_file(self.path(key), str(tmp))
        os.replace(tmp, local)

    def put_manifest(self, manifest: Manifest) -> None:
        self.fs.pipe_file(self.path(manifest_key(manifest.version)), manifest.to_json())

    def set_pointer(self, version: str) -> None:
        """The commit. One PUT on object storage; on a local file system (file://), a write beside and a rename."""
        data = f"{version}\n".encode()
        if isinstance(self.fs, LocalFileSystem):
            tmp = self.path(f"{POINTER}.swap")
            self.fs.pipe_file(tmp, data)
            os.replace(tmp, self.path(POINTER))
        else:
            self.fs.pipe_file(self.path(POINTER), data)

    def delete(self, keys: list[str]) -> None:
        if keys:
            self.fs.rm([self.path(k) for k in keys])

    def prune(self, keep: int) -> list[str]:
        """Delete manifests before the last `keep` versions (never the current one) and every object of those old
        versions that no kept manifest lists. Objects of newer, uncommitted versions are left: a run may still be
        uploading them. Returns the deleted keys."""
        self.fs.invalidate_cache()
        keys = [p[len(self.root) + 1 :] for p in self.fs.find(self.path(VERSIONS))]
        versions = sorted({_version_of(k) for k in keys if k.endswith(".json") and k.count("/") == 2})
        current = self.pointer()
        kept = set(versions[-keep:]) | ({current} if current else set())
        if not kept:
            return []
        listed = {e.key for v in kept for _, e in self.manifest(v).entries()}
        oldest = min(kept)
        old = [k for k in keys if _version_of(k) < oldest and k not in listed]
        self.delete(old)
        return old
