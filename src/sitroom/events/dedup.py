"""Merging repeated mentions of one event inside a document.

A report names the fall of a city in its lead, again in a quote and again in
a summary; a deployment is announced as "troops to Afghanistan" and then as
"3,000 troops to Kabul airport". Such mentions are one event: same type,
compatible actors, the same place or one inside the other, overlapping dates
and no conflicting numbers.
"""
from __future__ import annotations

from datetime import timedelta

from sitroom.events.model import Event
from sitroom.events.sites import sites_agree

ONE_DAY = timedelta(days=1)
DIALOGUE = frozenset({"appeal", "threat", "rejection", "meeting", "agreement"})

_ORDER = {"city": 0, "admin1": 1, "country": 2}


def _fallback_date(e: Event) -> bool:
    """Dates not written in the event's own sentence (inherited or the report's date) are weak."""
    return bool(e.date_reason) and ("gives no date" in e.date_reason or e.date_reason.startswith("inherited"))


def _dates_overlap(a: Event, b: Event) -> bool:
    """Ranges that overlap or lie within a day of each other (one report's 12th and 13th)."""
    if _fallback_date(a) or _fallback_date(b) or a.date_start is None or b.date_start is None:
        return True
    a_end = a.date_end or a.date_start
    b_end = b.date_end or b.date_start
    return a.date_start <= b_end + ONE_DAY and b.date_start <= a_end + ONE_DAY


def _quantities_agree(a: Event, b: Event) -> bool:
    if a.event_type == "casualties" and (a.quantity is None) != (b.quantity is None):
        return False  # "kills 10" and "the officer was killed": a toll and one death are two reports
    if a.quantity_unit and b.quantity_unit and a.quantity_unit != b.quantity_unit:
        return True  # 40 sorties and 117 targets, three battalions and 3,000 troops: two counts of one act
    if a.quantity is None or b.quantity is None:
        return True
    return abs(a.quantity - b.quantity) <= 0.1 * max(abs(a.quantity), abs(b.quantity))


def _places_agree(a: Event, b: Event) -> bool:
    if a.place is None or b.place is None:
        return a.place is None and b.place is None
    if a.place.key == b.place.key:
        return True
    broad, narrow = (a, b) if _ORDER[a.place.kind] > _ORDER[b.place.kind] else (b, a)
    return broad.place.contains(narrow.place) and broad.quantity is None


def _one_sentence_takes_the_town_and_its_site(a: Event, b: Event) -> bool:
    """'Seized the division's headquarters and took full control of el-Fasher', 开进帝力，控制了机场: one
    sentence that takes a town and a site in it tells one capture."""
    if bool(a.site) == bool(b.site):
        return False
    sentences = {a.evidence.sentence} | {m.sentence for m in a.mentions}
    return b.evidence.sentence in sentences or any(m.sentence in sentences for m in b.mentions)


def same_event(a: Event, b: Event, any_site: bool = False) -> bool:
    """Whether two events of one document describe the same happening (``any_site``: whatever site each
    capture names)."""
    if a.event_type != b.event_type:
        return False
    if a.subtype and b.subtype and a.subtype != b.subtype:
        return False  # three killed and twelve wounded are two casualty counts
    if a.actor1 != b.actor1 and a.actor1 is not None and b.actor1 is not None \
            and not (a.actor1_country and a.actor1_country == b.actor1_country):
        return False
    if a.actor1 is None and b.actor1 is None and a.place is None:
        return False
    if not any_site and not sites_agree(a.site, b.site) and not _one_sentence_takes_the_town_and_its_site(a, b):
        return False  # the town and its airport are two captures
    if a.event_type in DIALOGUE and a.actor2 != b.actor2:
        return False  # urging residents to stay calm and ordering soldiers to surrender are two appeals
    return _places_agree(a, b) and _quantities_agree(a, b) and _dates_overlap(a, b)


def _narrower(a: Event, b: Event) -> bool:
    """Whether a's written date lies inside b's and is narrower (the 20th within "last month")."""
    if a.date_start is None or b.date_start is None or _fallback_date(a):
        return False
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    return b.date_start <= a.date_start and a_end <= b_end and (a_end - a.date_start) < (b_end - b.date_start)


def _absorb(kept: Event, other: Event, headline_only: bool = False) -> None:
    kept.mentions.append(other.evidence)
    kept.mentions.extend(other.mentions)
    if other.place is not None and (kept.place is None or _ORDER[other.place.kind] < _ORDER[kept.place.kind]):
        kept.place, kept.place_text = other.place, other.place_text
        kept.reasons["location"] = other.reasons.get("location", "")
    if kept.quantity is None and other.quantity is not None:
        kept.quantity, kept.quantity_unit, kept.quantity_flags = other.quantity, other.quantity_unit, other.quantity_flags
    # a headline's date is read from a few words ("pull out after weekend assault"): the body's written date wins
    body_date = headline_only and not _fallback_date(other) and other.date_start is not None
    if body_date or (_fallback_date(kept) and not _fallback_date(other) and other.date_start is not None) \
            or _narrower(other, kept):
        kept.date_start, kept.date_end, kept.date_precision = other.date_start, other.date_end, other.date_precision
        kept.date_reason = other.date_reason
    kept.actor1 = kept.actor1 or other.actor1
    kept.actor2 = kept.actor2 or other.actor2
    if kept.certainty != other.certainty and "reported" in (kept.certainty, other.certainty) \
            and "denied" not in (kept.certainty, other.certainty):
        kept.certainty = "reported"


def merge_repeats(events: list[Event], headings: frozenset[int] = frozenset()) -> list[Event]:
    """Merge mentions of the same event; the first mention stays the evidence, the others become mentions.
    ``headings``: indices of headline sentences, whose dates yield to the body's."""
    out: list[Event] = []
    for ev in events:
        kept = next((k for k in out if same_event(k, ev)), None)
        if kept is None and not ev.site:
            # 'the fall of the city' after 'overran the city's main army base': where the report tells of no
            # other capture of the town, the site's capture was the town's
            kept = next((k for k in out if k.site and same_event(k, ev, any_site=True)), None)
        if kept is None:
            out.append(ev)
            continue
        from_headline = kept.evidence.sentence in headings and not kept.mentions
        _absorb(kept, ev, from_headline and ev.evidence.sentence not in headings)
    # a site taken in a sentence whose town capture merged with an earlier mention: one capture
    for ev in [e for e in out if e.site]:
        town = next((k for k in out if k is not ev and not k.site and same_event(k, ev)), None)
        if town is not None:
            _absorb(town, ev)
            out.remove(ev)
    return out
