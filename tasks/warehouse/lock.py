"""One run at a time per warehouse: an advisory file lock that the OS releases if the process dies."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse lock."""


@contextmanager
def warehouse_lock(path: Path, owner: str, wait_seconds: float) -> Iterator[None]:
    """Hold the lock for the block; wait up to wait_seconds for another run to finish, then give up clearly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = path.read_text().strip() or "another run"
                    raise WarehouseBusy(
                        f"{path.parent.parent} is locked by {holder}; wait for it to finish or raise --lock-wait"
                    ) from None
                time.sleep(0.5)
        os.ftruncate(fd, 0)
        os.write(fd, f"run {owner} (pid {os.getpid()})".encode())
        yield
    finally:
        os.close(fd)
