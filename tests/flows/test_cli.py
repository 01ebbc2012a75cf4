"""The `newsdesk` command as a user runs it: exit codes, what it prints, and a run killed halfway."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

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
    assert re.search(r"ingest .* 1 of \d FAILED", done.stderr)  # the summary table's row for the stage
    assert Snapshot(copy).read("documents").shape[0] == 5
    assert Snapshot(copy).version != version  # only `runs` and `validations` moved on
