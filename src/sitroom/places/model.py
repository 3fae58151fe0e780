"""Places: countries, first-level divisions and cities, with coordinates."""
from __future__ import annotations

from dataclasses import dataclass

KIND_RANK = {"city": 0, "admin1": 1, "country": 2}


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    name: str
    kind: str  # country | admin1 | city
    country_code: str
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    capital: str | None = None  # admin1: its capital city; country: capital city
    source: str = "curated"

    @property
    def key(self) -> str:
        """Unique key: ``CC/kind/name``."""
        return f"{self.country_code}/{self.kind}/{self.name}"

    def contains(self, other: "Place") -> bool:
        """Whether ``other`` lies inside this place (a country contains its divisions and cities)."""
        if self.key == other.key:
            return True
        if self.kind == "country":
            return other.country_code == self.country_code
        if self.kind == "admin1":
            return other.kind == "city" and other.country_code == self.country_code and other.admin1 == self.name
        return False

    def as_location(self) -> dict:
        """The contract's ``location`` object."""
        return {
            "name": self.name,
            "admin1": self.admin1 if self.kind == "city" else (self.name if self.kind == "admin1" else None),
            "country_code": self.country_code,
            "latitude": self.lat,
            "longitude": self.lon,
            "precision": {"city": "city", "admin1": "admin1", "country": "country"}[self.kind],
        }


@dataclass
class PlaceMention:
    """A place named in a sentence view: [start, end) and its candidate readings, best first."""

    start: int
    end: int
    text: str
    candidates: list[Place]
    hint: str = "any"  # admin1 | city | any: from a suffix such as 省 or 'province'
    role: str | None = None  # 'capital_of' when the text says "X省首府" without naming the city

    @property
    def place(self) -> Place | None:
        """The chosen reading."""
        return self.candidates[0] if self.candidates else None
