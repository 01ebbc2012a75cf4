"""Shared fixtures: a real Prefect test API for the session (its home in a temporary folder), and input folders."""

from __future__ import annotations

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


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(SEEDS, folder)
    return folder
