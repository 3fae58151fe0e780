"""Events from an analysed Document: triggers, frames, checks, and merging repeated mentions."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from sitroom.actors.lexicon import Actor, ActorLexicon, actor_lexicon
from sitroom.actors.recognize import ActorMention
from sitroom.events import frames
from sitroom.events.context import Discourse
from sitroom.events.dedup import merge_repeats
from sitroom.events.lexicon import Trigger, cues, triggers
from sitroom.events.model import Event, Mention
from sitroom.events.sites import site_class, site_of, sites_listed
from sitroom.places.gazetteer import Gazetteer, en_key, gazetteer
from sitroom.places.model import Place, PlaceMention
from sitroom.text.document import Document, Sentence

STRICT_TYPES = frozenset({"territory_captured", "troop_deployment", "air_strike", "displacement"})
CAPTURE_TYPES = frozenset({"territory_captured", "territory_surrendered"})
# the subject of a condition right before the verb: "if Gbagbo refused", "unless the rebels withdraw"
_EN_CONDITION = re.compile(r"\b(?:if|unless)\s+(?:[\w'’.-]+\s+){1,5}$", re.I)
_FACILITY = {"zh": re.compile(r"司令部|总部|基地|军营|兵营|营地|机场|据点|要塞|议会|政府大楼|大楼|机构|工厂|焦化厂|电站|港口|口岸|城堡|"
                             r"古堡|监狱|警察局|桥梁|大桥|高地|山头|阵地|钢铁厂|厂区|医院|地下室|避难所|掩体|防空洞"),
             "en": re.compile(r"\b(?:base|headquarters|barracks|garrison|airport|airbase|camp|command|compound|parliament|"
                              r"building|buildings|plant|factory|castle|citadel|fortress|prison|police\s+station|bridge|"
                              r"hill|hilltop|heights|port|checkpoint|palace)\b", re.I)}
ARMED_ACTS = frozenset({"territory_captured", "air_strike", "armed_clash", "attack"})
VICTIMS = "the side of the dead or wounded"
REQUESTABLE = frozenset({"troop_deployment", "withdrawal", "evacuation", "territory_captured", "air_strike"})  # not residents told to leave
ENTRY = "territory_captured/troop_deployment"  # forces entered X: a capture of a town, a deployment into a territory
_ZERO_SUBJECT_ACTS = frozenset({"territory_captured", "attack", "air_strike", ENTRY})
_ZH_NO_SUBJECT = re.compile(r"(?:[\d一二三四五六七八九十]+日|当天|当晚|次日|翌日|随即|随后|接着|其后|此后|再|又|已|并|也|还|先后|相继|一举|"
                            r"凌晨|上午|下午|晚间|晚上|清晨|早上|中午|深夜|午夜|\s)*")  # only times and adverbs: no subject


def extract_events(doc: Document) -> list[Event]:
    """All events of an analysed document, repeated mentions of one event merged."""
    lex, gaz = actor_lexicon(), gazetteer()
    cue = cues(doc.language)
    discourse = Discourse(main_country=max(doc.context_countries, key=doc.context_countries.get)
                          if doc.context_countries else None)
    events: list[Event] = []
    for s in doc.sentences:
        if s.analysed:
            extra_places = frames.role_places(s, cue, discourse, gaz)
            claimed = [False] * (len(s.text) + 1)
            for trig in triggers(doc.language):
                for match in trig.pattern.finditer(s.text):
                    if match.end() <= match.start() or any(claimed[match.start():match.end()]):
                        continue
                    found = _frame(doc, s, trig, match, extra_places, discourse, lex, gaz, cue)
                    if found:
                        for k in range(match.start(), match.end()):
                            claimed[k] = True
                        events.extend(found)
        _remember(s, discourse, cue, doc.language)
    events.sort(key=lambda e: e.evidence.start)
    _casualties_follow_their_cause(events, lex)
    _casualties_take_the_other_side(events, lex, doc, discourse)
    headings = frozenset(i for i, s in enumerate(doc.sentences) if s.kind in ("title", "heading"))
    return merge_repeats(events, headings)


def _state_country(actor: Actor | None, lex: ActorLexicon) -> str | None:
    """The ISO code of the state a state, state force or government acts for (None for other actors)."""
    if actor is None or actor.type not in ("state", "state_force", "government"):
        return None
    return lex.country_of(actor)


def _side(name: str, lex: ActorLexicon, known: dict[str, Actor] | None = None) -> str:
    """Which side of a war an actor is on, coarsely: its state for state forces and governments, else itself."""
    actor = (known or {}).get(name) or lex.by_name.get(name)
    if actor is None:
        return name
    actor = lex.top(actor)
    country = _state_country(actor, lex)
    return f"state:{country}" if country else actor.name


def _opponent(events: list[Event], victims: str, lex: ActorLexicon, doc: Document, discourse: Discourse) -> str | None:
    """The side the report shows fighting the victims' side: the other party of its captures, strikes,
    attacks and clashes, else the armed group the report is about, else the side most often attacked
    (French soldiers killed in a report of Islamists driven from Gao: the Islamists)."""
    known = discourse.actors
    sides: dict[str, str] = {}

    def side(name: str) -> str:
        if name not in sides:
            sides[name] = _side(name, lex, known)
        return sides[name]

    own = side(victims)
    victim_actor = known.get(victims) or lex.by_name.get(victims)
    people_of = victim_actor.country if victim_actor is not None and victim_actor.type == "state" else None

    def fights(name: str) -> bool:
        actor = known.get(name) or lex.by_name.get(name)
        # 512 Palestinians killed: a people's own armed groups (Hamas) are not who killed them
        return actor is not None and (actor.armed or actor.type == "state") \
            and not (people_of and actor.type == "nsag" and actor.country == people_of)

    acts = [ev for ev in events if ev.event_type in ARMED_ACTS]
    pairs: Counter[str] = Counter()
    for ev in acts:
        if ev.actor1 and ev.actor2 and fights(ev.actor1) and fights(ev.actor2) and side(ev.actor1) != side(ev.actor2):
            if side(ev.actor1) == own:
                pairs[ev.actor2] += 1
            elif side(ev.actor2) == own:
                pairs[ev.actor1] += 1
    if pairs:
        return pairs.most_common(1)[0][0]
    group = doc.main_armed_group
    if group is not None and fights(group.name) and side(group.name) != own:
        return group.name
    allies = {name for pair in discourse.allies if victims in pair for name in pair}
    for names in ([ev.actor1 for ev in acts], [ev.actor2 for ev in acts]):  # the side that acts most, else the one acted on
        ranked = Counter(n for n in names if n and n not in allies and fights(n) and side(n) != own).most_common(2)
        if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0]
    return None


def _casualties_take_the_other_side(events: list[Event], lex: ActorLexicon, doc: Document,
                                    discourse: Discourse) -> None:
    """"30 Turkish soldiers have been killed": the dead are Turkey's, so who killed them is the side the
    report shows Turkey fighting (the perpetrator is actor1, as in ACLED); null when the report shows none."""
    for ev in events:
        if ev.event_type == "casualties" and ev.actor1 is None and ev.reasons.get("actor2") == VICTIMS and ev.actor2:
            other = _opponent(events, ev.actor2, lex, doc, discourse)
            if other is not None:
                ev.actor1 = other
                ev.actor1_country = _state_country(discourse.actors.get(other) or lex.by_name.get(other), lex)
                ev.reasons["actor1"] = f"the side this report shows fighting {ev.actor2}"


def _casualties_follow_their_cause(events: list[Event], lex: ActorLexicon) -> None:
    """"Air strikes by the coalition killed 14": deaths with no one named take the actor of the strike
    or attack just before them in the same sentence."""
    causes: dict[int, list[Event]] = {}
    for ev in events:
        if ev.event_type in ("air_strike", "attack", "armed_clash") and ev.actor1:
            causes.setdefault(ev.evidence.sentence, []).append(ev)
    for ev in events:
        if ev.event_type == "casualties" and ev.evidence.sentence in causes:
            # the strike before the deaths, else the one after them ("12 were killed when a missile hit")
            here = sorted(causes[ev.evidence.sentence], key=lambda c: (c.evidence.at > ev.evidence.at,
                                                                          abs(c.evidence.at - ev.evidence.at)))
            cause = here[0]
            victims = ev.actor2 if ev.reasons.get("actor2") == VICTIMS else None
            if ev.actor1 is None and not (victims and _side(victims, lex) == _side(cause.actor1, lex)):
                ev.actor1, ev.actor1_country = cause.actor1, cause.actor1_country
                ev.reasons["actor1"] = f"the actor of the {cause.event_type.replace('_', ' ')} that caused them"
            if "in the clause" not in ev.reasons.get("location", "") and "after the trigger" not in ev.reasons.get("location", "") \
                    and cause.place is not None:
                ev.place = cause.place  # 发动空袭，造成30人死亡: the dead are where the strike was
                ev.reasons["location"] = f"where the {cause.event_type.replace('_', ' ')} that caused them happened"


def _remember(s: Sentence, discourse: Discourse, cue: dict, lang: str) -> None:
    """Carry the sentence's places and times forward; its topic (first) place of each kind is what
    a later 该市 / the city refers to. The last state force named is who flies air strikes no one claims.
    A place where a statement was only made (In Washington, officials said) is not carried."""
    forces = [a.actor for a in s.actors if a.actor is not None and a.actor.type in ("state_force", "state") and not a.object]
    if forces:
        discourse.last_air_power = (s.index, forces[-1])
    armed = [a.actor for a in s.actors if a.actor is not None and a.actor.armed and not a.object]
    if armed:
        discourse.last_subject = (s.index, armed[0])
    seen_kinds: set[str] = set()
    for p in s.places:
        if p.place is not None and p.role != "anaphor" and p.place.kind not in seen_kinds \
                and not frames.names_a_battle(s, p, cue) \
                and not frames.speech_venue(s, p, cue):
            seen_kinds.add(p.place.kind)
            discourse.see_place(p.place)
            if p.place.kind == "city":
                discourse.last_city, discourse.last_city_sentence = p.place, s.index
    for t in s.times:
        if t.date_start is not None and not _background_time(s, t) and not frames.attributive_time(s, t, lang):
            discourse.see_time(t, s.paragraph, s.index)


def _background_time(s: Sentence, t) -> bool:
    """A time that only starts a period (since the attack began last Tuesday, 自6日以来): background, not
    the day later anaphors (hours earlier, 当天) refer to."""
    if re.search(r"\bsince\b[^,;.]{0,40}$", s.text[max(0, t.start - 45):t.start], re.I):
        # "since Monday, when his guards fired on protesters": the day is told, later anaphors refer to it
        return not re.match(r"\s*,\s*when\b", s.text[t.end:t.end + 12])
    return re.match(r"[^，。；]{0,8}?以来", s.text[t.end:t.end + 10]) is not None


def _frame(doc: Document, s: Sentence, trig: Trigger, match: re.Match, extra_places: list, discourse: Discourse,
           lex: ActorLexicon, gaz: Gazetteer, cue: dict) -> list[Event]:
    lang = doc.language
    w = frames.clause_window(s, match.start(), match.end(), lang)
    if lang == "zh":
        # 未作抵抗撤离: a negated manner before the verb does not negate the verb
        local_before = cue["manner_negation"].sub("", s.text[max(w.start, w.trig_start - 12):w.trig_start])[-4:]
    else:
        local_before = s.text[max(0, w.trig_start - 25):w.trig_start]
    if cue["negation"].search(local_before):
        return []
    if trig.type == "meeting" and cue["called_off"].search(s.text[max(w.start if lang == "zh" else 0, w.trig_start - 40):w.trig_start]):
        return []  # 暂停与民族解放军的和谈, suspended talks with: no meeting
    if trig.type == "agreement" and cue["broken"].search(s.text[max(0, w.trig_start - (12 if lang == "zh" else 30)):w.trig_start]):
        return []  # 违反停火协议, violated the truce: not a new agreement
    if trig.agent == "context":
        # X失守 / X fell: the place is the subject; the captor is not written in the clause
        agent, agent_reason = None, "the place is the subject; no captor written"
    else:
        agent, agent_reason = frames.pick_agent(s, w, trig, match, lang, cue,
                                                armed_only=trig.type in ARMED_ACTS or "armed" in trig.needs)
    event_type = trig.type
    entry = event_type == ENTRY
    if entry and lang == "en" and re.search(r"\b(?:been|being|were|was)\s+$", s.text[max(0, w.trig_start - 20):w.trig_start]):
        # 4,500 Britons and other foreigners had been moved into the bases: people moved by others, not troops
        if not cue["personnel"].search(_before(s, w, lang, 0, 80)):
            return []
        entry, event_type = False, "evacuation"
        trig = replace(trig, needs=trig.needs - {"armed"})
    if entry:
        event_type = "territory_captured"  # until the place entered is known: a town is taken, a territory entered
    elif "/" in event_type:
        event_type = _who_moves(s, w, agent, cue, lang)
        if event_type is None:
            return []
    residents_ordered = False
    if event_type in ("evacuation", "withdrawal") and _residents_leave(s, w, cue, lang):
        # residents evacuated are displaced people; an evacuation an authority orders is also an evacuation
        event_type = "displacement"
        residents_ordered = bool(cue["ordered"].search(_before(s, w, lang, 12, 40)))
    strict = event_type in STRICT_TYPES
    hypothetical = cue["hypothetical"].search(s.text[w.start:w.trig_start] if lang == "zh" else s.text[max(0, w.trig_start - 60):w.trig_start])
    if hypothetical and (strict or (lang == "zh" and event_type in ("attack", "armed_clash", "casualties"))):
        return []  # 如果以色列继续攻击: an act only supposed is no event
    if event_type in ("attack", "armed_clash", "air_strike", "casualties") and "halted" in cue \
            and cue["halted"].search(s.text[max(0, w.trig_start - 40):w.trig_start]):
        return []  # halt its offensive, an end to the fighting, avoid civilian casualties: not done
    if lang == "en" and _EN_CONDITION.search(s.text[max(0, w.trig_start - 50):w.trig_start]):
        return []  # "if Gbagbo refused to hand over power": the condition of another clause, not an act
    if event_type in REQUESTABLE and cue["requested"].search(
            s.text[w.start:w.trig_start] if lang == "zh" else s.text[max(0, w.trig_start - 100):w.trig_start]):
        return []  # urged member states to send troops, 呼吁各国派兵: asked for, not done
    actor = agent.actor if agent else None
    if "unarmed" in trig.needs and actor is not None and actor.armed:
        return []  # troops who crossed the river to Kherson are not people fleeing
    if actor is None and lang == "zh" and trig.agent == "before" and event_type in _ZERO_SUBJECT_ACTS \
            and discourse.last_subject is not None and s.index - discourse.last_subject[0] <= 1 \
            and not any(a.actor is not None and a.end <= w.trig_start for a in s.actors) \
            and _ZH_NO_SUBJECT.fullmatch(s.text[w.start:w.trig_start]):
        # 中共军队2日攻入谅山。4日再攻占市区: a Chinese sentence that drops its subject goes on with the last one
        actor, agent_reason = discourse.last_subject[1], "the subject of the sentence before (no subject written)"
    actor2_mention = frames.pick_actor2(s, w, agent, lang, match if trig.agent != "passive" else None,
                                       allies_joined=event_type in ARMED_ACTS and event_type != "armed_clash")
    victims = None
    if event_type == "casualties" and agent is not None and agent.actor is not None \
            and frames.is_victim_side(s, agent, w, lang, cue):
        # 400 IS fighters were killed: IS lost them; who killed them is settled from the whole report
        victims = lex.top(agent.actor)
        actor, agent_reason = None, f"{victims.name} are the dead or wounded, not who caused them"
    if event_type == "casualties" and actor is None and victims is None:
        counted_by = frames.toll_of_own_side(s, w.trig_start)
        if counted_by is not None:
            victims = lex.top(counted_by.actor)  # Gaza health officials said the toll had passed 1,300
            code = lex.country_of(victims)
            country = gaz.country(code) if code and victims.type != "state" else None
            victims = lex.by_name.get(country.name, victims) if country is not None else victims  # the people, not a party
            agent_reason = f"the toll is counted by {victims.name}'s health officials: its own dead"
    # who acts, by type
    if event_type == "evacuation":
        owner = _personnel_owner(s, w, lang, lex)
        if owner is not None:
            actor, agent_reason = owner, "the state whose personnel leave"
    if event_type == "territory_captured" and trig.agent in ("context", "before_or_context", "passive") \
            and (actor is None or not actor.armed):
        actor = discourse.last_captor or doc.main_armed_group
        agent_reason = "captor from context (the armed group of the preceding reports)"
    if event_type == "territory_captured" and actor is None and lang == "en":
        # Russia's capture of Avdiivka: the country named as the possessor of the capture took it
        owner = [p for p in s.places if p.place is not None and p.place.kind == "country"
                 and re.fullmatch(r"['’]s\s+", s.text[p.end:w.trig_start])
                 and re.match(r"(?:capture|seizure|takeover|recapture|liberation)\b", s.text[w.trig_start:w.trig_end], re.I)]
        state = lex.by_name.get(owner[-1].place.name) if owner else None
        if state is not None:
            actor, agent_reason = state, "the country whose capture it is (X's capture of)"
    if event_type == "territory_captured":
        if (actor is None or not (actor.armed or actor.type == "state")) and "armed" in trig.needs:
            return []
    if actor is None and event_type in ("armed_clash", "attack"):
        actor = discourse.last_captor or doc.main_armed_group
        if actor is not None:
            agent_reason = "the armed actor of the preceding reports"
    if actor is None and event_type == "air_strike" and discourse.last_air_power is not None \
            and s.index - discourse.last_air_power[0] <= 3:
        actor, agent_reason = discourse.last_air_power[1], "the state force named just before (no one written)"
    if "armed" in trig.needs and event_type != "territory_captured" and (actor is None or not actor.armed):
        return []
    if event_type == "troop_deployment" and not _force_mentioned(s, w, actor, cue, lang):
        return []
    if event_type == "troop_deployment" and actor is None:
        # planes landed …, carrying some 2,000 Russian troops: the force carried is who is deployed
        carried = [a for a in s.actors if a.actor is not None and a.actor.type == "state_force"
                   and w.trig_end <= a.start <= w.trig_end + (40 if lang == "zh" else 140)]
        if carried:
            actor, agent_reason = carried[0].actor, "the force named after the verb (no one sends it in the clause)"
    if "pair" in trig.needs and not (actor and actor.type == "person" and actor2_mention and actor2_mention.actor
                                     and actor2_mention.actor.type == "person"):
        return []
    if event_type == "agreement" and actor is None and lang == "en":
        actor = _broker(s, w, lex)
        if actor is not None:
            agent_reason = "the state or body that brokered the truce (X-brokered), no party named"
    # where
    places = frames.usable_places(s, agent, cue) + [p for p in extra_places]
    own = lex.country_of(actor) if actor is not None else None
    if own and own != discourse.main_country and event_type in ("air_strike", "attack", "troop_deployment", "armed_clash"):
        # a foreign force acts abroad: its own country named in the sentence is not where it struck
        places = [p for p in places if not (p.place and p.place.country_code == own
                                            and (p.place.kind == "country" or event_type == "troop_deployment"))]
    if event_type == "meeting":
        # 就叙利亚局势举行会议, an emergency meeting on Ukraine: the topic is not where they meet
        places = [p for p in places if not cue["topic"].search(s.text[max(0, p.start - 12):p.start])]
        # canceled a visit to Turkey and called an emergency session: a trip not made is not where they met
        places = [p for p in places if not cue["cancelled_trip"].search(s.text[max(0, p.start - 50):p.start])]
        if actor is not None and lex.seat(actor) is not None:
            # the Security Council voted on Kuwait, 应伊朗请求召开会议: a body with a seat meets there unless told otherwise
            places = [p for p in places if p.place is not None and p.place.kind != "country"
                      and cue["venue"].search(s.text[max(0, p.start - 12):p.start])]
    places.sort(key=lambda p: p.start)
    chosen, place_reason = frames.pick_places(s, w, trig, places, lang, event_type)
    if lang == "zh" and event_type in CAPTURE_TYPES:
        # 攻占的第三个达尔富尔地区州府驻军基地: a place counted with an ordinal sums up captures told elsewhere
        chosen = [pm for pm in chosen if not re.search(r"第[一二三四五六七八九十\d]+(?:个|座|处)$", s.text[max(0, pm.start - 6):pm.start])]
    if event_type == "displacement" and lang == "zh" and chosen and not any(w.start <= pm.start < w.end for pm in chosen):
        people = _people_of_a_country(s, w, lang, gaz, within_clause=True)
        if people is None and re.search(r"在国内|在境内|在本国", s.text[w.start:w.end]):
            people = _people_of_a_country(s, w, lang, gaz)  # 另有23万人在国内流离失所: the country of the people named
        if people is not None:
            # 法国出兵以来，已有约15万马里人沦为难民: the people's country, not a place of another clause
            chosen, place_reason = [], "no place in the clause; the country of the people who fled"
    if entry and not chosen:
        if not re.match(rf"\s*(?:the\s+)?(?:{cue['territory'].pattern})", s.text[w.trig_end:w.trig_end + 20], re.I):
            return []  # entered city hall, 挺进的步伐: nothing taken, nowhere named
        event_type, place_reason = "troop_deployment", "troops entered a territory it does not name again"
    elif entry and any(_territory_entered(s, pm, cue) for pm in chosen):
        event_type = "troop_deployment"  # troops entering a region, a strip or a country are deployed there
    quantity = frames.pick_quantity(event_type, s, w, lang)
    explicit_place = bool(chosen)
    if not explicit_place and "place" in trig.needs and event_type not in CAPTURE_TYPES:
        return []  # 继续向北推进: an advance with no town named is no attack on anything
    if not chosen:
        chosen = [None]
    implicit_site = None
    if event_type in CAPTURE_TYPES and not explicit_place and quantity is None:
        implicit_site = site_of(s, w, None, lang)
        facility = _FACILITY[lang].search(s.text[w.trig_end:min(w.end, w.trig_end + 30) if lang == "zh" else w.trig_end + 60])
        if facility and re.search(r"这一|这个|这座|该|\bthis\b|\bthe\s+same\b", s.text[w.trig_end:w.trig_end + facility.start()], re.I):
            return []  # 控制了这一军事基地: the base already reported, not a new capture
        ordinal = re.search(r"第[一二三四五六七八九十\d]+个", s.text[w.start:w.trig_end + 30]) if lang == "zh" else None
        here = [p for p in places if p.place is not None and p.place.kind == "city" and p.end <= w.trig_start
                and not re.search(r"(?:\bfrom\s+|从|自)$", s.text[max(0, p.start - 6):p.start])]  # sent from Kiev
        if facility and not ordinal and here:
            # 进入提克里特，…占领了省政府大楼: the building is in the town named before it in the sentence
            chosen, explicit_place = [PlaceMention(-1, -1, facility.group(0), [here[-1].place])], True
            place_reason = "a base or building taken: the town named before it in the sentence"
        elif facility and not ordinal and discourse.recent_city(s.index) is not None:
            # took over the base / 攻占了司令部: the base is in the town the report is about
            chosen, explicit_place = [PlaceMention(-1, -1, facility.group(0), [discourse.last_city])], True
            place_reason = "a base or building taken: the town named just before"
        elif not (event_type == "territory_surrendered" and discourse.recent_city(s.index) is not None):
            return []
    if event_type == "displacement" and quantity is None and not any(
            pm is not None and w.start <= pm.start < w.end for pm in chosen):
        return []  # people fleeing, with neither a count nor a place named in the clause
    if event_type == "displacement" and agent is not None and agent.actor is not None and agent.actor.type == "person" \
            and agent.end <= w.trig_start and w.trig_start - agent.end <= 6:
        return []  # 总统博齐泽逃往喀麦隆: one person's flight is no displacement
    if event_type == "displacement" and _a_leader_flees(s, w, cue, lang):
        return []
    if event_type == "displacement" and actor is not None and not actor.armed:
        actor, agent_reason = None, "people flee: the organisation that counts them is the source, not the actor"
    if event_type == "displacement" and actor is not None and agent is not None and agent.end <= w.trig_start:
        people = list(cue["civilians"].finditer(s.text, agent.end, w.trig_start))
        if people and len(s.text[people[-1].end():w.trig_start].split()) <= 3 \
                and not re.search(r"\bby\b|被|遭", s.text[people[-1].end():w.trig_start]):
            # the army withdrew …, and thousands of residents fled: the residents are the subject, no one drove them
            actor, agent_reason = None, "the people who flee are the subject; no one is written as driving them out"
    when, time_reason = frames.pick_time(doc, s, w, discourse)
    sure, sure_reason = frames.certainty(s, w, cue, lang, agent, lex, when, event_type, doc.reference_date)
    if event_type in ("displacement", "territory_captured") and sure == "planned":
        return []  # a place to be taken or people expected to flee: not an event yet
    said_by = frames.attribution(s, cue, lang, w.trig_start)
    out = []
    respective = frames.respective_times(s, w, len(chosen), lang) if explicit_place else None
    for k, pm in enumerate(chosen):
        if respective:
            when, time_reason = respective[k], "the time written for this place (respectively)"
        place = pm.place if pm is not None else None
        if place is None:
            place, place_reason = _fallback_place(doc, event_type, s, w, lang, gaz, actor, discourse, quantity,
                                                 actor2_mention.actor if actor2_mention is not None else None)
        if event_type in CAPTURE_TYPES and place is not None and place.kind == "country" and quantity is None:
            continue
        if event_type == "territory_captured" and quantity is not None and place is not None and place.kind != "country":
            # a count of towns taken is about the country, not one of them
            place, place_reason = gaz.country(place.country_code), "a count of places taken: the country"
        if place is not None and event_type == "evacuation" and place.kind == "country" and _embassy(s):
            capital = gaz.capital_city(place.country_code)
            if capital is not None:
                place, place_reason = capital, "embassy staff: the capital of the country"
        site = None
        if event_type in CAPTURE_TYPES and place is not None and place.kind != "country":
            site = implicit_site if pm is None or pm.start < 0 else site_of(s, w, pm, lang)
        top = lex.top(actor) if actor is not None else None
        if event_type == "territory_captured" and top is not None and top.type == "state":
            # Ukraine retook Kherson: a state takes ground through its forces; the control table names them
            # alike whoever reports it
            top = lex.forces_of(top) or top
        if event_type == "territory_captured" and top is not None and top.armed:
            discourse.last_captor = top
        ev_start, ev_end = s.span(w.start, w.end) if lang == "zh" else (s.start, s.end)
        if lang == "en" and ev_end - ev_start > 400:
            ev_start, ev_end = s.span(max(0, w.trig_start - 150), min(len(s.text), w.trig_end + 150))
        evidence = Mention(ev_start, ev_end, doc.text[ev_start:ev_end], s.text[match.start():match.end()], s.index,
                           match.start())
        actor2, a2 = None, None
        if actor2_mention is not None and actor2_mention.actor is not None:
            a2 = lex.top(actor2_mention.actor)
            actor2 = a2.name if top is None or (a2.name != top.name and not _own_forces(top, a2, lex)) else None
        if victims is not None:
            actor2 = victims.name
        for known in (top, victims, a2):
            if known is not None:
                discourse.actors.setdefault(known.name, known)
        if top is not None and event_type in ARMED_ACTS:
            for ally in frames.joined_forces(s, agent, lang):
                discourse.allies.add(frozenset((top.name, lex.top(ally.actor).name)))
        ev = Event(
            doc_id=doc.doc_id, event_type=event_type, evidence=evidence,
            actor1=top.name if top else None, actor2=actor2,
            actor1_country=_state_country(top, lex),
            actor1_detail=actor.name if actor is not None and top is not None and actor.name != top.name else None,
            place=place, place_text=pm.text if pm is not None else None, site=site,
            date_start=when.date_start if when else None, date_end=when.date_end if when else None,
            date_precision=when.precision if when else None, date_reason=time_reason,
            quantity=None if quantity is None or quantity.value != quantity.value else quantity.value,
            quantity_unit=frames.unit_for(event_type, quantity) if quantity is not None else None,
            quantity_flags=tuple(f for f, on in (("approximate", quantity and quantity.approximate),
                                                 ("lower_bound", quantity and quantity.lower_bound)) if on),
            certainty=sure, attribution=said_by, subtype=_casualty_kind(event_type, s.text[match.start():match.end()]),
            reasons={"actor1": agent_reason, "location": place_reason, "date": time_reason, "certainty": sure_reason},
        )
        if victims is not None:
            ev.reasons["actor2"] = VICTIMS
        out.append(ev)
        if site is not None and len(chosen) == 1:
            # 控制K1军事基地、基尔库克军用机场和巴巴古尔古尔油田: each site of the list is taken
            seen = {site_class(site)}
            for other in sites_listed(s, w, lang):
                if site_class(other) not in seen:
                    seen.add(site_class(other))
                    out.append(replace(ev, site=other, mentions=[], reasons=dict(ev.reasons)))
        if event_type == "air_strike" and "artillery" in cue and cue["artillery"].search(
                s.text[w.start:w.trig_end] if lang == "zh" else s.text[max(0, w.trig_start - 60):w.trig_start]) \
                and not any(m.end() <= match.start() or m.start() >= match.end()  # shelled … and bombed: said already
                            for t in triggers(lang) if t.type == "attack" for m in t.pattern.finditer(s.text)):
            # 遭到重炮和战机的猛烈轰击, pounded by artillery and warplanes: the shelling is an attack of its own,
            # by the army the air force belongs to (以军炮兵和战机: the Israel Defense Forces)
            army = lex.by_name.get(top.affiliation or "") if top is not None and top.type == "state_force" else None
            gunner = army.name if army is not None and army.type == "state_force" else ev.actor1
            out.append(replace(ev, event_type="attack", actor1=gunner, mentions=[], quantity=None, quantity_unit=None,
                               quantity_flags=(),
                               reasons={**ev.reasons, "event_type": "artillery named with the aircraft: shelling too"}))
        if residents_ordered:
            out.append(replace(ev, event_type="evacuation", mentions=[], quantity_unit=None,
                               reasons={**ev.reasons, "event_type": "an evacuation of residents ordered by an authority"}))
        if event_type == "territory_surrendered" and sure != "planned" and actor2_mention is not None \
                and actor2_mention.actor is not None:
            taker = lex.top(actor2_mention.actor)
            if taker.armed and place is not None and place.kind != "country" and explicit_place:
                captured = replace(ev, event_type="territory_captured", actor1=taker.name, actor2=ev.actor1,
                                   actor1_country=None, actor1_detail=None, mentions=[],
                                   reasons={**ev.reasons, "event_type": "surrendered to an armed actor: it now holds the place",
                                            "actor1": "the side the place was surrendered to"})
                out.append(captured)
    return out


_WOUNDED = re.compile(r"wound|injur|伤(?!亡)", re.I)
_KILLED = re.compile(r"kill|dead|died|death|fatalit|lives|死|杀|毙|丧|遇难|阵亡", re.I)


def _territory_entered(s: Sentence, pm: PlaceMention, cue: dict) -> bool:
    """Whether a place entered is a territory (a country, a region, a strip) rather than a town:
    its reading is a country or a first-level division, or a territory noun follows (加沙地带, the Kursk
    region) or precedes it (the enclave of Afrin)."""
    if pm.place is not None and pm.place.kind in ("country", "admin1"):
        return True
    if cue["territory"].match(s.text[pm.end:pm.end + 12].lstrip()):
        return True
    return bool(re.search(rf"(?:{cue['territory'].pattern})\s+of\s+$", s.text[max(0, pm.start - 25):pm.start], re.I))


def _casualty_kind(event_type: str, trigger: str) -> str | None:
    """Casualties are counted as killed or wounded (two events when a report gives both); None when
    the word covers both (伤亡, casualties)."""
    if event_type != "casualties":
        return None
    if _WOUNDED.search(trigger):
        return "wounded"
    return "killed" if _KILLED.search(trigger) else None


def _who_moves(s: Sentence, w: frames.Window, agent: ActorMention | None, cue: dict, lang: str) -> str | None:
    """Forces withdraw; staff, diplomats and citizens are evacuated; civilians who flee are displaced."""
    if lang == "zh":
        near = s.text[w.start:w.end]
    else:
        near = s.text[max(0, w.trig_start - 60):min(len(s.text), w.trig_end + 40)]
    actor = agent.actor if agent else None
    flee = lang == "en" and re.match(r"fled|flee|(?:were|are|was|is)\s+leaving", s.text[w.trig_start:w.trig_end], re.I)
    if flee:
        subject = list(cue["civilians"].finditer(s.text, max(0, w.trig_start - 40), w.trig_start))
        if subject and len(s.text[subject[-1].end():w.trig_start].split()) <= 3:
            return "displacement"  # more than 11,000 people have fled: the people right before the verb flee
        if re.search(r"\b(?:thousands|hundreds|tens\s+of\s+thousands|hundreds\s+of\s+thousands|millions)(?:\s+more)?\s+(?:have\s+|had\s+)?$",
                     s.text[max(0, w.trig_start - 40):w.trig_start], re.I):
            return "displacement"  # and thousands more were leaving Tikrit: a crowd counted, not a force
        if _counted_nationals(s.text[max(0, w.trig_start - 60):w.trig_start]):
            return "displacement"  # more than 5,000 Greek Cypriots had fled: a people counted, not a force
    if cue["personnel"].search(near):
        return "evacuation"
    if lang == "zh" and (agent is None or agent.end <= w.start) and not cue["force"].search(near) \
            and cue["personnel"].search(s.text[:w.start]):
        return "evacuation"  # 侨民撤往日本，至昨日已撤出约二千人: a clause without a subject goes on with the people before
    if flee and cue["civilians"].search(near) and not cue["force"].search(s.text[max(0, w.trig_start - 30):w.trig_start]):
        return "displacement"  # civilians who flee are displaced, whoever drove them out
    if actor is not None and (actor.armed or actor.type in ("igo", "state", "government")):
        return "withdrawal"
    if cue["force"].search(near):
        return "withdrawal"
    return None


_COUNTED_PEOPLE = re.compile(r"(?:\b\d[\d,.]*(?:\s+(?:million|thousand))?|\b(?:thousands|hundreds|dozens)\s+of)\s+"
                             r"(?:[A-Z][a-z]+\s+)?(?P<people>[A-Z][a-z]+)\s+(?:have\s+|had\s+|has\s+)?$")


def _counted_nationals(before: str) -> bool:
    """``more than 5,000 Greek Cypriots had``, ``thousands of Liberians have``: a counted people (a demonym)."""
    m = _COUNTED_PEOPLE.search(before)
    return m is not None and gazetteer().demonyms.get(en_key(m.group("people"))) is not None


def _before(s: Sentence, w: frames.Window, lang: str, zh_chars: int, en_chars: int) -> str:
    """The text of the clause just before the trigger."""
    return s.text[max(w.start, w.trig_start - zh_chars):w.trig_start] if lang == "zh" \
        else s.text[max(0, w.trig_start - en_chars):w.trig_start]


def _a_leader_flees(s: Sentence, w: frames.Window, cue: dict, lang: str) -> bool:
    """总统博齐泽逃往…, President Ghani fled the country: a titled person flees, not a population."""
    if lang == "zh":
        return bool(re.search(rf"(?:{cue['title'].pattern})[\u4e00-\u9fff·]{{0,8}}$", _before(s, w, lang, 12, 0)))
    return bool(re.search(r"\b(?:President|Prime\s+Minister|King|Emir|leader|Gen\.|General)\s+(?:[A-Z][\w'-]+\s+){1,3}"
                          r"(?:has\s+|had\s+|have\s+)?$", _before(s, w, lang, 0, 60)))


def _residents_leave(s: Sentence, w: frames.Window, cue: dict, lang: str) -> bool:
    """Whether the ones evacuated are residents (居民撤离, 撤离…2万名居民, the evacuation of residents,
    121,000 people had been evacuated) rather than staff or forces."""
    if not cue["evacuate"].search(s.text[w.trig_start:w.trig_end]):
        return False
    if cue["hosting"].search(_before(s, w, lang, 6, 20)):
        return False  # 安置大量撤离民众, sheltering evacuees: the people are hosted, not leaving here
    if _FACILITY[lang].search(_before(s, w, lang, 24, 80)):
        return False  # 躲藏在钢铁厂内的平民已撤离: people evacuated from a plant or shelter are evacuated
    if lang == "zh":
        before, after = _before(s, w, lang, 16, 0), s.text[w.trig_end:min(w.end, w.trig_end + 16)]
        last = list(cue["residents"].finditer(before))
        subject = bool(last) and not cue["force"].search(before[last[-1].end():]) \
            and not cue["personnel_strict"].search(before[last[-1].start():])
        return subject or bool(cue["residents"].match(re.sub(r"^[^，。；]{0,10}?(?=约|近|逾|\d|[一二三四五六七八九十百千万]+名|居民|平民)", "", after))
                               and not cue["personnel_strict"].search(after))
    before, after = _before(s, w, lang, 0, 45), s.text[w.trig_end:w.trig_end + 30]
    return bool(re.match(r"\s+of\s+(?:\S+\s+){0,3}?" + f"(?:{cue['residents'].pattern})", after, re.I)
                or re.search(f"(?:{cue['residents'].pattern})" + r"\s+(?:\S+\s+){0,3}?(?:were|had\s+been|have\s+been|being|been|was)\s+$",
                             before, re.I))


def _force_mentioned(s: Sentence, w: frames.Window, actor: Actor | None, cue: dict, lang: str) -> bool:
    """Troops are what is sent: the actor is a force, or a force noun is the trigger's object (or subject)."""
    if actor is not None and actor.type == "state_force":
        return True
    if lang == "zh":
        return bool(cue["force"].search(s.text[w.start:w.end]))
    after = " ".join(s.text[w.trig_end:].split()[:6])
    if re.match(r"(?:\S+\s+){0,2}?(?:buses|trucks|lorries|vehicles|ambulances|boats|ferries)\b", after):
        return False  # deployed buses to transport troops who had fled: the vehicles are sent, not a force
    carrying = re.search(r"\b(?:carrying|bringing|ferrying)\s+((?:\S+\s+){0,4}\S+)", " ".join(s.text[w.trig_end:].split()[:16]))
    if carrying:
        after += " " + carrying.group(1)  # landed at the air base …, carrying some 2,000 troops
    before = " ".join(s.text[:w.trig_start].split()[-6:])
    inside = s.text[w.trig_start:w.trig_end]  # ordered troops into the region; bolster its force
    return bool(cue["force"].search(after) or cue["force"].search(before) or cue["force"].search(inside)
                or re.search(r"\b(?:force|contingent|garrison|presence)\b", inside))


