"""docs/benchmarks.md from the results JSON: the figures as tables, with the machine and its load beside them."""

from __future__ import annotations

from benchmarks.targets import prefect_cost

STAGE_HEADER = "| stage | docs in | seconds | docs/s | MB/s | words/s | peak PSS MB |\n|---|--:|--:|--:|--:|--:|--:|"


def _n(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _stage_row(name: str, rows: int, figures: dict) -> str:
    return (
        f"| {name} | {rows:,} | {_n(figures['seconds'], 1)} | {_n(figures['docs_per_s'])} | "
        f"{_n(figures['mb_per_s'], 2)} | {_n(figures['words_per_s'])} | {_n(figures.get('peak_pss_mb'))} |"
    )


def _stage_table(stages: list[dict]) -> list[str]:
    return [STAGE_HEADER, *(_stage_row(s["stage"], s["rows_in"], s) for s in stages)]


def _targets(rows: list[dict]) -> list[str]:
    verdict = {True: "met", False: "**not met**", None: "not measured"}
    lines = ["| target | goal | figure | verdict | note |", "|---|---|--:|---|---|"]
    for t in rows:
        lines.append(f"| {t['target']} | {t['goal']} | {_n(t['figure'], 2)} | {verdict[t['met']]} | {t['note']} |")
    return lines


def _pipeline(size: str, measured: dict) -> list[str]:
    corpus, first, rerun = measured["corpus"], measured["pipeline"]["first"], measured["pipeline"]["rerun"]
    outside, prefect = first["outside_stages"], prefect_cost(first)
    formats = ", ".join(f"{n:,} {kind}" for kind, n in corpus["articles_by_format"].items())
    rerun_stages = ", ".join(
        f"{s['stage']} {s['seconds']:.1f} s" if s["ran"] else f"{s['stage']} not run" for s in rerun["stages"]
    )
    if not all(s["ran"] for s in rerun["stages"]):
        rerun_stages += ": ingest staged no new document"
    total = {"seconds": first["wall_seconds"], "peak_pss_mb": first["peak_pss_mb"]} | first["end_to_end"]
    return [
        f"### {int(size):,} articles",
        "",
        f"Input: {corpus['files']:,} files, {corpus['input_mb']:.1f} MB, {corpus['words']:,} words of article text "
        f"({formats}; {corpus['copies']:,} syndicated copies). Load average during the first run: "
        f"{first['load_average']}.",
        "",
        *_stage_table(first["stages"]),
        _stage_row("publish", corpus["articles"], first["publish"]),
        _stage_row("**end to end** (API start to flow end)", corpus["articles"], total),
        "",
        f"Outside the stages: {outside['seconds']:.1f} s ({outside['share']:.0%} of {first['wall_seconds']:.1f} s): "
        f"importing pandas, GX and the flow {outside['imports']:.1f} s, quality gates "
        f"{outside['quality_gates']:.1f} s, publish {outside['publish']:.1f} s, importing Prefect "
        f"{outside['prefect_import']:.1f} s, waiting for its temporary API {outside['api_wait']:.1f} s (it starts "
        f"before the imports), the flow's start to its first task {outside['flow_start']:.1f} s, the rest (task "
        f"scheduling, state reporting, the flow's bookkeeping) {outside['rest']:.1f} s. Prefect's own cost: "
        f"{prefect['seconds']:.1f} s ({prefect['share']:.0%}).",
        "",
        f"Re-run on the unchanged input: {rerun['wall_seconds']:.1f} s, {measured['pipeline']['rerun_share']:.0%} of "
        f"the first run (stages {rerun_stages}; quality gates "
        f"{rerun['outside_stages']['quality_gates']:.1f} s, imports {rerun['outside_stages']['imports']:.1f} s, "
        f"importing Prefect {rerun['outside_stages']['prefect_import']:.1f} s; "
        f"load average {rerun['load_average']}).",
        "",
    ]


def _baselines(size: str, measured: dict) -> list[str]:
    lines = [
        f"#### Bare libraries on the same {int(size):,}-article corpus",
        "",
        "| baseline | items | seconds | CPU s | items/s | words/s | peak PSS MB | load average |",
        "|---|--:|--:|--:|--:|--:|--:|---|",
    ]
    for name, b in measured["baselines"].items():
        lines.append(
            f"| {name} | {b['items']:,} | {_n(b['seconds'], 2)} | {_n(b['cpu_seconds'], 1)} | "
            f"{_n(b['items_per_s'])} | {_n(b.get('words_per_s'))} | {_n(b['peak_pss_mb'])} | "
            f"{b['load_average']} |"
        )
    return [*lines, ""]


def _growth(rows: list[dict]) -> list[str]:
    if not rows:
        return []
    stages = list(rows[0]["stage_seconds_ratio"])
    lines = [
        "## Growth with size",
        "",
        f"| from → to | size × | wall × | {' × | '.join(stages)} × | peak PSS × |",
        "|---|--:|--:|" + "--:|" * len(stages) + "--:|",
    ]
    for g in rows:
        ratios = " | ".join(_n(g["stage_seconds_ratio"].get(s), 2) for s in stages)
        lines.append(
            f"| {g['from']:,} → {g['to']:,} | {g['size_ratio']:.3g} | {g['wall_ratio']:.2f} | {ratios} | "
            f"{g['peak_pss_ratio']:.2f} |"
        )
    return [*lines, ""]


def _million(measured: dict) -> list[str]:
    corpus = measured["corpus"]
    return [
        "## 1,000,000 articles: stages without the flow",
        "",
        "The ingest readers and clean_document called directly on batches of about 32 MB of input, on "
        f"{measured['workers']} processes (the two stages share that phase's wall time in proportion to their summed "
        "batch seconds), each batch staging its rows as the flow's batches do; then the flow's dedup stage and its "
        "publish, once, over the staged parts (neither holds the run's bodies); the NER-bound enrich stage is left "
        "out. "
        f"Input: {corpus['files']:,} files, "
        f"{corpus['input_mb']:,.0f} MB, {corpus['words']:,} words. Peak PSS {measured['peak_pss_mb']:,.0f} MB; "
        f"load average at the end {measured['load_average']}.",
        "",
        *_stage_table(measured["stages"]),
        "",
    ]


def _warc(measured: dict) -> list[str]:
    archive, reader, ours, bare = (measured[k] for k in ("archive", "bare_reader", "newsdesk", "trafilatura"))
    return [
        "## A web archive: ingest and clean",
        "",
        f"A Common Crawl News-like archive of {archive['bytes'] / 2**20:,.0f} MB ({archive['records']:,} records, "
        f"{archive['pages']:,} pages shaped like real news pages; benchmarks/warc_corpus.py and news_page.py), cut "
        f"into {ours['batches']:,} batches as a run cuts it ({ours['slicing_seconds']:.1f} s, timed in both rows), "
        "each through the WARC reader and clean_document on a pool of "
        f"{measured['processes']} processes; beside it the same batches read with bare FastWARC and each page given "
        f"to `trafilatura.extract(page, with_metadata=True)` on a pool of the same size. Load average at the end "
        f"{measured['load_average']}.",
        "",
        "| measured | pages | seconds | pages/s | records/s | MB/s | peak PSS MB |",
        "|---|--:|--:|--:|--:|--:|--:|",
        f"| FastWARC alone, 1 process | {reader['pages']:,} | {_n(reader['seconds'], 1)} | – | "
        f"{_n(reader['records_per_s'])} | {_n(reader['mb_per_s'], 1)} | {_n(reader['peak_pss_mb'])} |",
        f"| newsdesk ingest + clean | {ours['pages']:,} | {_n(ours['seconds'], 1)} | {_n(ours['pages_per_s'], 1)} | "
        f"– | – | {_n(ours['peak_pss_mb'])} |",
        f"| FastWARC + trafilatura | {bare['pages']:,} | {_n(bare['seconds'], 1)} | {_n(bare['pages_per_s'], 1)} | "
        f"– | – | {_n(bare['peak_pss_mb'])} |",
        "",
        f"newsdesk's pages/s are {measured['ratio']:.2f} of bare trafilatura's.",
        "",
    ]


def render(results: dict) -> str:
    m = results["machine"]
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `make bench` (`python -m benchmarks`); do not edit by hand. Command: `{results['command']}`.",
        "",
        f"Machine: {m['cores']} cores ({m['physical_cores']} physical), {m['memory_gb']} GB, Python {m['python']}, "
        f"{m['platform']}. Run from {results['started_at']} to {results['finished_at']}; load average (1, 5, 15 min) "
        f"{results['load_average_at_start']} at the start, {results['load_average_at_end']} at the end. A load above "
        f"{m['cores']} means other work shared the cores: wall times are then longer than on an idle machine (CPU "
        "seconds of the baselines less so).",
        "",
        "MB/s and words/s are the input's megabytes and words of article text divided by the stage's seconds, so "
        "stages compare on one scale; docs/s counts the documents the stage took in. Peak PSS is the highest sum of "
        "PSS over the whole process tree (the flow, its enrichment workers, Prefect's temporary API) during the stage, "
        "sampled every 50 ms, or less often when a sample is costly: sampling takes at most 5% of a core. Every run "
        "is a fresh process.",
        "",
        "## Targets",
        "",
        *_targets(results["targets"]),
        "",
        "## The pipeline",
        "",
    ]
    for size, measured in results["sizes"].items():
        lines += _pipeline(size, measured) + _baselines(size, measured)
    lines += _growth(results["growth"])
    if "million" in results:
        lines += _million(results["million"])
    if "warc" in results:
        lines += _warc(results["warc"])
    lines += [
        "## Profiling a stage",
        "",
        "`python -m benchmarks.profile_stage STAGE --size N` runs one stage under pyinstrument and writes an "
        "HTML and a text profile to a temporary folder.",
        "",
        "## The quality gate alone",
        "",
        "`python -m benchmarks.gate_bench --articles N [--bad K]` stages N synthetic articles and five mentions each "
        "as a run's batches do, then times the gate's validation of both tables (wall and CPU seconds), with K "
        "mentions breaking a row-level expectation so that finding and naming the failing rows is timed too.",
        "",
    ]
    return "\n".join(lines)
