"""Actors stage: named actors, states and role words, resolved to canonical English names."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from sitroom.actors.lexicon import Actor, ActorLexicon, actor_lexicon
from sitroom.actors.discourse import alias_occurrences, register_appositions, resolve_pronouns
from sitroom.actors.glosses import defined_acronyms
from sitroom.actors.recognize import ActorMention, find_actors_en, find_actors_zh, resolve_roles
from sitroom.text.document import Document


def find_actors(doc: Document, context: Counter, lex: ActorLexicon | None = None) -> None:
    """Fill ``sentence.actors``; set the document's main armed group; resolve role words by context."""
    lex = lex or actor_lexicon()
    finder = find_actors_zh if doc.language == "zh" else find_actors_en
    named: Counter = Counter()
    dl = doc.dateline
    for s in doc.sentences:
        s.actors = finder(s.text, lex) if s.kind != "boilerplate" else []
        if doc.language == "zh":
            _read_abbreviations_in_context(s.actors, context, lex)
            # 莫桑比克北部德尔加杜角省的叛军: a country followed by a region word is a place, not an actor
            s.actors = [a for a in s.actors if not (a.actor is not None and a.actor.type == "state"
                                                    and _ZH_REGION_AFTER.match(s.text, a.end))]
        # a short name inside a longer place name (基尔 in 基尔库克市) is part of the place, not an actor
        # (Panama in Panama City, 科威特 in 科威特城); a state named in a longer division or region name stays
        s.actors = [a for a in s.actors if a.actor is None or not any(
            p.start <= a.start and a.end <= p.end and (p.end - p.start) > (a.end - a.start)
            and (a.actor.type != "state" or (p.place is not None and p.place.kind == "city")) for p in s.places)]
        if dl is not None and s.start <= dl.start < s.end:
            s.actors = [a for a in s.actors if not (dl.start <= s.span(a.start, a.end)[0] < dl.end)]
        _operations_act_through_their_forces(s.actors, lex)
        if doc.language == "zh":
            _count_named(s, lex, named, context)  # 阿军 reads the countries named so far
    if doc.language == "en":
        _acronyms_mean_what_the_report_defines(doc, lex)
        for s in doc.sentences:
            _count_named(s, lex, named, context)
    else:
        _communist_forces_of_the_state_named(doc, lex)
        _first_characters_of_the_countries_named(doc, context, lex)
    doc.main_armed_group = named.most_common(1)[0][0] if named else None
    doc.context_countries = dict(context)
    country = _main_country(context, lex)
    previous_state = None
    last_armed = None
    named_before: list = []  # named armed actors of earlier sentences, for "alliance forces" and the like
    for s in doc.sentences:
        resolve_roles(s.actors, lex, country, doc.main_armed_group, previous_state, last_armed, named_before)
        named_before.extend(lex.top(m.actor) for m in s.actors if m.actor is not None and m.role is None and m.actor.armed)
        # the armed group a later 该部队 / the group refers to: the first one of the sentence, its topic
        armed = [lex.top(m.actor) for m in s.actors if m.actor is not None and m.actor.armed and not m.object]
        last_armed = armed[0] if armed else last_armed
        named = [lex.country_of(m.actor) for m in s.actors if m.actor is not None and m.role is None
                 and m.actor.type in ("state", "state_force", "government", "person")]
        named = [c for c in named if c]
        previous_state = named[-1] if named else None
    if doc.language == "en":
        for s in doc.sentences:
            _forces_loyal_to(s, lex)
    register_appositions(doc, lex)
    resolve_pronouns(doc, lex)
    for s in doc.sentences:
        # a place name inside an actor's name (Hayat Tahrir al-Sham, 阿富汗政府军) is not a place mention
        names = [m for m in s.actors if m.actor is not None and m.actor.type != "state"]
        s.places = [p for p in s.places
                    if not any(m.start <= p.start and p.end <= m.end and (m.end - m.start) > (p.end - p.start) for m in names)]


