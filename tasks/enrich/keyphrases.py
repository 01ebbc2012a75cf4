"""Key phrases of a body by YAKE (Campos et al., 2020): statistical, unsupervised, one document at a time.

The scoring follows the `yake` package (same features, stopword list and candidate rules); this compact version
runs more than ten times faster: it keeps no graph objects, reads each word once into flat per-term counts and
computes the term features of a document in a few array operations. Keyphrases must cost far less than the NER they
run beside.
"""

from __future__ import annotations

import importlib.util
import os
import re
import string
from functools import lru_cache
from pathlib import Path

import numpy as np

TOP = 10
MAX_WORDS = 3
DEDUP_LIMIT = 0.9
"""Candidates this similar (character sequence ratio) to a better one are dropped: "minister said" after
"minister says"."""

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+|(?<=\d):\d+)*(?:(?<=s)'|’)?|[^\w\s]")
_CONTRACTION = re.compile(r"(\w.*?)(n['’]t|['’](?:d|ll|m|re|s|ve))$")
_PUNCTUATION = frozenset(string.punctuation + "“”‘’–—…")
_DISCARDED = frozenset("du")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The English stopword list that ships with the yake package (read without importing yake, which is slow)."""
    package = Path(importlib.util.find_spec("yake").submodule_search_locations[0])
    text = (package / "core" / "StopwordsList" / "stopwords_en.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


class _Counts:
    """What one pass over a document records: terms by id, their occurrences, neighbours and candidate phrases."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.stopword: list[bool] = []
        self.last_sentence: list[int] = []
        self.tokens: list[int] = []  # term id of every word
        self.acronyms: list[int] = []  # term id of every word tagged acronym
        self.proper: list[int] = []  # ... tagged proper noun
        self.spread: list[int] = []  # (term id) once per sentence the term is in, in reading order
        self.spread_sentences: list[int] = []  # ... and that sentence
        self.pairs: dict[tuple[int, int], int] = {}  # (term, next term) -> times seen side by side
        self.candidates: dict[tuple[int, ...], list] = {}  # term ids -> [words as first written, tf]
        self.sentences = 0


def keyphrases(text: str, top: int = TOP) -> list[str]:
    """The `top` key phrases of a text (up to three words each), best first, as first written."""
    counts = _count(text)
    if not counts.ids:
        return []
    weights = _term_weights(counts)
    tf = np.bincount(counts.tokens).tolist()
    scored = sorted(
        (_candidate_score(weights, tf, counts, ids, times), " ".join(words))
        for ids, (words, times) in counts.candidates.items()
    )
    chosen: dict[str, str] = {}  # lower case -> as written
    for _, surface in scored:
        lowered = surface.lower()
        if not any(_similar(lowered, c) for c in chosen):
            chosen[lowered] = surface
            if len(chosen) == top:
                break
    return list(chosen.values())


def _count(text: str) -> _Counts:
    counts = _Counts()
    ids, stopword, last_sentence, pairs, candidates = (
        counts.ids,
        counts.stopword,
        counts.last_sentence,
        counts.pairs,
        counts.candidates,
    )
    for sentence_id, sentence in enumerate(s for s in _SENTENCE_SPLIT.split(text) if s.strip()):
        counts.sentences += 1
        block: list[tuple[str, str, int, bool]] = []  # (tag, word, term id, stopword) since the last punctuation
        for position, word in enumerate(_words(sentence)):
            if len(word) == 1 and word in _PUNCTUATION:
                block = []
                continue
            key, is_stopword, tag_first, tag = _word(word)
            if position == 0:
                tag = tag_first
            term = ids.get(key)
            if term is None:
                term = ids[key] = len(ids)
                stopword.append(is_stopword)
                last_sentence.append(-1)
            else:
                is_stopword = stopword[term]  # a term is what its first form was: "changes" makes "change" one
            counts.tokens.append(term)
            if tag == "a":
                counts.acronyms.append(term)
            elif tag == "n":
                counts.proper.append(term)
            if last_sentence[term] != sentence_id:
                last_sentence[term] = sentence_id
                counts.spread.append(term)
                counts.spread_sentences.append(sentence_id)
            if block and tag not in _DISCARDED and block[-1][0] not in _DISCARDED:
                pair = (block[-1][2], term)
                pairs[pair] = pairs.get(pair, 0) + 1
            block.append((tag, word, term, is_stopword))
            if is_stopword:
                continue  # a phrase may not end with a stopword
            phrase_ids: tuple[int, ...] = ()
            words: tuple[str, ...] = ()
            for first in range(len(block) - 1, max(-1, len(block) - 1 - MAX_WORDS), -1):
                first_tag, first_word, first_term, first_is_stopword = block[first]
                if first_tag in _DISCARDED:
                    break  # every longer phrase would hold this word too
                phrase_ids = (first_term, *phrase_ids)
                words = (first_word, *words)
                if first_is_stopword:
                    continue  # nor start with one
                entry = candidates.get(phrase_ids)
                if entry is None:
                    candidates[phrase_ids] = [words, 1]
                else:
                    entry[1] += 1
    return counts


def _words(sentence: str) -> list[str]:
    """The sentence's tokens as the yake package reads them (segtok): a contraction or possessive is split from its
    word ("Clinton’s" is "Clinton", "’s"; "don't" is "do", "n't"), and a piece that starts with a straight
    apostrophe is dropped."""
    tokens = _TOKEN.findall(sentence)
    if "'" not in sentence and "’" not in sentence:
        return tokens
    split = []
    for token in tokens:
        contraction = _CONTRACTION.match(token)
        if contraction is None:
            split.append(token)
            continue
        word, ending = contraction.groups()
        split.append(word)
        if not ending.startswith("'"):
            split.append(ending)
    return split


def _term_weights(counts: _Counts) -> list[float]:
    """YAKE's term weight H from casing, position, frequency, relatedness to context and spread (lower is better),
    for every term of the document at once."""
    n = len(counts.ids)
    tf = np.bincount(counts.tokens, minlength=n).astype(float)
    content = tf[~np.array(counts.stopword)]
    if not content.size:
        content = np.ones(1)
    before = np.fromiter((b for b, _ in counts.pairs), np.intp, len(counts.pairs))
    after = np.fromiter((a for _, a in counts.pairs), np.intp, len(counts.pairs))
    together = np.fromiter(counts.pairs.values(), float, len(counts.pairs))
    max_tf = tf.max()
    left = _ratio(np.bincount(after, minlength=n), np.bincount(after, together, n))
    right = _ratio(np.bincount(before, minlength=n), np.bincount(before, together, n))
    relatedness = (0.5 + left * tf / max_tf) + (0.5 + right * tf / max_tf)
    frequency = tf / (content.mean() + content.std())
    in_sentences = np.bincount(counts.spread, minlength=n)
    spread = in_sentences / counts.sentences
    casing = np.maximum(np.bincount(counts.acronyms, minlength=n), np.bincount(counts.proper, minlength=n))
    casing = casing / (1.0 + np.log(tf))
    position = np.log(np.log(3.0 + _median_sentence(counts, in_sentences)))
    return ((position * relatedness) / (casing + frequency / relatedness + spread / relatedness)).tolist()


def _ratio(distinct: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Distinct neighbours per co-occurrence, 0 for a term without neighbours on that side."""
    return np.divide(distinct, weight, out=np.zeros(len(distinct)), where=weight > 0)


def _median_sentence(counts: _Counts, in_sentences: np.ndarray) -> np.ndarray:
    """Median id of the sentences each term is in (ids are recorded in reading order, so each term's are sorted)."""
    sentences = np.asarray(counts.spread_sentences)[np.argsort(counts.spread, kind="stable")]
    starts = np.cumsum(in_sentences) - in_sentences
    return (sentences[starts + (in_sentences - 1) // 2] + sentences[starts + in_sentences // 2]) / 2


def _similar(a: str, b: str) -> bool:
    """difflib's ratio 2 * matched / total above DEDUP_LIMIT, counting as matched the common start and end.

    Near-identical phrases differ in one stretch ("says"/"said", a plural, a hyphen), where this is difflib's
    ratio exactly, at a fraction of the cost of a SequenceMatcher."""
    total = len(a) + len(b)
    if 2 * min(len(a), len(b)) <= DEDUP_LIMIT * total:
        return False  # lengths alone rule it out
    start = len(os.path.commonprefix((a, b)))
    end = len(os.path.commonprefix((a[start:][::-1], b[start:][::-1])))
    return 2 * (start + end) > DEDUP_LIMIT * total


def _candidate_score(weights: list[float], tf: list[int], counts: _Counts, ids: tuple[int, ...], times: int) -> float:
    """YAKE's phrase score: product over sum of its terms' H, a stopword inside weighed by how it binds its
    neighbours."""
    product, total = 1.0, 0.0
    for i, term in enumerate(ids):
        if not counts.stopword[term]:
            product *= weights[term]
            total += weights[term]
            continue
        before = counts.pairs.get((ids[i - 1], term), 0) / tf[ids[i - 1]] if i > 0 else 0.0
        after = counts.pairs.get((term, ids[i + 1]), 0) / tf[ids[i + 1]] if i < len(ids) - 1 else 0.0
        binding = before * after
        product *= 2 - binding
        total -= 1 - binding
    return product / ((total + 1) * times)


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> tuple[str, bool, str, str]:
    """A word's term key (lower case, a plural's s dropped), whether it is a stopword, and its tag at the start of
    a sentence and inside one; cached, as news reuses the same few thousand words."""
    lowered = word.lower()
    key = lowered[:-1] if lowered.endswith("s") and len(lowered) > 3 else lowered
    stop = stopwords()
    plain = "".join(ch for ch in key if ch not in _PUNCTUATION)
    return key, lowered in stop or key in stop or len(plain) < 3, _tag(word, 0), _tag(word, 1)


def _tag(word: str, position: int) -> str:
    """YAKE's word classes: d(igit), u(nusual), a(cronym), n (proper noun inside a sentence), p(lain)."""
    if word.isalpha():
        if word.isupper():
            return "a"
        return "n" if position > 0 and len(word) > 1 and word[0].isupper() and word[1:].islower() else "p"
    bare = word.replace(",", "")
    if bare.isdigit() or bare.replace(".", "", 1).isdigit():
        return "d"
    digits = sum(ch.isdigit() for ch in word)
    letters = sum(ch.isalpha() for ch in word)
    marks = sum(ch in _PUNCTUATION for ch in word)
    if (digits and letters) or not (digits or letters) or marks > 1:
        return "u"
    if word.isupper():
        return "a"
    if len(word) > 1 and word[0].isupper() and position > 0 and sum(ch.isupper() for ch in word) == 1:
        return "n"
    return "p"
