"""A URL warehouse (file://) without the flow: what a push uploads, what a pull fetches, what pruning deletes."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from tasks.warehouse.publish import KEEP_VERSIONS, TableChanges, publish_version
from tasks.warehouse.remote import RemoteWarehouse
from tasks.warehouse.snapshot import Snapshot
from tasks.warehouse.working_copy import WorkingCopy
from tests.warehouse.test_publish import docs


def copy_push(copy: WorkingCopy, changes: dict[str, TableChanges], run: str) -> str:
    version = publish_version(copy.layout, Snapshot(copy.layout.root), changes, run)
    copy.push(version)
    return version


def publish(copy: WorkingCopy, *ids: str, run: str) -> str:
    copy.pull()
    return copy_push(copy, {"documents": docs(*ids, run=run)}, run)


def stored(url: str) -> set[str]:
    remote = RemoteWarehouse(url)
    return {p[len(remote.root) + 1 :] for p in remote.fs.find(remote.root)}


def test_a_push_uploads_only_new_files_and_a_pull_fetches_only_missing_ones(tmp_path, monkeypatch):
    url = f"file://{tmp_path}/remote"
    first = WorkingCopy.of(url, tmp_path / "a")
    publish(first, "a", run="run-0001")
    before = stored(url)
    publish(first, "b", run="run-0002")
    added = stored(url) - before
    assert {k.split("/")[-1] for k in added if k.endswith(".parquet")} == {"part-run-0002-00000.parquet"}

    fetched = []
    real_download = RemoteWarehouse.download

    def recording_download(self, key, local):
        fetched.append(key)
        real_download(self, key, local)

    monkeypatch.setattr(RemoteWarehouse, "download", recording_download)
    second = WorkingCopy.of(url, tmp_path / "b")
    second.pull()
    assert sorted(fetched) == sorted(k for k in stored(url) if k.endswith(".parquet"))  # an empty copy: everything
    fetched.clear()
    publish(first, "c", run="run-0003")
    second.pull()
    assert [k.split("/")[-1] for k in fetched] == ["part-run-0003-00000.parquet"]
    assert sorted(Snapshot(second.layout.root).read("documents")["doc_id"]) == ["a", "b", "c"]


def test_pruning_keeps_the_last_versions_and_every_file_they_list(tmp_path):
    url = f"file://{tmp_path}/remote"
    copy = WorkingCopy.of(url, tmp_path / "cache")
    versions = [publish(copy, "doc-0", run="run-0000")]
    copy.pull()
    dropped = TableChanges(delete=pa.table({"source_uri": ["file:///doc-0"], "doc_id": ["doc-0"]}))
    versions.append(copy_push(copy, {"documents": dropped}, "run-0001"))  # rewrites the table: doc-0's file is unlisted
    versions += [publish(copy, f"doc-{n}", run=f"run-{n:04d}") for n in range(2, KEEP_VERSIONS + 2)]

    manifests = sorted(Path(k).stem for k in stored(url) if k.endswith(".json"))
    assert manifests == versions[-KEEP_VERSIONS:]
    assert not any(k.endswith("part-run-0000-00000.parquet") for k in stored(url))
    assert sorted(Snapshot(url).read("documents")["doc_id"]) == [f"doc-{n}" for n in range(2, KEEP_VERSIONS + 2)]
