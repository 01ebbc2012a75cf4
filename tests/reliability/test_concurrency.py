"""Two runs on one warehouse: the second waits for the first, or gives up clearly; nothing is corrupted."""

from __future__ import annotations

import subprocess
import sys

from tasks.settings import PROJECT_ROOT
from tasks.warehouse.layout import Layout
from tasks.warehouse.lock import warehouse_lock
from tasks.warehouse.snapshot import Snapshot


def test_a_second_run_gives_up_with_a_message_while_the_lock_is_held(newsdesk, tmp_path):
    warehouse = tmp_path / "warehouse"
    with warehouse_lock(Layout(warehouse).lock, "holder-run", wait_seconds=0):
        done = newsdesk("run", "--warehouse", str(warehouse), "--lock-wait", "1", check=1)
    last_line = done.stderr.strip().splitlines()[-1]
    assert last_line.startswith("newsdesk run:") and "locked by run holder-run" in last_line
    assert not Snapshot(warehouse).exists


def test_two_runs_at_once_both_complete_one_after_the_other(newsdesk, tmp_path):
    warehouse = tmp_path / "warehouse"
    inboxes = []
    for name in ("a", "b"):
        inbox = tmp_path / name
        inbox.mkdir()
        (inbox / f"{name}.txt").write_text(
            f"Story {name}\n\nThe port authority in city {name} reopened the terminal on Monday after repairs."
        )
        inboxes.append(inbox)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "flows", "run", str(inbox), "--warehouse", str(warehouse)],
            env=newsdesk.env,
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for inbox in inboxes
    ]
    assert [p.wait(timeout=600) for p in runs] == [0, 0]
    snapshot = Snapshot(warehouse)
    assert len(snapshot.read("articles")) == 2 and len(snapshot.read("runs")) == 2
    newsdesk("validate", "--warehouse", str(warehouse))
