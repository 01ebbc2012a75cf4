"""One entity under every form of its name: country and organisation aliases, acronyms across batches and runs."""

from __future__ import annotations

import pandas as pd
import pytest

from tasks.enrich.aliases import canonical_entity
from tasks.enrich.annotate import enrich_articles
from tasks.enrich.entities import EntityIndex, acronym_merges, one_row_per_entity
from tasks.enrich.names import entity_id
from tasks.settings import Settings


def _entities(*rows: tuple[str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "entity_id": entity_id(type_, name),
                "name": name,
                "type": type_,
                "country_code": None,
                "country_codes": [],
            }
            for type_, name in rows
        ],
        columns=["entity_id", "name", "type", "country_code", "country_codes"],
    )


@pytest.mark.parametrize(
    ("label", "names", "entity"),
    [
        ("GPE", ["U.S.", "US", "USA", "United States", "United States of America", "America"], "United States"),
        ("GPE", ["U.K.", "UK", "Britain", "Great Britain", "United Kingdom"], "United Kingdom"),
        ("GPE", ["Russia", "Russian Federation", "RUS"], "Russia"),
        ("GPE", ["South Korea", "Korea, Republic of", "Republic of Korea", "KOR"], "South Korea"),
        ("LOC", ["Germany", "Federal Republic of Germany", "DEU"], "Germany"),
        ("ORG", ["EU", "European Union", "E.U."], "EU"),
        ("GPE", ["EU", "European Union"], "EU"),
    ],
)
def test_every_alias_has_the_canonical_name_and_one_id(label, names, entity):
    canonical = {canonical_entity(label, name) for name in names}
    assert {name for _, name in canonical} == {entity}
    assert len({entity_id(*pair) for pair in canonical}) == 1


@pytest.mark.parametrize(
    ("label", "name"),
    [("GPE", "Moscow"), ("GPE", "England"), ("GPE", "Crimea"), ("ORG", "ARM"), ("GPE", "Can"), ("NORP", "American")],
)
def test_cities_parts_of_countries_companies_and_nationalities_are_not_countries(label, name):
    assert canonical_entity(label, name) == (label, name)


@pytest.mark.parametrize("spellings", [["Juri Ratas", "Jüri Ratas"], ["Jüri Ratas", "Juri Ratas"]])
def test_a_new_entity_is_named_by_its_accented_spelling_in_whatever_order_the_spellings_come(spellings):
    index = EntityIndex(_entities())
    ids = {index.link_name("PERSON", name) for name in spellings}
    assert [row["name"] for row in index.entity_rows(ids)] == ["Jüri Ratas"]


def test_a_published_entity_keeps_its_name_when_a_run_meets_another_spelling():
    index = EntityIndex(_entities(("PERSON", "Zoe Saldana")))
    id_ = index.link_name("PERSON", "Zoë Saldaña")
    assert [row["name"] for row in index.entity_rows([id_])] == ["Zoe Saldana"]


def test_batches_that_spelled_an_entity_differently_give_one_row_with_the_preferred_spelling():
    for batches in (["Juri Ratas", "Jüri Ratas"], ["Jüri Ratas", "Juri Ratas"]):
        rows = one_row_per_entity(_entities(*[("PERSON", name) for name in batches], ("GPE", "Tartu")))
        assert sorted(rows["name"]) == ["Jüri Ratas", "Tartu"]


def test_an_acronym_links_to_the_expansion_published_by_an_earlier_run():
    index = EntityIndex(_entities(("ORG", "North Atlantic Treaty Organization")))
    index.learn_acronyms(["NATO"])
    assert index.link_name("ORG", "NATO") == entity_id("ORG", "North Atlantic Treaty Organization")


def test_an_expansion_links_to_a_published_acronym_and_never_to_another_expansion():
    index = EntityIndex(_entities(("ORG", "NATO"), ("ORG", "Baltic News Service")))
    assert index.link_name("ORG", "the North Atlantic Treaty Organization".removeprefix("the ")) == entity_id(
        "ORG", "NATO"
    )
    assert index.link_name("ORG", "Bank of Nova Scotia") == entity_id("ORG", "Bank of Nova Scotia")


def test_acronym_and_expansion_from_different_batches_of_a_run_merge_into_the_acronym():
    new = _entities(("ORG", "Organization for Security and Co-operation in Europe"), ("ORG", "OSCE"), ("GPE", "Riga"))
    merges = acronym_merges(_entities(), new)
    assert merges == {
        entity_id("ORG", "Organization for Security and Co-operation in Europe"): entity_id("ORG", "OSCE")
    }


def test_a_run_keeps_the_published_entity_of_an_acronym():
    known = _entities(("ORG", "Organization for Security and Co-operation in Europe"))
    new = _entities(("ORG", "OSCE"))
    assert acronym_merges(known, new) == {
        entity_id("ORG", "OSCE"): entity_id("ORG", "Organization for Security and Co-operation in Europe")
    }


def test_country_aliases_in_articles_are_one_entity_with_one_code():
    bodies = [
        "U.S. officials met their UK counterparts in Washington on Monday.",
        "The United States and Britain agreed that America would send more ships.",
        "The USA, the United Kingdom and the European Union signed. EU envoys left on Tuesday.",
    ]
    articles = pd.DataFrame(
        {"article_id": ["a", "b", "c"], "title": ["t"] * 3, "body": bodies, "published_at": [None] * 3}
    )
    enrichment = enrich_articles(articles, _entities(), Settings(workers=1))
    names = dict(zip(enrichment.entities.entity_id, enrichment.entities.name, strict=True))
    linked = {
        text: names[id_] for text, id_ in zip(enrichment.mentions.text, enrichment.mentions.entity_id, strict=True)
    }
    for text in ("U.S.", "United States", "America", "USA"):
        assert linked[text] == "United States"
    for text in ("UK", "Britain", "United Kingdom"):
        assert linked[text] == "United Kingdom"
    assert linked["European Union"] == linked["EU"] == "EU"
    countries = enrichment.entities.set_index("name").country_code
    assert countries["United States"] == "US" and countries["United Kingdom"] == "GB"
