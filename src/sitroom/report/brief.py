"""The situation report: fused events of a period written up the way a desk writes a brief.

Sections: territorial control, military deployments and strikes, evacuations and diplomatic
posture, diplomacy, humanitarian figures, and the gaps (claims and places reported by a single
party or a single outlet). Every sentence cites the documents it rests on; each figure is given
once per fused event with the range the reports gave, never summed across events.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from sitroom.fuse.control import Change, timelines
from sitroom.report.dates import when_phrase

SECTIONS = [
    ("control", "Territorial control", ("territory_captured", "territory_surrendered", "withdrawal")),
    ("military", "Military deployments and strikes", ("troop_deployment", "air_strike", "attack", "armed_clash")),
    ("posture", "Evacuations and diplomatic posture", ("evacuation", "appeal", "threat", "rejection")),
    ("diplomacy", "Diplomacy", ("meeting", "agreement")),
    ("humanitarian", "Humanitarian figures", ("displacement", "casualties", "arrest", "protest")),
]
_VERB = {"territory_surrendered": "surrendered", "withdrawal": "withdrew from", "troop_deployment": "sent",
         "air_strike": "carried out air strikes on", "attack": "attacked", "armed_clash": "fought at",
         "evacuation": "evacuated staff from", "appeal": "issued an appeal", "threat": "issued a warning",
         "rejection": "rejected a proposal", "meeting": "met", "agreement": "reached an agreement",
         "arrest": "detained people in", "protest": "protests took place in"}


@dataclass
class Citations:
    """Numbers the documents cited, in order of first citation."""

    documents: dict[str, dict]
    order: list[str] = field(default_factory=list)
    numbers: dict[str, int] = field(default_factory=dict)  # doc_id -> its number, 1-based

    def cite(self, fused: dict) -> list[int]:
        """The citation numbers of a fused event's documents."""
        numbers = set()
        for m in fused.get("mentions", []):
            doc_id = m["doc_id"]
            if doc_id not in self.documents:
                continue
            if doc_id not in self.numbers:
                self.order.append(doc_id)
                self.numbers[doc_id] = len(self.order)
            numbers.add(self.numbers[doc_id])
        return sorted(numbers)

    def references(self) -> list[tuple[int, dict]]:
        """The numbered documents cited."""
        return [(i + 1, self.documents[d]) for i, d in enumerate(self.order)]


@dataclass
class Brief:
    """The report's content, independent of its format."""

    title: str
    period: tuple[str | None, str | None]
    sections: list[tuple[str, str, list[tuple[str, list[int], str]]]]  # key, heading, (sentence, citations, fused_id)
    control_changes: list[Change]
    gaps: list[tuple[str, list[int], str]]
    citations: Citations
    fused: list[dict]


def _when(f: dict) -> str:
    """When a fused event happened, as precisely as its reports say (a vague date stays a range)."""
    start = f.get("best_date") or f.get("date_start")
    precision = f.get("date_precision")
    if precision is None and f.get("best_date") is None:  # fused before precision was kept: its whole range
        return when_phrase(start, f.get("date_end"), "range")
    return when_phrase(start, f.get("best_date_end") or start, precision or "day")


def _place(f: dict) -> str:
    loc = f.get("location") or {}
    return loc.get("name") or "an unstated place"


def _sources_phrase(f: dict) -> str:
    n = f.get("n_sources", 0)
    return f"{n} outlets" if n > 1 else "one outlet"


