"""`newsdesk serve`: a scheduled deployment that takes each inbox file once, also across failed runs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from flows.inbox import LEDGER, pending_files
from flows.pipeline import RunFailed, news_pipeline
from tasks.settings import PROJECT_ROOT
from tasks.warehouse.snapshot import Snapshot
from tests.failing_suites import ONLY_HTML, expectations_with

SEEDS = sorted((PROJECT_ROOT / "seeds").glob("*.txt"))
DEPLOYMENT = "news_pipeline/inbox-test"


@pytest.fixture(scope="module")
def served(prefect_api, tmp_path_factory):
    """A serve process registered with the test API, its runs' batches on a Dask LocalCluster; stopped before the
    API is."""
    from prefect.settings import PREFECT_API_URL

    root = tmp_path_factory.mktemp("served")
    inbox, warehouse = root / "inbox", root / "warehouse"
    env = os.environ | {
        "PREFECT_API_URL": PREFECT_API_URL.value(),
        "PREFECT_RUNNER_POLL_FREQUENCY": "1",
        "NEWSDESK_INBOX_SETTLE_SECONDS": "0",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flows",
            "serve",
            "--inbox",
            str(inbox),
            "--warehouse",
            str(warehouse),
            "--name",
            "inbox-test",
            "--runner",
            "dask",
        ],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield inbox, warehouse, deployment_when_ready(process)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def deployment_when_ready(process: subprocess.Popen, timeout: float = 120):
    from prefect import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read()[-3000:]
            try:
                return client.read_deployment_by_name(DEPLOYMENT)
            except ObjectNotFound:
                time.sleep(0.5)
    raise TimeoutError(f"{DEPLOYMENT} was not registered within {timeout} s")


def scheduled_run() -> str:
    """What the hourly schedule does, now: one run of the deployment, waited for."""
    from prefect.deployments import run_deployment

    flow_run = run_deployment(DEPLOYMENT, timeout=300)
    assert flow_run.state.is_completed(), flow_run.state
    return str(flow_run.id)


def run_log(run_id: str) -> list[str]:
    from prefect import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    with get_client(sync_client=True) as client:
        logs = client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[run_id])))
    return [log.message for log in logs]


def test_the_deployment_runs_hourly_by_default(served):
    _, _, deployment = served
    (schedule,) = deployment.schedules
    assert schedule.schedule.cron == "0 * * * *" and schedule.active


def test_a_scheduled_run_takes_the_inbox_and_leaves_only_later_files_pending(served):
    inbox, warehouse, _ = served
    for seed in SEEDS[:2]:
        shutil.copy(seed, inbox)
    (inbox / "empty.txt").write_bytes(b"")

    run_id = scheduled_run()

    assert "batches run on a Dask LocalCluster on 127.0.0.1" in run_log(run_id)

    snapshot = Snapshot(warehouse)
    assert len(snapshot.read("documents")) == 2 and len(snapshot.read("articles")) == 2
    assert snapshot.read("quarantine")["reason"].tolist() == ["empty"]
    assert snapshot.read("runs").set_index("run_id").loc[run_id, "inputs"] == 3
    assert set(snapshot.read(LEDGER)["run_id"]) == {run_id} and len(snapshot.read(LEDGER)) == 3
    shutil.copy(SEEDS[2], inbox)
    assert [p.name for p in pending_files(inbox, warehouse, 0).items] == [SEEDS[2].name]


def test_a_file_stays_pending_until_a_run_that_took_it_is_published(prefect_api, tmp_path, monkeypatch):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "warehouse"
    inbox.mkdir()
    shutil.copy(SEEDS[0], inbox)
    strict = expectations_with(tmp_path / "expectations", "documents", ONLY_HTML)
    monkeypatch.setenv("NEWSDESK_INBOX_SETTLE_SECONDS", "0")
    monkeypatch.setenv("NEWSDESK_EXPECTATIONS", str(strict))

    with pytest.raises(RunFailed):
        news_pipeline(warehouse=str(warehouse), inbox=str(inbox))
    assert len(Snapshot(warehouse).read(LEDGER)) == 0
    assert len(pending_files(inbox, warehouse, 0).items) == 1

    monkeypatch.delenv("NEWSDESK_EXPECTATIONS")
    news_pipeline(warehouse=str(warehouse), inbox=str(inbox))
    assert len(Snapshot(warehouse).read("documents")) == 1
    assert not pending_files(inbox, warehouse, 0).items

    with (inbox / SEEDS[0].name).open("a") as changed:
        changed.write("\n\nUpdate: the talks resume on Monday.")
    assert len(pending_files(inbox, warehouse, 0).items) == 1


def test_a_file_still_being_written_waits_for_the_next_run(tmp_path):
    (tmp_path / "arriving.txt").write_text("A headline\n\nThe first paragraph")
    (tmp_path / ".partial.txt").write_text("hidden files are never taken")
    pending = pending_files(tmp_path, tmp_path / "warehouse", settle_seconds=60)
    assert pending.items == [] and pending.settling == 1
    os.utime(tmp_path / "arriving.txt", (time.time() - 120, time.time() - 120))
    pending = pending_files(tmp_path, tmp_path / "warehouse", settle_seconds=60)
    assert [p.name for p in pending.items] == ["arriving.txt"]
