"""Actors introduced by the article itself: people named with their role (appositions) and pronouns.

``Lawrence Kanyuka, the rebels' spokesperson`` / ``塔利班发言人穆贾希德`` registers a person who acts
for the group; later mentions of the full name or surname resolve to the same person. A Chinese name
glossed in Latin (卡扎拉马（Vianney Kazarama）) takes the gloss as its canonical name. Subject
pronouns (he, they, we; 他, 他们, 我们) resolve to the last person or organisation named in the
sentences just before.
"""
from __future__ import annotations

import re
from functools import lru_cache

from sitroom.actors.glosses import glossed_names
from sitroom.actors.lexicon import Actor, ActorLexicon
from sitroom.actors.recognize import ActorMention
from sitroom.places.gazetteer import en_key
from sitroom.text.document import Document

_ROLE_EN = r"(?:spokesperson|spokesman|spokeswoman|leader|commander|chief|head|official|envoy|representative|governor|minister)"
_APPOS_EN = [
    re.compile(rf"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}}),\s+(?:the|a|an)\s+(?P<desc>[^,.;]{{0,60}}?)\b{_ROLE_EN}\b"),
    re.compile(rf"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,3}}),\s+(?:the|a|an)\s+(?:\w+\s+)?{_ROLE_EN}\s+(?:of|for)\s+(?P<desc>[^,.;]{{2,60}})"),
]
_ROLE_ZH = r"(?:发言人|领导人|指挥官|司令|负责人|主席|首领|头目|高级官员|代表|总统|总理|首相|外长|外交部长|防长|国防部长|内政部长)"
_APPOS_ZH = re.compile(
    rf"{_ROLE_ZH}(?!否认|表示|说|称|宣布|指出|承认|强调|证实|透露|告诉|在|对|向|于|也|还|则|已|将|曾|今天|昨天|当天|\d)"
    rf"(?P<name>[\u4e00-\u9fff]{{2,4}}?|[\u4e00-\u9fff]{{1,6}}·[\u4e00-\u9fff·]{{1,10}}?)"
    rf"(?=\d|说|表示|称|在|对|告诉|宣布|指出|强调|认为|证实|承认|否认|，|。|（|\(|也|还|则|曾|已|将|星期|周[一二三四五六日末]|举行|会见|会晤|访问|与|和|同|出席|抵达|下令|签署|发表|呼吁|要求|警告|当天|日前|近日|此前)")
_PRONOUN = {"en": re.compile(r"\b(?:He|She|They|We|It|he|she|they|we|it)\b(?!\s+(?:said|added|seems|remains|appears|(?:is|was)\s+(?:not\s+)?(?:clear|unclear|known|unknown|possible|likely|unlikely|impossible|time|the|a|an|too|still|now)\b))"),
            "zh": re.compile(r"(?:他们|她们|我们|他|她)(?![的们])")}
_ACTING_TYPES = ("person", "nsag", "igo", "ngo", "government", "state_force")
# Jordan has said it will send …: a state that speaks is what the pronoun after its verb stands for
# (Britain said on Thursday it would send …, Jordan announced in a statement late on Monday that it …)
_SAYS_IT = re.compile(r"\s+(?:(?:has|had|have)\s+)?(?:said|says|announced|warned|stated|insisted|promised|pledged|vowed|"
                      r"threatened|declared|confirmed|denied)"
                      r"(?:\s+(?:on|in|late|early|last|this|during|at|earlier|later)\b[^,;.\"“”]{0,30}?)?,?\s+(?:that\s+)?$")


# A person's name after a title (Prime Minister Arseny Yatseniuk) or in apposition to one (Yemen's foreign
# minister, Riad Yassin,): two to four capitalised words, particles such as al- or bin between them.
_NAME_EN = r"[A-Z][a-z][\w'’-]*(?:\s+(?:(?:al|el|bin|ibn|abu|de|van|von|der)[\s-])?[A-Z][\w'’-]*[a-z][\w'’-]*){1,3}"
# words that make a capitalised run after a title an organisation, not a person (General Assembly Hall)
_NOT_NAME_WORDS = frozenset("""Assembly Council Command Staff Forces Force Army Ministry Office Committee Department Agency
Court Union Party Front Movement Government State States Republic Nations Kingdom Security Defense Defence Affairs
Headquarters Directorate Service Services Authority Administration Commission Brigade Division Corps Guard""".split())


