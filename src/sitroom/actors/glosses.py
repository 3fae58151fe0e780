"""Names a report defines for itself: a Chinese name glossed once in Latin script (``发言人卡扎拉马（Vianney
Kazarama）``, ``库尔德武装“自由斗士”（Peshmerga）``) and an English name followed by its acronym (``the Panama
Defence Forces (PDF)``).

The Latin gloss says who the Chinese name is: an actor of the lexicon (the Chinese name becomes its alias in
this report) or, for a person the lexicon does not hold, a person whose canonical name is the gloss. An
English acronym means what its full name means in this report, even where the lexicon knows the letters as
another group; an armed group the lexicon lacks is named by its full name. Every later mention resolves the
same way.
"""
from __future__ import annotations

import re

from sitroom.actors.lexicon import Actor, ActorLexicon
from sitroom.places.gazetteer import en_key
from sitroom.places.recognize import LATIN_PERSON, transliteration_start

_GLOSS = re.compile(r"(?P<run>[\u4e00-\u9fff·“”「」\"]{2,14})[（(]\s*(?P<latin>[A-Za-z][A-Za-z0-9 .'’-]{1,40}?)\s*[）)]")
_QUOTED = re.compile(r"[“「\"](?P<name>[\u4e00-\u9fff·]{2,12})[”」\"]$")
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,8})+$")
# words that make a Latin gloss an organisation or a place, not a person
_NOT_PERSON = frozenset("""Army Forces Force Front Movement Party Union Council Brigade Brigades Group Command Ministry
Agency Organisation Organization Committee Alliance Company Corporation Airport Base River Province State Region
District Camp Valley Mountain Mount Lake Sea Bay Island Islands Strait Bridge Road Street Square Palace""".split())


def glossed_names(text: str, lex: ActorLexicon, org_before=None) -> list[tuple[int, int, Actor]]:
    """``(start, end, actor)`` of each Chinese name in ``text`` glossed in Latin with a known actor or a
    person's name. ``org_before(position)`` gives the organisation a person speaks for, if any."""
    out = []
    for m in _GLOSS.finditer(text):
        run, latin = m.group("run"), m.group("latin").strip()
        known = lex.en_exact.get(latin) or lex.en.get(en_key(latin))
        quoted = _QUOTED.search(run)
        if quoted:
            name_start = m.start("run") + quoted.start("name")
            name_end = m.start("run") + quoted.end("name")
        elif known is not None and known.type != "person":
            continue  # an organisation's Chinese name has no clear start without quotes; the lexicon reads most
        elif known is not None or _person_like(latin, lex):
            titles = list(lex.titles["zh"].finditer(run)) if "zh" in lex.titles else []
            cut = titles[-1].end() if titles else 0  # 叛军发言人卡扎拉马: the name starts after the title
            rest = run[cut:]
            dotted = _DOTTED.search(rest)
            if dotted:
                offset = cut + dotted.start()
            elif len(rest) <= 4 and cut:
                offset = cut
            else:
                offset = cut + transliteration_start(rest, latin)
            name_start, name_end = m.start("run") + offset, m.end("run")
        else:
            continue
        if name_end - name_start < 2:
            continue
        if known is None:
            if not _person_like(latin, lex):
                continue
            org = org_before(name_start) if org_before is not None else None
            known = Actor(latin, "person", lex.country_of(org) if org else None, affiliation=org.name if org else None)
        out.append((name_start, name_end, known))
    return out


def _person_like(latin: str, lex: ActorLexicon) -> bool:
    """Two to four capitalised words, none an organisation or place word, and not a place of the gazetteer."""
    return bool(LATIN_PERSON.fullmatch(latin)) and not set(latin.split()) & _NOT_PERSON and not lex.gaz.lookup_en(latin)


_EN_DEFINED = re.compile(r"(?P<full>[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|and|the|de|du|des|la|le|del)\s+)?[A-Z][\w'’.-]*){1,7})"
                         r"\s+\((?P<acr>[A-Z][A-Za-z0-9-]{1,9})\)")
# last words that make an unknown name an armed group, and those that make it a state's force
_ARMED_HEADS = frozenset("Forces Force Army Front Movement Brigade Brigades Militia Militias Guard Guards Alliance Rebels "
                         "Fighters Resistance Coalition Group Corps Union Battalion Battalions Division".split())
_STATE_HEADS = frozenset("Forces Force Army Guard Guards Corps Police".split())


def defined_acronyms(text: str, lex: ActorLexicon) -> list[tuple[str | None, str, Actor]]:
    """``(full name, acronym, actor)`` for each ``Full Name (ACR)`` of ``text`` that names a known actor the
    lexicon reads the letters otherwise (full name None: the lexicon reads it already) or an armed group the
    lexicon lacks: the Panama Defence Forces (PDF) are Panama's force, not Myanmar's People's Defence Force."""
    out = []
    for m in _EN_DEFINED.finditer(text):
        acr = m.group("acr")
        letters = lex.en_exact.get(acr)
        if letters is not None and letters.type == "media":
            continue  # BANGUI, Central African Republic (AFP): a dateline, not a definition
        # Burhan and the Rapid Support Forces (RSF): the name starts after the last "and" or "the"
        words = re.split(r"\s+(?:and|the)\s+", m.group("full"))[-1].split()
        words = words[1:] if words and words[0] in ("The", "the") else words
        # the Israeli-backed South Lebanon Army (SLA): the longest tail of the name that the lexicon knows
        tail = next((k for k in range(len(words) - 1) if lex.en.get(en_key(" ".join(words[k:]))) is not None), None)
        known = lex.en.get(en_key(" ".join(words[tail:]))) if tail is not None else None
        words = words[tail:] if tail is not None else words
        while len(words) > 2 and re.search(r"-(?:backed|led|allied|aligned)$", words[0]):
            words = words[1:]
        full = " ".join(words)
        if len(words) < 2 or (known is not None and known.type == "state"):
            continue
        if known is not None:
            if letters != known:
                out.append((None, acr, known))  # the full name is read already; only the letters need it
            continue
        if words[-1] not in _ARMED_HEADS:
            continue
        code = lex.gaz.demonyms.get(en_key(words[0])) or next(
            (p.country_code for p in lex.gaz.lookup_en(words[0]) if p.kind == "country"), None)
        if letters is not None and (code is None or lex.country_of(letters) == code):
            continue  # the lexicon's reading of the letters fits what the report says of them
        state_force = code is not None and words[-1] in _STATE_HEADS
        out.append((full, acr, Actor(full, "state_force" if state_force else "nsag", code,
                                     affiliation=code if state_force else None)))
    return out
