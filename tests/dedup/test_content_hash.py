from tasks.dedup.content_hash import content_hash, fold_text


def test_case_whitespace_and_punctuation_are_folded():
    assert content_hash("The Mayor said: “No.”\n\nThen  left.") == content_hash("the mayor said no then left")


def test_different_words_differ():
    assert content_hash("Revenue rose 5%") != content_hash("Revenue rose 6%")


def test_punctuation_breaks_words():
    assert fold_text("U.S.-based, 3.5%") == "u s based 3 5"


def test_is_sha256_hex():
    assert len(content_hash("x")) == 64
