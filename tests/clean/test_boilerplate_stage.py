"""The boilerplate stage end to end on a published version and a run's staged batches."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from flows.run_context import RunContext, StageReport
from flows.stages.boilerplate import strip_publisher_boilerplate
from tasks.schemas import ALL_TABLES
from tasks.settings import Settings
from tasks.warehouse.layout import Layout
from tasks.warehouse.parquet_io import to_arrow, write_table

FOOTER = "The Harbour Times is an independent paper. Support our journalism by subscribing today."
INGESTED = datetime(2026, 3, 1, tzinfo=UTC)


def articles(ids: range, publisher: str, footer: bool = True) -> pd.DataFrame:
    bodies = [f"Story {n}: the council met on day {n} and agreed budget line {n * 7}." for n in ids]
    bodies = [body + "\n\n" + FOOTER if footer else body for body in bodies]
    return pd.DataFrame(
        {
            "article_id": [f"a{n}" for n in ids],
            "doc_id": [f"d{n}" for n in ids],
            "source_uri": [f"file:///in/{n}.txt" for n in ids],
            "authors": [[] for _ in ids],
            "publisher": publisher,
            "body": bodies,
            "word_count": [len(b.split()) for b in bodies],
            "content_hash": "x",
            "cluster_id": [f"a{n}" for n in ids],
            "is_canonical": True,
            "ingested_at": INGESTED,
            "run_id": "run",
        }
    )


def publish(warehouse, files: list[pd.DataFrame]) -> None:
    layout = Layout(warehouse)
    for n, frame in enumerate(files):
        path = layout.versions / "v1" / "articles" / f"part-{n}.parquet"
        write_table(to_arrow(frame, ALL_TABLES["articles"]), ALL_TABLES["articles"], path)
    layout.current.symlink_to("versions/v1")


def test_boilerplate_learned_over_published_files_and_batches_is_removed_and_articles_of_only_boilerplate_kept(
    tmp_path,
):
    """The run alone has the footer twice (under the learning's min_articles): only with the publisher's published
    articles is it learned, and the other publisher's published articles do not dilute its share. An article that
    is nothing but the footer is kept whole, not lost."""
    publish(tmp_path, [articles(range(100, 102), "Harbour Times"), articles(range(200, 260), "Other Post", False)])
    ctx = RunContext("run", INGESTED, Settings(warehouse=tmp_path, languages=("en", "de")))
    only_footer = articles(range(3, 4), "Harbour Times").assign(body=FOOTER, word_count=len(FOOTER.split()))
    first_batch = pd.concat([articles(range(0, 1), "Harbour Times", False), articles(range(1, 2), "Harbour Times")])
    ctx.staging.write("articles", first_batch, part="batch-00000")
    ctx.staging.write(
        "articles", pd.concat([articles(range(2, 3), "Harbour Times", False), only_footer]), "batch-00001"
    )
    menu = {"article_id": ["a1"], "position": [4], "text": ["Menu"], "reason": ["navigation"], "run_id": ["run"]}
    ctx.staging.write("removed_segments", pd.DataFrame(menu))
    report = strip_publisher_boilerplate.fn(ctx, StageReport("clean", rows_in=4, rows_out=4))

    first, second = (ctx.staging.read_part("articles", f"batch-0000{n}") for n in range(2))
    assert first["body"].tolist() == [articles(range(n, n + 1), "", False).at[0, "body"] for n in range(2)]
    assert second["article_id"].tolist() == ["a2", "a3"] and second.at[1, "body"] == FOOTER
    removed = ctx.staging.read_part("removed_segments", "publisher-boilerplate")
    assert removed[["article_id", "position", "text", "language"]].values.tolist() == [["a1", 5, FOOTER, "en"]]
    assert ctx.staging.read("quarantine").empty
    assert (report.rows_out, report.quarantined) == (4, 0)
    assert report.note == "1 boilerplate paragraphs of 1 publishers; 1 articles of nothing but boilerplate kept whole"