def _count_named(s, lex: ActorLexicon, named: Counter, context: Counter) -> None:
    """Count the armed groups a sentence names and add the countries of its actors to the context."""
    for m in s.actors:
        if m.actor is not None:
            top = lex.top(m.actor)
            if top.type == "nsag":
                named[top] += 1
            code = lex.country_of(m.actor)
            if code and m.actor.type != "media":
                context[code] += 0.5  # who is named weighs less than where things happen


def _acronyms_mean_what_the_report_defines(doc: Document, lex: ActorLexicon) -> None:
    """``the Panama Defence Forces (PDF)``: the full name and the acronym name that actor in the whole report,
    replacing what the lexicon read in their place (Panama, People's Defence Force)."""
    defined = {}
    for s in doc.sentences:
        for full, acr, actor in defined_acronyms(s.text, lex):
            if full is not None:
                defined.setdefault(full, actor)
            defined.setdefault(acr, actor)
    if not defined:
        return
    for s, _, actor, m in alias_occurrences(doc, defined):
        if any(a.actor == actor and a.start <= m.start() and m.end() <= a.end for a in s.actors):
            continue
        s.actors = [a for a in s.actors if not (a.start < m.end() and m.start() < a.end)]
        s.actors.append(ActorMention(m.start(), m.end(), m.group(0), actor))
    for s in doc.sentences:
        s.actors.sort(key=lambda a: a.start)


# 共军 (communist forces) is the PLA in Taiwanese and Hong Kong usage, unless the report ties it to another state
_ZH_COMMUNIST_FORCES = ("共军",)


def _communist_forces_of_the_state_named(doc: Document, lex: ActorLexicon) -> None:
    """``北韩共军``, ``北越共军``: the communist forces of that state, and so is every bare 共军 of the report."""
    pla = None
    army = None
    for s in doc.sentences:
        for before, word in zip(s.actors, s.actors[1:]):
            if word.text in _ZH_COMMUNIST_FORCES and before.end == word.start and before.actor is not None \
                    and before.actor.type in ("state", "state_force") and before.actor.country not in (None, "CN"):
                pla = word.actor
                army = before.actor if before.actor.type == "state_force" else \
                    lex.make_role_actor("{adj} army", "state_force", before.actor.country, None)
                break
        if army is not None:
            break
    if army is None:
        return
    for s in doc.sentences:
        state_before = {id(w): b for b, w in zip(s.actors, s.actors[1:]) if w.text in _ZH_COMMUNIST_FORCES
                        and b.end == w.start and b.actor is not None and b.actor.type in ("state", "state_force")}
        glued = {id(b) for b in state_before.values()}
        out = []
        for a in s.actors:
            if a.text in _ZH_COMMUNIST_FORCES and a.actor == pla:
                start = state_before[id(a)].start if id(a) in state_before else a.start
                a = ActorMention(start, a.end, s.text[start:a.end], army)
            if id(a) not in glued:
                out.append(a)
        s.actors = out


# characters after X方 / X军 that make a word (克方向), not a country's side or army
_ZH_SIDE_NOT_AFTER = re.compile(r"向|面|式|法|案|便|针|位|圆|才|能|形|块|言|志|剂|阵|队|舟|丈")


