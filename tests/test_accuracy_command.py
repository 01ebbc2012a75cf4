"""`make accuracy` without the dev sets says so plainly and measures nothing."""

from __future__ import annotations

import subprocess
import sys


def test_accuracy_without_dev_sets_says_where_it_looked(tmp_path):
    ran = subprocess.run(
        [sys.executable, "-m", "benchmarks.accuracy", "--devsets", str(tmp_path / "absent")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert ran.stdout.strip() == (
        f"dev-set accuracy not measured: no dev sets at {tmp_path / 'absent'} "
        "(missing: score.py, extraction, quotes, ner); set NEWSDESK_DEVSETS or DEVSETS=DIR"
    )