def register_appositions(doc: Document, lex: ActorLexicon) -> None:
    """Find people introduced with their role or title and add mentions of them in every sentence."""
    people: dict[str, Actor] = {}
    for s in doc.sentences:
        for name, org in [*_appositions(s, doc.language, lex), *_titled(s, doc.language, lex)]:
            known = lex.en.get(en_key(name)) if doc.language == "en" else lex.zh.get(name)
            if name in people and known is None:
                continue
            person = known if known is not None and known.type == "person" else \
                Actor(name, "person", lex.country_of(org) if org else None, affiliation=org.name if org else None)
            people[name] = person
            if doc.language == "en" and " " in name:
                people.setdefault(name.split()[-1], person)
            if doc.language == "zh" and "·" in name:
                people.setdefault(name.split("·")[-1], person)
    glossed = _glossed(doc, lex) if doc.language == "zh" else {}
    people.update(glossed)
    if not people:
        return
    for s, alias, person, m in alias_occurrences(doc, people):
        if alias in glossed:
            # 德杰内（Dejene Tsegaye）: a shorter name read inside the glossed one is a fragment of it, and the
            # lexicon's reading of the same name (阿卜杜拉 as Abdullah Abdullah) yields to the report's gloss
            s.actors = [a for a in s.actors if not (m.start() <= a.start and a.end <= m.end()
                                                    and ((a.end - a.start) < len(alias)
                                                         or (a.actor is not None and a.actor != person)))]
            s.places = [p for p in s.places if not (m.start() <= p.start and p.end <= m.end())]
        if any(a.start < m.end() and m.start() < a.end for a in s.actors):
            continue
        if doc.language == "en" and alias != person.name and alias == alias.lower():
            continue
        s.actors.append(ActorMention(m.start(), m.end(), m.group(0), person))
    for s in doc.sentences:
        s.actors.sort(key=lambda a: a.start)


def alias_occurrences(doc: Document, aliases: dict[str, Actor]):
    """Every occurrence of the report's own names for actors: ``(sentence, alias, actor, match)``, longest
    alias first in each sentence (whole words in English)."""
    ordered = sorted(aliases.items(), key=lambda kv: -len(kv[0]))
    for s in doc.sentences:
        for alias, actor in ordered:
            pattern = rf"\b{re.escape(alias)}\b" if doc.language == "en" else re.escape(alias)
            for m in re.finditer(pattern, s.text):
                yield s, alias, actor, m


def _glossed(doc: Document, lex: ActorLexicon) -> dict[str, Actor]:
    """Chinese names glossed in Latin (卡扎拉马（Vianney Kazarama）), with a dotted name's last part as well."""
    out: dict[str, Actor] = {}
    for s in doc.sentences:
        def org_before(pos: int, s=s) -> Actor | None:
            return _org_in(s, max(0, pos - 12), pos, lex, nearest=True)
        for start, end, actor in glossed_names(s.text, lex, org_before):
            name = s.text[start:end]
            out.setdefault(name, actor)
            if "·" in name:
                out.setdefault(name.split("·")[-1], actor)
    return out


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


def _titled(s, language: str, lex: ActorLexicon):
    """``Prime Minister Arseny Yatseniuk``, ``Hadi's foreign minister, Riad Yassin,``: a person not in the
    lexicon, named with a title; with the state written just before the title (a demonym, a country or a
    person's possessive), or None."""
    title = lex.titles.get(language)
    if language != "en" or title is None:
        return
    for pattern in _titled_patterns(title.pattern):
        for m in pattern.finditer(s.text):
            name = re.sub(r"(?:'s|’s)$", "", m.group("name"))
            if set(name.split()) & _NOT_NAME_WORDS or any(
                    a.start < m.end("name") and m.start("name") < a.end for a in [*s.actors, *s.places]):
                continue
            yield name, _state_before(s, m.start(), lex)


@lru_cache(maxsize=4)
def _titled_patterns(title: str) -> tuple[re.Pattern, re.Pattern]:
    """A name after one or more titles (spokesman Colonel Dejene Tsegaye), and a name in apposition to a title."""
    titles = rf"(?i:{title})(?:\s+(?i:{title}))*"
    return (re.compile(rf"\b{titles}\s+(?P<name>{_NAME_EN})"),
            re.compile(rf"\b(?i:{title}),\s+(?P<name>{_NAME_EN}),"))


_POSSESSIVE_GAP = re.compile(r"(?:'s|’s|s'|s’)?\s*$")


