"""Filling an event frame around a trigger: who acted, where, when, how many, how sure, who says so.

Each picker takes the sentence, the trigger match and the clause around it and
returns its choice with a short reason, so every field of an event can be
explained.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sitroom.actors.lexicon import ActorLexicon
from sitroom.actors.recognize import ActorMention
from sitroom.events.context import Discourse
from sitroom.events.lexicon import Trigger, triggers
from sitroom.places.gazetteer import Gazetteer, gazetteer
from sitroom.places.model import Place, PlaceMention
from sitroom.quantities.numbers import Quantity
from sitroom.text.document import Document, Sentence
from sitroom.time.model import TimeExpr

_ZH_LIST_GAP = re.compile(r"^\s*(?:、|，|,|和|及|以及|与|或|跟|[，,]\s*(?:以及|还有|及))\s*(?:(?:邻近|附近|周边|相邻)的?|第[一二三四五六七八九十\d]+大(?:城市|城)|[\u4e00-\u9fff]{0,6}?(?:重镇|城市|首府|省会|首都|港城|港口))?\s*$|^$"
                           # ，以及杜斯塔姆的老家、朱兹詹省首府希比尔甘: after "，以及" a description may come first
                           r"|^[，,]\s*(?:以及|还有)[^，,。；;：:]{0,14}$")
_ZH_POSSESSIVE_PRONOUN = re.compile(r"(?:其|他们的|他们|它们的|该组织的|该组织)$")  # 其部队, 他们的部队: the subject's forces
_ZH_LIST_GOES_ON = re.compile(r"[，,]\s*(?:以及|还有|及)")
_ZH_LIST_HEAD_GAP = re.compile(r"(?:之间|边界|边境|交界处?|接壤处|一带|附近)的(?:[\u4e00-\u9fff]{0,4})")
_ZH_MODIFIER_GAP = re.compile(r"^(?:的)?[\u4e00-\u9fff]{0,8}$")  # 加沙地带南部城市拉法: no separator, the later place is the head
_EN_LIST_GAP = re.compile(r"^\s*(?:,|,?\s+and|,?\s+or|&)?\s+$|^\s*,\s*$|^\s*,?\s*and\s*$")
_ZH_CAPITAL_GAP = re.compile(r"^(?:省|州)?(?:的)?(?:首府|省会|首都|州府|州首府|省会城市|首府城市)\s*$"
                             r"|^(?:的)?(?:[东南西北中]部|东北部|西北部|东南部|西南部)?(?:城镇|城市|重镇|小镇|村庄|港口城市|边境城镇|地区|要地)?$")
_EN_CAPITAL_GAP = re.compile(r"^(?:'s|’s)?\s*(?:provincial|regional|state|local)?\s*capital(?:\s+city)?(?:\s+of|,)?\s*$", re.I)


# 向X, 向北部重镇X, 向巴赫穆特以北(约10公里的)X: the goal written before the verb
_GOAL_BEFORE = {"zh": re.compile(r"(?:向|对|往|赴|朝)(?:[\u4e00-\u9fff]{2,8}?以[东南西北]{1,2}(?:方向)?(?:约|大约|近)?"
                                 r"(?:\d+(?:多|余)?(?:公里|千米|英里)(?:处)?)?的?)?"
                                 r"(?:[\u4e00-\u9fff]{0,8}?(?:城市|重镇|首府|省会|首都|港口|港城|城镇|地区|要地))?$"), "en": re.compile(r"\b(?:to|on|against)\s+(?:the\s+)?$", re.I)}
# 从柬埔寨抽调, 自马尼拉: where troops come from (not 自治区, 自由斗士, 自卫队, 从事)
_ORIGIN = {"zh": re.compile(r"(?:从(?!事|而|未|来|不)|(?<!各)自(?!治|由|卫|衛|己|动|動|称|稱|行|然|身|杀|殺|爆|制|主|愿|願|发|發))[^，。；,;]{0,8}$"), "en": re.compile(r"\bfrom\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)}
_DESTINATION = {"zh": re.compile(r"(?:前往|逃往|到达|抵达|到|至|进入|转移到|撤往|飞往|赴)$"),
                "en": re.compile(r"\b(?:to|toward|towards|for|into)\s+(?:the\s+)?$", re.I)}

_AT_BEFORE = {"zh": re.compile(r"在$"),  # not where the force stands: troops in Belgorod fired across the border
              "en": re.compile(r"(?<!troops )(?<!forces )(?<!soldiers )(?<!fighters )(?<!units )(?<!based )(?<!stationed )"
                               r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Aa]round)\s+(?:the\s+)?$")}

_ZH_GOES_ON = re.compile(r"\s*(?:并且|并|然后|随后再|进而|最终|再)")

_SPEECH_BETWEEN = re.compile(r"\b(?:said|says|condemn(?:ed|s)|denounc(?:ed|es)|criticis(?:ed|es)|criticiz(?:ed|es)|warned|told|"
                             r"called|urged|demanded|discussed|reported|accused)\b|称|说|谴责|指责|表示|呼吁|要求")

_TRANSIT = {"zh": re.compile(r"(?:经|经由|取道|途经)(?:[\u4e00-\u9fff]{0,8}?、)*$"),
            "en": re.compile(r"\b(?:via|through)\s+(?:the\s+)?$", re.I)}


@dataclass
class Window:
    """The stretch of the sentence view an event's arguments are read from."""

    start: int  # clause start
    end: int  # clause end
    trig_start: int
    trig_end: int


def clause_window(s: Sentence, start: int, end: int, language: str) -> Window:
    """The clause around a trigger: between commas/semicolons (Chinese) or semicolons/dashes (English)."""
    sep = r"[，,；;：:]" if language == "zh" else r"[;]|\s[—–]\s"
    cstart, cend = 0, len(s.text)
    for m in re.finditer(sep, s.text):
        if m.end() <= start:
            cstart = m.end()
        elif m.start() >= end:
            cend = m.start()
            break
    return Window(cstart, cend, start, end)


# actors ----------------------------------------------------------------------

def _is_object(s: Sentence, a: ActorMention, language: str, cue: dict) -> bool:
    before = s.text[max(0, a.start - 14):a.start]
    if language == "zh":
        titled = rf"(?:{cue['object'].pattern})(?:[\u4e00-\u9fff]{{0,8}}?(?:{cue['title'].pattern})|[\u4e00-\u9fff]{{0,6}}[“\"「]|当地|该地|本地|地方|城内|守城的|邻国|邻近的?|南部|北部|东部|西部)?$"
        if before.endswith("在") and s.text[a.end:a.end + 1] == "的":
            return True  # 在马里的法军: where the force is, not who acts
        return bool(re.search(titled, before))
    if re.search(r"\b(?:hundreds|thousands|dozens|scores|tens|some|many|most|several|units|members|elements|[\d,]+)\s+of\s+(?:the\s+)?$",
                 s.text[max(0, a.start - 30):a.start], re.I):
        return False  # hundreds of Chadian soldiers, 700 of the brigade's soldiers: a count of the subject
    lead = s.text[max(0, a.start - 40):a.start]
    if re.search(r"\b(?:ministers|leaders|envoys|officials|delegates|delegations|representatives|heads\s+of\s+state|"
                 r"commanders|chiefs|spokesm[ae]n|minister|leader|envoy|spokesperson|chief|head)\s+of\s+(?:the\s+)?$",
                 lead, re.I) and not re.search(r"\b(?:to|with|against|by)\s+(?:\S+\s+){0,3}?$", lead, re.I):
        return False  # foreign ministers of the Arab League, the head of the AU: they act for the body
    return bool(re.search(r"\b(?:to|against|with|on|from|by|for|of|toward|towards|at|urged|told|over|than|including)\s+(?:the\s+)?$", before, re.I))


def _is_facility_modifier(s: Sentence, a: ActorMention, cue: dict) -> bool:
    """"U.N. premises", "a UN school", 联合国学校: the actor names whose building it is, not who acted."""
    return "facility" in cue and cue["facility"].match(s.text, a.end) is not None


