"""Names a Chinese report glosses once in Latin script: ``发言人卡扎拉马（Vianney Kazarama）``,
``库尔德武装“自由斗士”（Peshmerga）``.

The Latin gloss says who the Chinese name is: an actor of the lexicon (the Chinese name becomes its alias in
this report) or, for a person the lexicon does not hold, a person whose canonical name is the gloss. Every
later mention of the Chinese name in the report resolves the same way.
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
