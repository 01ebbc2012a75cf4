"""Where a warehouse lives: a local folder, or an fsspec URL (s3://, gs://, abfs://, file://, memory://).

A run on a URL works in a local working copy of it (one folder per URL under NEWSDESK_CACHE_DIR) with the same code
as on a local folder, then commits to the URL (tasks/warehouse/working_copy.py).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
"""At least two letters before `://`, so a Windows drive (C://) is still a path."""


def is_url(warehouse: str | Path) -> bool:
    return isinstance(warehouse, str) and _SCHEME.match(warehouse) is not None


def parse(text: str) -> str | Path:
    """A warehouse as given on the command line: a URL stays text (a Path would fold its `//`)."""
    return text.rstrip("/") if is_url(text) else Path(text)


def as_parameter(warehouse: str | Path) -> str:
    """The flow parameter for a warehouse: the URL, or the folder's absolute path."""
    return warehouse if is_url(warehouse) else str(Path(warehouse).absolute())


def working_copy(url: str, cache_dir: Path) -> Path:
    """The local folder runs on `url` work in: one per URL, so later runs download only what changed."""
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", url.split("://", 1)[1])[-60:]
    return cache_dir / "warehouses" / f"{readable}-{hashlib.sha256(url.encode()).hexdigest()[:12]}"


def local_root(warehouse: str | Path, cache_dir: Path) -> Path:
    """The folder that holds a warehouse's local state (reports, staging): the warehouse or its working copy."""
    return working_copy(warehouse, cache_dir) if is_url(warehouse) else Path(warehouse)
