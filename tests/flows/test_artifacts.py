"""The run summary the Prefect UI shows: this run's rows only, read from the published warehouse."""

from __future__ import annotations

from flows.artifacts import md, summary_markdown
from flows.pipeline import RunSummary
from tasks.warehouse.snapshot import Snapshot


def _summary(warehouse, run_id: str) -> str:
    return summary_markdown(RunSummary(run_id, "published", warehouse, warehouse / "reports"))


def test_the_summary_counts_the_runs_articles_and_names_its_top_entities(seeded_warehouse):
    snapshot = Snapshot(seeded_warehouse)
    run_id = snapshot.read("runs")["run_id"].iloc[0]
    top_name = (
        snapshot.read("entities")
        .set_index("entity_id")
        .at[snapshot.read("mentions")["entity_id"].value_counts().index[0], "name"]
    )

    markdown = _summary(seeded_warehouse, run_id)

    assert f"**{len(snapshot.read('articles'))}** new articles" in markdown
    assert "## Top entities" in markdown and "## Top speakers" in markdown
    assert f"| {md(top_name)} |" in markdown


def test_another_runs_summary_shows_none_of_these_rows(seeded_warehouse):
    markdown = _summary(seeded_warehouse, "another-run")

    assert "**0** new articles, **0** copies" in markdown
    assert "## Top entities" not in markdown and "## Quarantined" not in markdown
