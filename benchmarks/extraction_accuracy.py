"""Body and metadata accuracy of cleaning on the extraction dev set, page by page without the pipeline (seconds).

    python -m benchmarks.extraction_accuracy [html|txt] [--devsets DIR] [--pages]

Each page goes through `clean_document` as the clean stage would take it; the body is scored with the dev sets'
own `score.py` metric (token P/R/F1, macro over the pages, a page cleaning rejects scores 0) and the metadata as
`benchmarks.metadata_accuracy` does. `make accuracy` measures the same through real pipeline runs.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from benchmarks.devsets import devsets_folder, read_gold, scorer
from benchmarks.metadata_accuracy import Metadata, accuracy
from tasks.clean.article import PageHints, clean_document


def clean_pages(folder: Path, kind: str, gold: list[dict]) -> tuple[dict[str, str], dict[str, Metadata], float]:
    """The body and metadata cleaning gives each page of `kind` (pages it rejects are left out), and the seconds."""
    bodies, metadata, seconds = {}, {}, 0.0
    for page in gold:
        raw = (folder / "extraction" / kind / f"{page['id']}.{kind}").read_text(encoding="utf-8")
        started = time.perf_counter()
        try:
            article = clean_document(None if kind == "html" else raw, raw if kind == "html" else None, PageHints())
        except ValueError:
            continue
        finally:
            seconds += time.perf_counter() - started
        bodies[page["id"]] = article.body
        metadata[page["id"]] = Metadata(article.title, article.authors, article.publisher, article.published_at)
    return bodies, metadata, seconds


def body_scores(bodies: dict[str, str], gold: list[dict], folder: Path) -> tuple[dict, dict[str, tuple]]:
    """Macro P/R/F1 of the bodies against the gold bodies, and each page's (P, R, F1)."""
    score = scorer(folder)
    per_page = {g["id"]: score.token_prf(bodies[g["id"]], g["body"]) if g["id"] in bodies else (0, 0, 0) for g in gold}
    macro = [sum(s[i] for s in per_page.values()) / len(per_page) for i in range(3)]
    real = [per_page[g["id"]][2] for g in gold if not g.get("synthetic")]
    return {"found": len(bodies), **score.scores(*macro), "f1_real_pages": round(sum(real) / len(real), 4)}, per_page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", nargs="?", choices=["html", "txt"], default="html")
    parser.add_argument("--devsets", type=Path, help="the dev sets' folder (default: ../shared/devsets)")
    parser.add_argument("--pages", action="store_true", help="also print each page's P/R/F1")
    args = parser.parse_args()
    folder = devsets_folder(args.devsets)
    gold = read_gold(folder, "extraction")
    bodies, metadata, seconds = clean_pages(folder, args.kind, gold)
    summary, per_page = body_scores(bodies, gold, folder)
    if args.pages:
        for page, (p, r, f) in sorted(per_page.items(), key=lambda item: item[1][2]):
            print(f"{page:42} {p:.3f} {r:.3f} {f:.3f}")
    result = {"input": args.kind, "pages": len(gold), **summary, **accuracy(metadata, gold)}
    print(json.dumps(result | {"seconds": round(seconds, 2)}))


if __name__ == "__main__":
    main()
