"""Memory and machine facts that go with every figure: a result means little without the load it was measured under.

The pipeline spreads enrichment over worker processes, so memory is sampled over the whole process tree (this
process and all its descendants), and kept as a timeline so each stage's peak can be read from its time window.
Each process counts its proportional set size (PSS): forked workers share the parent's pages copy-on-write, and a
sum of RSS would count those pages once per worker.
"""

from __future__ import annotations

import os
import platform
import threading
import time
from bisect import bisect_left, bisect_right

import psutil


def tree_pss(process: psutil.Process) -> int:
    """Proportional resident bytes of a process and all its descendants (processes that end mid-read count zero)."""
    total = 0
    for member in (process, *process.children(recursive=True)):
        try:
            total += member.memory_full_info().pss
        except psutil.Error:
            pass
    return total


class MemoryTimeline:
    """Samples the process tree's memory (PSS) while the block runs: every `interval` seconds, or less often when a
    sample is costly, so that sampling takes at most `max_share` of a core. Reading PSS walks every page of every
    process: about 0.1 s of CPU for a 2 GB tree, which at a fixed 50 ms took 40% of a core from the work measured."""

    def __init__(self, interval: float = 0.05, max_share: float = 0.05):
        self.interval = interval
        self.max_share = max_share
        self.times: list[float] = []
        self.pss: list[int] = []

    def __enter__(self) -> MemoryTimeline:
        self._running = True
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        process = psutil.Process()
        while self._running:
            started = time.perf_counter()
            self.times.append(time.time())
            self.pss.append(tree_pss(process))
            cost = time.perf_counter() - started
            time.sleep(max(self.interval, cost / self.max_share - cost))

    def __exit__(self, *exc) -> None:
        self._running = False
        self._thread.join()

    def peak_mb(self, start: float | None = None, end: float | None = None) -> float:
        """Highest sample between two epoch times (the whole block by default)."""
        lo = 0 if start is None else bisect_left(self.times, start)
        hi = len(self.times) if end is None else bisect_right(self.times, end)
        window = self.pss[lo:hi] or self.pss
        return max(window, default=0) / 2**20


def load_average() -> list[float]:
    """1-, 5- and 15-minute load averages: how busy the machine was while a figure was measured."""
    return [round(x, 2) for x in os.getloadavg()]


def machine() -> dict:
    """What a reader needs to compare figures across machines."""
    memory = psutil.virtual_memory()
    return {
        "cores": psutil.cpu_count(),
        "physical_cores": psutil.cpu_count(logical=False),
        "cpu": platform.processor() or platform.machine(),
        "memory_gb": round(memory.total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
