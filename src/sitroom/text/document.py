"""The Document that flows through every stage, and the Sentence spans it holds.

Offsets are first-class: every span is (start, end) into ``Document.text``,
the text exactly as decoded. Analysis runs on each sentence's ``text``, a
view with Traditional characters simplified and full-width digits/letters
narrowed (same length, character for character) and paragraph breaks that
split a sentence removed; ``Sentence.offsets`` maps it back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Sentence:
    """One sentence (or heading/caption line) and its analysis view."""

    index: int
    start: int
    end: int
    paragraph: int
    kind: str  # body | heading | title | caption | boilerplate
    text: str  # analysis view
    offsets: list[int]  # offsets[i] = position in Document.text of text[i]
    places: list = field(default_factory=list)  # PlaceMention, filled by the places stage
    actors: list = field(default_factory=list)  # ActorMention, filled by the actors stage
    times: list = field(default_factory=list)  # TimeExpr, filled by the time stage
    quantities: list = field(default_factory=list)  # Quantity, filled by the quantities stage

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original-text offsets of the view slice ``text[i:j]``."""
        if j <= i:
            return self.offsets[i], self.offsets[i]
        return self.offsets[i], self.offsets[j - 1] + 1

    @property
    def analysed(self) -> bool:
        """Whether events are read from this sentence (captions, markdown headings and boilerplate are not)."""
        return self.kind in ("body", "title", "heading")


@dataclass
class Dateline:
    """The dateline of a wire report: where and when it was filed."""

    start: int
    end: int
    date: date | None
    place_text: str | None
    agency: str | None


@dataclass
class Document:
    """An article under analysis."""

    text: str
    language: str
    published: date | None
    doc_id: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None
    view: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    dateline: Dateline | None = None
    events: list = field(default_factory=list)
    context_countries: dict = field(default_factory=dict)  # ISO code -> weight, from places and actors
    main_armed_group: object = None  # the non-state armed group the document is mostly about

    @property
    def reference_date(self) -> date | None:
        """The date 'today' means: the dateline's date, else the publication date."""
        if self.dateline and self.dateline.date:
            return self.dateline.date
        return self.published

    def excerpt(self, start: int, end: int) -> str:
        """The original text between two offsets."""
        return self.text[start:end]