def _weapon_subject(text: str, cue: dict, actors: list[ActorMention] = ()) -> ActorMention | None:
    """The state named by the adjective (or the organisation named by the acronym) that opens a clause whose
    subject is a weapon or strike (Israeli mortar bombs, a Russian missile strike, UN Mi-24 gunships), if any."""
    if "weapon" not in cue:
        return None
    bounds = [m.end() for m in _EN_CLAUSE_START.finditer(text)]
    start = bounds[-1] if bounds else 0
    m = re.match(rf"\W*(?:(?i:an?|the)\s+)?([A-Z][a-z]+(?:-led)?|[A-Z]{{2,6}})\s+(?:[A-Z][\w-]*\d[\w-]*\s+)?"
                 rf"(?:[a-z-]+\s+){{0,2}}?(?:{cue['weapon'].pattern})\b", text[start:])
    if m is None:
        return None
    if m.group(1).isupper():
        named = [a for a in actors if a.actor is not None and a.start == start + m.start(1)]
        return named[0] if named else None
    named = [a for a in actors if a.actor is not None and a.role is None and a.actor.armed and a.start == start + m.start(1)]
    if named:
        return named[0]  # Russian warships: the Russian Navy, more than Russia
    state = state_of_adjective(m.group(1).removesuffix("-led"))
    if state is None:
        return None
    return ActorMention(start + m.start(1), start + m.end(1), m.group(1), state)


def _is_source(s: Sentence, a: ActorMention) -> bool:
    """Mentions followed by 援引 / citing, or media outlets: they report, they do not act."""
    after = s.text[a.end:a.end + 4]
    return a.actor is not None and (a.actor.type == "media" or after.startswith(("援引", " citing")))


def _counts_the_dead(s: Sentence, a: ActorMention, cue: dict) -> bool:
    """A health ministry, aid agency or monitor that reports a toll is its source, not the killer."""
    if a.actor is None or a.actor.armed:
        return False
    if a.actor.type in ("state", "person"):
        # Gaza health officials said the toll …: officials of a state who report the dead are the source
        return bool(_OFFICIALS.search(a.text)) and bool(cue["speech_after"].match(s.text, a.end))
    return a.actor.type in ("igo", "ngo", "media") or bool(cue["speech_after"].match(s.text, a.end))


_OFFICIALS = re.compile(r"officials|authorities|ministry|medics|doctors|官员|当局|卫生部|卫生部门|医疗|医院|官方", re.I)
_HEALTH = re.compile(r"\b(?:health|medical|medics|hospitals?|doctors)\b|卫生|医疗|医院|医生", re.I)


def toll_of_own_side(s: Sentence, trig_start: int) -> ActorMention | None:
    """The state whose health officials or medics report a toll (Gaza health officials said …, 巴勒斯坦卫生部门
    官员说): they count their own side's dead, so that state is the victims' side."""
    for a in s.actors:
        if a.actor is None or a.actor.armed or a.end > trig_start or a.actor.type not in ("state", "person", "government"):
            continue
        if _HEALTH.search(s.text[max(0, a.start - 12):a.end + 12]):
            return a
    return None


def is_victim_side(s: Sentence, a: ActorMention, w: Window, language: str, cue: dict) -> bool:
    """Whether the side named before a casualty verb is the dead or wounded, not who killed them:
    "400 IS fighters were killed", "30 Turkish soldiers have been killed", 土耳其方面则有40多名士兵阵亡,
    一名以军士兵阵亡."""
    if a.end > w.trig_start or "victims" not in cue:
        return False
    between = s.text[a.end:w.trig_start]
    trigger = s.text[w.trig_start:w.trig_end]
    if language == "en":
        side = re.match(r"\s+side\b,?", between)
        if side and re.search(r"\bon\s+the\s+$", s.text[max(0, a.start - 8):a.start], re.I):
            between = between[side.end():]  # On the Israeli side, 64 soldiers … were killed
        if not cue["victims"].match(between):
            return False
        passive = re.search(r"\b(?:were|was|been|are|is|being)\s+(?:\w+ly\s+)?$", between, re.I)
        return bool(passive) or re.match(r"died|dead|lost", trigger, re.I) is not None
    if cue["victim_count"].search(s.text[max(0, a.start - 8):a.start]) and len(between) <= 12:
        return True  # 打死512名巴勒斯坦人，打伤约2500人: a counted people are the dead or wounded
    if cue["active_harm"].search(trigger) and not s.text[max(0, w.trig_start - 1):w.trig_start] == "被":
        return False  # 以军打死512名巴勒斯坦人: the side before an active verb killed
    if cue["active_harm"].search(between) or re.search(r"[，。；,;]", between):
        return False
    return cue["victims"].match(between) is not None


_SPEECH_ACTS = frozenset({"meeting", "appeal", "threat", "rejection", "agreement"})
_IGO_AIRCRAFT = re.compile(r"\s?(?:战机|战斗机|飞机|空军|直升机|无人机|轰炸机|warplanes|jets|aircraft|planes|helicopters)")