def _first_characters_of_the_countries_named(doc: Document, context: Counter, lex: ActorLexicon) -> None:
    """克方, 克军 in a report about Croatia; 厄方 in one about Eritrea: the first character of a country the
    report names, with 方 (its side) or 军 (its army), when no other country named shares that character and
    it is no listed abbreviation (those are read by ``_read_abbreviations_in_context``)."""
    firsts: dict[str, set[str]] = {}
    for code, chars in _country_first_characters(lex.gaz).items():
        if code in context:
            for ch in chars:
                firsts.setdefault(ch, set()).add(code)
    usable = {ch: next(iter(codes)) for ch, codes in firsts.items()
              if len(codes) == 1 and ch not in lex.gaz.zh_abbr_readings and ch not in "东南西北中新大小上下"}
    if not usable:
        return
    pattern = re.compile(f"([{''.join(sorted(usable))}])(方|军)")
    for s in doc.sentences:
        found = []
        for m in pattern.finditer(s.text):
            if _ZH_SIDE_NOT_AFTER.match(s.text, m.end()) or any(a.start < m.end() and m.start() < a.end for a in s.actors) \
                    or any(p.start < m.end() and m.start() < p.end for p in s.places):
                continue
            code = usable[m.group(1)]
            if m.group(2) == "方":
                actor = lex.by_name.get(lex.gaz.countries[code].name)
            else:
                actor = lex.make_role_actor("{adj} army", "state_force", code, None)
            if actor is not None:
                found.append(ActorMention(m.start(), m.end(), m.group(0), actor))
        if found:
            s.actors = sorted(s.actors + found, key=lambda a: a.start)


@lru_cache(maxsize=4)
def _country_first_characters(gaz) -> dict[str, frozenset[str]]:
    """The first characters of every country's Chinese names, by country code (read once per gazetteer)."""
    out: dict[str, set[str]] = {}
    for zh, places in gaz.zh.items():
        for p in places:
            if p.kind == "country" and len(zh) >= 2:
                out.setdefault(p.country_code, set()).add(zh[0])
    return {code: frozenset(chars) for code, chars in out.items()}


def _main_country(context: Counter, lex: ActorLexicon) -> str | None:
    return context.most_common(1)[0][0] if context else None


__all__ = ["Actor", "ActorLexicon", "ActorMention", "actor_lexicon", "find_actors"]


_LOYAL_TO = re.compile(r"\s+(?:loyal|allied)\s+to\s+(?:the\s+)?(?:former\s+)?(?:[a-z-]+\s+){0,2}")


def _forces_loyal_to(s, lex: ActorLexicon) -> None:
    """"Forces loyal to the Tripoli government", "rebels loyal to Riek Machar": a role word followed by
    'loyal to X' is X's armed force."""
    for a in s.actors:
        if a.role is None:
            continue
        m = _LOYAL_TO.match(s.text, a.end)
        if not m:
            continue
        owner = next((b for b in s.actors if b.actor is not None and m.start() < b.start <= m.end() + 25), None)
        arm = lex.armed_arm(owner.actor) if owner is not None else None
        if arm is not None:
            a.actor = arm


def _operations_act_through_their_forces(mentions: list, lex: ActorLexicon) -> None:
    """「风暴行动」收复克宁, Operation Serval retook Gao: an operation is not an actor; the force that runs it is."""
    for m in mentions:
        actor = m.actor
        if actor is not None and actor.name.startswith("Operation ") and actor.affiliation in lex.by_name:
            m.actor = lex.by_name[actor.affiliation]


_ZH_REGION_AFTER = re.compile(r"(?:[东南西北中]部|东北部|西北部|东南部|西南部|境内|各地|边境)")


def _read_abbreviations_in_context(mentions: list, context: Counter, lex: ActorLexicon) -> None:
    """阿军 and 阿方 in a report about Azerbaijan are Azerbaijan's: a one-character country abbreviation
    shared by several countries takes the one the report is about (the first listed otherwise)."""
    for m in mentions:
        readings = lex.gaz.zh_abbr_readings.get(m.text[:1], [])
        if len(readings) < 2 or len(m.text) < 2:
            continue
        best = max(readings, key=lambda code: (context.get(code, 0), -readings.index(code)))
        if m.role is not None and m.country in readings and m.country != best:
            m.country = best
        elif m.actor is not None and m.actor.type == "state" and m.text[1:] == "方" \
                and lex.country_of(m.actor) in readings and lex.country_of(m.actor) != best:
            m.actor = lex.by_name.get(lex.gaz.countries[best].name, m.actor)
