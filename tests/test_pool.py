"""The worker pool clean and enrich share: results in order, workers that end quietly, and a dead worker reported."""

from __future__ import annotations

import os
import signal
import threading
import time
from functools import partial
from pathlib import Path

from tasks.pool import SMALL_INPUT, WorkerDied, map_batches, split_for_workers


def _double(batch: list[int]) -> list[int]:
    return [2 * n for n in batch]


def test_batches_keep_their_order_and_none_is_longer_than_asked():
    batches = split_for_workers(list(range(100)), workers=2, max_size=10)
    assert [n for batch in batches for n in batch] == list(range(100))
    assert max(len(batch) for batch in batches) == 10
    assert len(split_for_workers(list(range(100)), workers=2, max_size=1000)) == 8  # 4 per worker


def test_workers_end_quietly_under_the_sigterm_handler_of_a_flow_process(capfd):
    def flow_handler(signum, frame):  # what a Prefect flow process installs
        raise RuntimeError("terminated")

    previous = signal.signal(signal.SIGTERM, flow_handler)
    try:
        results = list(map_batches(_double, [[1], [2], [3], [4]], lambda: None, 2, SMALL_INPUT))
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert results == [[2], [4], [6], [8]]
    assert "Traceback" not in capfd.readouterr().err


def _hang_in_one_worker(marker: Path, parent: int) -> None:
    """The first worker to start hangs for good and ignores SIGTERM, like a child forked while another thread
    held a lock; the parent and every other worker go on."""
    if os.getpid() == parent:
        return
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    time.sleep(600)


def test_a_worker_that_hangs_as_it_starts_does_not_hold_up_the_stage(tmp_path):
    prepare = partial(_hang_in_one_worker, tmp_path / "hung", os.getpid())
    results = []
    stage = threading.Thread(
        target=lambda: results.extend(map_batches(_double, [[1], [2], [3], [4]], prepare, 2, SMALL_INPUT)),
        daemon=True,
    )
    stage.start()
    stage.join(timeout=60)
    assert (tmp_path / "hung").exists()  # one worker did hang
    assert not stage.is_alive(), "the pool waited for a worker that never ends"
    assert results == [[2], [4], [6], [8]]


def _die_on_three(parent: int, batch: list[int]) -> list[int]:
    """Killed outright on batch [3] in a worker, as the out-of-memory killer would."""
    if batch == [3] and os.getpid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
    return _double(batch)


def test_a_worker_killed_mid_batch_stops_the_stage_with_a_clear_error():
    outcome = []

    def stage():
        try:
            list(map_batches(partial(_die_on_three, os.getpid()), [[1], [2], [3], [4]], lambda: None, 2, SMALL_INPUT))
        except WorkerDied as died:
            outcome.append(died)

    waiting = threading.Thread(target=stage, daemon=True)
    waiting.start()
    waiting.join(timeout=60)
    assert not waiting.is_alive(), "the pool waited forever for the dead worker's batch"
    assert len(outcome) == 1
    assert "killed by SIGKILL" in str(outcome[0])
    assert "NEWSDESK_WORKERS=1" in str(outcome[0])