def pick_agent(s: Sentence, w: Window, trig: Trigger, match: re.Match, language: str, cue: dict,
               exclude: tuple[int, int] | None = None, armed_only: bool = False) -> tuple[ActorMention | None, str]:
    """The actor of the event: the passive agent when written, else the subject before the trigger
    (for acts only armed forces do, such as taking a town, the armed subject)."""
    if trig.agent == "passive" and "agent" in match.re.groupindex and match.group("agent"):
        a0, a1 = match.span("agent")
        inside = [a for a in s.actors if a.actor and a.start >= a0 - 1 and a.end <= a1 + 2]
        if inside:
            return inside[0], "agent written after the passive marker"
        return None, "passive with an unknown agent"
    if language == "en":
        by = re.match(r"\s+(?:(?!(?:a|an|the)\s)\w+\s+){0,2}?by\s+", s.text[w.trig_end:w.trig_end + 30], re.I)
        # "killed on Sunday by", not "repulsed an attack by": a 'by' after an object names the object's agent
        if by:
            after_by = [a for a in s.actors if a.actor and a.start == w.trig_end + by.end()
                        or (a.actor and w.trig_end + by.end() <= a.start <= w.trig_end + by.end() + 4)]
            if after_by:
                return after_by[0], "the agent after 'by'"
    if language == "en":
        # Israeli air strikes, Russian shelling, Saudi-led coalition raids: the state named right before the act
        # Russian Su-25 jets bombed, UN Mi-24 gunships fired: a model designation between the state and the act
        before_act = re.search(r"\b([A-Z][a-z]+(?:-led)?|[A-Z]{2,6})\s+(?:[A-Z][\w-]*\d[\w-]*\s+)?$", s.text[:w.trig_start])
        own = re.match(r"([A-Z][a-z]+(?:-led)?)\s", s.text[w.trig_start:w.trig_end])  # "Israeli strike"
        for adj, at in ((before_act, 0), (own, w.trig_start)):
            if adj and trig.agent != "passive" and adj.group(1).isupper():
                named = [a for a in s.actors if a.actor is not None and a.start == at + adj.start(1)]
                if named and (named[0].actor.armed or named[0].actor.type in ("state", "igo")):
                    return named[0], "the organisation named right before the act"
            elif adj and trig.agent != "passive":
                state = state_of_adjective(adj.group(1).removesuffix("-led"))
                if state is not None:
                    return (ActorMention(at + adj.start(1), at + adj.end(1), adj.group(1), state),
                            "the state named right before the act")
    if language == "zh" and trig.type == "meeting" and re.fullmatch(r"会议|峰会", s.text[w.trig_start:w.trig_end]):
        # 阿拉伯国家联盟首脑会议, 欧盟外长会议: the organisation or state named right before the meeting holds it
        glued = [a for a in s.actors if a.actor and a.end <= w.trig_start and not _is_object(s, a, language, cue)
                 and re.fullmatch(r"(?:的)?(?:首脑|领导人|外长|国防部长|部长级|特别|紧急|峰会)?", s.text[a.end:w.trig_start])]
        if glued:
            return glued[-1], "the body named right before the meeting"
    if language == "zh" and trig.type in ("attack", "air_strike") and trig.agent != "passive":
        # 击退了反对派武装的进攻, 挫败俄军的多次进攻: whose attack it is, written with 的 right before it
        owner = [a for a in s.actors if a.actor and a.end <= w.trig_start
                 and re.fullmatch(r"的(?:多次|几次|一次|又一次|新一轮|猛烈|大规模|最新)?", s.text[a.end:w.trig_start])]
        if owner:
            return owner[-1], "whose attack it is (X的进攻)"
    if language == "en" and trig.agent != "passive":
        # "Israeli mortar bombs killed…", "An Israeli missile strike outside a U.N. school has killed…":
        # the state whose weapon opens the clause, not an actor named later in the subject
        weapon = _weapon_subject(s.text[:w.trig_start], cue, s.actors)
        if weapon is not None:
            return weapon, "the state whose weapon opens the clause"
    if language == "en" and trig.agent != "passive":
        capital = _capital_acting(s, w, cue)
        if capital is not None:
            return capital, "the capital that acts stands for its state (Paris flew in, Moscow sent)"
    before = [a for a in s.actors if a.actor and a.end <= w.trig_start and not _is_source(s, a)
              and not _is_facility_modifier(s, a, cue) and not (trig.type == "casualties" and _counts_the_dead(s, a, cue))]
    if exclude:
        before = [a for a in before if not (a.start >= exclude[0] and a.end <= exclude[1])]
    subjects = [a for a in before if not _is_object(s, a, language, cue)]
    if language == "en":
        masked = _en_subordinate_spans(s.text[:w.trig_start])
        subjects = [a for a in subjects if not any(x <= a.start < y for x, y in masked)]
    speakers = subjects  # who 其部队 / 他们的部队 may belong to, armed or not
    if armed_only:
        # NATO aircraft struck, UN helicopters fired: an organisation glued to the weapon or act strikes too
        subjects = [a for a in subjects if a.actor.armed or a.actor.type == "state"
                    or (a.actor.type == "igo" and 0 <= w.trig_start - a.end <= 1)
                    or (a.actor.type == "igo" and _IGO_AIRCRAFT.match(s.text, a.end) and a.end <= w.trig_start)]
    in_clause = [a for a in subjects if a.start >= w.start]
    if language == "zh" and trig.type in ("air_strike", "attack") and trig.agent != "passive":
        # 在美军空袭支援下, 以军炮击: a force written right before the strike is who strikes
        glued = [a for a in before if a.end == w.trig_start and (a.actor.armed or a.actor.type == "state")
                 and not re.search(r"(?:向|对|朝|往)$", s.text[max(0, a.start - 1):a.start])]  # 向以色列发射: the target
        if glued:
            return glued[-1], "the force written right before the strike"
    if language == "en" and trig.type == "armed_clash":
        # fighting between the ELN and FARC dissidents: the first side named after "between"
        between = re.match(r"\s+(?:\S+\s+){0,6}?between\s+", s.text[w.trig_end:w.trig_end + 60])
        if between:
            first = [a for a in s.actors if a.actor and w.trig_end + between.end() <= a.start <= w.trig_end + between.end() + 5]
            if first:
                return first[0], "the first side named after 'between'"
    if language == "zh" and trig.agent != "passive" and trig.type not in _SPEECH_ACTS:
        # 在土军和盟军进城前已撤离: the act of a 在…前/后/时 frame is done by the subject inside the frame
        frame = re.search(r"在([^，。；在]{1,30})$", s.text[w.start:w.trig_start])
        after = w.trig_end + (1 if s.text[w.trig_end:w.trig_end + 1] == "了" else 0)
        after = next((p.end for p in s.places if p.start == after), after)  # 进入阿夫林前: past the place entered
        if frame and re.match(r"[^，。；]{0,2}?(?:之前|之后|以前|以后|前|后|时|期间)", s.text[after:]):
            inside = [a for a in subjects if w.start + frame.start(1) <= a.start and a.end <= w.trig_start]
            if inside:
                return inside[0], "the subject inside the 在…前/后 frame of the act"
    if in_clause and language == "zh":
        # the topic of a Chinese clause comes first; later actors sit in modifiers (以政府军难以招架的攻势)
        first = in_clause[0]
        owner = [a for a in speakers if a.end <= first.start]
        if _ZH_POSSESSIVE_PRONOUN.search(s.text[max(0, first.start - 4):first.start]) and owner:
            # the topic of the nearest earlier clause that names one (而军队则…，尽管其步兵正在撤退)
            bounds = [0] + [m.end() for m in re.finditer(r"[，,；;：:]", s.text[:first.start])]
            for b in reversed(bounds):
                here = [a for a in owner if a.start >= b]
                if here:
                    # 阿富汗反塔利班的北方联盟说，他们的部队…: the head right before the speech verb, not its modifiers
                    head = [a for a in here if re.match(r"[^，,；;]{0,4}?(?:说|表示|称|宣布|声称)[，,：:]", s.text[a.end:])]
                    return (head or here)[0], "其部队, 他们的部队: the forces of the subject named before"
        return first, "first subject of the clause"
    if language == "en" and trig.agent != "passive":
        # "the army, which retreated south": a relative pronoun opening the trigger's clause stands for the
        # actor right before it
        rel = re.search(r"(?:,\s*|\s)(?:which|who)\s+(?:(?:had|has|have|then|later|also|quickly|subsequently)\s+)?$",
                        s.text[:w.trig_start])
        if rel:
            head = [a for a in before if a.end <= rel.start() and not s.text[a.end:rel.start()].strip(" ,")]
            if head and (not armed_only or head[-1].actor.armed or head[-1].actor.type == "state"):
                return head[-1], "the actor a relative pronoun stands for"
    if subjects and language == "en":
        # the subject opens its clause: after the last "that", "said", ", and", "as", "when" … before the trigger
        bounds = [m.end() for m in _EN_CLAUSE_START.finditer(s.text[:w.trig_start])]
        start = bounds[-1] if bounds else 0
        opening = [a for a in subjects if a.start >= start]
        if opening:
            return opening[0], "the subject that opens the clause"
    if in_clause:
        return in_clause[-1], "nearest subject before the trigger in its clause"
    if subjects:
        if language == "zh":
            # the topic of the nearest earlier clause that names one
            bounds = [0] + [m.end() for m in re.finditer(r"[，,；;：:]", s.text[:w.start])]
            for b in reversed(bounds):
                clause_subjects = [a for a in subjects if a.start >= b]
                if clause_subjects:
                    return clause_subjects[0], "first subject of the nearest earlier clause"
        return subjects[-1], "nearest subject before the trigger"
    # Allied jets bombed: a force whose name runs into the trigger (jets … bombed) is who acts
    straddling = [a for a in s.actors if a.actor is not None and a.start < w.trig_start < a.end <= w.trig_end and a.actor.armed]
    if straddling:
        return straddling[0], "the force whose name opens the trigger"
    # … said its warplanes struck Palmyra: the owned force named inside the trigger itself is who acts
    inside = [a for a in s.actors if a.actor is not None and w.trig_start <= a.start and a.end <= w.trig_end and a.actor.armed
              and re.search(r"\b(?:its|their)\s+$|(?:其|他们的)$", s.text[max(0, a.start - 6):a.start], re.I)]
    if inside:
        return inside[0], "the force named in the trigger"
    return None, "no actor before the trigger"


_EN_CLAUSE_START = re.compile(r"\b(?:that|said|says|say|told|reported|announced|claimed|confirmed|stated|added|accus(?:e|es|ed|ing)|insist(?:s|ed)?|estimat(?:e|es|ed)|believ(?:e|es|ed)|think|thinks|thought|acknowledg(?:e|es|ed)|admit(?:s|ted)?)\b|;|:|,\s+(?:and|but|while|as|after|before|when|whereas)\b|\b(?:as|after|before|when|while|because|until|hours\s+after|a\s+day\s+after)\s+(?=the\s|[A-Za-z]+\s+[a-z]+)")
_EN_SUBORDINATE = re.compile(r",\s+(?:a|an|the|which|who|whose|where|that|its|their|including|once|then|[a-z]+ed)\b[^,;]*?(?=,|$)")


_EN_RELATIVE_SUBJECT = re.compile(r"(?<=[a-z])\s+(?:who|which)\s+(?:had\s+|has\s+|have\s+)?[a-z]+ed\b|(?<=[a-z])\s+(?:who|which)\s+(?:took|seized|overran|fought|stormed|swept|drove|fled|left|came|went|began|won|lost|made|held)\b")


def _en_subordinate_spans(text: str) -> list[tuple[int, int]]:
    """Appositives and relative clauses (", a railway hub that fed Russian forces,"): not where a subject is."""
    spans = []
    for m in _EN_SUBORDINATE.finditer(text):
        if _EN_INTRO_PHRASE.fullmatch(text[:m.start()]) and re.match(r",\s+the\s+[A-Z]", m.group(0)):
            continue  # In New York, the Security Council adopted …: the main clause after an opening phrase
        # a clause that goes on to the trigger without a closing comma is the main clause after all
        if m.end() < len(text) and text[m.end():m.end() + 1] == ",":
            spans.append((m.start(), m.end()))
    return spans


