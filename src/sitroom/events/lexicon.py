"""Trigger and cue lexicons per language (data/triggers_LANG.tsv, data/cues_LANG.tsv)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_DATA = resources.files("sitroom.events").joinpath("data")


@dataclass(frozen=True)
class Trigger:
    """One trigger row: the event type, its pattern and where its arguments are written."""

    type: str
    pattern: re.Pattern
    place: str  # after | before | any
    agent: str  # before | passive | context
    needs: frozenset[str]


@lru_cache(maxsize=2)
def triggers(language: str) -> list[Trigger]:
    """The trigger rows of a language, in file order."""
    flags = re.I if language == "en" else 0
    with _DATA.joinpath(f"triggers_{language}.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Trigger(r["type"], re.compile(r["pattern"], flags), r["place"], r["agent"],
                    frozenset(x for x in (r.get("needs") or "").split(",") if x)) for r in rows]


@lru_cache(maxsize=2)
def cues(language: str) -> dict[str, re.Pattern]:
    """Cue patterns of a language by kind (planned, claim, denial, speech, personnel ...)."""
    flags = re.I if language == "en" else 0
    out: dict[str, list[str]] = {}
    for line in _DATA.joinpath(f"cues_{language}.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, pattern = line.split("\t", 1)
        out.setdefault(kind, []).append(pattern)
    return {k: re.compile("|".join(f"(?:{p})" for p in v), flags) for k, v in out.items()}
