"""The `newsdesk` command as a user runs it: exit codes, what it prints, and a run killed halfway."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tasks.settings import PROJECT_ROOT
from tasks.warehouse.snapshot import Snapshot
from tests.failing_suites import ONLY_HTML, expectations_with


@pytest.fixture(scope="module")
def warehouse(newsdesk, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("cli") / "warehouse"
    done = newsdesk("run", "--warehouse", str(target))
    for stage in ("ingest", "clean", "dedup", "enrich"):
        assert stage in done.stdout
    assert "Published version" in done.stdout
    return target


def test_query_prints_the_five_articles(newsdesk, warehouse):
    done = newsdesk("query", "select title, publisher, word_count from articles", "--warehouse", str(warehouse))
    assert len(done.stdout.strip().splitlines()) == 6  # header and five rows
    rows = json.loads(
        newsdesk("query", "select title from articles", "--format", "json", "--warehouse", str(warehouse)).stdout
    )
    assert len(rows) == 5 and all(r["title"] for r in rows)


def test_validate_passes_on_what_was_published(newsdesk, warehouse):
    done = newsdesk("validate", "--warehouse", str(warehouse))
    assert "FAILED" not in done.stdout and "articles" in done.stdout


def test_usage_errors_exit_2_with_one_line(newsdesk, tmp_path):
    done = newsdesk("run", str(tmp_path / "missing"), check=2)
    assert "no such file or folder" in done.stderr and "Traceback" not in done.stderr
    done = newsdesk("query", "selec nothing", "--warehouse", str(tmp_path), check=1)
    assert "nothing is published" in done.stderr
    newsdesk("frobnicate", check=2)


def test_a_failed_gate_exits_1_naming_stage_suite_and_report(newsdesk, warehouse, tmp_path):
    strict = expectations_with(tmp_path / "expectations", "documents", ONLY_HTML)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Headline\n\nA paragraph of text about the harbour reopening on Friday.")
    copy = tmp_path / "warehouse"
    shutil.copytree(warehouse, copy, symlinks=True)
    version = Snapshot(copy).version

    done = newsdesk("run", str(inbox), "--warehouse", str(copy), check=1, env={"NEWSDESK_EXPECTATIONS": str(strict)})

    assert "stage 'ingest'" in done.stderr or "at stage 'ingest'" in done.stderr
    assert "suite 'documents'" in done.stderr and "expect_column_values_to_be_in_set(format" in done.stderr
    assert "report:" in done.stderr and "Nothing of this run was published" in done.stderr
    assert Snapshot(copy).read("documents").shape[0] == 5
    assert Snapshot(copy).version != version  # only `runs` and `validations` moved on


def test_a_run_killed_halfway_leaves_the_warehouse_as_it_was(newsdesk, warehouse, tmp_path):
    copy = tmp_path / "warehouse"
    shutil.copytree(warehouse, copy, symlinks=True)
    before = Snapshot(copy)
    tables_before = {t: before.read(t) for t in ("documents", "articles", "mentions")}
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for i, seed in enumerate(sorted((PROJECT_ROOT / "seeds").glob("*.txt"))):
        (inbox / f"again-{i}.txt").write_text(seed.read_text() + f"\n\nUpdate {i}: officials met again today.")

    process = subprocess.Popen(
        [sys.executable, "-m", "flows", "run", str(inbox), "--warehouse", str(copy)],
        env=newsdesk.env,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    staged = copy / "_newsdesk" / "staging"
    deadline = time.monotonic() + 300
    while not list(staged.glob("*/duplicates")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()

    after = Snapshot(copy)
    assert after.version == before.version
    for table, frame in tables_before.items():
        assert after.read(table).shape == frame.shape, table

    newsdesk("run", str(inbox), "--warehouse", str(copy))
    assert len(Snapshot(copy).read("articles")) == 10
    assert not list(staged.iterdir())
