"""Fused events: one real event reported by many articles, with its mentions and sources."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class Member:
    """One document's event as stored (the contract's JSON object plus the document's metadata)."""

    record: dict
    source: str  # outlet
    published: str | None  # YYYY-MM-DD

    @property
    def event_id(self) -> str:
        """The stored event's id."""
        return self.record["event_id"]


@dataclass
class FusedEvent:
    """Events from several documents that describe the same happening."""

    members: list[Member] = field(default_factory=list)

    @property
    def fused_id(self) -> str:
        """Stable id: derived from the sorted ids of the member events' first member."""
        first = min(m.event_id for m in self.members)
        return hashlib.sha1(f"fused:{first}".encode()).hexdigest()[:16]
