import pytest

from tasks.enrich.places import country_codes


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("Estonia", ("EE",)),
        ("Estonian", ("EE",)),
        ("Brussels", ("BE",)),
        ("Moscow", ("RU",)),
        ("Kremlin", ("RU",)),
        ("the Kremlin", ("RU",)),
        ("Baltic states", ("EE", "LV", "LT")),
        ("the Baltics", ("EE", "LV", "LT")),
        ("Russian Federation", ("RU",)),
        ("Russia", ("RU",)),
        ("U.S.", ("US",)),
        ("United Kingdom", ("GB",)),
        ("Kyiv", ("UA",)),
        ("Rīga", ("LV",)),
        ("Germany", ("DE",)),
        ("Europe", ()),
        ("NATO", ()),
    ],
)
def test_country_codes(name, codes):
    assert country_codes(name) == codes
