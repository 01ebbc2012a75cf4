"""Rows that broke row-level expectations leave a stage's staged output with every row that depends on them, and each
becomes a `quarantine` row that names its stage, suite, expectation and value, so the run goes on without them."""

from __future__ import annotations

import json
import math

import pandas as pd

from tasks.quality.gate import FailingRow, ValidationOutcome
from tasks.schemas import ALL_TABLES
from tasks.warehouse.staging import Staging

REASON = "failed_expectation"

DEPENDENTS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "documents": (("contents", ("source_uri", "doc_id")),),
    "articles": tuple(
        (table, ("article_id",))
        for table in (
            "removed_segments",
            "duplicates",
            "dedup_signatures",
            "mentions",
            "quotes",
            "date_mentions",
            "annotation_failures",
        )
    ),
    "entities": (("mentions", ("entity_id",)),),
}
"""Tables whose rows go with a row taken out of a table, matched on these columns of both."""

UNLINKED = {"entities": (("quotes", "speaker_entity_id"),)}
"""Links to a row taken out that are cleared, the linking row kept: a quote stands without its speaker's entity."""

INPUTS = ("documents", "articles")
"""Tables whose rows are whole inputs: one taken out is a document quarantined, as the stage's count says."""

SHOWN_CHARS = 80


def row_count(count: int) -> str:
    """'1 row', '3 rows'."""
    return f"{count} row{'' if count == 1 else 's'}"


def shown(value: object) -> str:
    """A value for `quarantine.value`: JSON (one line, control characters escaped), text cut to SHOWN_CHARS characters,
    and no `<`, `>` or `&` left for a page that shows it to read as markup."""
    if isinstance(value, float) and math.isnan(value):
        value = None
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        value = f"{value[:SHOWN_CHARS]}… ({len(value)} characters)"
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _by_row(failing: tuple[FailingRow, ...]) -> dict[tuple[str, ...], list[FailingRow]]:
    rows: dict[tuple[str, ...], list[FailingRow]] = {}
    for row in failing:
        rows.setdefault(row.key, []).append(row)
    return rows


def _article_sources(staging: Staging) -> pd.DataFrame:
    """Where each staged article came from, by article_id."""
    return staging.read("articles", ["article_id", "source_uri", "doc_id"]).set_index("article_id")


def _entity_articles(staging: Staging, entity_ids: set[str]) -> dict[str, str]:
    """An article that mentions (or quotes) each entity: where a quarantined entity was found."""
    found: dict[str, str] = {}
    for table, column in (("mentions", "entity_id"), ("quotes", "speaker_entity_id")):
        links = staging.read(table, ["article_id", column])
        links = links[links[column].isin(entity_ids - set(found))]
        found |= links.drop_duplicates(column).set_index(column)["article_id"].to_dict()
    return found


def _source(
    table: str, key: dict[str, str], row: FailingRow, articles: pd.DataFrame, entity_articles: dict[str, str]
) -> tuple[str, str | None]:
    """The input a failing row came from: its own source, its article's, or for an entity an article it is in."""
    if "source_uri" in key:
        return key["source_uri"], key.get("doc_id")
    article = row.article_id or entity_articles.get(key.get("entity_id", ""))
    if article in articles.index:
        return articles.at[article, "source_uri"], articles.at[article, "doc_id"]
    return f"newsdesk:{table}/{'/'.join(key.values())}", None


def _quarantine_rows(staging: Staging, stage: str, outcome: ValidationOutcome, run_id: str) -> list[dict]:
    """One quarantine row per row taken out, naming every expectation it broke and the first one's value."""
    table, key_columns = outcome.suite, ALL_TABLES[outcome.suite].key
    rows = _by_row(outcome.failing_rows)
    articles = _article_sources(staging)
    entity_articles = _entity_articles(staging, {k[0] for k in rows}) if table == "entities" else {}
    quarantined = []
    for values, broken in rows.items():
        key = dict(zip(key_columns, values, strict=True))
        source_uri, doc_id = _source(table, key, broken[0], articles, entity_articles)
        expectations = "; ".join(dict.fromkeys(b.expectation for b in broken))
        named = ", ".join(f"{c}={v}" for c, v in key.items())
        quarantined.append(
            {
                "source_uri": source_uri,
                "doc_id": doc_id,
                "stage": stage,
                "reason": REASON,
                "detail": f"the {table} row ({named}) broke {expectations}: it was taken out with the rows that "
                "depend on it; the value is in quarantine.value",
                "suite": table,
                "expectation": expectations,
                "value": shown(broken[0].value),
                "run_id": run_id,
            }
        )
    return quarantined


def _take_out(staging: Staging, outcome: ValidationOutcome) -> None:
    """The outcome's failing rows out of its table, and the rows that depend on them out of theirs."""
    table = outcome.suite
    keys = pd.DataFrame(list(_by_row(outcome.failing_rows)), columns=list(ALL_TABLES[table].key))
    staging.drop_keys(table, keys)
    for dependent, columns in DEPENDENTS.get(table, ()):
        staging.drop_keys(dependent, keys[list(columns)])
    for linking, column in UNLINKED.get(table, ()):
        staging.clear_values(linking, column, keys.iloc[:, 0])


def quarantine_failing_rows(staging: Staging, stage: str, outcomes: list[ValidationOutcome], run_id: str) -> int:
    """Take every row that broke a row-level expectation of a stage's suites out of the staged output, dependents
    with it, and stage a quarantine row for each; the number of whole inputs (documents or articles) taken out."""
    failing = [o for o in outcomes if o.failing_rows]
    if not failing:
        return 0
    # sources are looked up before anything is taken out: a mention's article may be leaving too
    rows = [row for o in failing for row in _quarantine_rows(staging, stage, o, run_id)]
    for outcome in failing:
        _take_out(staging, outcome)
    staging.write("quarantine", pd.DataFrame(rows), part=f"gate-{stage}")
    return sum(o.quarantined for o in failing if o.suite in INPUTS)
