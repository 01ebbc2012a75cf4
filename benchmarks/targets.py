"""What the figures say against the targets set for this 2-core machine, and how time grows with size."""

from __future__ import annotations

NER_RATIO = 0.75
"""End-to-end words/s at least this share of spaCy NER-only words/s (the faster of one process and one per core)."""
MAX_GROWTH = 11.0
"""100k takes at most this many times as long as 10k."""
MAX_PEAK_MB = 3 * 1024
"""At 100k articles through the flow, and at 1M through the stages without the flow: memory must not grow with size."""
WARC_RATIO = 0.8
"""Pages/s of ingest and clean on a web archive at least this share of bare trafilatura's on the same pages."""
MAX_RERUN_SHARE = 0.10
MAX_PREFECT_SHARE = 0.10


def prefect_cost(run: dict) -> dict:
    """Prefect's own cost in a run: wall time outside the stages, the quality gates, publish and the import of the
    other libraries (so: Prefect's import, waiting for its API, the flow's start, task scheduling and state
    reporting, the flow's own bookkeeping)."""
    outside = run["outside_stages"]
    seconds = outside["seconds"] - outside["quality_gates"] - outside["publish"] - outside["imports"]
    return {"seconds": seconds, "share": seconds / run["wall_seconds"]}


def growth(sizes: dict) -> list[dict]:
    """Time and memory ratios between consecutive sizes, per stage and end to end (first runs)."""
    ordered = sorted(sizes, key=int)
    rows = []
    for small, large in zip(ordered, ordered[1:], strict=False):
        a, b = sizes[small]["pipeline"]["first"], sizes[large]["pipeline"]["first"]
        stages = {s["stage"]: s["seconds"] for s in a["stages"]}
        rows.append(
            {
                "from": int(small),
                "to": int(large),
                "size_ratio": int(large) / int(small),
                "wall_ratio": b["wall_seconds"] / a["wall_seconds"],
                "stage_seconds_ratio": {s["stage"]: s["seconds"] / stages[s["stage"]] for s in b["stages"]},
                "peak_pss_ratio": b["peak_pss_mb"] / a["peak_pss_mb"],
            }
        )
    return rows


def _target(name: str, goal: str, figure: float | None, limit: float, note: str, at_least: bool = False) -> dict:
    """One target: met is None when the run did not measure it (a size was not run)."""
    met = None if figure is None else (figure >= limit if at_least else figure <= limit)
    return {"target": name, "goal": goal, "figure": figure, "met": met, "note": note}


def ner_ratio(measured: dict) -> float:
    """End-to-end words/s of a size's first run over the faster spaCy NER-only baseline on the same texts."""
    ner = max(
        (v for k, v in measured["baselines"].items() if k.startswith("spacy_ner")),
        key=lambda figures: figures["words_per_s"],
    )
    return measured["pipeline"]["first"]["end_to_end"]["words_per_s"] / ner["words_per_s"]


def targets(results: dict) -> list[dict]:
    sizes = results["sizes"]
    largest = max(sizes, key=int)
    smaller = ", ".join(f"{int(size):,}: {ner_ratio(sizes[size]):.2f}" for size in sorted(sizes, key=int)[:-1])
    ten, hundred, million, warc = sizes.get("10000"), sizes.get("100000"), results.get("million"), results.get("warc")
    archive = warc and f"a {warc['archive']['bytes'] / 2**20:,.0f} MB archive, {warc['processes']} processes"
    step = next((g for g in growth(sizes) if (g["from"], g["to"]) == (10_000, 100_000)), None)
    return [
        _target(
            "throughput vs NER only",
            f">= {NER_RATIO} of spaCy NER-only words/s (its faster setting)",
            ner_ratio(sizes[largest]),
            NER_RATIO,
            f"at {int(largest):,} articles ({smaller or 'no smaller size run'}); first run's wall time, from the start "
            "of Prefect's API to the flow's end",
            at_least=True,
        ),
        _target(
            "linear in size",
            f"100k / 10k time <= {MAX_GROWTH:g}x",
            step and step["wall_ratio"],
            MAX_GROWTH,
            "first runs' wall time" if step else "not run: needs --sizes 10000 100000",
        ),
        _target(
            "peak memory at 100k",
            f"<= {MAX_PEAK_MB:,} MB",
            hundred and hundred["pipeline"]["first"]["peak_pss_mb"],
            MAX_PEAK_MB,
            "whole process tree" if hundred else "not run: needs --sizes 100000",
        ),
        _target(
            "peak memory at 1M",
            f"<= {MAX_PEAK_MB:,} MB",
            million and million["peak_pss_mb"],
            MAX_PEAK_MB,
            "ingest, clean, dedup and publish without the flow" if million else "not run: needs --million",
        ),
        _target(
            "web archive: peak memory",
            f"<= {MAX_PEAK_MB:,} MB",
            warc and warc["newsdesk"]["peak_pss_mb"],
            MAX_PEAK_MB,
            f"ingest and clean of {archive}" if warc else "not run: needs --warc-bytes",
        ),
        _target(
            "web archive: pages/s vs trafilatura",
            f">= {WARC_RATIO} of bare trafilatura's pages/s",
            warc and warc["ratio"],
            WARC_RATIO,
            f"ingest and clean of {archive}; FastWARC + trafilatura.extract with metadata"
            if warc
            else "not run: needs --warc-bytes",
            at_least=True,
        ),
        _target(
            "re-run of unchanged 10k",
            f"<= {MAX_RERUN_SHARE:.0%} of the first run's time",
            ten and ten["pipeline"]["rerun_share"],
            MAX_RERUN_SHARE,
            "fresh process, Prefect start-up included" if ten else "not run: needs --sizes 10000",
        ),
        _target(
            "Prefect's own cost at 10k",
            f"< {MAX_PREFECT_SHARE:.0%} of the flow's wall time",
            ten and prefect_cost(ten["pipeline"]["first"])["share"],
            MAX_PREFECT_SHARE,
            "wall time outside stages, gates and publish" if ten else "not run: needs --sizes 10000",
        ),
    ]


def summarise(results: dict) -> dict:
    return {"growth": growth(results["sizes"]), "targets": targets(results)}
