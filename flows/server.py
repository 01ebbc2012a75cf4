"""The local Prefect server that runs record into: start it, and find out whether one is up."""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

HEALTH_TIMEOUT_SECONDS = 0.5
"""A server on loopback answers in milliseconds; a run without one should not wait longer than this."""

TEMPORARY_API_STARTUP_SECONDS = 120
"""Prefect gives its temporary API 20 s to start, which a busy 2-core machine overruns (measured: 20-45 s)."""
STARTUP_TIMEOUT_VARIABLE = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"


def is_up(api_url: str, timeout: float = HEALTH_TIMEOUT_SECONDS) -> bool:
    """True when a Prefect API answers its health check at `api_url` (e.g. http://127.0.0.1:4200/api)."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def connect_to_running_server(server_url: str) -> str | None:
    """Point this process's Prefect client at the server at `server_url` when one answers there.

    PREFECT_API_URL, when set, is the user's choice and wins. Returns the API URL runs will record into, or None
    when Prefect will start its temporary local API instead.
    """
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if is_up(server_url):
        os.environ["PREFECT_API_URL"] = server_url
        return server_url
    os.environ.setdefault(STARTUP_TIMEOUT_VARIABLE, str(TEMPORARY_API_STARTUP_SECONDS))
    return None


class TemporaryApi:
    """Prefect's temporary API for one run, started as soon as the run knows no server answers.

    Prefect starts the same server itself when a flow is called (SubprocessASGIServer in prefect/server/api/
    server.py: this command and these settings), but only after the run's imports, and it first imports the whole
    server into the run's process. Started here, in its own process, its 7-20 s of start-up overlap the run's
    imports. PREFECT_API_URL points the run at it; it stops when the run's process exits.
    """

    def __init__(self) -> None:
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}/api"
        prefect_dir = Path(importlib.util.find_spec("prefect").origin).parent
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "--app-dir",
                str(prefect_dir.parent),
                "--factory",
                "prefect.server.api.server:create_app",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "error",
                "--lifespan",
                "on",
            ],
            env={k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
            | {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"},
        )
        os.environ["PREFECT_API_URL"] = self.url
        atexit.register(self.stop)

    def wait(self) -> None:
        """Return once the API answers its health check, within Prefect's own start-up limit for it."""
        timeout = float(os.environ.get(STARTUP_TIMEOUT_VARIABLE, TEMPORARY_API_STARTUP_SECONDS))
        deadline = time.monotonic() + timeout
        while not is_up(self.url):
            if self.process.poll() is not None:
                code = self.process.returncode
                raise RuntimeError(f"Prefect's temporary API exited with code {code} before it answered")
            if time.monotonic() > deadline:
                raise TimeoutError(f"Prefect's temporary API did not answer within {timeout:.0f} s at {self.url}")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def api_for_run(server_url: str) -> TemporaryApi | None:
    """Connect to the server at `server_url` (or PREFECT_API_URL) when one answers; otherwise start the temporary
    API now. Call before the run's imports, then `wait()` on what it returns before calling the flow."""
    return None if connect_to_running_server(server_url) else TemporaryApi()


def server_command(server_url: str) -> list[str]:
    """`prefect server start` bound to the host and port of `server_url` (loopback unless told otherwise)."""
    address = urlsplit(server_url)
    return [
        sys.executable,
        "-m",
        "prefect",
        "server",
        "start",
        "--host",
        address.hostname or "127.0.0.1",
        "--port",
        str(address.port or 4200),
    ]


def server_environment(server_url: str, home: Path) -> dict[str, str]:
    """Telemetry off, the database in `home`, and the UI told where its API is (it assumes port 4200 otherwise)."""
    env = os.environ | {
        "PREFECT_HOME": str(home.absolute()),
        "PREFECT_UI_API_URL": server_url,
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    }
    env.pop("PREFECT_API_URL", None)
    return env


def run_server(server_url: str, home: Path) -> NoReturn:
    """Become the server (exec), so that Ctrl-C and SIGTERM reach it directly; its database lives in `home`."""
    home.mkdir(parents=True, exist_ok=True)
    command = server_command(server_url)
    os.execve(command[0], command, server_environment(server_url, home))
