"""`make accuracy`: the pipeline's accuracy on the development sets, through real runs, scored by their `score.py`.

    python -m benchmarks.accuracy [--devsets DIR]

Each input (extraction text dumps, extraction HTML, quotes, ner) runs through `newsdesk run` into a temporary
warehouse of its own, which the dev sets' `score.py` then scores; the extraction runs also get their metadata
accuracy (`benchmarks.metadata_accuracy`). The dev sets live outside the repository (../shared/devsets, or
$NEWSDESK_DEVSETS); without them this says so and measures nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.devsets import devsets_folder, missing_reason, read_gold
from benchmarks.metadata_accuracy import accuracy, warehouse_metadata

RUNS = (
    ("extraction txt", "extraction/txt", "extraction"),
    ("extraction html", "extraction/html", "extraction"),
    ("quotes", "quotes/dev.jsonl", "quotes"),
    ("ner", "ner/docs.jsonl", "ner"),
)
SHOWN = {
    "extraction": ("found", "precision", "recall", "f1", "f1_real_pages"),
    "quotes": ("found", "precision", "recall", "f1", "speaker_accuracy", "speaker_accuracy_named"),
    "ner": ("precision", "recall", "f1"),
}
METADATA = ("title_accuracy", "authors_accuracy", "publisher_accuracy", "date_accuracy")
QUIET = {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}


def run_and_score(devsets: Path, source: str, scored_set: str, warehouse: Path) -> dict:
    """One real pipeline run of a dev set's input into `warehouse`, then its score (and for extraction, metadata)."""
    env = os.environ | QUIET
    started = time.perf_counter()
    ran = subprocess.run(
        [sys.executable, "-m", "flows", "run", str(devsets / source), "--warehouse", str(warehouse)],
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = round(time.perf_counter() - started, 1)
    if ran.returncode != 0:
        said = [line.strip() for line in (ran.stdout + ran.stderr).splitlines() if line.strip()]
        return {"error": f"newsdesk run exited {ran.returncode}: {said[-1] if said else ''}", "seconds": seconds}
    scored = subprocess.run(
        [sys.executable, str(devsets / "score.py"), str(warehouse), "--set", scored_set, "--devsets", str(devsets)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(scored.stdout.strip().splitlines()[-1]) | {"seconds": seconds}
    if scored_set == "extraction":
        gold = read_gold(devsets, "extraction")
        result |= accuracy(warehouse_metadata(warehouse, devsets, gold), gold)
    return result


def line(name: str, scored_set: str, result: dict) -> str:
    if "error" in result:
        return f"{name:16} {result['error']} ({result['seconds']} s)"
    keys = SHOWN[scored_set] + (METADATA if scored_set == "extraction" else ())
    return f"{name:16} " + "  ".join(f"{key} {result[key]}" for key in keys) + f"  ({result['seconds']} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devsets", type=Path, help="the dev sets' folder (default: ../shared/devsets)")
    args = parser.parse_args()
    devsets = devsets_folder(args.devsets)
    if reason := missing_reason(devsets):
        print(f"dev-set accuracy not measured: {reason}")
        return
    with tempfile.TemporaryDirectory(prefix="newsdesk-accuracy-") as folder:
        for name, source, scored_set in RUNS:
            warehouse = Path(folder) / name.replace(" ", "-")
            print(line(name, scored_set, run_and_score(devsets, source, scored_set, warehouse)), flush=True)


if __name__ == "__main__":
    main()
