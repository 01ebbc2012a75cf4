"""Key phrases of a body by YAKE (Campos et al., 2020): statistical, unsupervised, one document at a time.

The scoring follows the `yake` package (same features, stopword list and candidate rules); this compact version
runs about ten times faster (it keeps no graph objects): keyphrases must cost far less than the NER they run beside.
"""

from __future__ import annotations

import importlib.util
import math
import re
import string
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

TOP = 10
MAX_WORDS = 3
DEDUP_LIMIT = 0.9
"""Candidates this similar (character sequence ratio) to a better one are dropped: "NATO ally" after "NATO allies"."""

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]*\s+|\n+")
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
_PUNCTUATION = frozenset(string.punctuation + "“”‘’–—…")
_DISCARDED = frozenset("du")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The English stopword list that ships with the yake package (read without importing yake, which is slow)."""
    package = Path(importlib.util.find_spec("yake").submodule_search_locations[0])
    text = (package / "core" / "StopwordsList" / "stopwords_en.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


class _Term:
    __slots__ = ("tf", "tf_case", "sentences", "stopword", "h")

    def __init__(self, stopword: bool) -> None:
        self.tf = 0
        self.tf_case = [0, 0]  # as acronym, as proper noun
        self.sentences: dict[int, None] = {}
        self.stopword = stopword
        self.h = 0.0


def keyphrases(text: str, top: int = TOP) -> list[str]:
    """The `top` key phrases of a text (up to three words each), best first, as first written."""
    terms: dict[str, _Term] = {}
    pairs: dict[tuple[str, str], int] = {}  # (word, next word) -> times seen side by side
    candidates: dict[tuple[str, ...], list] = {}  # term keys -> [words as first written, tf]
    sentence_count = 0
    for sentence_id, sentence in enumerate(s for s in _SENTENCE_SPLIT.split(text) if s.strip()):
        sentence_count += 1
        block: list[tuple[str, str, str, bool]] = []  # (tag, word, key, stopword) since the last punctuation
        for position, word in enumerate(_TOKEN.findall(sentence)):
            if len(word) == 1 and word in _PUNCTUATION:
                block = []
                continue
            tag = _tag(word, position)
            key = _key(word)
            term = terms.get(key)
            if term is None:
                term = terms[key] = _Term(_is_stopword(word.lower(), key))
            term.tf += 1
            if tag == "a":
                term.tf_case[0] += 1
            elif tag == "n":
                term.tf_case[1] += 1
            term.sentences[sentence_id] = None
            if block and tag not in _DISCARDED and block[-1][0] not in _DISCARDED:
                pair = (block[-1][2], key)
                pairs[pair] = pairs.get(pair, 0) + 1
            block.append((tag, word, key, term.stopword))
            if term.stopword:
                continue  # a phrase may not end with a stopword
            keys: tuple[str, ...] = ()
            words: tuple[str, ...] = ()
            for first in range(len(block) - 1, max(-1, len(block) - 1 - MAX_WORDS), -1):
                first_tag, first_word, first_key, first_is_stopword = block[first]
                if first_tag in _DISCARDED:
                    break  # every longer phrase would hold this word too
                keys = (first_key, *keys)
                words = (first_word, *words)
                if first_is_stopword:
                    continue  # nor start with one
                entry = candidates.get(keys)
                if entry is None:
                    candidates[keys] = [words, 1]
                else:
                    entry[1] += 1
    if not terms:
        return []
    _score_terms(terms, pairs, sentence_count)
    scored = sorted(
        (_candidate_score(terms, pairs, keys, tf), " ".join(words)) for keys, (words, tf) in candidates.items()
    )
    chosen: list[str] = []
    for _, surface in scored:
        lowered = surface.lower()
        if not any(_similar(lowered, c.lower()) for c in chosen):
            chosen.append(surface)
            if len(chosen) == top:
                break
    return chosen


def _similar(a: str, b: str) -> bool:
    if 2 * min(len(a), len(b)) <= DEDUP_LIMIT * (len(a) + len(b)):
        return False  # lengths alone rule it out (difflib's real_quick_ratio, without building a matcher)
    matcher = SequenceMatcher(None, a, b)
    return matcher.quick_ratio() > DEDUP_LIMIT and matcher.ratio() > DEDUP_LIMIT


def _score_terms(terms: dict[str, _Term], pairs: dict[tuple[str, str], int], sentence_count: int) -> None:
    """YAKE's term weight H from casing, position, frequency, relatedness to context and spread (lower is better)."""
    content = [t.tf for t in terms.values() if not t.stopword] or [1]
    mean_tf = sum(content) / len(content)
    std_tf = math.sqrt(sum((tf - mean_tf) ** 2 for tf in content) / len(content))
    max_tf = max(t.tf for t in terms.values())
    neighbours = {key: [0, 0, 0, 0] for key in terms}  # distinct left, left count, distinct right, right count
    for (before, after), count in pairs.items():
        neighbours[after][0] += 1
        neighbours[after][1] += count
        neighbours[before][2] += 1
        neighbours[before][3] += count
    for key, term in terms.items():
        left_distinct, left_weight, right_distinct, right_weight = neighbours[key]
        left = left_distinct / left_weight if left_weight else 0.0
        right = right_distinct / right_weight if right_weight else 0.0
        relatedness = (0.5 + left * term.tf / max_tf) + (0.5 + right * term.tf / max_tf)
        frequency = term.tf / (mean_tf + std_tf)
        spread = len(term.sentences) / sentence_count
        casing = max(term.tf_case) / (1.0 + math.log(term.tf))
        position = math.log(math.log(3.0 + _median(list(term.sentences))))
        term.h = (position * relatedness) / (casing + frequency / relatedness + spread / relatedness)


def _median(ordered: list[int]) -> float:
    """Median of sentence ids, already in ascending order (they are recorded in reading order)."""
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _candidate_score(
    terms: dict[str, _Term], pairs: dict[tuple[str, str], int], keys: tuple[str, ...], tf: int
) -> float:
    """YAKE's phrase score: product over sum of its terms' H, a stopword inside weighed by how it binds its neighbours."""
    product, total = 1.0, 0.0
    for i, key in enumerate(keys):
        term = terms[key]
        if not term.stopword:
            product *= term.h
            total += term.h
            continue
        before = pairs.get((keys[i - 1], key), 0) / terms[keys[i - 1]].tf if i > 0 else 0.0
        after = pairs.get((key, keys[i + 1]), 0) / terms[keys[i + 1]].tf if i < len(keys) - 1 else 0.0
        binding = before * after
        product *= 2 - binding
        total -= 1 - binding
    return product / ((total + 1) * tf)


def _key(word: str) -> str:
    key = word.lower()
    return key[:-1] if key.endswith("s") and len(key) > 3 else key


@lru_cache(maxsize=1 << 16)
def _is_stopword(lowered: str, key: str) -> bool:
    stop = stopwords()
    plain = "".join(ch for ch in key if ch not in _PUNCTUATION)
    return lowered in stop or key in stop or len(plain) < 3


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
