"""Shared fixtures: a real Prefect test API for the session (its home in a temporary folder), and input folders."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="newsdesk-prefect-")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def prefect_api():
    """One temporary Prefect API for every flow run of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def newsdesk(prefect_api) -> Callable[..., subprocess.CompletedProcess]:
    """Run the `newsdesk` command as a user would, recording into the session's test API (no API start-up each time).

    `newsdesk(*args, check=0, env={...})` asserts the exit code unless check is None.
    """
    from prefect.settings import PREFECT_API_URL

    base = os.environ | {"PREFECT_API_URL": PREFECT_API_URL.value(), "COLUMNS": "200"}

    def run(*args: str, check: int | None = 0, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        done = subprocess.run(
            [sys.executable, "-m", "flows", *args],
            env=base | (env or {}),
            capture_output=True,
            text=True,
            timeout=600,
            cwd=ROOT,
        )
        if check is not None:
            assert done.returncode == check, done.stderr[-3000:]
        return done

    run.env = base
    return run


@pytest.fixture(scope="session")
def seeded_warehouse(prefect_api, tmp_path_factory) -> Path:
    """The seeds run once per test process, in batches of two files and watched in a terminal (its screen is saved
    as screen.txt beside the warehouse). Tests only read it; a test that changes a warehouse copies it first."""
    from rich.console import Console

    from flows.pipeline import news_pipeline
    from flows.progress import progress_bars

    warehouse = tmp_path_factory.mktemp("seeded") / "warehouse"
    screen = io.StringIO()
    with (
        pytest.MonkeyPatch.context() as env,
        progress_bars(Console(file=screen, force_terminal=True, color_system=None, width=100)),
    ):
        env.setenv("NEWSDESK_BATCH_SIZE", "2")
        summary = news_pipeline([str(SEEDS)], str(warehouse))
    assert summary.status == "published"
    (warehouse.parent / "screen.txt").write_text(screen.getvalue())
    return warehouse


@pytest.fixture(scope="session")
def s3(tmp_path_factory):
    """An S3 endpoint on 127.0.0.1 with one bucket, `newsdesk`; returns the environment a `newsdesk` command needs
    for it (this process's fsspec is pointed at it too). One per test process, each module under its own prefix:
    moto keeps its buckets in the process, so a second endpoint would find the bucket already there."""
    import fsspec

    moto_server = pytest.importorskip("moto.server")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "FSSPEC_S3_ENDPOINT_URL": f"http://{host}:{port}",
        "NEWSDESK_CACHE_DIR": str(tmp_path_factory.mktemp("cache")),
    }
    with pytest.MonkeyPatch.context() as patch:
        for name, value in env.items():
            patch.setenv(name, value)
        patch.setitem(fsspec.config.conf, "s3", {"endpoint_url": env["FSSPEC_S3_ENDPOINT_URL"]})
        fsspec.filesystem("s3", skip_instance_cache=True).mkdir("newsdesk")
        yield env
    server.stop()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(SEEDS, folder)
    return folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need the Prefect API run flows: mark them slow and schedule them first, so the test processes
    (`-n 2`) finish together. `pytest -m "not slow"` runs the rest in about a minute."""
    for item in items:
        if "prefect_api" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
