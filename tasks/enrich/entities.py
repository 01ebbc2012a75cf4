"""Entity identity across articles: link mentions to known entities, build the `entities` rows they reference."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from tasks.enrich.mentions import Mention
from tasks.enrich.names import acronym_of, entity_id, fold, is_acronym, name_rank, preferred_name
from tasks.enrich.places import country_codes


class EntityIndex:
    """Known entities (the published table) and those met so far; gives each mention its entity.

    Lone surnames link to known people only, and a new entity is named by its preferred spelling, so neither a
    link nor a name depends on the order articles arrive in. A known entity keeps its published name.
    """

    def __init__(self, known: pd.DataFrame) -> None:
        self.rows: dict[str, dict] = {}
        self._known = frozenset(known["entity_id"]) if len(known) else frozenset()
        self._surnames: dict[str, set[str]] = {}
        self._acronyms: dict[str, str] = {}
        """Acronym (folded) -> the organisation name it and its expansion link to."""
        self._linked: dict[tuple[str, str], str] = {}
        organisations = []
        for row in known.to_dict("records"):
            codes = row.get("country_codes")
            self.rows[row["entity_id"]] = {
                "entity_id": row["entity_id"],
                "name": row["name"],
                "type": row["type"],
                "country_code": None if pd.isna(row.get("country_code")) else row["country_code"],
                "country_codes": [] if codes is None else list(codes),
            }
            if row["type"] == "PERSON" and len(row["name"].split()) > 1:
                self._surnames.setdefault(fold(row["name"].split()[-1]), set()).add(row["name"])
            if row["type"] == "ORG":
                organisations.append(row["name"])
        for name in sorted(organisations, key=lambda name: not is_acronym(name)):
            key = fold(name) if is_acronym(name) else acronym_of(name)
            if key:  # a known acronym first, else a known expansion: the entity keeps its id in later runs
                self._acronyms.setdefault(key, name)

    def learn_acronyms(self, names: Iterable[str]) -> None:
        """Acronyms written anywhere in the batch, so that an expansion elsewhere links to them (unless a known
        entity already stands for the acronym)."""
        for name in names:
            if is_acronym(name):
                self._acronyms.setdefault(fold(name), name)

    def link(self, mention: Mention) -> str:
        """entity_id of a mention: a lone surname, an acronym or its expansion joins the entity it names."""
        linked = self._linked.get((mention.type, mention.name))
        if linked is None:
            linked = self._linked[(mention.type, mention.name)] = self.link_name(mention.type, mention.name)
        return linked

    def link_name(self, type_: str, name: str) -> str:
        """entity_id of a (type, canonical name), adding its `entities` row when it is new."""
        key = fold(name)
        if type_ == "PERSON" and len(name.split()) == 1 and len(self._surnames.get(key, ())) == 1:
            name = next(iter(self._surnames[key]))
        elif type_ == "ORG":
            name = self._organisation(name)
        id_ = entity_id(type_, name)
        row = self.rows.get(id_)
        if row is None or (id_ not in self._known and preferred_name((row["name"], name)) != row["name"]):
            self.rows[id_] = _entity_row(id_, name, type_)
        return id_

    def _organisation(self, name: str) -> str:
        """An acronym names what it stands for; an expansion names its acronym, never another expansion that
        only shares its initials."""
        if is_acronym(name):
            return self._acronyms.get(fold(name), name)
        target = self._acronyms.get(acronym_of(name))
        return target if target is not None and is_acronym(target) else name

    def entity_rows(self, ids: Iterable[str]) -> list[dict]:
        """`entities` rows (without run_id) for the given ids, in the order first referenced."""
        return [self.rows[i] for i in dict.fromkeys(ids)]


def one_row_per_entity(entities: pd.DataFrame) -> pd.DataFrame:
    """The `entities` rows that batches wrote, one per entity_id, named by its preferred spelling among the batches'
    (each batch names an entity by the spellings it met)."""
    keys = [(id_, name_rank(name)) for id_, name in zip(entities["entity_id"], entities["name"], strict=True)]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return entities.iloc[order].drop_duplicates("entity_id").sort_index()


def acronym_merges(known: pd.DataFrame, new: pd.DataFrame) -> dict[str, str]:
    """entity_id -> the entity_id it joins, for a run's new organisations whose acronym or expansion another batch
    of the run wrote: batches are enriched apart, each against the published entities only."""
    index = EntityIndex(known)
    organisations = new[new["type"] == "ORG"]
    index.learn_acronyms(organisations["name"])
    linked = {row.entity_id: index.link_name("ORG", row.name) for row in organisations.itertuples(index=False)}
    return {id_: target for id_, target in linked.items() if target != id_}


def _entity_row(id_: str, name: str, type_: str) -> dict:
    codes = list(country_codes(name)) if type_ != "PERSON" else []
    return {
        "entity_id": id_,
        "name": name,
        "type": type_,
        "country_code": codes[0] if len(codes) == 1 else None,
        "country_codes": codes,
    }
