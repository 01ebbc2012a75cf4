"""Row-level expectations take their failing rows out up to a threshold; table-level ones block (real GX, real
Parquet staging)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from tasks.quality.gate import ROW_COMPARING, QualityGate, check_gating, load_suite_json
from tasks.quality.quarantine import SHOWN_CHARS, quarantine_failing_rows, shown
from tasks.schemas import TABLES
from tasks.settings import PROJECT_ROOT
from tasks.warehouse.staging import Staging
from tests.failing_suites import expectations_with
from tests.quality.test_suites import frame

MENU = "Home\nNews <script>alert(1)</script> Sport " * 10
"""A navigation menu read as one mention: longer than any name, markup and line breaks in it."""


def mentions(n: int, bad: int = 0) -> pd.DataFrame:
    """`n` valid mentions in n/10 articles, the first `bad` of them 344 characters long."""
    rows = pd.concat([frame("mentions")] * n, ignore_index=True)
    rows["article_id"] = [f"{i // 10:016x}" for i in range(n)]
    rows["start"] = [(i % 10) * 20 for i in range(n)]
    rows["end"] = rows["start"] + 6
    rows.loc[: bad - 1, "text"] = MENU[:344]
    return rows


def refusing(folder: Path, table: str, column: str, regex: str, threshold: float) -> Path:
    """A copy of expectations/ whose suite for `table` has a row-level expectation refusing `regex` in `column`."""
    expectation = {
        "type": "expect_column_values_to_not_match_regex",
        "kwargs": {"column": column, "regex": regex},
        "meta": {"gate": "row", "threshold": threshold},
    }
    return expectations_with(folder, table, expectation)


@pytest.fixture(scope="module")
def gate(tmp_path_factory):
    return QualityGate(PROJECT_ROOT / "expectations", tmp_path_factory.mktemp("reports"))


def test_every_expectation_says_how_it_gates():
    for table in TABLES:
        suite = load_suite_json(PROJECT_ROOT / "expectations", table)
        for expectation in suite["expectations"]:
            assert expectation.get("meta", {}).get("gate") in ("table", "row"), (table, expectation)
            if expectation["type"] in ROW_COMPARING:
                assert expectation["meta"]["gate"] == "table"


@pytest.mark.parametrize(
    "meta",
    [{"gate": "rows"}, {"gate": "table", "threshold": 0.1}, {"gate": "row", "threshold": 1.5}],
)
def test_a_gating_that_cannot_be_obeyed_is_refused(meta):
    with pytest.raises(ValueError, match="expect_column_values_to_be_between"):
        check_gating(
            {"name": "t", "expectations": [{"type": "expect_column_values_to_be_between", "kwargs": {}, "meta": meta}]}
        )
    with pytest.raises(ValueError, match="only be table-level"):
        check_gating(
            {
                "name": "t",
                "expectations": [{"type": "expect_column_values_to_be_unique", "kwargs": {}, "meta": {"gate": "row"}}],
            }
        )


def test_one_bad_row_in_10k_is_named_and_the_suite_passes(gate):
    outcome = gate.validate("enrich", "mentions", mentions(10_000, bad=1))
    assert outcome.success and outcome.failed == 0
    assert outcome.quarantined == 1
    assert outcome.quarantined_expectations == ["expect_column_value_lengths_to_be_between(text, 1 unexpected)"]
    (row,) = outcome.failing_rows
    assert row.key == ("0000000000000000", "0") and row.value == MENU[:344] and row.article_id == "0" * 16
    assert MENU[:30] not in outcome.report_path.read_text()  # the failing value stays out of the reports


def test_five_percent_bad_rows_block(gate):
    outcome = gate.validate("enrich", "mentions", mentions(10_000, bad=500))
    assert not outcome.success
    assert outcome.failed_expectations == ["expect_column_value_lengths_to_be_between(text, 500 unexpected)"]
    assert outcome.quarantined == 0 and not outcome.failing_rows


def test_the_threshold_is_the_expectations_own(tmp_path):
    lenient = refusing(tmp_path / "expectations", "mentions", "text", "Sport", threshold=0.1)
    rows = mentions(1_000)
    rows.loc[:49, "text"] = "Sport"
    outcome = QualityGate(lenient, tmp_path / "reports").validate("enrich", "mentions", rows)
    assert outcome.success and outcome.quarantined == 50
    assert outcome.quarantined_expectations == ["expect_column_values_to_not_match_regex(text, 50 unexpected)"]


def test_a_table_level_failure_on_one_row_blocks(gate):
    rows = pd.concat([frame("mentions"), frame("mentions")], ignore_index=True)  # one key twice
    outcome = gate.validate("enrich", "mentions", pd.concat([mentions(1_000), rows], ignore_index=True))
    assert not outcome.success and "expect_compound_columns_to_be_unique" in outcome.failed_expectations[0]


def test_failing_rows_found_in_several_chunks(gate, tmp_path):
    staging = Staging(tmp_path / "staging")
    rows = mentions(3_000, bad=1)
    rows.loc[2_500, "text"] = MENU[:320]
    paths = [staging.write("mentions", rows.iloc[i : i + 1_000], part=f"b{i}") for i in range(0, 3_000, 1_000)]
    outcome = gate.validate_files("enrich", "mentions", paths, max_rows=1_000)
    assert outcome.success and sorted(r.key for r in outcome.failing_rows) == [
        ("0000000000000000", "0"),
        (f"{250:016x}", "0"),
    ]


def enrich_staging(tmp_path) -> Staging:
    """A run's enrich output: two articles, an entity each, mentions, a quote of each speaker, a date, a segment."""
    staging = Staging(tmp_path / "staging")
    a, b = "a" * 16, "b" * 16
    staging.write("articles", pd.concat([frame("articles", article_id=a), frame("articles", article_id=b)]))
    staging.write(
        "entities",
        pd.concat([frame("entities", entity_id="e" * 16, name=MENU), frame("entities", entity_id="f" * 16)]),
    )
    staging.write(
        "mentions",
        pd.concat(
            [
                frame("mentions", article_id=a, entity_id="e" * 16, start=0, end=6),
                frame("mentions", article_id=a, entity_id="f" * 16, start=10, end=16, text=MENU[:400]),
                frame("mentions", article_id=b, entity_id="f" * 16, start=0, end=6),
            ]
        ),
    )
    staging.write(
        "quotes",
        pd.concat(
            [
                frame("quotes", quote_id="1" * 16, article_id=a, speaker_entity_id="e" * 16),
                frame("quotes", quote_id="2" * 16, article_id=b, speaker_entity_id="f" * 16),
            ]
        ),
    )
    staging.write("date_mentions", pd.concat([frame("date_mentions", article_id=x) for x in (a, b)]))
    return staging