_EN_INTRO_PHRASE = re.compile(r"\s*(?:In|At|On|From|Inside|Near|Outside|After|Before|Earlier|Later|Meanwhile|Elsewhere|"
                              r"Separately|Overnight|Yesterday|Today|Last\s+\w+|Late\s+\w+|Early\s+\w+)(?:\s+[\w.'’-]+){0,5}")


def _capital_acting(s: Sentence, w: Window, cue: dict) -> ActorMention | None:
    """``Paris also flew in 150 soldiers``, ``Moscow sent troops``: a capital whose own verb is the trigger
    stands for its state (not "Moscow said Russian troops had entered": the speaker is no agent)."""
    # the capital's own verb must reach the trigger: "Moscow said … entered" leaves the speaker out
    capitals = [p for p in s.places if p.end <= w.trig_start and p.place is not None and p.place.kind == "city"
                and (verb := cue["agentive_after"].match(s.text, p.end)) and verb.end() >= w.trig_start
                and _a_capital(p.place)]
    if not capitals:
        return None
    bounds = [m.end() for m in _EN_CLAUSE_START.finditer(s.text[:w.trig_start])]
    start = bounds[-1] if bounds else 0
    for p in capitals:
        if p.start < start or any(a.actor is not None and p.end <= a.start < w.trig_start for a in s.actors):
            continue
        state = state_of_country(p.place.country_code)
        if state is not None:
            return ActorMention(p.start, p.end, p.text, state)
    return None


def state_of_adjective(word: str):
    """The state actor an English adjective or country name stands for (Israeli -> Israel), if any."""
    from sitroom.places.gazetteer import en_key

    gaz = gazetteer()
    code = gaz.demonyms.get(en_key(word))
    if code is None:
        code = next((p.country_code for p in gaz.lookup_en(word) if p.kind == "country"), None)
    return state_of_country(code) if code is not None else None


def state_of_country(code: str | None):
    """The state actor of a country code (IQ -> Iraq), if the gazetteer and the lexicon know it."""
    from sitroom.actors.lexicon import actor_lexicon

    country = gazetteer().countries.get(code) if code else None
    return actor_lexicon().by_name.get(country.name) if country is not None else None


def joined_forces(s: Sentence, agent: ActorMention | None, language: str) -> list[ActorMention]:
    """Forces written joined to the agent (马里政府军和法军, Syrian troops and Russian special forces): allies."""
    if agent is None:
        return []
    joint = r"^(?:和|与|及|以及|同|、)$" if language == "zh" else r"^\s*(?:,\s*)?(?:and|along\s+with|together\s+with)\s+(?:the\s+)?$"
    return [a for a in s.actors if a.actor is not None and a is not agent and a.start > agent.end
            and a.start - agent.end <= 16 and re.match(joint, s.text[agent.end:a.start], re.I)
            and (a.actor.armed or a.actor.type == "state")]


def pick_actor2(s: Sentence, w: Window, agent: ActorMention | None, language: str,
                match: re.Match | None = None, allies_joined: bool = False) -> ActorMention | None:
    """Whom it was done to or with: written inside the trigger (向X投降), the first actor after the
    trigger in the clause, or an object before it (对X, 从X手中). With ``allies_joined`` (acts two
    forces do together, such as taking a town), a force joined to the agent by 和/与 acts with it."""
    if match is not None and "agent" in match.re.groupindex and match.group("agent"):
        a0, a1 = match.span("agent")
        inside = [a for a in s.actors if a.actor and a.start >= a0 - 1 and a.end <= a1 + 2 and a is not agent]
        if inside:
            return inside[0]
    after = [a for a in s.actors if a.actor and a.start >= w.trig_end and a.start < max(w.end, w.trig_end + 40)]
    if after:
        return after[0]
    objs = [a for a in s.actors if a.actor and w.start <= a.start < w.trig_start and a is not agent]
    if language == "zh":
        objs = [a for a in objs if re.search(r"(?:向|对|与|同|跟|和)$", s.text[max(0, a.start - 2):a.start])
                and not (allies_joined and agent is not None and a.start - agent.end == 1)
                or re.match(r"(?:手中|手里|手上)", s.text[a.end:a.end + 2])
                and re.search(r"(?:从|自)$", s.text[max(0, a.start - 1):a.start])]
    else:
        objs = [a for a in objs if re.search(r"\b(?:with|to|on|against)\s+(?:the\s+)?$", s.text[max(0, a.start - 12):a.start], re.I)]
    return objs[-1] if objs else None


# places ----------------------------------------------------------------------

def usable_places(s: Sentence, agent: ActorMention | None, cue: dict) -> list[PlaceMention]:
    """Place mentions that are not part of an actor's name (阿富汗政府军), the agent, or a modifier (美国使馆)."""
    out = []
    attributive = cue.get("attributive")
    for p in s.places:
        if not p.candidates:
            continue
        if attributive is not None and p.place is not None and p.place.kind == "country" and attributive.match(s.text, p.end):
            continue
        inside = [a for a in s.actors if a.start <= p.start and p.end <= a.end and (a.end - a.start) > (p.end - p.start)]
        if inside and p.role != "capital_of":
            continue
        if agent is not None and agent.start <= p.start and p.end <= agent.end:
            continue
        if p.place is not None and p.place.kind == "country" and "owner_of" in cue and cue["owner_of"].match(s.text, p.end):
            continue  # at Ukraine's request, Russia's foreign minister: the state as a party, not a place
        if p.place is not None and (p.place.kind == "country" or _a_capital(p.place)) \
                and cue["agentive_after"].match(s.text, p.end):
            continue  # "since Israel launched its offensive", "Paris also flew in": the state acts, it is not the place
        if cue["bordering_before"].search(s.text[max(0, p.start - 24):p.start]) \
                and cue["bordering_after"].match(s.text, p.end) \
                and not ("bordering_area" in cue and cue["bordering_area"].match(s.text, p.end)
                         and p.place is not None and p.place.kind != "country"):
            continue  # 与乌兹别克斯坦接壤的海拉坦口岸, near the border with Turkey: the neighbour is not the place
        if "based_in" in cue and cue["based_in"].search(s.text[max(0, p.start - 6):p.start]) and s.text[p.end:p.end + 1] == "的":
            continue  # 总部设在英国的叙利亚人权观察站: where a source sits, not where anything happened
        if names_a_battle(s, p, cue):
            continue  # 纪念恰纳卡莱战役周年: a battle of the past, not a place of the event
        if _reference_point(s, p, cue):
            continue  # 戈马以西约25公里的萨凯, Edaga Hamus, 100 km north of Mekelle: X only locates the other place
        out.append(p)
    return out


def _a_capital(place: Place) -> bool:
    """Whether a place is the capital city of its country (Paris, Moscow: they can stand for its government)."""
    return place.kind == "city" and gazetteer().capital_city(place.country_code) == place


def speech_venue(s: Sentence, p: PlaceMention, cue: dict) -> bool:
    """Whether a place is only where a statement was made: "In Washington, officials said", "officials in
    Baghdad said", "London said", 美国官员在华盛顿表示."""
    if "speech_by_place" in cue and cue["speech_by_place"].match(s.text, p.end):
        return True  # London said, Washington says: the capital speaks for its government
    return bool(cue["speech_venue_before"].search(s.text[:p.start]) and cue["speech_venue_after"].match(s.text, p.end))


def names_a_battle(s: Sentence, p: PlaceMention, cue: dict) -> bool:
    """Whether a place only names a battle or massacre (恰纳卡莱战役, the Gallipoli campaign)."""
    return "battle_name" in cue and cue["battle_name"].match(s.text, p.end) is not None


def _reference_point(s: Sentence, p: PlaceMention, cue: dict) -> bool:
    """Whether a place only locates another one named next to it (X以北30公里的Y, Y, 30 km north of X)."""
    after = cue.get("reference_after")
    if after is not None:
        m = after.match(s.text, p.end)
        return bool(m) and any(q is not p and q.candidates and m.end() <= q.start <= m.end() + 10 for q in s.places)
    before = cue.get("reference_before")
    if before is not None and before.search(s.text[max(0, p.start - 60):p.start]):
        return any(q is not p and q.candidates and p.start - 70 <= q.end <= p.start - 5 for q in s.places)
    return False


def _specific(a: Place, b: Place) -> Place:
    order = {"city": 0, "admin1": 1, "country": 2}
    return a if order[a.kind] <= order[b.kind] else b


