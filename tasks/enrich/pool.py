"""Spread batches of articles over worker processes, each holding the spaCy model once."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from typing import TypeVar

from tasks.enrich.model import ner_pipeline

SMALL_INPUT = 300
"""Below this many articles a pool's start-up costs more than the second core gives back."""

Batch = TypeVar("Batch")
Result = TypeVar("Result")


def _load_model(model: str) -> None:
    ner_pipeline(model)


def map_batches(work: Callable[[Batch], Result], batches: list[Batch], model: str, workers: int, articles: int) -> Iterator[Result]:
    """Results of `work` on each batch, in order; in-process for small inputs or a single worker.

    The pool forks after the model is loaded here, so workers share it copy-on-write and start at once;
    they return plain tuples, never spaCy Docs.
    """
    if workers <= 1 or articles < SMALL_INPUT or len(batches) < 2:
        yield from map(work, batches)
        return
    ner_pipeline(model)
    context = multiprocessing.get_context("fork")
    with context.Pool(min(workers, len(batches)), initializer=_load_model, initargs=(model,)) as pool:
        yield from pool.imap(work, batches)