def _sentence(f: dict) -> str:
    """One plain English sentence for a fused event."""
    t = f["event_type"]
    who = f.get("actor1") or "An unidentified actor"
    where = _place(f)
    when = _when(f)
    qty = f.get("quantity")
    qrange = f.get("quantity_range")
    figure = ""
    if qty is not None:
        figure = f"{qty:,.0f}"
        if qrange and qrange[0] != qrange[1]:
            figure = f"{qrange[0]:,.0f} to {qrange[1]:,.0f}"
    hedge = {"claimed": " (claimed)", "planned": " (announced)", "denied": " (denied)"}.get(f.get("certainty"), "")
    if f.get("denied_by"):
        hedge += f"; denied by {', '.join(f['denied_by'][:2])}"
    if t == "territory_captured":
        return f"{who} took {where} {when}{hedge}."
    if t == "troop_deployment":
        troops = f"{figure} troops" if figure else "troops"
        return f"{who} sent {troops} to {where}, reported {when}{hedge}."
    if t == "displacement":
        people = f"{figure} people" if figure else "people"
        return f"{people.capitalize() if not figure else people} were reported displaced in {where} (reported {when}){hedge}."
    if t == "casualties":
        people = f"{figure} people" if figure else "people"
        return f"{people} were reported killed or wounded in {where} {when}{hedge}."
    if t == "meeting":
        other = f" with {f['actor2']}" if f.get("actor2") else ""
        return f"{who} held talks{other} ({where}) {when}{hedge}."
    if t in ("appeal", "threat", "rejection"):
        to = f" addressed to {f['actor2']}" if f.get("actor2") else ""
        return f"{who} {_VERB[t]}{to} {when}{hedge}."
    verb = _VERB.get(t, t.replace("_", " "))
    return f"{who} {verb} {where} {when}{hedge}."


def build_brief(fused: list[dict], documents: dict[str, dict], country: str | None = None,
                since: str | None = None, until: str | None = None, title: str | None = None) -> Brief:
    """Select the fused events of the period and write the brief's sentences with citations."""
    def in_period(f: dict) -> bool:
        day = f.get("best_date") or f.get("date_start")
        if country and ((f.get("location") or {}).get("country_code") or "") != country.upper():
            return False
        if day is None:
            return since is None and until is None
        return (since is None or day >= since) and (until is None or day <= until)

    chosen = [f for f in fused if in_period(f)]
    citations = Citations(documents)
    sections = []
    for key, heading, types in SECTIONS:
        items = sorted((f for f in chosen if f["event_type"] in types),
                       key=lambda f: (f.get("best_date") or "9999", f["event_type"], _place(f)))
        lines = [(_sentence(f), citations.cite(f), f["fused_id"]) for f in items if not _is_aggregate(f)]
        sections.append((key, heading, lines))
    all_captures = [f for f in fused if f["event_type"] == "territory_captured"]
    changes = [c for changes in timelines(all_captures).values() for c in changes
               if (not country or (c.place.get("country_code") or "") == country.upper())
               and (since is None or c.since >= since) and (until is None or c.since <= until)]
    changes.sort(key=lambda c: (c.since, c.place.get("name") or ""))
    gaps = []
    for f in chosen:
        if f.get("n_sources", 0) == 1 and f["event_type"] in ("territory_captured", "air_strike", "troop_deployment",
                                                                "displacement", "casualties"):
            who = "a party to the conflict" if f.get("certainty") == "claimed" else "a single outlet"
            gaps.append((f"{_sentence(f)[:-1]} — reported by {who} only.", citations.cite(f), f["fused_id"]))
    heading = title or "Situation report" + (f": {country.upper()}" if country else "")
    return Brief(heading, (since, until), sections, changes, gaps, citations, chosen)


def _is_aggregate(f: dict) -> bool:
    """Counts of towns taken (sixteen provincial capitals) are summarised by the control table instead."""
    return f["event_type"] == "territory_captured" and (f.get("location") or {}).get("precision") == "country"



def brief_json(brief: Brief) -> dict:
    """The brief as a JSON object (for the API and the page)."""
    return {
        "title": brief.title, "since": brief.period[0], "until": brief.period[1],
        "sections": [{"key": k, "heading": h, "items": [{"text": t, "citations": c, "fused_id": fid} for t, c, fid in items]}
                     for k, h, items in brief.sections],
        "control_changes": [c.as_row() for c in brief.control_changes],
        "gaps": [{"text": t, "citations": c, "fused_id": fid} for t, c, fid in brief.gaps],
        "sources": [{"n": n, **{k: v for k, v in doc.items() if k != "text"}} for n, doc in brief.citations.references()],
    }
