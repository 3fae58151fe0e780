"""What the exporters look up: actor kinds, countries, cue words in the evidence, and rule tables.

Every table lives in ``export/data`` (documented in ``docs/EXPORTS.md``):

- ``actor_kinds.tsv``: per actor kind, the ACLED ``inter`` code and the PLOVER actor code and sector;
- ``actor_patterns.tsv``: kinds for names the actor lexicon does not list, and refinements (police);
- ``acled_inter.tsv``: ACLED's labels for the inter codes;
- ``countries.tsv``: ISO alpha-2, alpha-3, numeric code and ACLED region of every country;
- ``cues.tsv``: cue words (how an attack was carried out, whether people died...);
- ``acled_types.tsv`` and ``plover_types.tsv``: the ordered mapping rules, read by :func:`pick_rule`.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_DATA = resources.files("sitroom.export").joinpath("data")

ARMED_KINDS = frozenset({"nsag", "militia", "gang", "unidentified", "coalition"})
CIVILIAN_KINDS = frozenset({"civil", "ngo", "media", "protesters", "person"})


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file (``#`` lines are comments; missing fields read as '')."""
    lines = [line for line in _DATA.joinpath(name).read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, restval="")
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in rows]


# countries -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Country:
    """A country as the exports name it."""

    alpha2: str
    alpha3: str
    numeric: int
    region: str  # ACLED region
    name: str  # English name, from the gazetteer


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every ISO 3166-1 country by alpha-2 code."""
    from sitroom.places.gazetteer import gazetteer

    gaz = gazetteer()
    out = {}
    for row in read_table("countries.tsv"):
        place = gaz.country(row["alpha2"])
        out[row["alpha2"]] = Country(row["alpha2"], row["alpha3"], int(row["numeric"]), row["acled_region"],
                                     place.name if place else row["alpha2"])
    return out


def country(code: str | None) -> Country | None:
    """The country of an ISO alpha-2 code, or None."""
    return countries().get((code or "").upper()) if code else None


# actors ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    """What the exports need to know about one kind of actor."""

    name: str
    acled_inter: int
    plover_code: str  # 'ISO3' (the actor's country) or a PLOVER non-state code
    plover_sector: str
    state_side: bool  # ACLED counts it as state forces


@dataclass(frozen=True)
class ActorInfo:
    """A canonical actor name with its kind and the country it belongs to."""

    name: str
    kind: str
    country: str | None  # ISO alpha-2

    @property
    def spec(self) -> Kind:
        """The kind's row of the actor-kinds table."""
        return kinds()[self.kind]

    @property
    def state_side(self) -> bool:
        """Whether the actor acts for a state."""
        return self.spec.state_side

    @property
    def armed(self) -> bool:
        """Whether the actor is an armed force."""
        return self.state_side or self.kind in ARMED_KINDS

    @property
    def civilian(self) -> bool:
        """Whether the actor is civilians."""
        return self.kind in CIVILIAN_KINDS


@lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    """Actor kinds by name."""
    return {r["kind"]: Kind(r["kind"], int(r["acled_inter"]), r["plover_code"], r["plover_sector"],
                            r["state_side"] == "yes") for r in read_table("actor_kinds.tsv")}


@lru_cache(maxsize=1)
def inter_labels() -> dict[int, str]:
    """ACLED inter code -> label ('State forces')."""
    return {int(r["code"]): r["label"] for r in read_table("acled_inter.tsv")}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern, str, str]]:
    return [(re.compile(r["pattern"], re.I), r["kind"], r["scope"]) for r in read_table("actor_patterns.tsv")]


@lru_cache(maxsize=4096)
def classify(name: str | None) -> ActorInfo | None:
    """The kind and country of a canonical actor name (None for no actor).

    Lexicon actors keep their type (a person is read as the body they act for);
    names the lexicon does not list (role words resolved by context, 'Sudanese rebels') get a kind from
    ``actor_patterns.tsv`` and a country from the demonym or country name they start with.
    """
    if not name:
        return None
    from sitroom.actors import actor_lexicon

    lex = actor_lexicon()
    actor = lex.by_name.get(name)
    if actor is not None:
        top = lex.top(actor) if actor.type == "person" else actor
        kind = top.type if top.type in kinds() else "civil"
        for pattern, refined, scope in _patterns():
            if scope == kind and pattern.search(top.name):
                kind = refined
                break
        return ActorInfo(name, kind, lex.country_of(top) or lex.country_of(actor))
    kind = next((k for p, k, scope in _patterns() if scope == "unknown" and p.search(name)), "unidentified")
    return ActorInfo(name, kind, _country_in_name(name))


