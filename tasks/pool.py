"""Spread batches of documents over worker processes that each hold the models once (cleaning, enrichment)."""

from __future__ import annotations

import math
import multiprocessing
import multiprocessing.pool
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

SMALL_INPUT = 300
"""Below this many documents a pool's start-up costs more than the second core gives back."""

BATCHES_PER_WORKER = 4
"""Several batches per worker keep both cores busy to the end of a stage."""

LIVENESS_SECONDS = 2.0
"""How often a stage waiting for a batch checks that no worker has died."""

Item = TypeVar("Item")
Batch = TypeVar("Batch")
Result = TypeVar("Result")


def split_for_workers(items: Sequence[Item], workers: int, max_size: int) -> list[Sequence[Item]]:
    """Consecutive slices of `items`, BATCHES_PER_WORKER per worker and none longer than `max_size`."""
    size = max(1, min(max_size, math.ceil(len(items) / max(1, workers * BATCHES_PER_WORKER))))
    return [items[i : i + size] for i in range(0, len(items), size)]


def map_batches(
    work: Callable[[Batch], Result], batches: list[Batch], prepare: Callable[[], None], workers: int, documents: int
) -> Iterator[Result]:
    """Results of `work` on each batch, in order; in-process for small inputs or a single worker.

    `prepare` loads the models here before the pool forks, so workers share them copy-on-write and start at
    once (it runs again as each worker starts, where it finds them loaded). Work must return plain
    values such as tuples, never spaCy Docs.
    """
    if not batches:  # nothing to do (a re-run): do not load the models at all
        return
    prepare()
    if workers <= 1 or documents < SMALL_INPUT or len(batches) < 2:
        yield from map(work, batches)
        return
    size = min(workers, len(batches))
    with _Pool(
        size, initializer=_start_worker, initargs=(prepare,), context=multiprocessing.get_context("fork")
    ) as pool:
        yield from pool.results(work, batches)


class WorkerDied(RuntimeError):
    """A worker process ended while batches were still out, most often killed by the system for lack of memory."""


class _Worker(multiprocessing.context.ForkProcess):
    """A worker the pool ends with SIGKILL. A child forked while another thread of the flow process held a
    lock can hang before it runs a line of ours, still under the flow's SIGTERM handler; a SIGTERM would
    then leave the pool waiting for it forever."""

    def terminate(self) -> None:
        self.kill()


class _Pool(multiprocessing.pool.Pool):
    """A fork pool of _Workers that notices one of them dying. `Pool.imap` alone would wait forever for the
    batch a dead worker held: the pool starts a new worker, but never gives that batch out again."""

    def __init__(self, *args, **kwargs) -> None:
        self._workers: list[_Worker] = []  # every worker started, also those the pool has already replaced
        super().__init__(*args, **kwargs)

    def Process(self, ctx, *args, **kwds) -> _Worker:  # noqa: N802 (the name multiprocessing.pool.Pool calls)
        worker = _Worker(*args, **kwds)
        self._workers.append(worker)
        return worker

    def results(self, work: Callable[[Batch], Result], batches: list[Batch]) -> Iterator[Result]:
        """`imap`'s results in order; raises WorkerDied when a worker ends before the last result is in."""
        pending = self.imap(work, batches)
        while True:
            try:
                yield pending.next(timeout=LIVENESS_SECONDS)
            except StopIteration:
                return
            except multiprocessing.TimeoutError:
                self._raise_if_a_worker_died()

    def _raise_if_a_worker_died(self) -> None:
        """Workers end only when the pool closes, after the last result; any earlier end lost a batch."""
        for worker in list(self._workers):  # the pool's own thread may be adding a replacement
            if worker.exitcode is not None:
                raise WorkerDied(
                    f"a worker process ended ({_how(worker.exitcode)}) with its batch unfinished, most likely "
                    "killed for lack of memory: set NEWSDESK_WORKERS=1 or a smaller NEWSDESK_BATCH_BYTES and run again"
                )


def _how(exitcode: int) -> str:
    """'killed by SIGKILL', 'killed by signal 40' or 'exit code 1'."""
    if exitcode >= 0:
        return f"exit code {exitcode}"
    try:
        return f"killed by {signal.Signals(-exitcode).name}"
    except ValueError:
        return f"killed by signal {-exitcode}"


def _start_worker(prepare: Callable[[], None]) -> None:
    """A SIGTERM to the whole process group (a cancelled run) ends a worker at once; the handler a forked
    worker inherits from a Prefect flow process would print a traceback instead."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    prepare()
