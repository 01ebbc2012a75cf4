from tasks.text.content_hash import content_hash, content_hashes, fold_text
from tasks.text.folding import fold_texts


def test_case_whitespace_and_punctuation_are_folded():
    assert content_hash("The Mayor said: “No.”\n\nThen  left.") == content_hash("the mayor said no then left")


def test_different_words_differ():
    assert content_hash("Revenue rose 5%") != content_hash("Revenue rose 6%")


def test_punctuation_breaks_words():
    assert fold_text("U.S.-based, 3.5%") == "u s based 3 5"


def test_is_sha256_hex():
    assert len(content_hash("x")) == 64


def test_folding_many_texts_at_once_is_folding_each():
    texts = [
        "",
        "  ",
        "—",
        "Plain ASCII, with: punctuation_and__underscores!\n\nNew paragraph.",
        "Curly “quotes” — dashes © and ‘more’…",
        "Straße ﬁne Ⅻ ① ½ e\u0301 ÉLAN",
        "\x1c control \x1f\t\r",
    ]
    many = texts * 5000 + ["tail"]
    assert fold_texts(many).to_pylist() == [fold_text(t) for t in many]
    assert content_hashes(texts) == [content_hash(t) for t in texts]
