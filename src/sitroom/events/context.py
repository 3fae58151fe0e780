"""Discourse state carried from sentence to sentence: the last places, dates and captor named."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sitroom.actors.lexicon import Actor
from sitroom.places.model import Place
from sitroom.time.model import TimeExpr


@dataclass
class Discourse:
    """What earlier sentences established, for anaphora (该市, the city, 同一天) and inheritance."""

    last_place: dict[str, Place] = field(default_factory=dict)  # kind -> place
    last_time: TimeExpr | None = None
    last_time_paragraph: int = -1
    last_time_sentence: int = -1
    last_day: date | None = None
    last_captor: Actor | None = None
    last_air_power: tuple[int, Actor] | None = None  # (sentence index, state force) last named
    last_subject: tuple[int, Actor] | None = None  # (sentence index, first armed actor) of the last sentence naming one
    last_city: Place | None = None
    last_city_sentence: int = -10
    actors: dict[str, Actor] = field(default_factory=dict)  # name -> actor of every event so far (roles included)
    allies: set[frozenset[str]] = field(default_factory=set)  # forces named acting together (马里政府军和法军)
    main_country: str | None = None  # ISO code of the country the report is about
    cities_seen: list[Place] = field(default_factory=list)  # every town named so far, in order

    def recent_city(self, sentence: int, within: int = 2) -> Place | None:
        """The town named last, if it was named no more than ``within`` sentences before ``sentence``."""
        if self.last_city is not None and sentence - self.last_city_sentence <= within:
            return self.last_city
        return None

    def see_place(self, place: Place) -> None:
        """Remember the latest place of each kind (a city also sets its division and country)."""
        self.last_place[place.kind] = place
        if place.kind == "city":
            self.cities_seen.append(place)

    def last_town_of_the_story(self) -> Place | None:
        """The town 'the city' refers to: the one named most often so far in the country the report is about (not
        Washington, where officials spoke; not a town named once in passing), else the last one named."""
        home = [p for p in self.cities_seen if p.country_code == self.main_country]
        if not home:
            return self.last_place.get("city")
        counts = Counter(p.key for p in home)
        return max(reversed(home), key=lambda p: counts[p.key])  # the story's town, the latest on a tie

    def see_time(self, expr: TimeExpr, paragraph: int, sentence: int) -> None:
        """Remember the latest explicit time expression."""
        if expr.kind in ("anaphor", "future"):
            return
        self.last_time = expr
        self.last_time_paragraph = paragraph
        self.last_time_sentence = sentence
        if expr.precision == "day":
            self.last_day = expr.date_start
