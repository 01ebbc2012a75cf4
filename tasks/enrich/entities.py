"""Entity identity across articles: link mentions to known entities, build the `entities` rows they reference."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from tasks.enrich.mentions import Mention
from tasks.enrich.names import acronym_of, entity_id, fold, is_acronym
from tasks.enrich.places import country_codes


class EntityIndex:
    """Known entities (the published table) and those met so far; gives each mention its entity.

    Lone surnames link to known people only, so a link never depends on the order articles arrive in.
    """

    def __init__(self, known: pd.DataFrame) -> None:
        self.rows: dict[str, dict] = {}
        self._surnames: dict[str, set[str]] = {}
        self._acronyms: dict[str, str] = {}
        self._linked: dict[tuple[str, str], str] = {}
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
            if row["type"] == "ORG" and is_acronym(row["name"]):
                self._acronyms.setdefault(fold(row["name"]), row["name"])

    def learn_acronyms(self, mentions: Iterable[Mention]) -> None:
        """Acronyms written anywhere in the batch, so that an expansion elsewhere links to them."""
        for m in mentions:
            if m.type == "ORG" and is_acronym(m.name):
                self._acronyms.setdefault(fold(m.name), m.name)

    def link(self, mention: Mention) -> str:
        """entity_id of a mention: a lone surname or an acronym's expansion joins the known entity it names."""
        linked = self._linked.get((mention.type, mention.name))
        if linked is None:
            linked = self._linked[(mention.type, mention.name)] = self._link(mention.type, mention.name)
        return linked

    def _link(self, type_: str, name: str) -> str:
        key = fold(name)
        if type_ == "PERSON" and len(name.split()) == 1 and len(self._surnames.get(key, ())) == 1:
            name = next(iter(self._surnames[key]))
        elif type_ == "ORG" and acronym_of(name) in self._acronyms:
            name = self._acronyms[acronym_of(name)]
        id_ = entity_id(type_, name)
        self.rows.setdefault(id_, _entity_row(id_, name, type_))
        return id_

    def entity_rows(self, ids: Iterable[str]) -> list[dict]:
        """`entities` rows (without run_id) for the given ids, in the order first referenced."""
        return [self.rows[i] for i in dict.fromkeys(ids)]


def _entity_row(id_: str, name: str, type_: str) -> dict:
    codes = list(country_codes(name)) if type_ != "PERSON" else []
    return {
        "entity_id": id_,
        "name": name,
        "type": type_,
        "country_code": codes[0] if len(codes) == 1 else None,
        "country_codes": codes,
    }
