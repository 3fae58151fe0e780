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
        return fused_id_for(min(m.event_id for m in self.members))


def fused_id_for(first_event_id: str) -> str:
    """The id of the fused event whose first member (smallest event id) is ``first_event_id``."""
    return hashlib.sha1(f"fused:{first_event_id}".encode()).hexdigest()[:16]
