"""Matching predicted events against gold events, with the rules of the project's evaluation kit.

A prediction matches a gold event when: the type is equal; the place is within the gold radius
(30 km by default) or has one of its names, or, for a gold place given only by country, lies in
that country; the predicted start date lies in the gold date range; one gold actor name equals the
predicted actor1 or the words of one are all among the words of the other (demonyms normalised,
generic words alone never enough, a rebel side never matching a bare country); and a gold
quantity is met within 10 %.
"""
from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _words() -> tuple[list[tuple[str, str]], frozenset, frozenset, frozenset]:
    synonyms, generic, opposition, countries = [], set(), set(), set()
    for line in resources.files("sitroom.evaluate").joinpath("data/actor_words.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, *rest = line.split("\t")
        if kind == "synonym":
            synonyms.append((rest[0], rest[1]))
            countries.update(rest[1].split())
        elif kind == "generic":
            generic.update(rest[0].split())
        elif kind == "opposition":
            opposition.update(rest[0].split())
        elif kind == "country":
            countries.update(rest[0].split())
    return synonyms, frozenset(generic), frozenset(opposition), frozenset(countries)


def normalise(name: object) -> str:
    """Lower case, no accents or punctuation, no leading 'the', synonyms and demonyms mapped."""
    if name is None:
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")
    text = re.sub(r"^the ", "", re.sub(r"[^\w]+", " ", text).strip())
    for word, norm in _words()[0]:
        text = re.sub(rf"(^| ){word}( |$)", rf"\g<1>{norm}\g<2>", text)
    return text


def _compact(name: object) -> str:
    return normalise(name).replace(" ", "")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def place_matches(gold: dict, pred: dict) -> bool:
    """The place rule."""
    want = gold.get("location")
    if not want:
        return True
    got = pred.get("location")
    if not isinstance(got, dict):
        return False
    names = {_compact(n) for n in list(want.get("aliases", [])) + [want.get("name")]}
    if _compact(got.get("name")) in names:
        return True
    if "lat" in want and "lon" in want:
        try:
            return distance_km(want["lat"], want["lon"], float(got["latitude"]), float(got["longitude"])) \
                <= want.get("radius_km", 30)
        except (KeyError, TypeError, ValueError):
            return False
    return (got.get("country_code") or "").upper() == (want.get("country") or "").upper()


def date_matches(gold: dict, pred: dict) -> bool:
    """The date rule: the predicted start lies in the gold range."""
    span = gold.get("date")
    if not span:
        return True
    start = pred.get("date_start")
    return isinstance(start, str) and span[0] <= start[:10] <= span[1]


def actor_matches(gold: dict, pred: dict) -> bool:
    """The actor rule."""
    names = gold.get("actor1")
    if not names:
        return True
    got = normalise(pred.get("actor1"))
    if not got:
        return False
    _, generic, opposition, countries = _words()
    got_words = set(got.split())
    for name in names:
        want = normalise(name)
        if want == got:
            return True
        want_words = set(want.split())
        smaller = want_words if len(want_words) <= len(got_words) else got_words
        if smaller <= generic:
            continue
        if any(x & opposition and not y & opposition and y <= generic | countries
               for x, y in ((got_words, want_words), (want_words, got_words))):
            continue
        if _contains(got, want) or _contains(want, got) or want_words <= got_words or got_words <= want_words:
            return True
    return False


def _contains(hay: str, needle: str) -> bool:
    return bool(needle) and re.search(rf"(^| ){re.escape(needle)}( |$)", hay) is not None


def quantity_matches(gold: dict, pred: dict) -> bool:
    """The quantity rule: within 10 % of the gold number."""
    want = gold.get("quantity")
    if want is None:
        return True
    try:
        return abs(float(pred.get("quantity")) - want) <= 0.1 * abs(want)
    except (TypeError, ValueError):
        return False


def matches(gold: dict, pred: dict) -> bool:
    """Whether a prediction matches a gold event."""
    return (pred.get("event_type") == gold["type"] and place_matches(gold, pred) and date_matches(gold, pred)
            and actor_matches(gold, pred) and quantity_matches(gold, pred))


def score_document(gold: dict, preds: list[dict], text: str | None = None) -> dict:
    """Greedy one-to-one matching (core events first); recall on core events, precision on exhaustive types."""
    events = sorted(gold["events"], key=lambda e: not e.get("core", True))
    used: set[int] = set()
    matched: dict[str, int] = {}
    for g in events:
        for i, p in enumerate(preds):
            if i not in used and matches(g, p):
                used.add(i)
                matched[g["id"]] = i
                break
    core = [g for g in events if g.get("core", True)]
    exhaustive = set(gold.get("exhaustive_types", []))
    judged = [i for i, p in enumerate(preds) if p.get("event_type") in exhaustive]
    right = [i for i in judged if i in used]
    spans_valid = None
    if text is not None:
        ok = sum(1 for p in preds if _span_ok(p, text))
        spans_valid = ok / len(preds) if preds else 1.0
    return {
        "core_found": sum(g["id"] in matched for g in core), "core_total": len(core),
        "judged": len(judged), "judged_right": len(right), "predicted": len(preds),
        "missed": [g for g in core if g["id"] not in matched],
        "false_positives": [preds[i] for i in judged if i not in used],
        "evidence_spans_valid": spans_valid,
    }


def _span_ok(pred: dict, text: str) -> bool:
    ev = pred.get("evidence") or {}
    try:
        return bool(ev["text"]) and text[int(ev["start"]):int(ev["end"])] == ev["text"]
    except (KeyError, TypeError, ValueError):
        return False


def prf(found: int, total: int, right: int, judged: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    recall = found / total if total else 1.0
    precision = right / judged if judged else (1.0 if not total else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
