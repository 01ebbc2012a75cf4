"""The local Prefect server that runs record into: start it, and find out whether one is up."""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

HEALTH_TIMEOUT_SECONDS = 0.5
"""A server on loopback answers in milliseconds; a run without one should not wait longer than this."""

TEMPORARY_API_STARTUP_SECONDS = 120
"""Prefect gives its temporary API 20 s to start, which a busy 2-core machine overruns (measured: 20-45 s)."""


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
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(TEMPORARY_API_STARTUP_SECONDS))
    return None


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
