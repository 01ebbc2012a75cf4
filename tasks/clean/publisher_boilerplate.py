"""Take out paragraphs a publisher repeats across its articles (footers, disclaimers), learned over the warehouse."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from tasks.dedup.boilerplate import REASON, paragraph_hash, publisher_boilerplate
from tasks.dedup.content_hash import content_hashes

PARAGRAPH_BREAK = "\n\n"


def learn_boilerplate(published: pd.DataFrame, run: pd.DataFrame) -> dict[str, frozenset[str]]:
    """Boilerplate of every publisher of the run, learned from its published articles and the run's together."""
    publishers = set(run["publisher"].dropna())
    bodies = pd.concat([published, run[["publisher", "body"]]], ignore_index=True)
    bodies = bodies[bodies["publisher"].isin(publishers)]
    by_publisher = {
        publisher: [body.split(PARAGRAPH_BREAK) for body in group["body"]]
        for publisher, group in bodies.groupby("publisher")
    }
    return {p: hashes for p, hashes in publisher_boilerplate(by_publisher).items() if hashes}


def strip_boilerplate(
    articles: pd.DataFrame, learned: Mapping[str, frozenset[str]], next_position: Mapping[str, int]
) -> tuple[pd.DataFrame, list[dict], list[str]]:
    """(articles with boilerplate paragraphs removed, removed_segments rows, ids of articles nothing was left of)."""
    articles = articles.copy()
    removed, emptied, bodies = [], [], {}
    for index, row in articles[articles["publisher"].isin(learned)].iterrows():
        hashes = learned[row["publisher"]]
        paragraphs = row["body"].split(PARAGRAPH_BREAK)
        kept = [p for p in paragraphs if paragraph_hash(p) not in hashes]
        if len(kept) == len(paragraphs):
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
        if kept:
            bodies[index] = PARAGRAPH_BREAK.join(kept)
        else:
            emptied.append(row["article_id"])
    if bodies:
        rewritten = pd.Series(bodies, dtype=articles["body"].dtype)
        articles.loc[rewritten.index, "body"] = rewritten
        articles.loc[rewritten.index, "word_count"] = (
            rewritten.str.split().str.len().astype(articles["word_count"].dtype)
        )
        articles.loc[rewritten.index, "content_hash"] = content_hashes(rewritten)
    return articles[~articles["article_id"].isin(emptied)], removed, emptied