def lenient(folder: Path) -> Path:
    """A copy of expectations/ whose row-level expectations let half the rows through: a handful of rows makes a
    run whose one bad row is not past the threshold."""
    shutil.copytree(PROJECT_ROOT / "expectations", folder)
    for path in folder.glob("*.json"):
        suite = json.loads(path.read_text())
        for expectation in suite["expectations"]:
            if expectation["meta"]["gate"] == "row":
                expectation["meta"]["threshold"] = 0.5
        path.write_text(json.dumps(suite))
    return folder


def test_rows_leave_with_their_dependents_and_each_is_quarantined(tmp_path):
    staging = enrich_staging(tmp_path)
    gate = QualityGate(lenient(tmp_path / "expectations"), tmp_path / "reports")
    outcomes = [
        gate.validate_files("enrich", table, staging.files(table), max_rows=1_000)
        for table in ("articles", "entities", "mentions", "quotes", "date_mentions")
    ]
    assert all(o.success for o in outcomes)
    assert [o.quarantined for o in outcomes] == [0, 1, 1, 0, 0]

    assert quarantine_failing_rows(staging, "enrich", outcomes, "run-1") == 0  # no article: no input lost

    assert set(staging.read("entities")["entity_id"]) == {"f" * 16}
    # the bad entity's mention went with it, the bad mention alone; the articles and their dates stay
    assert staging.read("mentions")[["article_id", "start"]].values.tolist() == [["b" * 16, 0]]
    assert len(staging.read("articles")) == 2 and len(staging.read("date_mentions")) == 2
    quotes = staging.read("quotes").set_index("quote_id")["speaker_entity_id"]
    assert quotes.isna().tolist() == [True, False]  # the quote stays, its link to the bad entity does not
    quarantine = staging.read("quarantine").sort_values("suite")
    assert quarantine[["stage", "reason", "suite"]].values.tolist() == [
        ["enrich", "failed_expectation", "entities"],
        ["enrich", "failed_expectation", "mentions"],
    ]
    assert set(quarantine["source_uri"]) == {"file:///in/a.txt"}  # the article each was found in
    assert quarantine["expectation"].str.startswith("expect_column_value_lengths_to_be_between(").all()
    for value in quarantine["value"]:
        assert "\n" not in value and "<" not in value and len(json.loads(value)) < SHOWN_CHARS + 30


def test_a_bad_article_leaves_with_everything_in_it(tmp_path):
    staging = enrich_staging(tmp_path)
    strict = refusing(tmp_path / "expectations", "articles", "article_id", "^b", threshold=0.5)
    outcome = QualityGate(strict, tmp_path / "reports").validate_files(
        "enrich", "articles", staging.files("articles"), 1_000
    )
    assert quarantine_failing_rows(staging, "enrich", [outcome], "run-1") == 1
    for table in ("articles", "mentions", "quotes", "date_mentions"):
        assert set(staging.read(table)["article_id"]) == {"a" * 16}, table
    assert staging.read("quarantine")["doc_id"].tolist() == [frame("articles")["doc_id"][0]]


def test_a_shown_value_is_one_short_inert_line():
    value = json.loads(shown(MENU))
    assert value.startswith(MENU[:SHOWN_CHARS]) and value.endswith(f"({len(MENU)} characters)")
    assert "\n" not in shown(MENU) and "<" not in shown(MENU) and "&" not in shown("a & b")
    assert shown(float("nan")) == "null" and shown({"end": "3", "start": "5"}) == '{"end": "3", "start": "5"}'
