"""Country codes (ISO 3166-1 alpha-2) of places and nationalities: pycountry plus the gazetteer in data/places.json."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pycountry

from tasks.enrich.names import fold

GAZETTEER = Path(__file__).parent / "data" / "places.json"


@lru_cache(maxsize=1)
def place_codes() -> dict[str, tuple[str, ...]]:
    """Folded name -> country codes: pycountry's names first, the shipped gazetteer over them."""
    codes: dict[str, tuple[str, ...]] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)):
            if name:
                codes[fold(name)] = (country.alpha_2,)
    sections = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    for section, names in sections.items():
        if isinstance(names, dict):
            codes.update({fold(name): tuple(found) for name, found in names.items()})
    return codes


def country_codes(name: str) -> tuple[str, ...]:
    """Codes a place or nationality refers to: "Estonian" -> (EE,), "Baltic states" -> (EE, LT, LV), else ()."""
    key = fold(name)
    codes = place_codes()
    if key in codes:
        return codes[key]
    if key.startswith("the "):
        return codes.get(key[4:], ())
    return ()
