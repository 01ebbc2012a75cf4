"""The news_pipeline flow on a generated corpus: per-stage throughput and peak memory, Prefect's share, a re-run.

Each run happens in a fresh process, so its peak memory and its Prefect start-up are its own. Stage seconds come
from the flow's RunSummary; each stage's time window (for its peak memory) and the quality gates' and publish's
seconds come from the task runs that Prefect recorded for the flow run.
"""

from __future__ import annotations

import time
from pathlib import Path
from uuid import UUID

from benchmarks.baselines import all_baselines
from benchmarks.corpus import corpus_inputs
from benchmarks.dedup_bench import in_fresh_process
from benchmarks.resources import MemoryTimeline, load_average
from flows.server import api_for_run
from tasks.settings import Settings

GATE_TASK, PUBLISH_TASK = "validate", "publish"


def rates(rows: int, seconds: float, corpus: dict) -> dict:
    """Documents, megabytes of input and words of article text per second of a stage."""
    seconds = max(seconds, 1e-9)
    return {
        "docs_per_s": rows / seconds,
        "mb_per_s": corpus["input_mb"] / seconds,
        "words_per_s": corpus["words"] / seconds,
    }


def _task_runs(flow_run_id: str, wait_seconds: float = 15) -> list:
    """The flow run's task runs once each has an end time (Prefect records states shortly after they happen)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import TaskRunFilter, TaskRunFilterFlowRunId

    task_filter = TaskRunFilter(flow_run_id=TaskRunFilterFlowRunId(any_=[UUID(flow_run_id)]))
    deadline = time.time() + wait_seconds
    with get_client(sync_client=True) as client:
        while True:
            runs = client.read_task_runs(task_run_filter=task_filter)
            if (runs and all(r.end_time for r in runs)) or time.time() > deadline:
                return runs
            time.sleep(0.5)


def _windows(runs: list) -> dict[str, tuple[float, float]]:
    """Per task name (the run name up to its first '-': 'clean-batch-00001' -> 'clean'): first start, last end."""
    windows: dict[str, tuple[float, float]] = {}
    for run in runs:
        if not (run.start_time and run.end_time):
            continue
        name = run.name.split("-", 1)[0]
        start, end = run.start_time.timestamp(), run.end_time.timestamp()
        low, high = windows.get(name, (start, end))
        windows[name] = (min(low, start), max(high, end))
    return windows


def _busy_seconds(runs: list, name: str) -> float:
    return sum(r.total_run_time.total_seconds() for r in runs if r.name.split("-", 1)[0] == name)


def run_pipeline(inputs: str, warehouse: str) -> dict:
    """One `news_pipeline(paths, warehouse)` call in this process, started the way `newsdesk run` starts it (the
    temporary API first, then the imports), with its stages, memory and Prefect's share. The wall time runs from
    the start of the API to the end of the flow: what a user waits for."""
    with MemoryTimeline() as memory:
        called = time.time()
        temporary_api = api_for_run(Settings().server_url)
        import prefect  # noqa: F401  (timed apart: Prefect's import is Prefect's cost)

        prefect_imported = time.time()
        import great_expectations  # noqa: F401  (as `newsdesk run` does, while the API starts)

        from flows.pipeline import news_pipeline

        imported = time.time()
        if temporary_api is not None:
            temporary_api.wait()
        ready = time.time()
        summary = news_pipeline([inputs], warehouse)
        wall = time.time() - called
    runs = _task_runs(summary.run_id)
    windows = _windows(runs)
    stages = [
        {
            "stage": r.stage,
            "rows_in": r.rows_in,
            "rows_out": r.rows_out,
            "skipped": r.skipped,
            "ran": r.ran,
            "seconds": r.seconds,
            "peak_pss_mb": memory.peak_mb(*windows.get(r.stage, (None, None))),
        }
        for r in summary.stages
    ]
    publish_window = windows.get(PUBLISH_TASK)
    stage_seconds = sum(s["seconds"] for s in stages)
    gates, publish = _busy_seconds(runs, GATE_TASK), _busy_seconds(runs, PUBLISH_TASK)
    first_task = min((start for start, _ in windows.values()), default=ready)
    imports = imported - prefect_imported
    return {
        "status": summary.status,
        "wall_seconds": wall,
        "import_seconds": imports,
        "stages": stages,
        "publish": {"seconds": publish, "peak_pss_mb": memory.peak_mb(*publish_window) if publish_window else None},
        "peak_pss_mb": memory.peak_mb(),
        "outside_stages": {
            "seconds": wall - stage_seconds,
            "share": (wall - stage_seconds) / wall,
            "imports": imports,
            "quality_gates": gates,
            "publish": publish,
            "prefect_import": prefect_imported - called,
            "api_wait": ready - imported,
            "flow_start": first_task - ready,
            "rest": wall - stage_seconds - gates - publish - (first_task - called),
        },
        "load_average": load_average(),
    }


def first_and_rerun(inputs: Path, warehouse: Path) -> dict:
    """A first run into an empty warehouse, then the same input again (each in a fresh process)."""
    first = in_fresh_process(run_pipeline, str(inputs), str(warehouse))
    print(f"  first run {first['wall_seconds']:.0f} s; re-run, load average {load_average()}", flush=True)
    rerun = in_fresh_process(run_pipeline, str(inputs), str(warehouse))
    return {"first": first, "rerun": rerun, "rerun_share": rerun["wall_seconds"] / first["wall_seconds"]}


def measure_size(size: int, folder: Path, seed: int) -> dict:
    """The flow (first run and re-run) and the baselines on one corpus size."""
    corpus, facts = corpus_inputs(size, folder / "inputs", seed)
    warehouse = folder / "warehouse"
    runs = first_and_rerun(folder / "inputs", warehouse)
    first = runs["first"]
    for stage in first["stages"]:
        stage |= rates(stage["rows_in"], stage["seconds"], facts)
    first["publish"] |= rates(size, first["publish"]["seconds"], facts)
    first["end_to_end"] = rates(size, first["wall_seconds"], facts)

    print(f"  re-run {runs['rerun']['wall_seconds']:.0f} s; baselines, load average {load_average()}", flush=True)
    parquet = folder / "corpus.parquet"
    corpus.to_parquet(parquet)
    html_pages = sorted(str(p) for p in (folder / "inputs").glob("*.html"))
    baselines = all_baselines(corpus["body"].tolist(), html_pages, str(parquet), str(warehouse), Settings().spacy_model)
    for name, figures in baselines.items():
        if name.startswith("spacy_ner"):
            figures["words_per_s"] = facts["words"] / figures["seconds"]
    return {"corpus": facts, "pipeline": runs, "baselines": baselines}
