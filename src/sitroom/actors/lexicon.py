"""The actor lexicon: named actors (data/actors.tsv), states (the country table) and generic roles."""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitroom.places.gazetteer import Gazetteer, en_key, gazetteer
from sitroom.places.model import Place
from sitroom.text.view import simplified_view

_DATA = resources.files("sitroom.actors").joinpath("data")
ARMED = frozenset({"state_force", "nsag"})



OWN_NAME = "-"  # affiliation of a regional authority that acts in its own name (KRG, Puntland)

@dataclass(frozen=True)
class Actor:
    """A canonical actor."""

    name: str
    type: str  # state | state_force | government | nsag | igo | ngo | person | media | civil
    country: str | None = None
    affiliation: str | None = None
    role: str | None = None

    @property
    def armed(self) -> bool:
        """Whether this actor can take or hold ground."""
        return self.type in ARMED


@dataclass(frozen=True)
class Role:
    """A generic role word (政府军, rebels) and the name template it resolves to."""

    pattern: re.Pattern
    template: str
    type: str
    discourse: bool = False  # may name a foreign force: resolved by the state named just before


def _read_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of a data file, stripped."""
    text = _DATA.joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


class ActorLexicon:
    """Indexes of actors by Chinese and English alias."""

    def __getstate__(self) -> dict:
        """Pickled without the gazetteer: the process's shared one is attached again on loading."""
        return {k: v for k, v in vars(self).items() if k != "gaz"}

    def __setstate__(self, state: dict) -> None:
        vars(self).update(state)
        self.gaz = gazetteer()

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.by_name: dict[str, Actor] = {}
        self.zh: dict[str, Actor] = {}
        self.en: dict[str, Actor] = {}  # en_key(alias) -> actor, case-insensitive aliases
        self.en_exact: dict[str, Actor] = {}  # acronyms, matched case-sensitively
        self.max_zh = 1
        self.max_en_words = 1
        self._seats: dict[str, Place] | None = None
        self._arms: dict[str, Actor] | None = None
        self._national_forces: dict[str, Actor] | None = None
        self._load_states()
        self._load_named()
        self.roles: dict[str, list[Role]] = defaultdict(list)
        self._load_roles()
        self.no_army = frozenset(_read_lines("no_national_army.txt"))
        self.zh_latin_prefixes = frozenset(a[:2] for a in self.zh if a[:1].isascii())
        self.zh_prefixes = frozenset(a[:2] for a in self.zh)  # a position no alias starts with is skipped fast
        # the role 阿军, 叙军 take: one-character country abbreviation + 军 is that country's army
        self.zh_army_role = next((r for r in self.roles["zh"] if r.template == "{adj} army" and not r.discourse), None)
        self.zh_not_actors = frozenset(_read_lines("zh_not_actors.txt"))
        self.max_zh_block = max((len(w) for w in self.zh_not_actors), default=1)
        self.titles: dict[str, re.Pattern] = {}
        self.group_words: dict[str, re.Pattern] = {}
        for line in _DATA.joinpath("titles.tsv").read_text("utf-8").splitlines():
            if line and not line.startswith("#"):
                lang, kind, pattern = line.split("\t", 2)
                (self.titles if kind == "title" else self.group_words)[lang] = re.compile(pattern, re.I if lang == "en" else 0)

    def _add_zh(self, alias: str, actor: Actor) -> None:
        for form in {alias, simplified_view(alias)}:
            if len(form) >= 2 and form not in self.zh and not (form[:1].isascii() and len(form) < 3):
                self.zh[form] = actor
                self.max_zh = max(self.max_zh, len(form))

    def _add_en(self, alias: str, actor: Actor) -> None:
        alias = alias.strip()
        if not alias:
            return
        if re.fullmatch(r"[A-Z0-9/&.-]{2,10}", alias):
            self.en_exact.setdefault(alias.replace(".", ""), actor)
            return
        key = en_key(alias)
        if key and key not in self.en:
            self.en[key] = actor
            self.max_en_words = max(self.max_en_words, len(key.split()))

    def _load_states(self) -> None:
        for code, place in self.gaz.countries.items():
            actor = Actor(place.name, "state", code)
            self.by_name[actor.name] = actor
        for zh, places in self.gaz.zh.items():
            for p in places:
                if p.kind == "country":
                    self._add_zh(zh, self.by_name[p.name])
        for key, places in self.gaz.en.items():
            for p in places:
                if p.kind == "country" and key not in self.en:
                    self.en[key] = self.by_name[p.name]
        parties = _read_lines("zh_party_abbreviations.txt")
        self.party_abbreviations: dict[str, str] = {}
        for abbr in parties:
            code = self.gaz.country_zh_abbr.get(abbr)
            state = self.by_name.get(self.gaz.countries[code].name) if code else None
            if state:
                self.party_abbreviations[abbr] = code
                self._add_zh(abbr + "方", state)

    def _load_named(self) -> None:
        path = _DATA.joinpath("actors.tsv")
        if not path.is_file():
            return
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                name = (row.get("name") or "").strip()
                if not name:
                    continue
                actor = Actor(name, (row.get("type") or "").strip() or "nsag", (row.get("country") or "").strip() or None,
                              (row.get("affiliation") or "").strip() or None, (row.get("role") or "").strip() or None)
                self.by_name.setdefault(name, actor)
                for alias in [name] + (row.get("en") or "").split("|"):
                    self._add_en(alias, actor)
                for alias in (row.get("zh") or "").split("|"):
                    if alias.strip():
                        self._add_zh(alias.strip(), actor)

    def _load_roles(self) -> None:
        text = _DATA.joinpath("roles.tsv").read_text("utf-8")
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            lang, surface, template, typ, *rest = line.split("\t")
            flags = re.I if lang == "en" else 0
            self.roles[lang].append(Role(re.compile(surface, flags), template, typ, bool(rest and rest[0] == "discourse")))

    def _with_parents(self, actor: Actor):
        """The actor, then each actor it is affiliated with, up the chain (which never loops twice)."""
        current: Actor | None = actor
        seen: set[str] = set()
        while current is not None and current.name not in seen:
            seen.add(current.name)
            yield current
            current = self.by_name.get(current.affiliation or "")

    def seat(self, actor: Actor) -> Place | None:
        """Where an organisation meets when a report does not say (data/seats.tsv), via its parents."""
        if self._seats is None:
            self._seats = {}
            for line in _read_lines("seats.tsv"):
                name, city, code = line.split("\t")
                found = [p for p in self.gaz.lookup_en(city) if p.country_code == code and p.kind == "city"]
                if found:
                    self._seats[name] = found[0]
        return next((self._seats[a.name] for a in self._with_parents(actor) if a.name in self._seats), None)

    def forces_of(self, state: Actor) -> Actor | None:
        """A state's own armed forces as the lexicon names them (Ukraine: Ukrainian forces), or None."""
        code = self.country_of(state) if state.type == "state" else None
        if not code:
            return None
        adjective = self.gaz.adjective(code)
        for name in (f"{adjective} forces", f"{adjective} army", f"{adjective} armed forces"):
            found = self.by_name.get(name)
            if found is not None and found.type == "state_force" and self.country_of(found) == code:
                return found
        # else the first force the lexicon files directly under the state (US military, Israel Defense Forces)
        if self._national_forces is None:
            self._national_forces = {}
            for a in self.by_name.values():
                if a.type == "state_force" and a.country and a.affiliation == a.country:
                    self._national_forces.setdefault(a.country, a)
        return self._national_forces.get(code)

    def armed_arm(self, actor: Actor) -> Actor | None:
        """The armed force of an actor ("forces loyal to the Tripoli government", "troops loyal to Machar"):
        the actor itself when armed, else the first armed row affiliated with it or with its parent."""
        if self._arms is None:
            self._arms = {}
            for a in self.by_name.values():
                if a.armed and a.affiliation:
                    self._arms.setdefault(a.affiliation, a)
        for current in self._with_parents(actor):
            if current.armed:
                return current
            if current.name in self._arms:
                return self._arms[current.name]
        return None

    def top(self, actor: Actor) -> Actor:
        """The state or organisation an actor acts for: persons and ministries resolve to it; forces and
        regional authorities (affiliation ``-``) stay."""
        seen = set()
        current = actor
        while current.type in ("person", "government", "media") and current.affiliation and current.name not in seen:
            seen.add(current.name)
            aff = current.affiliation
            if aff == OWN_NAME:
                return current  # a regional authority (KRG, Puntland) acts in its own name, not its state's
            if len(aff) == 2 and aff.isupper():
                country = self.gaz.country(aff)
                return self.by_name.get(country.name, current) if country else current
            nxt = self.by_name.get(aff)
            if nxt is None:
                break
            current = nxt
        if current.type == "government" and current.country and not current.affiliation:
            country = self.gaz.country(current.country)
            if country:
                return self.by_name.get(country.name, current)
        return current

    def country_of(self, actor: Actor) -> str | None:
        """The ISO code of the state an actor belongs to, if any."""
        if actor.country:
            return actor.country
        if actor.affiliation and len(actor.affiliation) == 2 and actor.affiliation.isupper():
            return actor.affiliation
        parent = self.by_name.get(actor.affiliation or "")
        return self.country_of(parent) if parent and parent is not actor else None

    def make_role_actor(self, template: str, typ: str, country: str | None, rebels: "Actor | None") -> Actor | None:
        """Fill a role template for a country (and the document's main armed group for {rebels})."""
        if template == "{last_armed}" or template.startswith("{named:"):
            return None  # resolved from discourse (resolve_roles) or left unknown
        if template == "{rebels}":
            if rebels is not None:
                return rebels
            if country:
                return Actor(f"{self.gaz.adjective(country)} rebels", "nsag", country)
            return Actor("rebels", "nsag")
        if "{" not in template:
            return Actor(template, typ, country)
        if not country:
            return None
        if typ == "state_force" and country in self.no_army:
            return None  # "the military" in a Gaza report is not a Palestinian army
        name = template.format(adj=self.gaz.adjective(country), country=self.gaz.countries[country].name)
        known = self.by_name.get(name) or self.en.get(en_key(name))
        return known or Actor(name, typ, country)


@lru_cache(maxsize=1)
def actor_lexicon() -> ActorLexicon:
    """The shared ActorLexicon (built once per process, loaded from its compact copy when one is current)."""
    from sitroom.cache import cached, input_files
    from sitroom.places.gazetteer import gazetteer_inputs

    inputs = input_files(_DATA, __file__) + gazetteer_inputs()
    return cached("actors", inputs, lambda: ActorLexicon(gazetteer()))
