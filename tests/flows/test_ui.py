"""What a data engineer sees in the Prefect UI: a CLI run recorded into `newsdesk server`, its tasks named per
stage, and its artifacts on the flow run's page, rendered by headless Chromium."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time

import httpx
import pytest

from flows.server import connect_to_running_server, is_up
from tasks.settings import PROJECT_ROOT
from tasks.warehouse.snapshot import Snapshot
from tests.headless_chromium import CHROMIUM, MISSING, chromium

ARTIFACT_KEYS = {"run-summary", "validation-results", "data-docs"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_url(tmp_path_factory):
    """`newsdesk server` on a free loopback port, its database in a temporary PREFECT_HOME."""
    url = f"http://127.0.0.1:{free_port()}/api"
    env = os.environ | {"NEWSDESK_SERVER_URL": url}
    home = tmp_path_factory.mktemp("prefect-server") / ".prefect"
    process = subprocess.Popen(
        [sys.executable, "-m", "flows", "server", "--home", str(home)],
        env=env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not is_up(url) and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.25)
        assert is_up(url), "the server did not come up within 120 s"
        assert (home / "prefect.db").exists()
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


@pytest.fixture(scope="module")
def flow_run_id(server_url, tmp_path_factory) -> str:
    """A plain `newsdesk run`, with no PREFECT_API_URL: it finds the server by its health check and records into it."""
    warehouse = tmp_path_factory.mktemp("ui") / "warehouse"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"NEWSDESK_SERVER_URL": server_url}
    done = subprocess.run(
        [sys.executable, "-m", "flows", "run", "--warehouse", str(warehouse)],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Starting temporary server" not in done.stderr
    return Snapshot(warehouse).read("runs")["run_id"].iloc[0]


def test_without_a_server_a_run_uses_the_temporary_api_with_time_to_start(monkeypatch):
    unset = ("PREFECT_API_URL", "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS")
    monkeypatch.setattr(os, "environ", {k: v for k, v in os.environ.items() if k not in unset})
    assert connect_to_running_server(f"http://127.0.0.1:{free_port()}/api") is None
    assert "PREFECT_API_URL" not in os.environ
    assert int(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]) > 20


def api(server_url: str, path: str, body: dict) -> list[dict]:
    response = httpx.post(f"{server_url}/{path}", json=body, timeout=30)
    response.raise_for_status()
    return response.json()


def test_the_run_is_recorded_with_a_task_per_stage_and_batch(server_url, flow_run_id):
    tasks = api(server_url, "task_runs/filter", {"flow_runs": {"id": {"any_": [flow_run_id]}}})
    names = {t["name"] for t in tasks}
    assert {"ingest-batch-00000", "clean-batch-00000", "dedup", "enrich-batch-00000"} <= names
    assert {"validate-ingest", "validate-clean", "validate-dedup", "validate-enrich", "publish-published"} <= names
    assert all(t["state_type"] == "COMPLETED" for t in tasks)


def test_the_run_leaves_its_summary_validations_and_data_docs(server_url, flow_run_id):
    artifacts = {
        a["key"]: a
        for a in api(server_url, "artifacts/filter", {"artifacts": {"flow_run_id": {"any_": [flow_run_id]}}})
    }
    assert set(artifacts) == ARTIFACT_KEYS
    summary = artifacts["run-summary"]["data"]
    assert re.search(r"\| enrich \|.*\| \d/\d passed \|", summary)
    assert "## Top entities" in summary and "## Top speakers" in summary
    assert len(artifacts["validation-results"]["data"]) > 10  # one row per suite of each stage, as JSON
    assert artifacts["data-docs"]["data"].startswith("[") and "data_docs/index.html" in artifacts["data-docs"]["data"]


@pytest.mark.skipif(CHROMIUM is None, reason=MISSING)
def test_the_flow_run_page_shows_the_artifacts(server_url, flow_run_id, tmp_path):
    page = f"{server_url.removesuffix('/api')}/v2/runs/flow-run/{flow_run_id}?tab=Artifacts"
    dom = chromium("--dump-dom", page, user_data=tmp_path / "profile").stdout
    assert "news_pipeline" in dom
    for key in ARTIFACT_KEYS:
        assert key in dom, key
    assert "newsdesk run summary" in dom and "Great Expectations results of every stage" in dom

    screenshot = tmp_path / "flow-run.png"
    chromium(f"--screenshot={screenshot}", page, user_data=tmp_path / "profile")
    assert screenshot.stat().st_size > 20_000
