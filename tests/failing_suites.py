"""Suites made to fail, for tests that show a gate stopping a run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tasks.settings import PROJECT_ROOT


def expectations_with(folder: Path, table: str, expectation: dict) -> Path:
    """A copy of expectations/ whose suite for `table` has one more expectation: a gate made to fail."""
    shutil.copytree(PROJECT_ROOT / "expectations", folder)
    suite = json.loads((folder / f"{table}.json").read_text())
    suite["expectations"].append(expectation)
    (folder / f"{table}.json").write_text(json.dumps(suite))
    return folder


ONLY_HTML = {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "format", "value_set": ["html"]}}
"""Added to the documents suite, it fails every run that reads a .txt file."""
