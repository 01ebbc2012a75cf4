"""A refused input: where it came from, why (a short code), and one line for a person."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rejection:
    source_uri: str
    reason: str
    detail: str
    doc_id: str | None = None
    stage: str = "ingest"

    def as_row(self, run_id: str) -> dict:
        return {
            "source_uri": self.source_uri,
            "doc_id": self.doc_id,
            "stage": self.stage,
            "reason": self.reason,
            "detail": " ".join(self.detail.split())[:500],
            "run_id": run_id,
        }


class InputRejected(ValueError):
    """Raised by a reader for input it cannot take; becomes a quarantine row."""

    def __init__(self, reason: str, detail: str):
        self.reason = reason
        self.detail = detail
        super().__init__(detail)
