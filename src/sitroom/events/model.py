"""The Event record and its JSON form (the event contract of eval/README.md, extended)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from sitroom.places.model import Place

EVENT_TYPES = (
    "territory_captured", "territory_surrendered", "withdrawal", "armed_clash", "attack", "air_strike",
    "troop_deployment", "evacuation", "appeal", "threat", "rejection", "meeting", "agreement",
    "displacement", "casualties", "protest", "arrest",
)
CERTAINTIES = ("reported", "claimed", "planned", "denied")


@dataclass
class Mention:
    """Where an event is read: the evidence span in the document and the trigger word."""

    start: int
    end: int
    text: str
    trigger: str
    sentence: int
    at: int = 0  # where the trigger starts in the sentence's view


@dataclass
class Event:
    """One event read from one document."""

    doc_id: str
    event_type: str
    evidence: Mention
    actor1: str | None = None
    actor2: str | None = None
    actor1_detail: str | None = None  # the mention as written when it is more specific (a person, a unit)
    actor1_country: str | None = None  # the state actor1 belongs to (US military and United States: US)
    place: Place | None = None
    place_text: str | None = None
    site: str | None = None  # captures: the base, airport or building taken at the place, as written
    date_start: date | None = None
    date_end: date | None = None
    date_precision: str | None = None
    date_reason: str | None = None
    quantity: float | None = None
    quantity_unit: str | None = None
    quantity_flags: tuple[str, ...] = ()
    subtype: str | None = None  # casualties: killed | wounded
    certainty: str = "reported"
    attribution: str | None = None
    reasons: dict = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)  # further mentions merged into this event

    @property
    def event_id(self) -> str:
        """Stable id: document, type and evidence offsets."""
        place = self.place.key if self.place else ""
        raw = f"{self.doc_id}:{self.event_type}:{self.evidence.start}:{self.evidence.end}:{self.evidence.trigger}:{place}"
        if self.site:
            raw += f":{self.site}"  # two sites of one town taken in one sentence
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def to_contract(self) -> dict:
        """The JSON object of the event contract (with sitroom's extra fields)."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "date_start": self.date_start.isoformat() if self.date_start else None,
            "date_end": self.date_end.isoformat() if self.date_end else None,
            "date_precision": self.date_precision,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "location": self.place.as_location() if self.place else None,
            "quantity": int(self.quantity) if self.quantity is not None and float(self.quantity).is_integer() else self.quantity,
            "quantity_unit": self.quantity_unit if self.quantity is not None else None,
            "certainty": self.certainty,
            "attribution": self.attribution,
            "evidence": {"text": self.evidence.text, "start": self.evidence.start, "end": self.evidence.end},
            "trigger": self.evidence.trigger,
            "actor1_detail": self.actor1_detail,
            "actor1_country": self.actor1_country,
            "place_text": self.place_text,
            "site": self.site,
            "quantity_flags": list(self.quantity_flags),
            "subtype": self.subtype,
            "date_reason": self.date_reason,
            "reasons": self.reasons,
            "mentions": [{"text": m.text, "start": m.start, "end": m.end} for m in self.mentions],
        }