def _country_in_name(name: str) -> str | None:
    """The country whose demonym or name an actor name starts with ('Afghan army' -> AF)."""
    from sitroom.places.gazetteer import en_key, gazetteer

    gaz = gazetteer()
    words = en_key(name).split()
    names = _country_keys()
    for n in range(min(4, len(words)), 0, -1):
        key = " ".join(words[:n])
        code = gaz.demonyms.get(key) or names.get(key)
        if code:
            return code
    return None


@lru_cache(maxsize=1)
def _country_keys() -> dict[str, str]:
    from sitroom.places.gazetteer import en_key

    return {en_key(c.name): code for code, c in countries().items()}


def counterpart(actor1: ActorInfo | None, actor2: ActorInfo | None) -> ActorInfo | None:
    """``actor2``, unless it is the same state as ``actor1`` (Ukrainian forces retaking a town 'from Ukraine'):
    the extractor then named the place's state, not an opponent, and the event has no known second actor."""
    if actor1 is None or actor2 is None:
        return actor2
    same_state = actor1.state_side and actor2.state_side and actor1.country and actor1.country == actor2.country
    return None if same_state else actor2


def acled_inter(info: ActorInfo | None, event_country: str | None) -> int | None:
    """The ACLED inter code of an actor in an event in ``event_country``.

    State forces acting outside their own country are External/Other forces (8), as ACLED codes them.
    """
    if info is None:
        return None
    code = info.spec.acled_inter
    if code == 1 and info.country and event_country and info.country != event_country:
        return 8
    return code


# cues ------------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, re.Pattern]:
    return {r["cue"]: re.compile(r["pattern"], re.I) for r in read_table("cues.tsv")}


def evidence_text(record: dict) -> str:
    """The evidence of every mention of a fused record, joined (Chinese in its Simplified view)."""
    from sitroom.text.view import simplified_view

    texts = [((m.get("evidence") or {}).get("text") or "") for m in record.get("mentions") or []]
    return simplified_view(" ".join(t for t in texts if t))


def cues_of(record: dict) -> frozenset[str]:
    """The cues of ``cues.tsv`` found in a fused record's evidence."""
    text = evidence_text(record)
    return frozenset(cue for cue, pattern in _cue_patterns().items() if pattern.search(text))


def cue_in(cue: str, text: str) -> bool:
    """Whether one cue occurs in ``text``."""
    return bool(_cue_patterns()[cue].search(text))



# rule tables -----------------------------------------------------------------------------------------

@lru_cache(maxsize=8)
def rules(name: str) -> dict[str, list[dict[str, str]]]:
    """A rule table (``acled_types.tsv``, ``plover_types.tsv``) as ordered rows per sitroom type."""
    out: dict[str, list[dict[str, str]]] = {}
    for row in read_table(name):
        out.setdefault(row["sitroom_type"], []).append(row)
    return out


def _group_holds(group: str, info: ActorInfo | None) -> bool:
    if group == "none":
        return info is None
    if group == "state":
        return info is not None and info.state_side
    if group == "nonstate":
        return info is None or not info.state_side
    if group == "armed":
        return info is not None and info.armed
    if group == "civilian":
        return info is not None and info.civilian
    raise ValueError(f"unknown actor group in a rule: {group!r}")


def condition_holds(when: str, cues: frozenset[str], actor1: ActorInfo | None, actor2: ActorInfo | None) -> bool:
    """Whether a rule's ``when`` column holds for a record."""
    if when in ("", "*"):
        return True
    for term in when.split("&"):
        key, _, value = term.strip().partition("=")
        if key == "cue":
            ok = value in cues
        elif key == "actor1":
            ok = _group_holds(value, actor1)
        elif key == "actor2":
            ok = _group_holds(value, actor2)
        else:
            raise ValueError(f"unknown condition in a rule: {term!r}")
        if not ok:
            return False
    return True


def pick_rule(table: str, record: dict, cues: frozenset[str], actor1: ActorInfo | None,
              actor2: ActorInfo | None) -> dict[str, str] | None:
    """The first row of ``table`` for the record's type whose condition holds (None: type not mapped)."""
    for row in rules(table).get(record.get("event_type") or "", []):
        if condition_holds(row["when"], cues, actor1, actor2):
            return row
    return None
