"""The development sets with gold answers (extraction, quotes, ner) and their scorer, `score.py`, kept outside the
repository: where they are, and their gold read as the scorer reads it."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "devsets"
SETS = ("extraction", "quotes", "ner")


def devsets_folder(folder: str | Path | None = None) -> Path:
    """The folder given, else $NEWSDESK_DEVSETS, else ../shared/devsets beside the repository."""
    return Path(folder or os.environ.get("NEWSDESK_DEVSETS") or DEFAULT)


def missing_reason(folder: Path) -> str | None:
    """Why the dev sets cannot be used from `folder`, or None when they can."""
    absent = [name for name in ("score.py", *SETS) if not (folder / name).exists()]
    if absent:
        return f"no dev sets at {folder} (missing: {', '.join(absent)}); set NEWSDESK_DEVSETS or DEVSETS=DIR"
    return None


def scorer(folder: Path) -> ModuleType:
    """`score.py` of the dev sets as a module, so that a harness scores with its exact metric."""
    spec = importlib.util.spec_from_file_location("devsets_score", folder / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(folder: Path, name: str) -> list[dict]:
    with open(folder / name / "gold.jsonl", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]