def _group_items(s: Sentence, mentions: list[PlaceMention], language: str) -> list[list[PlaceMention]]:
    """Group consecutive mentions into list items: 加兹尼省首府加兹尼 is one item (the city)."""
    gap_re = _ZH_CAPITAL_GAP if language == "zh" else _EN_CAPITAL_GAP
    items: list[list[PlaceMention]] = []
    for m in mentions:
        if items:
            prev = items[-1][-1]
            gap = s.text[prev.end:m.start]
            same_item = gap == "" or gap_re.match(gap) or (prev.place and m.place and prev.place.contains(m.place) and prev.place.key != m.place.key and len(gap) <= 1)
            if same_item:
                items[-1].append(m)
                continue
        items.append([m])
    return items


def _item_place(item: list[PlaceMention]) -> PlaceMention:
    best = item[0]
    for m in item[1:]:
        if m.place and best.place and _specific(m.place, best.place) is m.place:
            best = m
    return best


_EN_NEW_CLAUSE = re.compile(r"\b(?:when|while|because|although|though|whereas|but|where|which|who|whom|whose)\b")


# bombed positions in the villages of A, B and C; shelled targets around A and B: the objects are in each town
_EN_TARGETS_IN = re.compile(r"\b(?:in|at|near|around|outside)\s+(?:the\s+)?(?:(?:\w+\s+)?(?:towns?|villages?|cities|city|"
                            r"districts?|areas?|neighbou?rhoods?|suburbs?)\s+of\s+)?$")


def pick_places(s: Sentence, w: Window, trig: Trigger, places: list[PlaceMention], language: str,
                event_type: str | None = None) -> tuple[list[PlaceMention], str]:
    """Places the trigger is about: a list after it (攻占X和Y), a list before it (X、Y失守) or the nearest.
    ``event_type``: the type the trigger was read as, where it can be read as several."""
    list_gap = _ZH_LIST_GAP if language == "zh" else _EN_LIST_GAP
    limit_after = w.end if language == "zh" else min(len(s.text), w.trig_end + 90)
    if language == "zh":
        # 拿下了海拉坦口岸，以及朱兹詹省首府希比尔甘: a list goes on past the comma
        more = _ZH_LIST_GOES_ON.match(s.text, w.end)
        if more:
            nxt = re.search(r"[，,。；;]", s.text[more.end():])
            limit_after = more.end() + nxt.start() if nxt else len(s.text)
    if language == "en":
        # vehicles seized when troops fled the city: a place after a new clause is not the object
        cut = _EN_NEW_CLAUSE.search(s.text, w.trig_end, limit_after)
        limit_after = cut.start() if cut else limit_after
    limit_before = w.start if language == "zh" else max(0, w.trig_start - 120)
    if trig.place == "after":
        cands = [p for p in places if w.trig_end <= p.start < limit_after]
        if trig.type == "troop_deployment":
            # sent 2,000 paratroopers from Pskov to Crimea, 从柬埔寨抽调: where troops come from is not where they go
            cands = [p for p in cands if not _ORIGIN[language].search(s.text[max(w.trig_end, p.start - 20):p.start])
                     or _DESTINATION[language].search(s.text[max(0, p.start - 12):p.start])]
        if not cands:
            # 向喀布尔派遣, 对阿勒颇发起进攻, sent to Kabul 3,000 troops: the goal written before the verb
            marked = [p for p in places if max(w.start, limit_before) <= p.start and p.end <= w.trig_start
                      and _GOAL_BEFORE[language].search(s.text[max(0, p.start - 14):p.start])]
            cands = marked[-1:]
            if cands and trig.type in ("attack", "air_strike"):
                # 对哈尔科夫和苏梅的能源设施发动袭击: the list that follows the marked goal
                for p in places:
                    if cands[-1].end <= p.start and p.end <= w.trig_start \
                            and list_gap.match(s.text[cands[-1].end:p.start]):
                        cands.append(p)
        if not cands and trig.type in ("attack", "air_strike"):
            # 在巴赫穆特挫败了俄军的多次进攻, In Kigali, shells crashed into the market: where the attack was met,
            # written with 在 / in before the verb
            at = [p for p in places if max(w.start, limit_before) <= p.start and p.end <= w.trig_start
                  and _AT_BEFORE[language].search(s.text[max(0, p.start - 30):p.start])
                  and not _SPEECH_BETWEEN.search(s.text[p.end:w.trig_start])]  # In New York, the UN condemned the offensive
            cands = at[-1:]
        if not cands and trig.type == "troop_deployment":
            window_start = w.start if language == "zh" else max(0, w.trig_start - 100)
            # 从柬埔寨抽调数个师, flown in from Manila: where troops come from is not where they are sent
            earlier = [p for p in places if window_start <= p.start and p.end <= w.trig_start
                       and not _ORIGIN[language].search(s.text[max(window_start, p.start - 20):p.start])]
            cands = earlier[-1:]
        if not cands and language == "zh" and "place" not in trig.needs:
            later = [p for p in places if p.start >= w.trig_end]
            cands = later[:1]
        if not cands:
            return [], "no place after the trigger"
        items = _group_items(s, cands, language)
        if language == "zh":
            # places strung together without a separator modify the last one, the head of the phrase
            while len(items) > 1 and _ZH_MODIFIER_GAP.match(s.text[items[0][-1].end:items[1][0].start]) \
                    and not re.search(r"[、，,和及与或已了前后将被往撤攻并又再称]", s.text[items[0][-1].end:items[1][0].start]):
                items = items[1:]
        chosen = [items[0]]
        for prev, item in zip(items, items[1:]):
            gap = s.text[prev[-1].end:item[0].start]
            if list_gap.match(gap) or (language == "en" and re.fullmatch(r"\s*(?:,\s*)?(?:and|including|,)\s*", gap)):
                chosen.append(item)
            else:
                break
        if language == "zh" and len(chosen) < len(items):
            head = items[len(chosen)]
            if _ZH_LIST_HEAD_GAP.fullmatch(s.text[chosen[-1][-1].end:head[0].start]):
                chosen = [head]  # 叙利亚与伊拉克边界的坦夫口岸: the list only locates the place after it
        return [_item_place(i) for i in chosen], "place(s) written after the trigger"
    if trig.place == "before":
        if language == "en":
            # the subject of the reported clause: after the last reporting verb (… said the local capital of Qalat fell)
            speech = [m.end() for m in re.finditer(r"\b(?:said|says|told|reported|confirmed|that)\b", s.text[:w.trig_start])]
            limit_before = speech[-1] if speech else 0
        cands = [p for p in places if limit_before <= p.start and p.end <= w.trig_start]
        if not cands:
            return [], "no place before the trigger"
        if language == "en":
            items = _group_items(s, cands, language)
            first = items[0]
            chosen = [first]
            for prev, item in zip(items, items[1:]):
                if _EN_LIST_GAP.match(s.text[prev[-1].end:item[0].start]):
                    chosen.append(item)
                else:
                    break
            return [_item_place(i) for i in chosen], "the subject place(s) of the clause"
        items = _group_items(s, cands, language)
        chosen = [items[-1]]
        for item, nxt in zip(reversed(items[:-1]), reversed(items[1:])):
            gap = s.text[item[-1].end:nxt[0].start]
            if list_gap.match(gap):
                chosen.insert(0, item)
            else:
                break
        return [_item_place(i) for i in chosen], "place(s) written before the trigger"
    in_clause = [p for p in places if w.start <= p.start < w.end]
    pool = in_clause or places
    if trig.place == "any" and trig.type in ("withdrawal/evacuation", "evacuation", "displacement"):
        # people leave from a place: a destination (fleeing to Rwanda, 逃往森纳尔) is not where it happened
        origin = [p for p in pool if not _DESTINATION[language].search(s.text[max(0, p.start - 12):p.start])]
        if (event_type or trig.type) == "evacuation":
            # 经亚美尼亚撤离, flown out via Amman: a country passed through is not where people leave from either
            origin = [p for p in origin if not _TRANSIT[language].search(s.text[max(0, p.start - 12):p.start])]
            if pool and not origin:
                return [], "only where people were taken to is written (not where they left)"
            marked = [p for p in origin if p.start >= w.trig_end
                      and _ORIGIN[language].search(s.text[max(w.trig_end, p.start - 30):p.start])]
            origin = marked or origin  # evacuated 800 foreigners from the capital: the place they leave, said so
        pool = origin or pool
    if not pool:
        return [], "no place in the sentence"
    nearest = min(pool, key=lambda p: (abs(p.start - w.trig_start), p.start))
    if not in_clause and language == "zh":
        nearest = min(pool, key=lambda p: p.start)  # the sentence's topic (森纳尔位于瓦德迈达尼以南，…)
    items = _group_items(s, sorted(pool, key=lambda p: p.start), language)
    for k, item in enumerate(items):
        if nearest in item:
            chosen = [item]
            if trig.type in ("air_strike", "attack") and nearest.end <= w.trig_start:
                # 对萨那、萨达等地的胡塞武装目标实施空袭: a list of targets after 对/向, before the verb
                head = k
                while head > 0 and list_gap.match(s.text[items[head - 1][-1].end:items[head][0].start]):
                    head -= 1
                if head < k and _GOAL_BEFORE[language].search(s.text[max(0, items[head][0].start - 14):items[head][0].start]):
                    chosen = items[head:k + 1]
            lead = s.text[w.trig_end:item[0].start]
            short = len(lead) <= 12 or (language == "en" and len(lead) <= 50 and _EN_TARGETS_IN.search(lead))
            direct = short and not re.search(r"[，。；,.;]", lead) and not (
                trig.type in ("displacement", "withdrawal/evacuation") and (
                    _DESTINATION[language].search(s.text[:item[0].start])
                    or re.search(r"(?:、|,|和|及|\band)\s*$", s.text[:item[0].start])))  # 逃往A、B和C: B is no head
            if trig.type in ("air_strike", "attack", "displacement", "withdrawal/evacuation") and nearest.start >= w.trig_end \
                    and direct:
                # 轰炸加沙城、汗尤尼斯和拉法等地, struck Gaza City, Khan Younis and Rafah: each target is a strike;
                # were leaving Tikrit and Samarra: people leave each town
                for prev, nxt in zip(items[k:], items[k + 1:]):
                    if not list_gap.match(s.text[prev[-1].end:nxt[0].start]):
                        break
                    chosen.append(nxt)
            return [_item_place(i) for i in chosen], "nearest place " + ("in the clause" if in_clause else "in the sentence") \
                + (" and the list it opens" if len(chosen) > 1 else "")
    return [nearest], "nearest place"


