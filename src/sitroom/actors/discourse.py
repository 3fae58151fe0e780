"""Actors introduced by the article itself: people named with their role (appositions) and pronouns.

``Lawrence Kanyuka, the rebels' spokesperson`` / ``塔利班发言人穆贾希德`` registers a person who acts
for the group; later mentions of the full name or surname resolve to the same person. Subject
pronouns (he, they, we; 他, 他们, 我们) resolve to the last person or organisation named in the
sentences just before.
"""
from __future__ import annotations

import re

from sitroom.actors.lexicon import Actor, ActorLexicon
from sitroom.actors.recognize import ActorMention
from sitroom.places.gazetteer import en_key
from sitroom.text.document import Document

_ROLE_EN = r"(?:spokesperson|spokesman|spokeswoman|leader|commander|chief|head|official|envoy|representative|governor|minister)"
_APPOS_EN = [
    re.compile(rf"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}}),\s+(?:the|a|an)\s+(?P<desc>[^,.;]{{0,60}}?)\b{_ROLE_EN}\b"),
    re.compile(rf"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}}),\s+(?:the|a|an)\s+(?:\w+\s+)?{_ROLE_EN}\s+(?:of|for)\s+(?P<desc>[^,.;]{{2,60}})"),
]
_ROLE_ZH = r"(?:发言人|领导人|指挥官|司令|负责人|主席|首领|头目|高级官员|代表)"
_APPOS_ZH = re.compile(
    rf"{_ROLE_ZH}(?!否认|表示|说|称|宣布|指出|承认|强调|证实|透露|告诉|在|对|向|于|也|还|则|已|将|曾|今天|昨天|当天|\d)"
    rf"(?P<name>[\u4e00-\u9fff]{{2,4}}?|[\u4e00-\u9fff]{{1,6}}·[\u4e00-\u9fff·]{{1,10}}?)"
    rf"(?=\d|说|表示|称|在|对|告诉|宣布|指出|强调|认为|证实|承认|否认|，|。|（|\(|也|还|则|曾|已|将)")
_PRONOUN = {"en": re.compile(r"\b(?:He|She|They|We|It|he|she|they|we|it)\b(?!\s+(?:said|added|seems|remains|appears|(?:is|was)\s+(?:not\s+)?(?:clear|unclear|known|unknown|possible|likely|unlikely|impossible|time|the|a|an|too|still|now)\b))"),
            "zh": re.compile(r"(?:他们|她们|我们|他|她)(?![的们])")}
_ACTING_TYPES = ("person", "nsag", "igo", "ngo", "government", "state_force")


def register_appositions(doc: Document, lex: ActorLexicon) -> None:
    """Find people introduced with their role and add mentions of them in every sentence."""
    people: dict[str, Actor] = {}
    for s in doc.sentences:
        for name, org in _appositions(s, doc.language, lex):
            known = lex.en.get(en_key(name)) if doc.language == "en" else lex.zh.get(name)
            person = known if known is not None and known.type == "person" else \
                Actor(name, "person", lex.country_of(org), affiliation=org.name)
            people[name] = person
            if doc.language == "en" and " " in name:
                people.setdefault(name.split()[-1], person)
            if doc.language == "zh" and "·" in name:
                people.setdefault(name.split("·")[-1], person)
    if not people:
        return
    for s in doc.sentences:
        for alias, person in sorted(people.items(), key=lambda kv: -len(kv[0])):
            pattern = rf"\b{re.escape(alias)}\b" if doc.language == "en" else re.escape(alias)
            for m in re.finditer(pattern, s.text):
                if any(a.start < m.end() and m.start() < a.end for a in s.actors):
                    continue
                if doc.language == "en" and alias != person.name and alias == alias.lower():
                    continue
                s.actors.append(ActorMention(m.start(), m.end(), m.group(0), person))
        s.actors.sort(key=lambda a: a.start)


def _appositions(s, language: str, lex: ActorLexicon):
    if language == "en":
        for pattern in _APPOS_EN:
            for m in pattern.finditer(s.text):
                org = _org_in(s, m.start("desc"), m.end("desc"), lex)
                if org is not None:
                    yield m.group("name"), org
    else:
        for m in _APPOS_ZH.finditer(s.text):
            if any(a.start <= m.start("name") < a.end and a.actor is not None and a.actor.type != "person" for a in s.actors):
                continue  # the "name" is a known organisation
            org = _org_in(s, max(0, m.start() - 12), m.start(), lex, nearest=True)
            if org is not None:
                yield m.group("name"), org


def _org_in(s, start: int, end: int, lex: ActorLexicon, nearest: bool = False) -> Actor | None:
    inside = [a for a in s.actors if a.actor is not None and start <= a.start and a.end <= end + 1
              and a.actor.type in ("nsag", "state", "government", "state_force", "igo", "ngo")]
    if not inside:
        return None
    return lex.top(inside[-1].actor) if nearest else lex.top(inside[0].actor)


_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+[^,;]{1,60}?(?:offshoot|affiliate|ally|allies|branch|splinter\s+group|"
                         r"wing|proxy|faction|successor|rival|umbrella\s+group|coalition|alliance)\s*,")


def _appositive_spans(text: str) -> list[tuple[int, int]]:
    """", an al Qaeda offshoot,": a group named inside a description of another is not what 'they' refers to."""
    return [(m.start(), m.end()) for m in _APPOSITIVE.finditer(text)]


def resolve_pronouns(doc: Document, lex: ActorLexicon, window: int = 3) -> None:
    """Subject pronouns take the last person or organisation named within ``window`` sentences."""
    recent: list[tuple[int, int, Actor]] = []  # (sentence index, position, actor)
    for s in doc.sentences:
        if not s.analysed:
            continue
        added = []
        for m in _PRONOUN[doc.language].finditer(s.text):
            if any(a.start <= m.start() < a.end for a in s.actors):
                continue
            plural = m.group(0).lower() in ("they", "we", "it", "他们", "她们", "我们")
            fits = (lambda a: a.type != "person") if plural else (lambda a: a.type == "person")
            aside = _appositive_spans(s.text[:m.start()]) if doc.language == "en" else []
            before = [a for a in s.actors if a.actor is not None and a.end <= m.start() and a.actor.type in _ACTING_TYPES
                      and fits(a.actor) and not any(x <= a.start < y for x, y in aside)]
            if before:
                target = before[-1].actor
            else:
                candidates = [r for r in recent if s.index - r[0] <= window and fits(r[2])]
                if not candidates:
                    continue
                target = candidates[-1][2]
            added.append(ActorMention(m.start(), m.end(), m.group(0), target))
        s.actors.extend(added)
        s.actors.sort(key=lambda a: a.start)
        for a in s.actors:
            if a.actor is not None and a.actor.type in _ACTING_TYPES and a not in added:
                recent.append((s.index, a.start, a.actor))
