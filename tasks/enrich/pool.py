"""Spread batches of articles over worker processes that each hold the models once."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from typing import TypeVar

SMALL_INPUT = 300
"""Below this many articles a pool's start-up costs more than the second core gives back."""

Batch = TypeVar("Batch")
Result = TypeVar("Result")


def map_batches(
    work: Callable[[Batch], Result], batches: list[Batch], prepare: Callable[[], None], workers: int, articles: int
) -> Iterator[Result]:
    """Results of `work` on each batch, in order; in-process for small inputs or a single worker.

    `prepare` loads the models here before the pool forks, so workers share them copy-on-write and start at
    once (it runs again as each worker's initializer, where it finds them loaded). Work must return plain
    values such as tuples, never spaCy Docs.
    """
    if not batches:  # nothing to enrich (a re-run): do not load the models at all
        return
    prepare()
    if workers <= 1 or articles < SMALL_INPUT or len(batches) < 2:
        yield from map(work, batches)
        return
    context = multiprocessing.get_context("fork")
    with context.Pool(min(workers, len(batches)), initializer=prepare) as pool:
        yield from pool.imap(work, batches)
