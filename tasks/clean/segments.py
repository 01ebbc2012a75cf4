"""A piece of the raw document that cleaning took out, and why (the vocabulary is in docs/cleaning.md)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RemovedSegment:
    text: str
    reason: str
