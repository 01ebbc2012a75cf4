"""Where one stage spends its time: the stage under pyinstrument, on a generated corpus, without the flow.

    python -m benchmarks.profile_stage clean --size 2000

The stages before it run unprofiled to give it its input. Enrichment is profiled with one worker, so its work is
in this process where the profiler sees it. Writes profile.html and profile.txt to a new temporary folder.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pandas as pd
from pyinstrument import Profiler

from benchmarks import stage_work
from benchmarks.corpus import corpus_inputs
from benchmarks.resources import load_average
from tasks.clean.language import detect_language
from tasks.enrich.annotate import enrich_articles
from tasks.enrich.annotation import load_annotators
from tasks.settings import Settings

STAGES = (*stage_work.STAGES, "enrich")


def stage_call(stage: str, inputs: Path, warehouse: Path) -> Callable[[], object]:
    """The stage's work on its input, ready to call: the stages before it and once-per-process loads are done."""
    ctx = stage_work.run_context(warehouse)
    paths = sorted(inputs.iterdir())
    if stage == "ingest":
        return partial(stage_work.ingest, paths, ctx.run_id)
    documents = stage_work.ingest(paths, ctx.run_id)
    if stage == "clean":
        detect_language("Dieser Satz ist auf Deutsch geschrieben")  # loads lingua's models
        return partial(stage_work.clean, documents, ctx.run_id)
    articles = stage_work.clean(documents, ctx.run_id)
    if stage == "enrich":
        settings = Settings().with_(workers=1)
        load_annotators(settings.spacy_model, tuple(settings.languages))
        work = articles[["article_id", "title", "body", "published_at"]]
        return partial(enrich_articles, work, pd.DataFrame(), settings)
    stage_work.stage(ctx, documents, articles, part="batch-00000")
    if stage == "dedup":
        return partial(stage_work.dedup, ctx)
    stage_work.dedup(ctx)
    return partial(stage_work.publish, ctx)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=STAGES)
    parser.add_argument("--size", type=int, default=2000, help="articles in the corpus")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix=f"newsdesk-profile-{args.stage}-"))
    corpus_inputs(args.size, folder / "inputs", args.seed)
    work = stage_call(args.stage, folder / "inputs", folder / "warehouse")
    profiler = Profiler(interval=0.005)  # the coarse timer: the precise one costs 0.2 ms a sample here
    with profiler:
        work()
    (folder / "profile.html").write_text(profiler.output_html(), encoding="utf-8")
    text = profiler.output_text(unicode=True, show_all=False)
    (folder / "profile.txt").write_text(text, encoding="utf-8")
    print(text)
    print(f"{args.stage} on {args.size:,} articles, load average {load_average()}; profiles in {folder}")


if __name__ == "__main__":
    main()