def role_places(s: Sentence, cue: dict, discourse: Discourse, gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """Places named by role (该市, the city, 该国) resolved to the last place of that kind.

    A role phrase followed by the place's name (the provincial capital of Lashkar Gah,
    the provincial capital, Tirin Kot) is not an anaphor: the name that follows counts.
    """
    out = []
    named_starts = [p.start for p in s.places if p.place is not None]

    def named_next(m: re.Match) -> bool:
        """The role phrase is followed by the place's own name (the provincial capital, Tirin Kot)."""
        return any(st >= m.end() and re.fullmatch(r"\s*(?:,\s*|of\s+)?", s.text[m.end():st]) for st in named_starts)

    for kind in ("city", "admin1", "country"):
        pattern = cue.get(f"place_role_{kind}")
        has_earlier = any(p.place is not None and p.place.kind == kind for p in s.places)
        if pattern is None or (kind not in discourse.last_place and not has_earlier):
            continue
        for m in pattern.finditer(s.text):
            if named_next(m) or any(p.start < m.start() <= p.end for p in s.places):
                continue  # 阿夫林市中心: the centre of the town just named, which counts itself
            earlier = [p.place for p in s.places if p.place is not None and p.place.kind == kind and p.end <= m.start()]
            target = earlier[-1] if earlier else \
                discourse.last_town_of_the_story() if kind == "city" else discourse.last_place.get(kind)
            if target is None:
                continue
            out.append(PlaceMention(m.start(), m.end(), m.group(0), [target], kind, role="anaphor"))
    capital = cue.get("place_role_capital")
    if capital is not None and gaz is not None:
        for m in capital.finditer(s.text):
            if named_next(m):
                continue
            earlier = [p.place for p in s.places if p.place is not None and p.place.kind == "admin1" and p.end <= m.start()]
            division = earlier[-1] if earlier else discourse.last_place.get("admin1")
            if "provinc" not in m.group(0) and "regional" not in m.group(0) and "state" not in m.group(0):
                here = [p.place for p in s.places if p.place is not None and p.end <= m.start()]
                country = discourse.last_place.get("country")
                if here:
                    country = next((p for p in reversed(here) if p.kind == "country"), None) or \
                        (gaz.country(here[-1].country_code) if gaz is not None else country)
                division = None
                target = gaz.capital_city(country.country_code) if country is not None else None
            else:
                target = gaz.capital_of(division) if division is not None else None
            target = target or discourse.last_place.get("city")
            if target is not None:
                out.append(PlaceMention(m.start(), m.end(), m.group(0), [target], "city", role="anaphor"))
    return out


# time ------------------------------------------------------------------------

def respective_times(s: Sentence, w: Window, n_places: int, language: str) -> list[TimeExpr] | None:
    """``X和Y分别在6日和昨天沦陷`` / X and Y fell on Friday and Saturday respectively: one time per place."""
    marker = "分别" if language == "zh" else "respectively"
    if n_places < 2 or marker not in s.text[w.start:w.end if language == "zh" else len(s.text)]:
        return None
    times = [t for t in s.times if w.start <= t.start < (w.end if language == "zh" else len(s.text)) and t.date_start]
    return times if len(times) == n_places else None


_SHIFT = {"en": re.compile(r"\b(a|one|two|three|four|five|six|seven|\d+|hours|a\s+few\s+hours)\s*(days?|weeks?)?\s+(after|before)\b", re.I),
          "zh": re.compile(r"(一|两|三|四|五|六|七|\d+)?(天|日|周)(之)?(后|前)(?=[，,])")}
_SMALL_EN = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def shifted(s: Sentence, w: Window, when: TimeExpr | None, language: str) -> tuple[TimeExpr | None, str | None]:
    """``…said Monday, a day after the RSF said it had overrun the base``: an event written after
    "a day after" happened a day before the time of the main clause."""
    if when is None or language != "en":
        return when, None
    shift = None
    for m in _SHIFT["en"].finditer(s.text[:w.trig_start]):
        if not m.group(2) and not m.group(1).lower().startswith(("hours", "a few")):
            continue  # "at least 24 after days of shelling", "one after another": a count, not a shift
        if re.search(r"\bfor\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?$",
                     s.text[max(0, m.start() - 20):m.start()], re.I):
            continue  # "held it for about a week before the army drove them out": a duration, not a shift
        if when.start < m.start() or when.start < 0:
            shift = m
    if shift is None or when.precision != "day":
        return when, None  # a month or a year moved by a day is still that month or year
    word = shift.group(1).lower()
    if word.startswith(("hours", "a few")):
        return when, None  # hours after: the same day
    n = int(word) if word.isdigit() else _SMALL_EN.get(word, 1)
    unit = (shift.group(2) or "day").lower()
    days = n * (7 if unit.startswith("week") else 1)
    sign = -1 if shift.group(3).lower() == "after" else 1
    from datetime import timedelta

    d = when.date_start + timedelta(days=sign * days)
    return TimeExpr(when.start, when.end, when.text, d, d, "day", when.kind), \
        f"{shift.group(0)!r} the time of the main clause"


def _zh_before_main_clause(s: Sentence, w: Window) -> bool:
    """Whether the trigger sits in a 在…后 phrase: an event that came before the main clause."""
    return "在" in s.text[max(w.start, w.trig_start - 12):w.trig_start] \
        and re.search(r"(?:之)?后(?!方|勤|援|备|撤|退|者)", s.text[w.trig_end:w.end]) is not None


def _anaphor_days(t: TimeExpr, usable: list[TimeExpr], discourse: Discourse) -> tuple[date, date] | None:
    """The days an anaphor (同日, 次日, the day before, 几天后) means: the last day written before it in the
    sentence, else the last day of the sentences before, moved by the anaphor's shift (a range for 几天后)."""
    earlier = [u for u in usable if u.start < t.start and u.kind != "anaphor" and u.precision == "day"]
    base = earlier[-1].date_start if earlier else discourse.last_day
    if base is None:
        return None
    last = t.shift_days if t.shift_days_end is None else t.shift_days_end
    return base + timedelta(days=t.shift_days), base + timedelta(days=last)


_EN_SUBORDINATOR = re.compile(r"\b(?:after|before|when|because|while|following|until|once)\b", re.I)
_EN_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose|where)\b", re.I)


