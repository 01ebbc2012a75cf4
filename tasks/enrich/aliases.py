"""One name for an entity under every form of it: "U.S.", "USA", "America" and "the United States" are one country.

The entity id hashes the type and the canonical name, so giving every alias the same type and name gives it the
same id in every run.
"""

from __future__ import annotations

from tasks.enrich.names import fold
from tasks.enrich.places import country_name, country_of, gazetteer

COUNTRY_LABELS = frozenset({"GPE", "LOC"})
"""Labels under which a country's name is the country (an ORG "ARM" is a company, not Armenia)."""
ORGANISATION_LABELS = frozenset({"ORG", "GPE", "NORP"})
"""Labels the model gives the organisations of the gazetteer ("EU" is sometimes a GPE)."""


def canonical_entity(label: str, name: str) -> tuple[str, str]:
    """(type, name) every alias of an entity shares: ("GPE", "U.S.") -> ("GPE", "United States"); others unchanged."""
    if label in COUNTRY_LABELS:
        code = country_of(name)
        if code is not None:
            return "GPE", country_name(code)
    if label in ORGANISATION_LABELS:
        organisation = gazetteer()["organisations"].get(fold(name))
        if organisation is not None:
            return "ORG", organisation
    return label, name
