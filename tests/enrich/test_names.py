from tasks.enrich.names import acronym_of, canonical_name, entity_id, fold, is_acronym, split_title, trim_span


def test_canonical_name_strips_article_possessive_and_punctuation():
    assert canonical_name("the European Union") == "European Union"
    assert canonical_name("NATO's") == "NATO"
    assert canonical_name("Kremlin’s") == "Kremlin"
    assert canonical_name("Kallas,") == "Kallas"
    assert canonical_name("the NATO Foreign Ministers'") == "NATO Foreign Ministers"
    assert canonical_name("U.S.") == "U.S."


def test_trim_span_keeps_offsets_on_the_name():
    body = "He met the European Union's envoy."
    start, end = trim_span(body, 7, 27)
    assert body[start:end] == "European Union"


def test_titles_split_from_names():
    assert split_title("Prime Minister Kaja Kallas") == ("Prime Minister", "Kaja Kallas")
    assert split_title("Secretary of State Antony Blinken") == ("Secretary of State", "Antony Blinken")
    assert split_title("Kaja Kallas") == (None, "Kaja Kallas")
    assert split_title("President") == (None, "President")


def test_fold_ignores_case_accents_and_dots():
    assert fold("Edgars Rinkēvičs") == fold("edgars rinkevics")
    assert fold("U.S.") == "us"


def test_entity_id_is_stable_and_depends_on_type_and_folded_name():
    assert entity_id("PERSON", "Edgars Rinkēvičs") == entity_id("PERSON", "Edgars Rinkevics")
    assert entity_id("ORG", "Kallas") != entity_id("PERSON", "Kallas")
    assert len(entity_id("ORG", "NATO")) == 16


def test_acronyms():
    assert acronym_of("North Atlantic Treaty Organization") == "nato"
    assert acronym_of("Organization for Security and Co-operation in Europe") == "osce"
    assert acronym_of("Kremlin") is None
    assert is_acronym("NATO") and is_acronym("U.S.") and not is_acronym("Nato")