_PEOPLE_OF = {"zh": re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:难民|人)"), "en": re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)s\b")}


_EN_BROKERED = re.compile(r"(?<![\w.])([A-Z][\w.]*)-(?:brokered|mediated|sponsored|negotiated)\s+(?:\S+\s+){0,2}$")


def _broker(s: Sentence, w: frames.Window, lex: ActorLexicon) -> Actor | None:
    """The broker of a truce written as "a U.S.-brokered cease-fire", "an Egyptian-mediated truce"."""
    m = _EN_BROKERED.search(s.text, max(0, w.trig_start - 50), w.trig_start)
    if m is None:
        return None
    name = m.group(1)
    return lex.en.get(en_key(name)) or lex.en_exact.get(name.replace(".", "")) or frames.state_of_adjective(name)


def _people_of_a_country(s: Sentence, w: frames.Window, lang: str, gaz: Gazetteer,
                         within_clause: bool = False) -> Place | None:
    """The country whose people the sentence counts (15万马里人沦为难民, thousands of Malians fled), nearest the verb."""
    found = []
    lo, hi = (w.start, w.end) if within_clause else (0, len(s.text))
    for m in _PEOPLE_OF[lang].finditer(s.text, lo, hi):
        name = m.group(1)
        if lang == "zh":
            hits = [p for k in range(len(name) - 1) for p in gaz.lookup_zh(name[k:])[:1] if p.kind == "country"]
            code = hits[0].country_code if hits else None
        else:
            code = gaz.demonyms.get(en_key(name))
        if code and gaz.country(code) is not None:
            found.append((abs(m.start() - w.trig_start), code))
    return gaz.country(min(found)[1]) if found else None


