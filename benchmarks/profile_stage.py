"""Where one stage spends its time: the stage under pyinstrument, on a generated corpus, without the flow.

    python -m benchmarks.profile_stage clean --size 2000

The stages before it run unprofiled to give it its input. Enrichment is profiled with one worker, so its work is
in this process where the profiler sees it. Writes profile.html and profile.txt to a new temporary folder.
"""

from __future__ import annotations

import argparse
import tempfile
import uuid
from pathlib import Path

import pandas as pd
from pyinstrument import Profiler

from benchmarks import stage_work
from benchmarks.corpus import corpus_inputs
from benchmarks.resources import load_average
from tasks.clean.language import detect_language
from tasks.settings import Settings

STAGES = (*stage_work.STAGES, "enrich")


def _enrich(articles: pd.DataFrame) -> None:
    from tasks.enrich.annotate import enrich_articles
    from tasks.enrich.annotation import load_annotators

    settings = Settings().with_(workers=1)
    load_annotators(settings.spacy_model, tuple(settings.languages))  # a once-per-process cost, not the stage's
    enrich_articles(articles[["article_id", "title", "body", "published_at"]], pd.DataFrame(), settings)


def profile(stage: str, size: int, seed: int, folder: Path) -> Profiler:
    """Run the stages up to `stage` on a corpus of `size` articles; only `stage` runs under the profiler."""
    corpus_inputs(size, folder / "inputs", seed)
    run_id = str(uuid.uuid4())
    paths = sorted((folder / "inputs").iterdir())
    profiler = Profiler(interval=0.005)  # the coarse timer: the precise one costs 0.2 ms a sample here
    if stage == "ingest":
        with profiler:
            stage_work.ingest(paths, run_id)
        return profiler
    documents = stage_work.ingest(paths, run_id)
    if stage == "clean":
        detect_language("Dieser Satz ist auf Deutsch geschrieben")  # loads lingua's models: once per process
        with profiler:
            stage_work.clean(documents)
        return profiler
    articles = stage_work.clean(documents)
    with profiler:
        if stage == "dedup":
            stage_work.dedup(articles)
        elif stage == "publish":
            stage_work.publish(documents.drop(columns=["text", "html"]), articles, folder / "warehouse", run_id)
        else:
            _enrich(articles)
    return profiler


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=STAGES)
    parser.add_argument("--size", type=int, default=2000, help="articles in the corpus")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix=f"newsdesk-profile-{args.stage}-"))
    profiler = profile(args.stage, args.size, args.seed, folder)
    (folder / "profile.html").write_text(profiler.output_html(), encoding="utf-8")
    text = profiler.output_text(unicode=True, show_all=False)
    (folder / "profile.txt").write_text(text, encoding="utf-8")
    print(text)
    print(f"{args.stage} on {args.size:,} articles, load average {load_average()}; profiles in {folder}")


if __name__ == "__main__":
    main()
