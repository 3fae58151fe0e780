"""Events stage: trigger lexicons, clause frames, certainty and attribution, merged repeats."""
from sitroom.events.extract import extract_events
from sitroom.events.model import EVENT_TYPES, Event

__all__ = ["EVENT_TYPES", "Event", "extract_events"]