def _embassy(s: Sentence) -> bool:
    """Whether the sentence speaks of an embassy (its staff are evacuated from the capital)."""
    return bool(re.search(r"使馆|使团|embassy|embassies", s.text, re.I))


def _personnel_owner(s: Sentence, w: frames.Window, lang: str, lex: ActorLexicon) -> Actor | None:
    """``加拿大驻阿使馆人员``: the state before the personnel noun owns them."""
    pattern = r"^(?:驻\S{1,3})?(?:大)?(?:使馆|使团|公民|侨民|人员|外交人员|外交官)" if lang == "zh" else \
        r"^\s*(?:embassy|diplomats|citizens|nationals|staff|personnel)"
    for a in s.actors:
        if a.actor is None or not (w.start <= a.start < w.end or lang == "en"):
            continue
        if a.actor.type in ("state", "igo", "ngo") and re.match(pattern, s.text[a.end:a.end + 12], re.I):
            return a.actor
    return None


def lex_country(actor: Actor | None) -> str | None:
    """The state an actor belongs to, if any."""
    return actor_lexicon().country_of(actor) if actor is not None else None


# 向中东增派, 抵达东地中海, sent to the Gulf: a destination is written, even where no place is read in it
_DEPLOYMENT_GOAL = {"zh": re.compile(r"向(?!其|他|她|该|此|这)|前往|开赴|开往|抵达|到达|驶往|飞往|派往|调往"),
                    "en": re.compile(r"\b(?:to|into|towards?)\s+(?:the\s+)?(?:[A-Z]|(?:region|area|border|front)\b)")}


