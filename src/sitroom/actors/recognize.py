"""Finding actors in sentence views: named actors, states, and role words resolved by context."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sitroom.actors.lexicon import Actor, ActorLexicon, Role
from sitroom.places.gazetteer import en_key


@dataclass
class ActorMention:
    """An actor named in a sentence view: [start, end)."""

    start: int
    end: int
    text: str
    actor: Actor | None
    role: Role | None = None  # set for role words until resolved
    country: str | None = None  # country written with the role word (阿富汗政府军)
    object: bool = False  # written after a preposition (向阿富汗, to Afghanistan): not the one acting

    @property
    def generic(self) -> bool:
        """Whether the mention is a role word (政府军, the rebels) rather than a name."""
        return self.role is not None


# 喀布尔以北约60公里, 西北約20公里: a bearing (以北, 西北) then 约 + a distance, not 北约 (NATO)
_ZH_BEARING_ABOUT = re.compile(r"(?<=[以东西東])北[约約](?=[0-9０-９一二两兩三四五六七八九十百千数數几幾])")


def _drop_qualifiers(text: str, out: list[ActorMention], lex: ActorLexicon, language: str) -> list[ActorMention]:
    """``伊拉克总理苏达尼``, ``阿富汗武装组织塔利班``: a state written before a title and a person, or
    before a group word and a named group, only qualifies them."""
    title, group = lex.titles.get(language), lex.group_words.get(language)
    if title is None:
        return out
    keep = []
    for k, a in enumerate(out):
        nxt = out[k + 1] if k + 1 < len(out) else None
        if a.actor is not None and a.actor.type == "state" and nxt is not None and nxt.actor is not None:
            gap = text[a.end:nxt.start].strip()
            if nxt.actor.type == "person" and gap and title.fullmatch(gap):
                continue
            if nxt.actor.type in ("nsag", "igo", "ngo") and group is not None and (gap == "" or group.fullmatch(gap)):
                continue
        keep.append(a)
    return keep


def find_actors_zh(text: str, lex: ActorLexicon) -> list[ActorMention]:
    """Named actors (longest match) and role words, with a country written just before a role word."""
    out: list[ActorMention] = []
    covered = [False] * len(text)
    bearings = {m.start(): m.end() - m.start() for m in _ZH_BEARING_ABOUT.finditer(text)}
    i, n = 0, len(text)
    while i < n:
        latin_start = text[i].isascii() and text[i].isalnum() and (i == 0 or not (text[i - 1].isascii() and text[i - 1].isalnum()))
        if not ("\u4e00" <= text[i] <= "\u9fff") and not (latin_start and text[i:i + 2] in lex.zh_latin_prefixes):
            i += 1
            continue
        hit = None
        for length in range(min(lex.max_zh, n - i), 1, -1) if text[i:i + 2] in lex.zh_prefixes else ():
            actor = lex.zh.get(text[i:i + length])
            if actor:
                hit = (length, actor)
                break
        block = next((k for k in range(min(lex.max_zh_block, n - i), 1, -1) if text[i:i + k] in lex.zh_not_actors), 0)
        if i in bearings or (block and (not hit or block > hit[0])):
            i += bearings.get(i) or block
            continue
        if hit:
            length, actor = hit
            out.append(ActorMention(i, i + length, text[i:i + length], actor))
            for k in range(i, i + length):
                covered[k] = True
            i += length
        else:
            i += 1
    found = [(m, role) for role in lex.roles["zh"] for m in role.pattern.finditer(text)]
    # longest first, so that 该部队 is not read as 部队 and 阿富汗政府军 not as 军
    for m, role in sorted(found, key=lambda mr: (-(mr[0].end() - mr[0].start()), mr[0].start())):
        if any(covered[m.start():m.end()]):
            continue
        country = None
        start = m.start()
        prev = [a for a in out if a.end == m.start() and a.actor and a.role is None]
        if prev and prev[0].actor.type in ("state_force", "nsag", "igo"):
            continue  # 美军步兵, 北约战机: the named force already says who
        if prev and lex.country_of(prev[0].actor):
            country = lex.country_of(prev[0].actor)
            if prev[0].actor.type == "state":
                start = prev[0].start
                out.remove(prev[0])
        elif m.start() > 0 and text[m.start() - 1] in lex.party_abbreviations and role.type in ("state_force", "government") \
                and _abbreviation_stands_alone(text, m.start() - 1, lex):
            country = lex.party_abbreviations[text[m.start() - 1]]
            start = m.start() - 1
        out.append(ActorMention(start, m.end(), text[start:m.end()], None, role, country))
        for k in range(start, m.end()):
            covered[k] = True
    army = lex.zh_army_role
    for m in _ZH_ABBR_ARMY.finditer(text):
        # 阿军, 叙军: a one-character country abbreviation + 军 is that country's army
        if army is not None and m.group(1) in lex.party_abbreviations and not any(covered[m.start():m.end()]) \
                and _abbreviation_stands_alone(text, m.start(), lex):
            out.append(ActorMention(m.start(), m.end(), m.group(0), None, army, lex.party_abbreviations[m.group(1)]))
            for k in range(m.start(), m.end()):
                covered[k] = True
    out.sort(key=lambda a: a.start)
    for m in re.finditer(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9/&-]{1,9}(?![A-Za-z0-9])", text):
        actor = lex.en_exact.get(m.group(0))
        if actor is not None and not any(covered[m.start():m.end()]):
            out.append(ActorMention(m.start(), m.end(), m.group(0), actor))  # UNRWA在…指出
    out.sort(key=lambda a: a.start)
    for a in out:
        a.object = bool(_ZH_OBJECT.search(text[max(0, a.start - 2):a.start]))
    return _drop_qualifiers(text, out, lex, "zh")


def _abbreviation_stands_alone(text: str, i: int, lex: ActorLexicon) -> bool:
    """Whether the one-character country abbreviation at ``i`` is a word of its own (德军, 美、德部队), not the end
    of a longer name (库尔德部队: Kurdish, not German, forces)."""
    if i == 0:
        return True
    before = text[i - 1]
    return not ("\u4e00" <= before <= "\u9fff") or before in _ZH_WORD_BOUNDARY or before in lex.party_abbreviations


_ZH_WORD_BOUNDARY = frozenset("和与及同跟对向在的了被由是从将已又为等而但并且则即称说")
_ZH_ABBR_ARMY = re.compile(r"([\u4e00-\u9fff])军(?![事营区方官队火舰机械费港衔])")
_ZH_OBJECT = re.compile(r"(?:向|对|与|在|到|往|赴|前往|进入|从|自|驻)$")
_EN_OBJECT = re.compile(r"\b(?:to|in|into|from|against|with|toward|towards|at|on)\s+(?:the\s+)?$", re.I)
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.-]*")


def find_actors_en(text: str, lex: ActorLexicon) -> list[ActorMention]:
    """Named actors (capitalised, longest match), acronyms, and role words with a demonym before them."""
    out: list[ActorMention] = []
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    covered = [False] * len(text)
    title = lex.titles.get("en")
    i = 0
    while i < len(tokens):
        hit = _en_match_at(text, tokens, i, lex)
        if hit and hit[0] > 1 and title is not None and title.match(text, tokens[i][0]):
            # "President Petro Poroshenko": after a title, a name that runs past the titled alias wins
            later = next((j for j in range(i + 1, i + hit[0]) if (m := _en_match_at(text, tokens, j, lex))
                          and j + m[0] > i + hit[0]
                          and title.fullmatch(text[tokens[i][0]:tokens[j][0]].strip())), None)
            if later is not None:
                i = later
                continue
        if hit:
            k, actor = hit
            s, end = tokens[i][0], tokens[i + k - 1][1]
            if text[end - 1] == "." and not re.fullmatch(r"(?:[A-Z]\.)+", text[s:end]):
                end -= 1
            out.append(ActorMention(s, end, text[s:end], actor))
            for x in range(s, end):
                covered[x] = True
            i += k
        else:
            i += 1
    found = []
    for role in lex.roles["en"]:
        for m in _en_role_words(role.pattern.pattern).finditer(text):
            found.append((m, role))
    # longest first, so that "rebel forces" and "anti-government forces" are not read as "forces"
    for m, role in sorted(found, key=lambda mr: (-(mr[0].end() - mr[0].start()), mr[0].start())):
        if any(covered[m.start():m.end()]) or (m.start() > 0 and text[m.start() - 1] == "-"):
            continue
        country = None
        start = m.start()
        before = re.search(r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:'s|’s)?\s+(?:[a-z][a-z-]+\s+){0,2}$", text[:m.start()])
        if before and _EN_NOT_A_MODIFIER.search(text[before.end(1):m.start()]):
            before = None  # Pakistani troops fired artillery: a verb or another role word between, not an adjective
        if before:
            code = lex.gaz.demonyms.get(en_key(before.group(1))) or _country_code(lex, before.group(1))
            if code:
                country, start = code, before.start(1)
                out = [a for a in out if not (a.start >= start and a.end <= m.start())]
        out.append(ActorMention(start, m.end(), text[start:m.end()], None, role, country))
        for x in range(start, m.end()):
            covered[x] = True
    out.sort(key=lambda a: a.start)
    for a in out:
        a.object = bool(_EN_OBJECT.search(text[max(0, a.start - 12):a.start]))
        if a.role is not None and a.role.discourse and a.country is None and a.actor is None:
            # 13 Russian transport planes … carrying some 2,000 troops: the last nationality written before
            # the word in its sentence, when no state is named between
            adjectives = [m for m in re.finditer(r"\b[A-Z][a-z]+\b", text[max(0, a.start - 150):a.start])
                          if lex.gaz.demonyms.get(en_key(m.group(0)))]
            if adjectives:
                a.country = lex.gaz.demonyms.get(en_key(adjectives[-1].group(0)))
    return _members_named(text, out)


_CLAUSE_PUNCT = re.compile(r"[,;:!?]")
_EN_NOT_A_MODIFIER = re.compile(r"\b(?:[a-z]+ed|troops|forces|soldiers|fighters|units|fired|fires|fire|"
                                r"launched|used|uses|has|have|had|is|are|was|were|and|or|but|that|which|who|the|a|an|of|in|on|at|"
                                r"to|from|with|by|as|its|their|his|her)\b")
_EN_ROLE_WORDS: dict[str, re.Pattern] = {}


def _en_role_words(pattern: str) -> re.Pattern:
    """A role pattern as a whole-word, case-insensitive regex (compiled once)."""
    found = _EN_ROLE_WORDS.get(pattern)
    if found is None:
        found = _EN_ROLE_WORDS[pattern] = re.compile(rf"\b(?:{pattern})\b", re.I)
    return found


def _en_match_at(text: str, tokens: list[tuple[int, int]], i: int, lex: ActorLexicon) -> tuple[int, Actor] | None:
    """The longest actor alias starting at token ``i``: (number of tokens, actor), or None."""
    s, e = tokens[i]
    word = text[s:e].rstrip(".")
    hit = None
    if word.replace(".", "") in lex.en_exact:
        hit = (1, lex.en_exact[word.replace(".", "")])
    if word[:1].isupper() or word.lower() == "the" or word.lower().startswith(("al-", "el-")) \
            or re.fullmatch(r"\d+(?:st|nd|rd|th)", word):  # 82nd Airborne, 3rd Infantry Division
        for k in range(min(lex.max_en_words + 1, len(tokens) - i), 0, -1):
            span = text[s:tokens[i + k - 1][1]]
            if _CLAUSE_PUNCT.search(span):
                continue
            actor = lex.en.get(en_key(span.rstrip(".")))
            if actor is None and k > 1 and span.endswith(("'s", "’s")):
                actor = lex.en.get(en_key(span[:-2]))  # South Sudan's army: the state, not "Sudan's army"
            if actor and (k > 1 or word[:1].isupper() or word.lower().startswith(("al-", "el-"))):
                if hit is None or k > hit[0]:
                    hit = (k, actor)
                break
    return hit


_EN_MEMBERS_OF = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?")


def _members_named(text: str, out: list[ActorMention]) -> list[ActorMention]:
    """``fighters from al-Qaeda in the Arabian Peninsula``, ``al-Qaeda fighters``: a role word whose group
    is named right next to it is that group: one mention of the group, from the role word on (so it keeps the role
    word's standing as subject)."""
    drop: set[int] = set()
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if a.generic and a.country is None and b.actor is not None and not b.generic and b.actor.armed \
                and _EN_MEMBERS_OF.fullmatch(text[a.end:b.start]):
            drop.add(k)
            b.start, b.text, b.object = a.start, text[a.start:b.end], a.object
        elif b.generic and b.country is None and a.actor is not None and not a.generic and a.actor.armed \
                and a.actor.type == "nsag" and text[a.end:b.start] == " ":
            drop.add(k + 1)
    return [m for k, m in enumerate(out) if k not in drop]


def _country_code(lex: ActorLexicon, name: str) -> str | None:
    for p in lex.gaz.lookup_en(name):
        if p.kind == "country":
            return p.country_code
    return None


def resolve_roles(mentions: list[ActorMention], lex: ActorLexicon, country: str | None, rebels: Actor | None,
                  previous_state: str | None = None, last_armed: Actor | None = None,
                  named_before: list[Actor] | None = None) -> None:
    """Give each role word its actor: the country written with it, else the state named last before it
    in the sentence (加拿大将派遣特种部队), else, for words that may mean a foreign force (troops), the
    state named in the sentence before, else the country in context."""
    last_state: str | None = None
    topic_seen = False  # the first armed group of this sentence outranks one of the sentences before
    for m in mentions:
        if m.actor is not None and m.role is None:
            if m.actor.type in ("state", "government", "state_force") and not m.object:
                last_state = lex.country_of(m.actor) or last_state
            if m.actor.armed and not m.object and not topic_seen:
                last_armed, topic_seen = lex.top(m.actor), True
            continue
        if m.role is not None and m.actor is None and m.role.template == "{last_armed}":
            m.actor = last_armed  # 该部队 / the group: the armed group named last
            continue
        if m.role is not None and m.actor is None and m.role.template.startswith("{named:"):
            # alliance forces, the alliance: the armed group named earlier whose name has that head word
            head = m.role.template[len("{named:"):-1].lower()
            earlier = [a for a in (named_before or []) + [x.actor for x in mentions if x.actor is not None and x.role is None]
                       if a.armed and head in a.name.lower()]
            m.actor = earlier[-1] if earlier else None
            continue
        if m.role is not None and m.actor is None:
            chosen = m.country or (last_state if m.role.type in ("state_force", "government", "state") else None) \
                or (previous_state if m.role.discourse else None) or country
            m.actor = lex.make_role_actor(m.role.template, m.role.type, chosen, rebels)
            if m.country and m.role.type in ("state_force", "government", "state") and not m.object:
                last_state = m.country  # 美国军方说，41名海军陆战队员…: the state of a role written with its country
