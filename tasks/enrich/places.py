"""Country codes (ISO 3166-1 alpha-2) of places and nationalities: pycountry plus the gazetteer in data/places.json."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pycountry

from tasks.enrich.names import fold

GAZETTEER = Path(__file__).parent / "data" / "places.json"
CODE_SECTIONS = ("countries", "country_parts", "demonyms", "capitals_and_cities", "regions")
"""Gazetteer sections that map a name to country codes."""


@lru_cache(maxsize=1)
def gazetteer() -> dict:
    return json.loads(GAZETTEER.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def place_codes() -> dict[str, tuple[str, ...]]:
    """Folded name -> country codes: pycountry's names first, the shipped gazetteer over them."""
    codes = {name: (code,) for name, code in _pycountry_names().items()}
    for section in CODE_SECTIONS:
        codes.update({fold(name): tuple(found) for name, found in gazetteer()[section].items()})
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


def country_of(name: str) -> str | None:
    """The code of the country a name is (not a city, region or part of it): "U.S.", "America", "USA" -> US.

    Alpha-3 codes count only when written in capitals ("USA", "GBR")."""
    key = fold(name)
    code = _country_names().get(key)
    if code is None and name.replace(".", "").isupper():
        code = _alpha_3().get(key)
    return code


def country_name(code: str) -> str:
    """The English short name news uses for a country: the gazetteer's, else pycountry's common or official name."""
    named = gazetteer()["country_names"].get(code)
    if named:
        return named
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name


@lru_cache(maxsize=1)
def _pycountry_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)):
            if name:
                names[fold(name)] = country.alpha_2
    return names


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded name of a country itself -> its code (a country of one code only)."""
    names = dict(_pycountry_names())
    names.update({fold(name): codes[0] for name, codes in gazetteer()["countries"].items() if len(codes) == 1})
    return names


@lru_cache(maxsize=1)
def _alpha_3() -> dict[str, str]:
    return {country.alpha_3.casefold(): country.alpha_2 for country in pycountry.countries}
