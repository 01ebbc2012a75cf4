import numpy as np

from tasks.dedup.minhash import estimated_jaccard, minhash_signatures
from tasks.dedup.settings import DedupSettings
from tasks.dedup.shingles import shingle_hashes
from tasks.text.content_hash import fold_text

SETTINGS = DedupSettings()
WORDS = [f"w{i}" for i in range(400)]


def signatures(texts):
    shingles, offsets = shingle_hashes([fold_text(t) for t in texts], SETTINGS.shingle_words)
    return shingles, offsets, minhash_signatures(shingles, offsets, SETTINGS)


def test_estimate_is_close_to_the_true_jaccard():
    texts = [" ".join(WORDS[:300]), " ".join(WORDS[100:400])]
    shingles, offsets, matrix = signatures(texts)
    a, b = set(shingles[offsets[0] : offsets[1]].tolist()), set(shingles[offsets[1] : offsets[2]].tolist())
    true = len(a & b) / len(a | b)
    assert abs(estimated_jaccard(matrix, np.array([0]), np.array([1]))[0] - true) < 0.1


def test_signature_is_the_same_in_any_batch_and_text_order():
    one = signatures(["alpha beta gamma delta", "one two"])[2]
    other = signatures(["one two", "x y z", "alpha beta gamma delta"])[2]
    assert (one[0] == other[2]).all() and (one[1] == other[0]).all()


def test_short_and_empty_texts():
    shingles, offsets, matrix = signatures(["", "two words", "three words here"])
    assert np.diff(offsets).tolist() == [0, 1, 1]
    assert (matrix[0] == np.uint32(0xFFFFFFFF)).all()
