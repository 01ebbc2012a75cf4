"""prefect.yaml: `prefect deploy` registers the pipeline with its cron schedule on a process work pool, and a
process worker (`prefect worker start`) runs it into a warehouse, against a real Prefect API."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from tasks.settings import PROJECT_ROOT
from tasks.warehouse.snapshot import Snapshot

PREFECT = str(Path(sys.executable).parent / "prefect")


def prefect(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run([PREFECT, *args], env=env, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return done


def test_the_deployment_in_prefect_yaml_is_scheduled_and_a_process_worker_runs_it(prefect_api, tmp_path):
    from prefect import get_client
    from prefect.settings import PREFECT_API_URL

    env = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value(), "PWD": str(PROJECT_ROOT)}
    prefect("work-pool", "create", "newsdesk", "--type", "process", "--overwrite", env=env)
    prefect("--no-prompt", "deploy", "--all", env=env)
    inbox, warehouse = tmp_path / "inbox", tmp_path / "warehouse"
    inbox.mkdir()
    (inbox / "budget.txt").write_text("Council approves budget\n\n" + "The city council approved the budget. " * 30)
    with get_client(sync_client=True) as client:
        deployment = client.read_deployment_by_name("news_pipeline/hourly")
        assert [s.schedule.cron for s in deployment.schedules] == ["0 * * * *"]
        assert deployment.work_pool_name == "newsdesk"
        assert deployment.pull_steps[0]["prefect.deployments.steps.set_working_directory"]["directory"] == str(
            PROJECT_ROOT
        )
        run = client.create_flow_run_from_deployment(
            deployment.id, parameters={"inbox": str(inbox), "warehouse": str(warehouse)}
        )
        prefect("worker", "start", "--pool", "newsdesk", "--run-once", env=env | {"NEWSDESK_INBOX_SETTLE_SECONDS": "0"})
        deadline = time.monotonic() + 120
        while not (state := client.read_flow_run(run.id).state).is_final() and time.monotonic() < deadline:
            time.sleep(1)
    assert state.is_completed(), state
    assert Snapshot(warehouse).read("runs")["status"].tolist() == ["published"]
    assert len(Snapshot(warehouse).read("articles")) == 1
