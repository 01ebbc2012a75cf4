"""Take out paragraphs a publisher repeats across its articles (footers, disclaimers), learned over the warehouse."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from tasks.clean.paragraph_counts import PARAGRAPH_BREAK, REASON, ParagraphCounts, paragraph_hash
from tasks.text.content_hash import content_hashes


def learn_boilerplate(parts: Iterable[pd.DataFrame], publishers: set[str]) -> dict[str, frozenset[int]]:
    """Boilerplate of each of `publishers` that has any, learned from the articles (publisher, body) of `parts`
    taken one at a time, so that only one part's bodies are held."""
    counts = ParagraphCounts(publishers)
    for part in parts:
        counts.add(part["publisher"], part["body"])
    return {p: hashes for p, hashes in counts.learned().items() if hashes}


def strip_boilerplate(
    articles: pd.DataFrame, learned: Mapping[str, frozenset[int]], next_position: Mapping[str, int]
) -> tuple[pd.DataFrame, list[dict], list[str]]:
    """(articles with boilerplate paragraphs removed, removed_segments rows, ids of the articles kept whole).

    No pass may remove a whole article: an article that is nothing but its publisher's boilerplate (a short wire
    item, a page the publisher repeats) keeps its body, and its id is returned so that the stage can say so."""
    articles = articles.copy()
    removed, kept_whole, bodies = [], [], {}
    for index, row in articles[articles["publisher"].isin(learned)].iterrows():
        hashes = learned[row["publisher"]]
        paragraphs = row["body"].split(PARAGRAPH_BREAK)
        kept = [p for p in paragraphs if paragraph_hash(p) not in hashes]
        if len(kept) == len(paragraphs):
            continue
        if not kept:
            kept_whole.append(row["article_id"])
            continue
        position = next_position.get(row["article_id"], 0)
        for paragraph in paragraphs:
            if paragraph_hash(paragraph) in hashes:
                removed.append(
                    {
                        "article_id": row["article_id"],
                        "position": position,
                        "text": paragraph,
                        "reason": REASON,
                        "run_id": row["run_id"],
                    }
                )
                position += 1
        bodies[index] = PARAGRAPH_BREAK.join(kept)
    if bodies:
        rewritten = pd.Series(bodies, dtype=articles["body"].dtype)
        articles.loc[rewritten.index, "body"] = rewritten
        articles.loc[rewritten.index, "word_count"] = (
            rewritten.str.split().str.len().astype(articles["word_count"].dtype)
        )
        articles.loc[rewritten.index, "content_hash"] = content_hashes(rewritten)
    return articles, removed, kept_whole
