"""The pipeline: RawDocument -> Document with sentences, places, actors, times, numbers and events.

Each stage is a function of the Document, in its own package; this module runs
them in order and is the one place that knows the order.
"""
from __future__ import annotations

from sitroom.actors import find_actors
from sitroom.events import extract_events
from sitroom.ingest.model import RawDocument
from sitroom.places import find_places
from sitroom.quantities import find_quantities
from sitroom.text import make_document
from sitroom.text.document import Document
from sitroom.time import carry_years, find_times


def analyse(raw: RawDocument) -> Document:
    """Run every stage on one article and return the Document with its events."""
    doc = make_document(raw)
    context = find_places(doc)
    find_actors(doc, context)
    ref = doc.reference_date
    for s in doc.sentences:
        if s.kind == "boilerplate":
            continue
        s.times = find_times(s.text, ref, doc.language)
        s.quantities = find_quantities(s.text, doc.language)
        dl = doc.dateline
        if dl is not None and s.start <= dl.start < s.end:
            # the dateline's date is the reference date, not the time of the first sentence's events
            s.times = [t for t in s.times if not (dl.start <= s.span(t.start, t.end)[0] < dl.end)]
            s.quantities = [q for q in s.quantities if not (dl.start <= s.span(q.start, q.end)[0] < dl.end)]
    carry_years(doc.sentences)
    doc.events = extract_events(doc)
    return doc


def warm() -> None:
    """Load the gazetteer, lexicons and compiled patterns of both languages once, by analysing two short
    articles: worker processes forked afterwards share them instead of loading their own."""
    from datetime import date

    from sitroom.ingest.model import Metadata

    for lang, text in (("en", "Rebels captured the town of Kunduz on Sunday, officials said."),
                       ("zh", "塔利班8日攻占昆都士市。")):
        analyse(RawDocument(text, Metadata(published=date(2021, 8, 9), language=lang), "<warm-up>", "text"))
