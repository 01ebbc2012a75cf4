"""Which files a run reads: files given by name, every file under folders given, walked recursively, and the
objects at fsspec URLs (`s3://bucket/crawl/*.warc.gz`, a prefix, or one object)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import fsspec

from tasks.ingest.rejection import Rejection
from tasks.ingest.sources import Source


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def discover_files(paths: list[Path]) -> Iterator[Path | Rejection]:
    """Yield input files in a stable order; links that leave their folder, loop or dangle are refused, not followed."""
    seen: set[Path] = set()
    for given in paths:
        if given.is_file():
            candidates = [(given, given.resolve().parent)]
        else:
            root = given.resolve()
            candidates = []
            for folder, dirs, files in os.walk(root, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                candidates += [(Path(folder) / f, root) for f in sorted(files) if not f.startswith(".")]
        for path, root in candidates:
            uri = path.absolute().as_uri()
            try:
                resolved = path.resolve(strict=True)
            except (OSError, RuntimeError):
                yield Rejection(uri, "broken_link", "the link points nowhere or loops; remove it or fix its target")
                continue
            if path.is_symlink() and not _inside(resolved, root):
                yield Rejection(uri, "link_outside_input", f"the link leads out of {root}; copy the file in instead")
                continue
            if not resolved.is_file():
                yield Rejection(uri, "not_a_file", "not a regular file (device, socket or pipe); only files are read")
                continue
            if resolved not in seen:
                seen.add(resolved)
                yield resolved


def discover_urls(url: str) -> Iterator[str | Rejection]:
    """The objects a URL names, in a stable order: a glob's matches, everything under a prefix, or the object;
    hidden names are skipped. Nothing is read here but the listing."""
    fs, root = fsspec.core.url_to_fs(url)
    try:
        if fsspec.core.has_magic(root):
            found = [p for p, info in fs.glob(root, detail=True).items() if info.get("type") != "directory"]
        elif fs.isdir(root):
            found = fs.find(root)
        else:
            found = [root] if fs.exists(root) else []
    except OSError as err:
        yield Rejection(url, "unreadable", f"the URL cannot be listed: {err}")
        return
    found = sorted(p for p in found if not p.rsplit("/", 1)[-1].startswith("."))
    if not found:
        yield Rejection(url, "no_match", "nothing at this URL: check the bucket, the prefix or the pattern")
    for path in found:
        yield fs.unstrip_protocol(path)


def discover_inputs(given: list[Source]) -> Iterator[Source | Rejection]:
    """Files and folders (Paths) and URLs (str), each found as its kind is."""
    for source in given:
        if isinstance(source, str):
            yield from discover_urls(source)
        else:
            yield from discover_files([source])