def attributive_time(s: Sentence, t: TimeExpr, language: str) -> bool:
    """A time that qualifies a thing (1967年的停火线, the 1967 ceasefire lines): it dates that thing, not the
    events of the sentence. A time of an event noun (12日的空袭, the 2014 offensive) still dates events."""
    if language == "zh":
        after = re.match(r"(?:以前|之前)?的(?:大规模|猛烈|多次|新一轮|联合|首次|最新|一次|这次|那次)?", s.text[t.end:t.end + 8])
        if after is None or re.match(r"的(?:时候|时|当天|那天|一天|凌晨|晚上|夜间|上午|下午|早上|清晨|傍晚|午夜)", s.text[t.end:]):
            return False
    else:
        if not re.fullmatch(r"(?:19|20)\d\d", t.text) or not re.search(r"\bthe\s+$", s.text[max(0, t.start - 5):t.start]):
            return False
        after = re.match(r"\s+(?=[a-z])", s.text[t.end:t.end + 2])
        if after is None:
            return False
    noun = t.end + after.end()
    if re.match(r"(?:[\u4e00-\u9fff]{0,4}?(?:战争|战役|冲突|内战|战事)|(?:\w+\s+){0,2}?(?:war|campaign|conflict)\b)", s.text[noun:noun + 12]):
        return False  # 在1967年的战争中占领了西奈半岛, in the 1967 war: the war's time is the time of its events
    return not any(trig.pattern.match(s.text, noun) for trig in triggers(language))


_ZH_RELATIVE_AFTER_TIME = re.compile(r"(?:[\u4e00-\u9fff]{0,3}?(?:占领|攻占|夺取|控制|吞并|签署|达成|划定|通过|建立|修建|宣布))的")


def _zh_relative_clause_time(s: Sentence, t: TimeExpr, w: Window) -> bool:
    """Whether a Chinese time opens a relative clause (1967年占领的领土) that the event's verb is outside of."""
    m = _ZH_RELATIVE_AFTER_TIME.match(s.text, t.end)
    return m is not None and not (t.end <= w.trig_start < m.end())


def pick_time(doc: Document, s: Sentence, w: Window, discourse: Discourse) -> tuple[TimeExpr | None, str]:
    """The event's time: written in the clause, else in the sentence, else inherited, else the report's date."""
    def nearest(exprs: list[TimeExpr]) -> TimeExpr:
        if doc.language == "en":
            # were halted over the weekend after a strike hit a convoy on Friday: the strike's clause begins
            # at "after"; a time written before that word dates the other clause
            opener = None
            for opener in _EN_SUBORDINATOR.finditer(s.text, 0, w.trig_start):
                pass
            aside = _EN_RELATIVE_ASIDE.search(s.text, w.trig_end)
            cut = aside.start() if aside else len(s.text)  # …, who fled the city last week: an aside's time
            later = [t for t in exprs if opener is not None and opener.end() <= t.start < cut]
            exprs = later or exprs
        before = [t for t in exprs if t.start < w.trig_start]
        return before[-1] if before else exprs[0]

    # 1967年的停火线 dates the line, not the withdrawal; 12日的空袭 dates the strike written right after it
    usable = [t for t in s.times if t.date_start is not None and not attributive_time(s, t, doc.language)]
    if doc.language == "en":
        # a time inside an appositive (", moved to Shabwa late last month,") dates that aside, not the event
        masked = _en_subordinate_spans(s.text[:w.trig_start])
        rel = None
        for rel in _EN_RELATIVE_SUBJECT.finditer(s.text, w.start, w.trig_start):
            pass
        if rel is not None and any(w.trig_end <= t.start < w.end for t in usable) \
                and not re.search(r"[,;:]", s.text[rel.start():w.trig_start]):
            # Rebels who stormed the capital at the weekend pulled back … on Monday: the relative clause's time
            # is its own; the main verb has one of its own after it
            masked.append((rel.start(), w.trig_start))
        usable = [t for t in usable if not any(x <= t.start < y for x, y in masked)]
    if doc.language == "zh":
        # 撤出1967年占领的全部阿拉伯领土: a time inside a relative clause dates the verb of that clause only
        usable = [t for t in usable if not _zh_relative_clause_time(s, t, w)]
    if doc.language == "zh" and _zh_before_main_clause(s, w):
        # 在攻占戈马后继续扩大战果，昨天又拿下萨凯: the later clause's day is after this event, not its day
        usable = [t for t in usable if t.start < w.end]
    in_clause = [t for t in usable if w.start <= t.start < w.end]
    for pool, reason in ((in_clause, "written in the clause"), (usable, "written in the sentence")):
        if pool:
            t = nearest(pool)
            moved, why = shifted(s, w, t, doc.language)
            if why:
                return moved, why
            if t.kind == "anaphor":
                days = _anaphor_days(t, usable, discourse)
                if days is None:
                    continue
                if doc.reference_date is not None and days[0] <= doc.reference_date < days[1]:
                    days = (days[0], doc.reference_date)  # days later, but not after the report
                return TimeExpr(t.start, t.end, t.text, days[0], days[1], "day" if days[0] == days[1] else "range",
                                "point"), "'" + t.text + "' refers to the day named before"
            return t, reason
    report_day = doc.reference_date
    if report_day is not None:
        moved, why = shifted(s, w, TimeExpr(-1, -1, "", report_day, report_day, "day", "report"), doc.language)
        if why:
            return moved, why + " (the report's date)"
    if discourse.last_time is not None and s.index - discourse.last_time_sentence <= 3 \
            and discourse.last_time.kind in ("point", "range") and discourse.last_time.precision in ("day", "range"):
        return discourse.last_time, "inherited from a sentence just before"
    if doc.dateline and doc.dateline.date:
        d = doc.dateline.date
        moved, why = shifted(s, w, TimeExpr(-1, -1, "", d, d, "day", "report"), doc.language)
        if why:
            return moved, why
        return TimeExpr(-1, -1, "", d, d, "day", "report"), "the dateline's date (the text gives no date)"
    if doc.published:
        d = doc.published
        moved, why = shifted(s, w, TimeExpr(-1, -1, "", d, d, "day", "report"), doc.language)
        if why:
            return moved, why
        return TimeExpr(-1, -1, "", d, d, "day", "report"), "the publication date (the text gives no date)"
    return None, "no date"


# quantities ------------------------------------------------------------------

_UNIT_FOR_TYPE = {"troop_deployment": ("troops", ("people", "force")), "displacement": ("people", ("people",)),
                  "casualties": ("people", ("people",)), "evacuation": ("people", ("people",)),
                  "territory_captured": ("places", ("place",)), "arrest": ("people", ("people",)),
                  "appeal": ("people", ("people",)), "air_strike": ("targets", ("strike", "aircraft"))}


_MONEY = re.compile(r"[$€£¥]|美元|欧元|英镑|人民币|dollars?|euros?|pounds\b", re.I)
_APPEAL_BREAK = re.compile(r"[，,；;。：:]|\b(?:after|when|as|because|since|following|while|who|which)\b|后|以来|之际", re.I)
_CONJUNCT_BREAK = re.compile(r"\b(?:and|while|but|killed|wounded|injured|dead|displaced)\b|[,;]", re.I)


_TOLL_VERB = re.compile(r"(?:\s+(?:since|in|from|on)\s+[^,;]{1,25}?)?\s+(?:(?:has|had|have)\s+)?(?:now\s+)?"
                        r"(?:passed|passes|rose\s+to|risen\s+to|rises\s+to|reached|reaches|exceeded|exceeds|climbed\s+to|"
                        r"climbs\s+to|stands\s+at|stood\s+at|topped|tops|hit|hits|surpassed|surpasses|of|at|to)\s+$", re.I)
_EN_ONE_PERSON = re.compile(r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,4}?(?:soldier|officer|civilian|man|woman|child|boy|girl|"
                            r"journalist|reporter|policeman|police\s+officer|fighter|militant|commander|pilot|aid\s+worker|"
                            r"worker|resident|person|member|marine|sailor|guard|medic|doctor|nurse)\s+"
                            r"(?:was|has\s+been|had\s+been|is)\s+(?:\w+ly\s+)?$", re.I)


# "At least 13 soldiers - nine South Africans, three Malawians and one Uruguayan - have been killed", "two
# soldiers (one American, one Briton) were killed": an aside right before the verb breaks the count down
_BREAKDOWN_END = re.compile(r"(?P<close>\s[-–—]\s|\s?—\s?|\))\s*(?:(?:has|have|had)\s+been|were|was|are|is|had|have)?\s*$")
_OPENER = {")": "("}


