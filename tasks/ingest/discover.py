"""Which files a run reads: files given by name, and every file under folders given, walked recursively."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tasks.ingest.rejection import Rejection


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