def _fallback_place(doc: Document, event_type: str, s: Sentence, w: frames.Window, lang: str, gaz: Gazetteer,
                    actor: Actor | None, discourse: Discourse, quantity=None,
                    target_actor: Actor | None = None) -> tuple[Place | None, str]:
    """No place in the sentence: the town of the sentences just before, else the country the report is about.

    A count of captured places (塔利班已攻占省会城市16个) or of displaced people is about the country, never a town.
    """
    big_count = event_type == "displacement" and quantity is not None and quantity.value >= 2_000_000
    if event_type == "meeting" and re.search(r"phone|telephone|video\s+call|电话|通话|視訊|视频", s.text, re.I):
        return None, "a call: no place of meeting"
    if event_type == "meeting":
        lex = actor_lexicon()
        for who in (actor, target_actor):
            seat = lex.seat(who) if who is not None else None
            if seat is not None:
                return seat, "an organisation meeting where the report names no place: its seat"
        if discourse.recent_city(s.index, within=1) is not None:
            return discourse.last_city, "the town named in the sentence just before (no place of meeting written)"
        return None, "no place of meeting written (the country the report is about is not assumed)"
    if event_type == "territory_surrendered" and discourse.recent_city(s.index) is not None:
        # 当天在体育场内，数百名政府军士兵向叛军缴械投诚: soldiers lay down arms in the town just named
        return discourse.last_city, "the town named just before (soldiers surrender where they are)"
    people = _people_of_a_country(s, w, lang, gaz) if event_type == "displacement" else None
    if event_type in CAPTURE_TYPES or big_count:
        if discourse.recent_city(s.index) is not None:
            return gaz.country(discourse.last_city.country_code), "the country of the towns named just before"
    elif event_type == "troop_deployment":
        own = lex_country(actor)
        countries = sorted(doc.context_countries.items(), key=lambda kv: -kv[1])
        if own and countries and countries[0][0] == own and gaz.country(own) is not None:
            goal = _DEPLOYMENT_GOAL[lang].search(s.text[w.start:w.end] if lang == "zh" else s.text[w.trig_end:w.trig_end + 40])
            if goal:
                return None, "a destination written that the gazetteer does not know (向中东, to the Gulf)"
            return gaz.country(own), "the forces of the country the report is about: deployed at home"
        for code, _ in countries:
            if code != own:
                return gaz.country(code), "troops sent abroad: the country the report is about"
        return None, "no destination written"
    elif people is None and discourse.recent_city(s.index) is not None:
        return discourse.last_city, "the town named just before (no place in the sentence)"
    if people is not None:
        # 马里人, Malians: also for a count of millions with no town named just before
        return people, "the country of the people who fled (马里人, Malians; no place in the sentence)"
    countries = sorted(doc.context_countries.items(), key=lambda kv: -kv[1])
    if event_type in ("air_strike", "attack", "armed_clash"):
        target = lex_country(target_actor)
        if target and target != lex_country(actor) and gaz.country(target) is not None:
            return gaz.country(target), "the country of the side that was struck (no place in the sentence)"
        own = lex_country(actor)
        countries = [(c, n) for c, n in countries if c != own] or countries  # strikes abroad land abroad
    if countries:
        place = gaz.country(countries[0][0])
        if place is not None:
            return place, "the country the report is about (no place in the sentence)"
    return None, "no place written"


_STATE_SIDE = ("state", "government", "state_force")


def _own_forces(actor1: Actor, other: Actor, lex: ActorLexicon) -> bool:
    """Whether ``other`` is ``actor1``'s own state or forces (Britain ... would send 600 troops, Russia withdrew
    its troops): the troops that act for actor1 are not a second party to the event. Two forces of one country
    (Peshmerga and the Iraqi army, North and South Vietnamese forces) stay two parties."""
    kinds = {actor1.type, other.type}
    return (kinds <= set(_STATE_SIDE) and kinds != {"state_force"}  # two forces of one country may fight
            and lex.country_of(actor1) is not None and lex.country_of(actor1) == lex.country_of(other))