def _head_of_breakdown(s: Sentence, w: Window) -> Quantity | None:
    """The total a breakdown aside before the trigger details: the last count of people before the aside."""
    end = _BREAKDOWN_END.search(s.text, max(0, w.trig_start - 40), w.trig_start)
    if end is None:
        return None
    close = end.group("close").strip()
    opener = _OPENER.get(close, close)
    start = s.text.rfind(opener, max(0, end.start() - 160), end.start())
    if start < 0 or not any(start < q.start < end.start() for q in s.quantities):
        return None
    heads = [q for q in s.quantities if q.end <= start and start - q.end <= 100
             and q.unit_class in (None, "people") and q.value == q.value
             and not re.search(r"[;:]|(?<![A-Z])\.\s|\b(?:killed|wounded|injured|died|dead)\b", s.text[q.end:start])]
    return heads[-1] if heads else None


def pick_quantity(event_type: str, s: Sentence, w: Window, language: str) -> Quantity | None:
    """The number that counts what the event is about (troops sent, people displaced, places taken)."""
    spec = _UNIT_FOR_TYPE.get(event_type)
    if spec is None:
        return None
    _, classes = spec
    lo, hi = (w.start, w.end) if language == "zh" else (max(0, w.trig_start - 120), min(len(s.text), w.trig_end + 120))
    if event_type == "air_strike" and language == "zh":
        lo = max(0, w.start - 30)  # 北约战机出动300架次，轰炸了贝尔格莱德: the sorties flown in the clause before
    if event_type == "appeal":
        # 要求德黑兰第三区约33万居民立即撤离, urged 330,000 residents to leave: only the people urged count
        return next((q for q in s.quantities if w.trig_end <= q.start < hi and q.unit_class in (None, "people")
                     and q.value == q.value and not _APPEAL_BREAK.search(s.text[w.trig_end:q.start])
                     and not _MONEY.search(s.text[max(0, q.start - 2):q.end + 12])), None)
    pool = [q for q in s.quantities if lo <= q.start < hi and q.unit_class in classes
            and not (event_type in ("evacuation", "displacement") and q.unit == "troops")]  # troops sent to evacuate
    if event_type in ("displacement", "casualties", "evacuation") and language == "en":
        # displaced nearly 12 million / killing 80 fighters / evacuated 225 foreigners: the number right after
        # the trigger counts people
        right_after = [q for q in s.quantities if 0 <= q.start - w.trig_end <= 12 and q.value == q.value
                       and q.unit_class in (None, "people") and q.unit != "troops" and not s.text[w.trig_end:q.start].strip()]
        if right_after:
            return right_after[0]
    if event_type in ("displacement", "casualties") and language == "en":
        toll = [q for q in s.quantities if q.start >= w.trig_end and q.value == q.value
                and q.unit_class in (None, "people") and _TOLL_VERB.match(s.text[w.trig_end:q.start])]
        if toll and re.search(r"toll|deaths|casualties|fatalities", s.text[w.trig_start:w.trig_end], re.I):
            return toll[0]  # the death toll since Dec. 27 had passed 1,300; death toll passes 10,000
        # three soldiers were killed and 12 wounded: the number of this conjunct, before its own verb
        head = _head_of_breakdown(s, w)
        if head is not None:
            return head
        before = [q for q in s.quantities if q.end <= w.trig_start and q.unit_class in (None, "people")
                  and max(0, w.trig_start - 120) <= q.start and not _CONJUNCT_BREAK.search(s.text[q.end:w.trig_start])]
        if before:
            return before[-1]
        one = _EN_ONE_PERSON.search(s.text, max(0, w.trig_start - 80), w.trig_start) if event_type == "casualties" else None
        if one is not None:
            return Quantity(one.start(), one.end(), one.group(0), 1.0, "people", "people")  # a … officer was killed
    if event_type in ("displacement", "casualties") and language == "zh":
        # 造成至少53人死亡、130人受伤: each verb counts the number written right before it
        right_before = [q for q in pool if q.end <= w.trig_start and w.trig_start - q.end <= 3
                        and not re.search(r"[、，,；;和及]", s.text[q.end:w.trig_start])]
        if right_before:
            return right_before[-1]
    if pool and all(q.unit_class == "force" for q in pool):
        # 3个美军步兵营，约3000名士兵: a head count elsewhere in the sentence beats a count of units
        people = [q for q in s.quantities if q.unit_class == "people" and q.unit == "troops"]
        pool = people or pool
    if not pool:
        return None
    for cls in classes:
        ranked = [q for q in pool if q.unit_class == cls]
        if ranked:
            return min(ranked, key=lambda q: abs(q.start - w.trig_start))
    return None


def unit_for(event_type: str, quantity: Quantity | None = None) -> str | None:
    """The unit an event type's quantity is counted in (battalions stay battalions)."""
    if quantity is not None and quantity.unit_class in ("force", "strike", "aircraft"):
        return quantity.unit  # battalions stay battalions, sorties sorties
    spec = _UNIT_FOR_TYPE.get(event_type)
    return spec[0] if spec else None


# certainty and attribution ---------------------------------------------------

def certainty(s: Sentence, w: Window, cue: dict, language: str, agent: ActorMention | None, lex: ActorLexicon,
              time: TimeExpr | None, event_type: str, reference: date | None = None) -> tuple[str, str]:
    """reported, claimed (a party says so), planned (announced for the future) or denied."""
    head = s.text[:w.trig_start]
    local = s.text[w.start:w.trig_start] if language == "zh" else s.text[max(0, w.trig_start - 40):w.trig_start]
    if language == "zh" and _ZH_GOES_ON.match(s.text, w.start):
        # 叛军将向布卡武进军，并最终"解放"首都金沙萨: a conjunct clause keeps the future of the clause before it
        before = s.text[:w.start].rstrip("，,、 ")
        cut = max(before.rfind(c) for c in "，,；;。")
        local = s.text[cut + 1:w.trig_start]
    if cue["denial"].search(head):
        return "denied", "a denial precedes the trigger"
    if (time is not None and time.kind == "future") or cue["planned"].search(local):
        return "planned", "a future marker precedes the trigger"
    if time is not None and reference is not None and time.date_start is not None and time.date_start > reference:
        return "planned", "dated after the report"
    claim = cue["claim"].search(head)
    if claim and agent is not None and agent.actor is not None and event_type in CLAIMABLE:
        speakers = [a for a in s.actors if a.actor and a.end <= claim.start()]
        if not speakers and language == "en":
            speakers = [a for a in s.actors if a.actor and claim.end() <= a.start < claim.end() + 60]
        if speakers:
            said, acted = lex.top(speakers[-1].actor), lex.top(agent.actor)
            same_state = lex.country_of(said) and lex.country_of(said) == lex.country_of(acted) \
                and said.type != "nsag" and acted.type != "nsag"
            if said.name == acted.name or same_state:
                return "claimed", "the acting party itself says so"
    return "reported", "default"


CLAIMABLE = frozenset({"territory_captured", "attack", "air_strike", "casualties", "armed_clash", "withdrawal"})


def attribution(s: Sentence, cue: dict, language: str, trig_start: int) -> str | None:
    """Who says so: the speaker of a reporting verb before the trigger, by canonical name when known."""
    speech = [m for m in cue["speech"].finditer(s.text) if m.start() < trig_start]
    if not speech:
        if language == "en":
            after = re.search(r"\b(?:said|says|told|according to)\b(.{0,60})", s.text[trig_start:])
            if after:
                names = [a for a in s.actors if a.actor and a.start >= trig_start + after.start()]
                if names:
                    return names[0].actor.name if not names[0].generic else names[0].text
        return None
    verb = speech[-1]
    if language == "en" and verb.group(0).lower().startswith("according"):
        names = [a for a in s.actors if a.actor and verb.end() <= a.start < verb.end() + 60]
        return ", ".join(dict.fromkeys(n.actor.name for n in names)) or s.text[verb.end():verb.end() + 40].split(",")[0].strip() or None
    start = 0
    for sep in re.finditer(r"[，,；;。]", s.text[:verb.start()]):
        start = sep.end()
    names = [a for a in s.actors if a.actor and start <= a.start < verb.start()]
    if names:
        parts = list(dict.fromkeys(a.actor.name if not a.generic else a.text for a in names))
        return " citing ".join(parts) if "援引" in s.text[start:verb.start()] or " citing " in s.text[start:verb.start()] \
            else ", ".join(parts)
    span = s.text[start:verb.start()].strip()
    return span if 0 < len(span) <= 30 else None

