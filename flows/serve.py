"""`newsdesk serve`: the pipeline as a Prefect deployment that takes the inbox's new files on a cron schedule."""

from __future__ import annotations

from pathlib import Path

from flows.runners import task_runner

DEPLOYMENT = "inbox"
HOURLY = "0 * * * *"


def serve_inbox(
    inbox: Path,
    warehouse: str,
    cron: str = HOURLY,
    name: str = DEPLOYMENT,
    runner: str = "local",
    dask_address: str | None = None,
) -> None:
    """Register the deployment and run its scheduled runs here until interrupted, one run at a time, each on
    the task runner asked for (a Dask cluster when `runner` is dask or `dask_address` is given)."""
    from flows.pipeline import news_pipeline

    news_pipeline.with_options(task_runner=task_runner(runner, dask_address)).serve(
        name=name,
        cron=cron,
        parameters={"inbox": str(inbox.absolute()), "warehouse": warehouse},
        description=f"Takes the files that landed in {inbox} since the last run into the warehouse {warehouse}.",
        tags=["newsdesk"],
        limit=1,
    )
