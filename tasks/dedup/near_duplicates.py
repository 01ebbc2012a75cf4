"""Near-duplicate contents among the new articles and between them and the published ones."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa

from tasks.dedup.lsh import candidate_pairs
from tasks.dedup.membership import is_in, positions
from tasks.dedup.minhash import estimated_jaccard
from tasks.dedup.published import SIGNATURES_TABLE, PublishedIndex
from tasks.dedup.settings import DedupSettings
from tasks.dedup.signatures import SIGNATURE_COLUMNS, Signatures, joined_rows, signature_rows
from tasks.dedup.verify import verified_pairs


@dataclass
class SignatureIndex:
    """The stored signatures of published contents, plus those of contents first seen now.

    Only contents no published article has are signed, and the stored index is read only when something
    is to be compared with it: a re-run of published input signs and reads nothing.
    """

    fresh: pd.DataFrame
    """Signature rows of the contents first seen now."""
    published: PublishedIndex
    settings: DedupSettings

    @classmethod
    def build(
        cls,
        new: pd.DataFrame,
        old: pd.DataFrame,
        published: PublishedIndex,
        settings: DedupSettings,
        bodies: Iterable[pd.DataFrame],
    ) -> SignatureIndex:
        """Sign each content no published article has, once, from the body of its first new article; `bodies`
        (article_id, content_hash, body) may come in parts, and are not read when nothing is to be signed."""
        unseen = ~is_in(new["content_hash"], old["content_hash"]) & ~new["content_hash"].duplicated().to_numpy()
        signers = new.loc[unseen, "article_id"]
        if len(signers) == 0:
            bodies = [pd.DataFrame({"article_id": [], "content_hash": [], "body": []}, dtype=str)]
        rows = [signature_rows(part, settings, is_in(part["article_id"], signers)) for part in bodies]
        return cls(joined_rows(rows, settings), published, settings)

    @cached_property
    def _stored_and_resigned(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Stored signatures of the current scheme; published contents without one (the settings changed)
        are signed again from their bodies, once, when new contents are to be compared with them."""
        stored = self.published.read(SIGNATURES_TABLE, SIGNATURE_COLUMNS)
        stored = stored[stored["scheme"] == self.settings.scheme]
        resigned = self._resigned(stored["content_hash"]) if len(self.fresh) else self.fresh.iloc[:0]
        return pd.concat([stored, resigned], ignore_index=True), resigned

    def _resigned(self, signed: pd.Series) -> pd.DataFrame:
        """Signature rows of the published contents not in `signed`, from their bodies a file at a time (a pass
        holds one file's bodies), each content once even when several files hold it."""
        parts = []
        for bodies in self.published.read_each("articles", ["article_id", "content_hash", "body"]):
            rows = signature_rows(bodies, self.settings, ~is_in(bodies["content_hash"], signed))
            if len(rows):
                parts.append(rows)
                signed = pd.concat([signed, rows["content_hash"]], ignore_index=True)
        return joined_rows(parts, self.settings) if parts else self.fresh.iloc[:0]

    @property
    def stored(self) -> pd.DataFrame:
        return self._stored_and_resigned[0]

    @property
    def new_rows(self) -> pd.DataFrame:
        """Rows to append to the index: contents first seen now, then re-signed published ones."""
        if len(self.fresh) == 0:
            return self.fresh
        return pd.concat([self.fresh, self._stored_and_resigned[1]], ignore_index=True)

    @cached_property
    def signatures(self) -> Signatures:
        """Stored rows first, then fresh ones; decoded only when a comparison needs them."""
        parts = [Signatures.from_rows(rows, self.settings) for rows in (self.stored, self.fresh) if len(rows)]
        return Signatures.concat(parts) if parts else Signatures.empty(self.settings)

    def similarity(self, left_hashes: pa.Array, right_hashes: pa.Array) -> np.ndarray:
        """Estimated Jaccard similarity of two contents per pair."""
        hashes = self.signatures.content_hash
        left, right = positions(left_hashes, hashes), positions(right_hashes, hashes)
        return estimated_jaccard(self.signatures.minhash, left, right)


def near_duplicate_pairs(index: SignatureIndex, settings: DedupSettings) -> pd.DataFrame:
    """Verified near-duplicate pairs (content_hash, other_hash, similarity) that involve a new content."""
    if len(index.fresh) == 0:
        return pd.DataFrame({"content_hash": [], "other_hash": [], "similarity": []})
    signatures = index.signatures
    probe = np.zeros(len(signatures.shingle_count), dtype=bool)
    probe[len(index.stored) :] = True
    left, right = candidate_pairs(signatures.minhash, probe, settings)
    left, right, similarity = verified_pairs(signatures, left, right, settings)
    return pd.DataFrame(
        {
            "content_hash": signatures.content_hash.take(left).to_pandas(),
            "other_hash": signatures.content_hash.take(right).to_pandas(),
            "similarity": similarity,
        }
    )
