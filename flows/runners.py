"""Where a run's batch tasks execute: threads of the flow process (`local`), or a Dask cluster (`dask`).

Ingest, clean and enrich batches go to the task runner; dedup and every quality gate stay in the flow process.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

RUNNERS = ("local", "dask")


def task_runner(kind: str = "local", dask_address: str | None = None, dask_workers: int = 2) -> TaskRunner:
    """`local` runs batches one after another (enrichment spreads each batch over its own process pool);
    `dask` starts a LocalCluster bound to 127.0.0.1, or joins the scheduler at `dask_address`."""
    if kind == "local" and dask_address is None:
        return ThreadPoolTaskRunner(max_workers=1)
    from prefect_dask import DaskTaskRunner

    logging.getLogger("distributed").setLevel(logging.WARNING)  # workers starting and stopping is not run news
    if dask_address:
        return DaskTaskRunner(address=dask_address)
    scratch = Path(tempfile.gettempdir()) / "newsdesk-dask"
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": dask_workers,
            "threads_per_worker": 1,
            "processes": True,
            "host": "127.0.0.1",
            "dashboard_address": "127.0.0.1:0",
            "local_directory": str(scratch),
        }
    )


def spreads_over_processes(runner: TaskRunner) -> bool:
    """Tasks run in other processes (Dask workers): each should stay single-process, the cluster is the parallelism."""
    return not isinstance(runner, ThreadPoolTaskRunner)


def describe(runner: TaskRunner) -> str:
    """Where batches run, in words for the run's log: which runner, and which Dask scheduler if any."""
    address = getattr(runner, "address", None)
    if not spreads_over_processes(runner):
        return "this process (local runner)"
    return f"Dask ({address})" if address else "a Dask LocalCluster on 127.0.0.1"