def _state_before(s, title_start: int, lex: ActorLexicon) -> Actor | None:
    """Whom a title's holder speaks for: an actor written right before the title (Military spokesman, the
    rebels' spokesman), a demonym or country (French President, Yemen's foreign minister) or a named
    person's possessive (Hadi's foreign minister)."""
    owner = next((a.actor for a in reversed(s.actors) if a.actor is not None and a.end <= title_start
                  and _POSSESSIVE_GAP.fullmatch(s.text[a.end:title_start]) and a.actor.type != "person"), None)
    if owner is not None:
        return lex.top(owner)
    before = re.search(r"([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)(?:'s|’s)?\s+$", s.text[:title_start])
    if before is None:
        return None
    code = lex.gaz.demonyms.get(en_key(before.group(1)))
    if code is None:
        actor = next((a.actor for a in s.actors if a.actor is not None and a.start <= before.start(1) < a.end), None)
        code = lex.country_of(actor) if actor is not None and actor.type in ("state", "person", "government") else None
    country = lex.gaz.countries.get(code) if code else None
    return lex.by_name.get(country.name) if country else None


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
            if m.group(0).lower() in ("we", "我们"):
                speaker = quote_speaker(s, m.start())
                if speaker is not None:  # 泽连斯基说：「我们正在收复赫松」: "we" is the speaker's side
                    added.append(ActorMention(m.start(), m.end(), m.group(0), lex.top(speaker)))
                    continue
            plural = m.group(0).lower() in ("they", "we", "it", "他们", "她们", "我们")
            fits = (lambda a: a.type != "person") if plural else (lambda a: a.type == "person")
            aside = _appositive_spans(s.text[:m.start()]) if doc.language == "en" else []
            before = [a for a in s.actors if a.actor is not None and a.end <= m.start() and fits(a.actor)
                      and (a.actor.type in _ACTING_TYPES
                           or (m.group(0).lower() == "it" and _SAYS_IT.match(s.text, a.end, m.start())))
                      and not any(x <= a.start < y for x, y in aside)]
            if before:
                # he / 他: the person the sentence is about, its first; they: the group named last
                target = before[-1].actor if plural else before[0].actor
            else:
                candidates = [r for r in recent if s.index - r[0] <= window and fits(r[2])]
                if not candidates:
                    continue
                target = candidates[-1][2]
            added.append(ActorMention(m.start(), m.end(), m.group(0), target))
        s.actors.extend(added)
        s.actors.sort(key=lambda a: a.start)
        if doc.language == "en":  # 其部队, 他们的部队: read by the event frame, with the clause it opens
            _owned_forces(s, recent, window, lex)
        asides = _appositive_spans(s.text) if doc.language == "en" else []
        for a in s.actors:
            if a.actor is not None and a.actor.type in _ACTING_TYPES and a not in added \
                    and not any(x <= a.start < y for x, y in asides):  # nor in the sentences after
                recent.append((s.index, a.start, a.actor))


_QUOTES = {"「": "」", "“": "”", "『": "』", '"': '"'}


def quote_speaker(s, pos: int) -> Actor | None:
    """Who speaks the quotation holding ``pos``: the last actor named before it opens (X said: "…"), else the
    first named right after it closes ("…," X said); None outside a quotation."""
    text = s.text
    opening = -1
    for left, right in _QUOTES.items():
        i = text.rfind(left, 0, pos)
        if i < 0:
            continue
        still_open = text.count(left, 0, pos) % 2 == 1 if left == right else text.find(right, i + 1, pos) < 0
        if still_open and i > opening:
            opening, closing = i, right
    if opening < 0:
        return None
    named = [a for a in s.actors if a.actor is not None and (a.actor.type in _ACTING_TYPES or a.actor.type == "state")]
    before = [a for a in named if a.end <= opening]
    if before:
        speaker = before[-1]
        qualifier = [a for a in before[:-1] if a.actor.type != "person" and 0 <= speaker.start - a.end <= 10]
        # 沙姆解放组织领导人朱拉尼说: the person speaks for the group named in his title, whatever he became later
        return qualifier[-1].actor if speaker.actor.type == "person" and qualifier else speaker.actor
    end = text.find(closing, pos)
    after = [a for a in named if end >= 0 and end < a.start <= end + 40]
    return after[0].actor if after else None


_POSSESSIVE = re.compile(r"\b(?:[Tt]heir|[Ii]ts)\s+$")


def _owned_forces(s, recent: list[tuple[int, int, Actor]], window: int, lex: ActorLexicon) -> None:
    """``their columns``, ``its warplanes`` (English): a role word owned by a pronoun names the forces of the
    party named before it in the sentence (Russia's defence ministry said its warplanes), else the armed group
    the sentences just before are about (their first armed actor), not the army of the country in context."""
    for m in s.actors:
        if m.role is None or m.country is not None or m.role.type not in ("state_force", "nsag") \
                or not _POSSESSIVE.search(s.text[max(0, m.start - 8):m.start]):
            continue
        here = [lex.top(a.actor) for a in s.actors if a.actor is not None and a.role is None and a.end <= m.start
                and a.actor.type in ("state", "government", "state_force", "nsag", "person")]
        if here:
            owner = here[-1]
        else:
            earlier = [r for r in recent if 0 < s.index - r[0] <= window and r[2].armed]
            last = max((r[0] for r in earlier), default=None)
            owner = min((r for r in earlier if r[0] == last), key=lambda r: r[1])[2] if earlier else None
        if owner is None:
            continue
        if owner.armed:
            m.actor = owner
        elif lex.country_of(owner):
            m.actor = lex.make_role_actor(m.role.template, m.role.type, lex.country_of(owner), None) or m.actor
