"""`newsdesk serve`: the pipeline as a Prefect deployment that takes the inbox's new files on a cron schedule."""

from __future__ import annotations

from pathlib import Path

DEPLOYMENT = "inbox"
HOURLY = "0 * * * *"


def serve_inbox(inbox: Path, warehouse: Path, cron: str = HOURLY, name: str = DEPLOYMENT) -> None:
    """Register the deployment and run its scheduled runs here until interrupted, one run at a time."""
    from flows.pipeline import news_pipeline

    news_pipeline.serve(
        name=name,
        cron=cron,
        parameters={"inbox": str(inbox.absolute()), "warehouse": str(warehouse.absolute())},
        description=f"Takes the files that landed in {inbox} since the last run into the warehouse {warehouse}.",
        tags=["newsdesk"],
        limit=1,
    )
