"""Debian's Chromium, headless and offline, for the tests that look at what a person would see."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
MISSING = "needs Debian's chromium: apt-get install -y chromium"

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1600",
    "--virtual-time-budget=20000",
)


def chromium(*args: str, user_data: Path) -> subprocess.CompletedProcess:
    """Run Chromium with a fresh profile; `args` say what to do (--screenshot=FILE, --dump-dom) and on which page."""
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={user_data}", *args], capture_output=True, text=True, timeout=180
    )
