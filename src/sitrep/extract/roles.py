"""Who did what to whom: the parties of an event in the roles ACLED codes.

`sentence_roles` splits the actors named in a sentence into agents, patients and speakers from
the parse; `assign_actors` turns a draft's parties into ACLED's actor1, actor2, their inter codes
and the associated actor, by ACLED's conventions for each sub-event type.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from sitrep import yaml_data
from sitrep.extract.actors import COUNTRIES_WITH_THE, ActorDictionary, country_name
from sitrep.extract.cues import Cue
from sitrep.extract.lexicons import pattern, regex, words
from sitrep.model import ActorMention, Event

if TYPE_CHECKING:
    from sitrep.extract.events import Draft

_SPEECH_AFTER = re.compile(
    r"^(?:\s+(?:\w+\s+){0,2}?)?(?:said|says|say|told|reported|announced|stated|added|confirmed|"
    r"claimed|reports|announces|statement|spokesm[ae]n|sources?)\b")
_SPEECH_BEFORE = re.compile(r"\b(?:according to|quoted|quoting|citing|spokesm[ae]n for|sources? (?:in|from|with))(?: the| a)?\s*$")


def sentence_roles(doc, found: list[ActorMention], cue: Cue | None, text: str) -> tuple[list, list, list]:
    """Split actor mentions into agents (who acted), patients (who was acted upon) and
    speakers (sources: "police said")."""
    agents: list[ActorMention] = []
    by_agents: list[ActorMention] = []
    speakers: list[ActorMention] = []
    patients: list[ActorMention] = []
    sides: list[ActorMention] = []  # "between X and Y"
    opponents: list[ActorMention] = []  # "a clash with X"
    involved: list[ActorMention] = []  # "X engaged in clashes with ...": the subject of the fight (INVOLVED_FIRST)
    anti: list[ActorMention] = []  # "an anti-gang operation": a target, after any other (ANTI_TARGET)
    if not found:
        return agents, patients, speakers
    clause = _cue_relative_clause(doc, cue) if OTHERS_ACT else None
    cue_tok = None
    if doc is not None and cue is not None:
        cue_span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        cue_tok = cue_span.root if cue_span is not None and len(cue_span) else None
    for a in found:
        role = ""
        after = text[a.end:a.end + 40].lower()
        before = text[max(0, a.start - 25):a.start].lower()
        if _SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before):
            speakers.append(a)  # "police said", "according to the army": a source, not a party
            continue
        if ANTI_TARGET and _ANTI_BEFORE.search(text[max(0, a.start - 9):a.start]):
            anti.append(a)  # "an anti-gang operation", "counter-Shabaab raids": the group is the target
            continue
        if doc is not None:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            tok = span.root if span is not None and len(span) else None
            hops = 0
            while tok is not None and hops < 6:
                dep = tok.dep_
                if REDUCED_PASSIVE and _reduced_passive(tok, dep):
                    role = "patient"  # "Two militia fighters killed by roadside bomb", "officer shot by gunmen"
                    break
                if ACL_WITH_OBJECT and _acl_with_object(tok):
                    role = "agent"  # "ISWAP militants killed at least 12 soldiers ..., sources said"
                    break
                if hops == 0 and dep in ("compound", "amod", "nmod", "poss") and \
                        tok.head.lower_ in words("operation_nouns"):
                    role = "agent"  # "died in a police raid", "killed in army shelling"
                    break
                if INVOLVED_SIDE and dep in ("nsubjpass", "nsubj") and tok.head.lower_ in ("involved", "engaged", "embroiled") \
                        and any(_fight_word(t) for t in tok.head.subtree):
                    role = "side"  # "suspects were involved in a shootout with the police": a side of the fight
                    if INVOLVED_FIRST:
                        involved.append(a)
                    break
                if dep in ("nsubjpass", "dobj", "iobj", "attr") or (dep == "pobj" and tok.head.lower_ in ("on", "against", "at", "targeting", "upon")):
                    role = "patient"
                    break
                if dep == "pobj" and tok.head.lower_ == "by":
                    if SUPPORTERS and _SUPPORT_VERBS.match(tok.head.head.lower_):
                        # "police, supported by the MSS, clashed with gangs": who helped is neither
                        # the agent nor the target (ACLED's associated actor at most)
                        role = "support"
                        break
                    # "were repulsed by the army": the one who repelled was attacked
                    role = "patient" if tok.head.head.lower_ in words("repel_verbs") else "by"
                    if BY_THE_USERS and role == "by" and tok.head.head.dep_ == "acl" and tok.head.head is not cue_tok \
                            and tok.head.head.head.dep_ not in ("nsubj", "ROOT"):
                        # (a noun that is the act's subject is its means: "drones operated by the
                        # cartel dropped explosives" names the cartel acting)
                        if tok.head.head.lower_ in words("users_verbs"):
                            # "a restaurant frequented by police", "a post manned by soldiers": the
                            # place was theirs, they did not act
                            role = "patient"
                            break
                        if tok.head.head.lower_ in words("owner_verbs"):
                            role = "owner"  # "a tower operated by a company": no party at all
                            break
                    if role == "by" and BY_OF_CUE and cue_tok is not None and not _by_of_cue(tok.head.head, cue_tok):
                        # "by the patrol" in a clause of its own, far from the cue's act ("... the
                        # men the rebels freed had been held by the patrol"): an agent of something
                        # else, no longer the first
                        role = "agent"
                    break
                if PLACED_ON_TARGET and dep == "pobj" and _placed_on(tok):
                    role = "patient"  # "a bomb attached to a police vehicle": the vehicle's force was the target
                    break
                if dep == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in words("attack_nouns"):
                    role = "by"  # "repelled the attack of Russian forces": they started it
                    break
                if dep == "pobj" and tok.head.lower_ in ("between", "among", "amongst"):
                    role = "side"  # "fighting broke out between the army and the rebels": both fought
                    break
                if dep == "pobj" and tok.head.lower_ == "with" and _fight_word(tok.head.head):
                    role = "opponent"  # "killed in a clash with the rebels": the other side of a fight
                    break
                if dep == "nsubj" and (tok.head.lower_ in words("finding_verbs") or
                                       tok.head.lower_ in words("observer_verbs")):
                    role = "observer"  # "gendarmes recovered 14 bodies", "the army put the toll at 16"
                    break
                if DIED_NOT_AGENT and dep == "nsubj" and tok.head.lower_ in _role_cues()["death_verbs"]:
                    role = "patient"  # "20 policemen died in the fighting": who died was hit
                    break
                if dep in ("nsubj", "agent"):
                    role = "agent"
                    if clause is not None and not (clause.left_edge.idx <= tok.idx <= clause.right_edge.idx) \
                            and clause.head is not tok:
                        # "troops began searching for the men who planted the bomb": the cue's
                        # act is told of someone else in a relative clause; this one did another
                        role = "elsewhere"
                    break
                if dep == "pobj" and tok.head.lower_ in ("with", "between", "and"):
                    role = "patient"
                    break
                if dep in ("ROOT",) or tok.head is tok:
                    break
                tok = tok.head
                hops += 1
        if HELD_PLACE_FIRES and _held_place(text, a):
            role = "agent"  # "shells fired from M23-held hills": the holder of the place fired
        if NAMED_BEFORE_ATTACK and role in ("", "patient") and _named_before_attack(text, a):
            role = "agent"  # "three soldiers killed, two hurt in IS attack on army post": a misparsed headline
        if not role:
            if SUPPORTERS and _SUPPORTED_BY.search(before):
                continue  # "supported by the MSS" (no parse): a helper, not a party
            if before.rstrip().endswith(" by"):
                role = "by"
            elif cue is not None:
                role = "agent" if a.start < _cue_at(doc, cue, text) else "patient"
            else:
                role = "agent"
        if role in ("observer", "support", "elsewhere", "owner"):
            continue  # found or counted the dead: neither a party nor a source that may stand in
        {"agent": agents, "by": by_agents, "side": sides, "opponent": opponents}.get(role, patients).append(a)
    agents = by_agents + agents  # "troops repelled an attack by ISWAP": the one named with "by" started it
    if INVOLVED_FIRST and not agents and opponents and involved:
        # "[a force] engaged in armed clashes with [a gang]": told like "police clashed with
        # gang members", the subject first, the one it fought with second
        agents = involved[:1]
        sides = [m for m in sides if m is not involved[0]]
    if not agents and opponents:
        # "three soldiers were killed in a clash with the rebels": with no one told acting, the
        # other side of the fight did
        agents, opponents = opponents[:1], opponents[1:]
    patients = opponents + patients
    if sides:
        # "clashes between X and Y", "fighting among the clans": both are sides, no one is told
        # attacking; the first named first (`assign_actors` applies ACLED's order by country)
        if agents:
            patients = [m for m in sides if all(m.key != g.key for g in agents)] + patients
        else:
            agents, patients = sides[:1], sides[1:] + patients
    return agents, patients + anti, speakers


# switch (session 42, actors7): ACLED's recent notes open with the event's kind as a tag ("Looting: On 10
# May ..., members of X gang robbed ..."; 528 "Other:", 460 "Property destruction:", 176 "Looting:" ... in
# the tune rows). Where that tag is the cue, an actor the parse gives no role was read as acted upon (it
# comes after the cue); the cue's place is then the sentence's main verb after the tag
TAG_CUE = 1
_NOTE_TAG = re.compile(r"[A-Z][A-Za-z/ -]{2,40}:\s")


def _cue_at(doc, cue: Cue, text: str) -> int:
    """Where the cue is, for telling who acted by position: its start, or where a note's leading tag is
    the cue ("Looting: ..."), the start of the sentence's main verb after the tag (TAG_CUE)."""
    if not TAG_CUE or doc is None or cue.start > 0:
        return cue.start
    tag = _NOTE_TAG.match(text)
    if tag is None or cue.end > tag.end():
        return cue.start
    root = next((t for t in doc if t.dep_ == "ROOT" and t.idx >= tag.end()), None)
    return root.idx if root is not None else cue.start


# switch: a force named in the place a device was put ("a bomb attached to a police vehicle", "an
# IED planted under an army truck") is its target, not the one who set it (data/actors/role_cues.yml
# placed_verbs, placed_prepositions)
PLACED_ON_TARGET = 1
# switch: an actor named as the holder of the place that fire came from ("shells fired from
# M23-held hills", "rockets launched from rebel-controlled areas") fired (role_cues.yml held_words)
HELD_PLACE_FIRES = 1
# switch: of two states' forces told alike ("Afghan Taliban and Pakistani border troops exchanged
# fire"), neither is moved first as "the state": the rule that names the state's forces before a
# non-state side reads each side's inter code for the event (the Taliban's forces are a state's
# from August 2021, a foreign one outside Afghanistan), not the dictionary entry's
STATE_PAIR_ORDER = 1


@lru_cache(maxsize=1)
def _role_cues() -> dict[str, frozenset[str]]:
    """The word lists of data/actors/role_cues.yml."""
    path = resources.files("sitrep") / "data" / "actors" / "role_cues.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    return {name: frozenset(str(w).lower() for w in ws) for name, ws in data.items()}


def _placed_on(tok) -> bool:
    """Is this noun the place a device was put ("to a police vehicle" under "attached")?"""
    prep = tok.head
    verb = prep.head
    cues = _role_cues()
    return prep.dep_ == "prep" and prep.lower_ in cues["placed_prepositions"] and verb is not prep and \
        verb.dep_ == "acl" and verb.lower_ in cues["placed_verbs"]


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)


def _held_place(text: str, a: ActorMention) -> bool:
    """Is the actor told as the holder of the place fire came from ("from M23-held hills")?"""
    m = re.match(r"\s?[-‐–]\s?(\w+)", text[a.end:a.end + 16])
    return m is not None and m.group(1).lower() in _role_cues()["held_words"] and \
        bool(_FROM_BEFORE.search(text[max(0, a.start - 12):a.start]))


# switch: the state's forces are a mob's actor2 only where they were its target (told acted upon,
# or a side of a clash); where they only intervened, rescued, arrested or received the victim, the
# mob's victims are (civilians, the existing rules below). Off in session 35 (it cost the Times of
# India police killings: riots whose police firing killed people lost the police); on since session
# 36, when police firing in long reports became an event of its own (events.POLICE_FIRE_APART) and
# "firing" joined the words of force after a force: Times of India tune unchanged (0.675 / 0.815),
# ACLED tune actor2 0.843 -> 0.844, inter2 0.853 -> 0.854, report-countries probe actor2 0.953 -> 0.965.
MOB_STATE_HIT_ONLY = 1
_HANDED_TO = re.compile(r"\b(?:to|over to|into|by|of)\s+(?:the\s+|a\s+|local\s+)?$", re.IGNORECASE)
_FORCE_AFTER = re.compile(r"\W*(?:[\w-]+\s+){0,2}?(?:open(?:ed|s)? fire|fired|firing|fire[sd]? (?:at|on|into)|returned|shot|"
                          r"kill(?:ed|ing)|beat|used|tear ?-?gas|baton|lathi|charged|injur)", re.IGNORECASE)
_MOB_HARM = re.compile(r"\b(?:lynch|beat|beaten|stoned|stoning|stabb|hacked|tortur|assault|kill|injur|wound|burnt? (?:to death|alive))",
                       re.IGNORECASE)


def _state_hit(d: Draft, around: str) -> bool:
    """Were the state's forces the target of a crowd's violence: a patient not told as where a victim
    was taken ("handed him over to the police", "rescued by the police", "the intervention of police"),
    or a side of a fight told in the words?"""
    told = around or " ".join(x.text for x in d.sentences or [d.sentence])
    if pattern("battle_words").search(told) or not _MOB_HARM.search(told):
        return True  # a fight with them, or no one harmed: they are still the other side
    for a in d.actors:
        if a.inter == 1 and any(_FORCE_AFTER.match(x.text, a.end) for x in d.sentences or [d.sentence]
                                if x.text[a.start:a.end] == a.text):
            return True  # "police opened fire, killing one rioter": they used force on the crowd
    for p in d.patients:
        if p.inter != 1:
            continue
        for s in d.sentences or [d.sentence]:
            if s.text[p.start:p.end] == p.text:
                if not _HANDED_TO.search(s.text[max(0, p.start - 20):p.start]):
                    return True
                break
        else:
            return True
    return False


# switch: in an arrest, an armed group named as who the arrested were tied to ("suspected of
# supplying fuel to ISWAP", "for links with the AA", "accused of collaborating with M23") is not who
# was arrested: the arrested are civilians (ACLED's actor2 in such tune rows)
ARRESTED_ASSOCIATES = 1
_TIED_BEFORE = re.compile(r"\b(?:connections?|connected|links?|linked|ties|tied|collaborat\w*|cooperat\w*|support\w*|suppl(?:y|ying|ied)|"
                          r"provid\w*|financing|financed|funding|aiding|helping|harbou?r\w*|sympathi[sz]\w*|"
                          r"informants?|informing|spying|spies|contacts?|relations?|dealings|describ\w*|labell?(?:ed|ing)|branded|branding|dubbed)"
                          r"\b[^.;:]{0,45}$", re.IGNORECASE)


# switch (session 43, actors8): beyond arrests, an armed group named only as what the victims were
# accused or suspected of ("executed six men accused of supporting Fano", "killed two farmers suspected
# of spying for the OLA") is not the target: ACLED codes the killing of such people as an attack on
# civilians, not a clash with the group
ACCUSED_TIES = 1
_ACCUSED_BEFORE = re.compile(r"\b(?:accus\w*|suspect\w*|alleg\w*|charg\w*|blam\w*)\s+(?:\w+\s+){0,2}?(?:of|for)\s+(?:being\s+|having\s+)?"
                             r"(?:\w+\s+){0,2}?(?:support\w*|collaborat\w*|cooperat\w*|aid\w*|help\w*|harbou?r\w*|feed\w*|"
                             r"suppl(?:y|ying|ied)|provid\w*|spy\w*|spied|inform\w*|sympathi[sz]\w*|links?|ties|connections?|"
                             r"affiliat\w*|membership|members?\s+of|fighters?\s+(?:for|of)|hiding)\b[^.;:]{0,40}$", re.IGNORECASE)


def _accused_of(d: Draft, m: ActorMention) -> bool:
    """Is the group named only as what someone was accused of ("men accused of supporting Fano")?"""
    for s in d.sentences or [d.sentence]:
        if s.text[m.start:m.end] == m.text:
            return bool(_ACCUSED_BEFORE.search(s.text[max(0, m.start - 90):m.start]))
    return False


def _tied_to(d: Draft, m: ActorMention) -> bool:
    """Is the group named as whom someone was tied to ("links with the AA", "supplying fuel to ISWAP")?"""
    for s in d.sentences or [d.sentence]:
        if s.text[m.start:m.end] == m.text:
            return bool(_TIED_BEFORE.search(s.text[max(0, m.start - 70):m.start]))
    return False


# switch: migrants, foreigners or asylum seekers with no country told are "Civilians (International)"
MIGRANTS_INTERNATIONAL = 1
_MIGRANT_WORDS = re.compile(r"\b(?:migrants?|immigrants?|foreigners?|foreign nationals?|asylum[- ]seekers?|"
                            r"expatriates?|foreign workers?)\b", re.IGNORECASE)


# switch: civilian victims told of two or more nationalities ("a Dutch and a Brazilian engineer")
# are "Civilians (International)", ACLED's name for people of several countries
MIXED_NATIONALITIES = 1
_ONE_PERSON_BEFORE = re.compile(r"(?:\b(?:an?|one|two|three|four|five|six|\d+)\s+)$", re.IGNORECASE)


def _nationalities_told(text: str, home: str = "") -> int:
    """How many foreign countries' people the text tells as persons, none of them of the event's
    country `home` (then 0: "a Swiss nun and a Malian guide" in Mali): a country's word after an article or
    a number ("an American", "two Chinese") or before a word for people of a country (role_cues.yml
    national_nouns: "South Korean nationals", "Turkish engineers")."""
    from sitrep.geo.locate import country_words

    nouns = _role_cues()["national_nouns"]
    told: set[str] = set()
    for iso, s, e in country_words(text):
        if text[e:e + 1] in ("-", "‐", "–") or text[s - 1:s] in ("-", "‐", "–"):
            continue  # "a UK-based monitor", "a Turkish-Russian agreement": no person of the country
        nxt = re.match(r"\s+([a-z]+)", text[e:e + 20])
        if _ONE_PERSON_BEFORE.search(text[max(0, s - 12):s]) and (nxt is None or nxt.group(1) in nouns or
                                                                  not nxt.group(1).isalpha() or nxt.group(1) in ("and", "or")) \
                or nxt is not None and nxt.group(1) in nouns:
            told.add(iso)
    return 0 if home and home.upper() in told else len(told)


# switch: "security forces" (no word of army or police) who met a demonstration are the police
# (ACLED's state actor of protests and riots that tell only "security forces": police in 43 of 46
# tune rows)
DEMO_SECURITY_POLICE = 1
_SECURITY_ONLY = re.compile(r"(?:the\s+)?(?:security|law and order)\s+(?:forces?|personnel|officers|agents|operatives|services?)",
                            re.IGNORECASE)


def _crowd_control(m: ActorMention, named, actors: ActorDictionary, country: str, iso: str) -> tuple[str, int]:
    """The ACLED name and inter code of the state force told meeting a demonstration."""
    if DEMO_SECURITY_POLICE and m.key == "generic:Military Forces of {country}" and _SECURITY_ONLY.fullmatch(m.text):
        police = actors.entry("generic:Police Forces of {country}")
        if police is not None:
            return police.display(country, iso), police.inter_for(iso)
    return named(m)


# switch: a strike, shelling or blast on a military site (role_cues.yml military_sites) by anyone but
# the event country's own forces, with no other target named, targets that country's military
MILITARY_SITE_TARGET = 1


@lru_cache(maxsize=1)
def _military_site_pattern() -> re.Pattern[str]:
    sites = sorted(_role_cues()["military_sites"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sites) + r")\b", re.IGNORECASE)


def _military_site(text: str) -> bool:
    return bool(_military_site_pattern().search(text))


# switch: in protests and riots, the state's forces and the groups beside the crowd are told apart by
# the inter code for the event's day and country, not the dictionary entry's ("Taliban fighters broke
# up a protest" in 2024: the state's forces, actor2, not the protesters' associated group)
EVENT_INTER = 1


# switch: an armed group with a name of its own (inter 3: "an Imbonerakure attacked a student", a
# named gang) that strikes people commits an attack, as a militia does, not a mob's violence
NAMED_MILITIA_NOT_MOB = 1


# switch: an air or drone strike that names no one who struck is the state's military's, or the
# unidentified armed group's where the text says the aircraft's origin is unknown
AIR_STRIKE_UNNAMED = 1
_UNKNOWN_ORIGIN = re.compile(r"\b(?:unknown|unidentified|unclaimed|unmarked|mysterious)\s+(?:\w+\s+){0,2}?"
                             r"(?:origin|drones?|aircraft|planes?|jets?|warplanes?|helicopters?|uavs?|airstrikes?|air strikes?)\b|"
                             r"\b(?:drones?|aircraft|planes?|jets?|warplanes?|uavs?)\s+(?:\w+\s+){0,2}?of\s+unknown\b",
                             re.IGNORECASE)


# switch: "there were casualties", "causing casualties" (no number) tells that someone was hurt
CASUALTIES_TOLD = 1
_CASUALTIES = re.compile(r"\b(?:there (?:were|was) (?:some |several |many |heavy )?(?:civilian )?casualties|"
                         r"(?:causing|caused|causing some|leaving|left) (?:several |many |heavy )?(?:civilian )?casualties|"
                         r"civilian casualties were reported)\b", re.IGNORECASE)
# switch: a named party (inter 6) told as the target of an attack or an explosion is civilians
PARTY_VICTIM = 1
# switch (2026-12-06, session 37 actors2): a named party's (union's) people arrested ("police detained
# 14 BNP activists") are civilians, the party an associated actor (ACLED's tune Arrests rows whose notes
# name a party's people: "Civilians (country)" in 4 of 4, the party assoc_actor_2 in 3); an armed
# group's members arrested stay the group itself (43 of 50 tune rows with an armed group arrested)
ARRESTED_PARTY_CIVILIANS = 1
# switch: a looting or property destruction with no one named acting is the unidentified armed group's
LOOTING_UNIDENTIFIED = 1
# switch: an "Other" event that tells people displaced, fleeing or evacuated is the civilians' event,
# whoever caused it (`assign_actors`)
DISPLACED_CIVILIANS = 1
# switch: an "Other" event that tells a road blocked (barricades, burning tyres), with no one named
# doing it, is the civilians' act (session 39, lead)
BLOCKADE_CIVILIANS = 1
_DISPLACED = re.compile(r"\b(?:displac\w*|fled|flee|fleeing|evacuat\w*)\b", re.IGNORECASE)


# switch: an actor named after "by" is the first agent only where the "by" belongs to the cue's act
# ("killed by the army", "an attack by ISWAP on the base"); "by" in another clause ("the militants
# ambushed a patrol ... the men allegedly tied up by the patrol") names an agent of something else
BY_OF_CUE = 1


# switch: the one named after "by" with a participle of use or hold that describes a noun ("a
# restaurant frequented by police") owns what was hit, and is no agent (session 38, lead)
BY_THE_USERS = 1


def _by_of_cue(word, cue_tok) -> bool:
    """Does the word that "by" hangs from belong to the cue's act: the cue itself, its head or a
    word right under either, or an attack noun?"""
    if word is cue_tok or word is cue_tok.head or word.head is cue_tok or word.head is cue_tok.head:
        return True
    if word.lower_ in words("attack_nouns") or word.lower_ in words("operation_nouns"):
        return True
    return word.i - cue_tok.i in range(-3, 4)


# switch: in a protest an armed group struck ("gunmen fired on protesters"), that group is actor2
# (session 38, lead)
ARMED_ON_CROWD = 1

# switch: who "was involved in" or "engaged in" a fight is one of its sides, not its target
INVOLVED_SIDE = 1
# switch (session 46, actors11): ... and, where no one else is told acting, the first side: "police engaged
# in armed clashes with the X gang" names the police first as "police clashed with the X gang" does (the other
# side of the fight, "with the X gang", was taken as the agent before)
INVOLVED_FIRST = True
# switch (session 46, actors11): an actor named right after "anti-" or "counter-" ("an anti-gang operation",
# "counter-Shabaab raids") is the target of the act, never its agent (the parse made "gang" of "anti-gang
# operation" the agent of the operation, as in "a police operation")
ANTI_TARGET = True
# switch (session 46, actors11): an armed clash's first side told as responding ("police responded", "troops
# fought back", "soldiers repelled the attackers", "returned fire") is its second: ACLED names the side that
# started the fight first. Tune rows (both files, outside the countries of a fixed order) whose note tells the
# state's forces right before such a verb: the forces are actor2 in 97, actor1 in 19 (inter codes compared)
RESPONDER_SECOND = True
# switch (session 46, actors11): an armed clash read with one side only, or the same unidentified side twice,
# whose sentences tell the state's forces responding ("police responded and killed two of the attackers") was
# fought with those forces
RESPONDER_JOINS = True


@lru_cache(maxsize=1)
def _responding() -> re.Pattern[str]:
    """Up to three words after a mention, then a verb of responding (data/actors/roles_session46.yml)."""
    path = resources.files("sitrep") / "data" / "actors" / "roles_session46.yml"
    verbs = (yaml_data.safe_load(path.read_text(encoding="utf-8")) or {})["responding_verbs"]
    alternatives = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(rf"^[\s,]+(?:(?:\w+|,)\s+){{0,3}}?(?:{alternatives})\b", re.IGNORECASE)


def _responded(d: Draft, name: str, named) -> bool:
    """Is a mention of this actor told responding ("police responded", "the army repelled") in the event's
    sentences?"""
    for sent in d.sentences or [d.sentence]:
        for m in d.actors:
            if named(m)[0] != name:
                continue
            for hit in re.finditer(re.escape(m.text), sent.text):
                if _responding().match(sent.text[hit.end():hit.end() + 60]):
                    return True
    return False


_ANTI_BEFORE = re.compile(r"\b(?:anti|counter)[-‐–]$", re.IGNORECASE)

# switch: an actor who is the subject of another verb than the one whose relative clause tells the
# act ("troops searched for the men who planted the bomb") did not do that act
OTHERS_ACT = 1
_RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}


def _cue_relative_clause(doc, cue: Cue | None):
    """The relative clause the cue word's act is told in, when its subject is a relative
    pronoun standing for a noun ("the men who planted the bomb"); None else."""
    if doc is None or cue is None:
        return None
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    tok = span.root if span is not None and len(span) else None
    hops = 0
    while tok is not None and hops < 4:
        if tok.dep_ == "relcl":
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            return tok if subj and all(c.lower_ in _RELATIVE_PRONOUNS for c in subj) else None
        if tok.head is tok:
            return None
        tok = tok.head
        hops += 1
    return None


# sub-types whose actor1 is the one the sentence is about even when told in the passive ("IS
# fighters were seen moving", "a base was set up by the rebels"): ACLED names the actor whose
# activity it records (Change to group/activity added 2026-12-06: tune actor1 on Other and
# Change to group/activity rows 0.494 -> 0.508)
ACTOR_OF_ACTIVITY = ("Other", "Headquarters or base established", "Disrupted weapons use", "Change to group/activity")

# switch: an actor the text holds responsible wins over a source that stood in as the actor
SOURCE_YIELDS = 1

# switch: a headline's reduced passive ("Two militia fighters killed by roadside bomb", "Police
# officer shot dead by gunmen"): the noun the participle tells of, or its subject, was harmed
REDUCED_PASSIVE = 1


def _harm_form(tok) -> bool:
    return tok.lower_ in words("killing_verbs") or tok.lower_ in words("harm_verbs")


# switch: a bare word of a force ("a third soldier") told beside the same kind of force of a foreign
# state that was hit ("two US soldiers killed") is of that state: not the event country's, no party
FOREIGN_SOLDIERS_HIT = 1
# switch: the subject of a verb of dying (role_cues.yml death_verbs: "20 policemen died in the
# fighting") was hit, not the agent
DIED_NOT_AGENT = 1
# switch: two armed actors told as "X and Y clashed / fought / exchanged fire" are the two sides,
# even where the parse left no one acting (both read as acted upon)
CLASHED_PAIR = 1
# switch (session 37): two sides told alike as the subjects of one verb of fighting, "X and Y" right
# before it ("the KIA and the army clashed", "Fano militiamen and ENDF troops fought"), keep the
# order told, the first actor1, as
# in "between X and Y", except where ACLED's coders name the state's forces first in clashes
# (lexicons.yaml clash_state_first; Myanmar's years by clash_order.yml). Off: the state's forces
# were put first in every country.
PAIR_AS_TOLD = 1
# switch (session 42, actors7): "X and Y clashed near Z. Three soldiers died.": Y is the second side; the bare
# "soldiers" of the toll (a generic force, read as acted upon) had taken its place ("Military Forces of
# Somalia" for Somaliland's troops, the AU mission's, Ethiopia's)
PAIR_OVER_TOLL = 1
_PAIR_JOIN_NEAR = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+(?:and|&)\s+(?:the\s+)?", re.IGNORECASE)
_PAIR_VERB_NEAR = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+(?:(?:reportedly|allegedly|again|also|briefly|heavily)\s+)?"
                             r"(?:clashed|fought|exchanged|engaged|battled|skirmished)\b", re.IGNORECASE)


def _subjects_pair(text: str, a: ActorMention, b: ActorMention) -> bool:
    """Are `a` and `b` told as "a and b fought" in `text`: joined by "and", a verb of fighting
    right after b, each maybe with up to two words of its own ("Fano gunmen and ENDF troops")?"""
    return a.end <= b.start and text[a.start:a.end] == a.text and text[b.start:b.end] == b.text and \
        _PAIR_JOIN_NEAR.fullmatch(text, a.end, b.start) is not None and _PAIR_VERB_NEAR.match(text, b.end) is not None
_PAIR_JOIN = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?")
_PAIR_VERB = re.compile(r"\s+(?:(?:reportedly|allegedly|again|also|briefly|heavily)\s+)?"
                        r"(?:clashed|fought|exchanged|engaged|battled|skirmished)\b", re.IGNORECASE)


def _clashed_pair(text: str, a: ActorMention, b: ActorMention) -> bool:
    """Are `a` and `b` told as "a and b clashed" in `text` (offsets of the sentence)?"""
    return a.end <= b.start and text[a.start:a.end] == a.text and _PAIR_JOIN.fullmatch(text, a.end, b.start) is not None \
        and _PAIR_VERB.match(text, b.end) is not None


# switch: the subject of a harm verb with no object, no preposition and a clause of when it happened
# ("Two soldiers killed when their vehicle hit a mine": headline style, no "were") was harmed, not
# the agent (the tagger's participle alone is no sign: it tags "a gunman shot at" so too)
HEADLINE_PASSIVE = 1
# switch (session 38, actors3): a harm participle that has a direct object is no reduced passive ("ISWAP
# militants killed at least 12 soldiers": the parser hangs "killed" on "militants" as a participle when
# "at least" follows; the militants are the agents, not the victims)
ACL_WITH_OBJECT = 1
_WHEN_WORDS = frozenset({"when", "as", "after"})


def _acl_with_object(tok) -> bool:
    """Does a harm participle with a direct object hang on this noun ("militants [killed at least 12
    soldiers]"): the parser's reading of a main verb, the noun its subject?"""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and _harm_form(c) and any(g.dep_ in ("dobj", "obj") for g in c.children)
               for c in tok.children)


def _reduced_passive(tok, dep: str) -> bool:
    if any(c.dep_ == "acl" and c.tag_ == "VBN" and _harm_form(c) for c in tok.children) \
            and not (ACL_WITH_OBJECT and _acl_with_object(tok)):
        # "fighters [killed by a bomb]"; not "JNIM fighters killed at least 30 soldiers", a main verb
        # the parser read as a participle (a passive participle has no object)
        return True
    head = tok.head
    if HEADLINE_PASSIVE and dep == "nsubj" and head is not tok and head.tag_ in ("VBD", "VBN") and _harm_form(head) \
            and not any(c.dep_ in ("dobj", "obj", "aux", "auxpass", "ccomp", "xcomp", "conj", "prep") for c in head.children) \
            and any(c.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ in _WHEN_WORDS for m in c.children)
                    for c in head.children):
        return True  # "Two soldiers killed when their truck hit a mine": a headline's passive, no object
    if HEADLINE_VBN and dep == "nsubj" and head is not tok and _harm_form(head) and head.tag_ in ("VBN", "VBD") \
            and any(c.dep_ == "nummod" for c in tok.children) \
            and not any(c.dep_ in ("dobj", "obj", "aux", "auxpass", "conj", "cc") for c in head.children) \
            and head.dep_ != "conj":
        # (not in a pair of verbs, "attacked and injured a man", whose object the parser may hang on one)
        return True  # "2 US and 1 British service members killed, 14 hurt": a participle with no auxiliary
    return dep == "nsubj" and head is not tok and head.tag_ in ("VBD", "VBN") and _harm_form(head) \
        and any(c.dep_ == "agent" for c in head.children)  # "officer shot dead by gunmen"


# switch: the subject of a harm verb the tagger reads as a past participle, with no auxiliary and no
# object, was harmed (a headline's or a digest's passive: "three soldiers killed, two hurt") (session 38, lead)
HEADLINE_VBN = 1


# switch: an actor told as supporting ("supported by", "backed by", "accompanied by") is no party
SUPPORTERS = 1
_SUPPORT_VERBS = re.compile(r"(?:supported|backed|assisted|aided|accompanied|reinforced|escorted|helped|joined)$")
_SUPPORTED_BY = re.compile(r"\b(?:supported|backed|assisted|aided|accompanied|reinforced|escorted|helped|joined) by(?: the| a)?\s*$",
                           re.IGNORECASE)


def _fight_word(tok) -> bool:
    """Is this token a word of fighting between two sides ("clash", "firefight", "shootout")?"""
    return bool(pattern("battle_words").match(tok.lower_))


def _civilians_hit(ev: Event, d: Draft) -> bool:
    """Violence against civilians always targets civilians; so does a looting or destruction of
    property and an arrest with no one else named (ACLED's actor2 in four of five and three of
    four of its rows); an explosion does when it killed or hurt someone."""
    if ev.event_type == "Violence against civilians" or ev.sub_event_type in ("Looting/property destruction", "Arrests"):
        return True
    if ev.event_type == "Explosions/Remote violence":
        # only when someone was killed or hurt, whatever the place: a blast or a shelling that
        # damaged houses and hurt no one has no actor2 (ACLED's tune rows that say no one was hurt:
        # civilians in 5%, no one in 56%; that tell no harm: civilians 12%, no one 54%; where people
        # died: civilians 53%, an armed side, which the text then names, 46%, no one 1%). Without
        # the switch, as before: a civilian place struck
        if EXPLOSION_HURT_ONLY:
            return bool(d.counts.killed or d.counts.injured) or bool(CASUALTIES_TOLD and _CASUALTIES.search(
                " ".join(s.text for s in d.sentences or [d.sentence])))
        return bool(pattern("civilian_places").search(" ".join(s.text for s in d.sentences or [d.sentence])))
    return False


# switch: in a disrupted weapons use, a foreign state's forces ("shot down a Russian missile") are
# the other side, and with no other side named, the unidentified armed group is
DWU_OTHER = 1
EXPLOSION_HURT_ONLY = 1  # switch: an explosion targets civilians only when it killed or hurt someone


def _in_country(name: str, country: str) -> str:
    """ACLED's generic actors carry the event's country: "Civilians (Iraq)"."""
    return f"{name} ({country})" if country else name


# switch: demonstrators whose own country the text tells ("Sudanese refugees protested", "a crowd
# of Ugandan traders") are that country's protesters or rioters, not the event country's
CROWD_ORIGIN = 1


def _crowd_country(agents: list[ActorMention], actors: ActorDictionary) -> str:
    """The country of the first demonstrators told acting whose own country the text gives (a
    generic crowd, civilians or protesters, "refugees from Iran": actors.ORIGINS); "" else."""
    for a in agents:
        entry = actors.entry(a.key) if a.inter in (5, 6, 7) else None
        if entry is not None and entry.origin:
            return country_name(entry.origin)
    return ""


def _associated(group: ActorMention | None) -> bool:
    """Is this group named beside the demonstrators as their associated actor (a party, union or
    armed group; not the generic "protesters" themselves)?"""
    return group is not None and (group.inter != 6 or not group.key.startswith("generic:"))


# switch (session 43, actors8): in Somalia, the army of a state that sends troops to the AU mission (Kenya,
# Uganda, Burundi, Djibouti; Ethiopia until 2021) is the mission of the day, as ACLED names the contingents
# ("AMISOM: African Union Mission in Somalia (2007-) (Kenya)", the unit after the period): the Somali tune
# rows of 2016 name Kenyan troops so 57 times, "Military Forces of Kenya" 10; Ethiopian 37 and 1; those of
# 2022 name Kenyan, Ugandan and Burundian troops by the mission only (12), Ethiopian ones by their army (5)
AU_CONTINGENT = 1
_AU_CONTRIBUTORS = {"KE": 9999, "UG": 9999, "BI": 9999, "DJ": 9999, "ET": 2021}


def _au_contingent(actors: ActorDictionary, entry, iso: str, day) -> object:
    """The AU mission's entry for a contributing state's army in Somalia on that day; the entry else."""
    if (iso or "").upper() != "SO" or day is None or entry.kind != "state" or \
            not entry.name.startswith("Military Forces of ") or day.year > _AU_CONTRIBUTORS.get(entry.home, 0):
        return entry
    return next((e for e in actors.lineages.get("au-mission-somalia", []) if e.valid_on(day)), entry)


# switch (session 43, actors8): an attack whose first party told acting is a crowd (inter 5: "a mob", the
# Bwa Kale movement), with no armed actor among those acting, is mob violence by rioters (ACLED's coding of
# lynchings), not an attack on civilians with the crowd as its actor1
RIOTERS_ATTACK = 1


# switch (session 44, actors9): in Somaliland's regions (data/actors/regional_forces_session44.yml) the bare
# police or army of an event are Somaliland's ("Police Forces of Somaliland"), not the federal state's; the
# mention "Somaliland police" is its police, not its army
SOMALILAND_FORCES = True
# switch (session 44, actors9): until 2016 ACLED named Puntland's, Jubaland's and Galmudug's forces apart
# ("Military Forces of Puntland (1998-)", "Galmudug Administration Militia"); later it folds them into the
# federal army (the dictionary's reading): before 2017 a mention naming the administration, or the bare
# forces of an event in Puntland's regions, take the administration's name
LEGACY_STATE_FORCES = True
_FEDERAL_WORDS = re.compile(r"\b(?:federal|sna|snaf|somali national army|national army|danab|nisa|haramcad)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _regional_file() -> dict:
    """data/actors/regional_forces_session44.yml, read once: the regions and the gang-word countries."""
    path = resources.files("sitrep") / "data" / "actors" / "regional_forces_session44.yml"
    return yaml_data.safe_load(path.read_text(encoding="utf-8"))


def _regional_forces() -> dict:
    return _regional_file()["regions"]


def _regional_state(ev: Event, d: Draft, actors: ActorDictionary) -> None:
    """Name Somalia's state forces by the regional administration whose forces they were (ACLED)."""
    if ev.iso != "SO" or ev.event_date is None:
        return
    day = ev.event_date.isoformat()
    admin1 = (ev.admin1 or "").strip()
    for slot in ("1", "2"):
        name = getattr(ev, "actor" + slot) or ""
        kind = "police" if name.startswith("Police Forces of Somalia") else \
            "military" if name.startswith("Military Forces of Somalia") and not name.startswith("Military Forces of Somaliland") \
            else "somaliland" if name.startswith("Military Forces of Somaliland") else ""
        if not kind:
            continue
        # the mentions read as this actor ("Somaliland police" and "Puntland forces" both told: each its own)
        own = [m for m in d.actors if (e := actors.entry(m.key)) is not None and e.display(ev.country, ev.iso) == name]
        told = [m.text.lower() for m in own or d.actors if any(w in m.text.lower() for w in
                                                         ("police", "force", "troop", "soldier", "army", "military",
                                                          "security", "intelligence", "guard", "somali", "officer",
                                                          "somaliland", "puntland", "jubaland", "galmudug", "darawi",
                                                          "pmpf", "madobe"))]
        if kind == "somaliland":
            # "Somaliland police": its police (the dictionary's entry is its army)
            if SOMALILAND_FORCES and any("somaliland" in t and "police" in t for t in told) and \
                    not any("somaliland" in t and "police" not in t for t in told):
                setattr(ev, "actor" + slot, "Police Forces of Somaliland")
            continue
        for region, spec in _regional_forces().items():
            switch = SOMALILAND_FORCES if region == "somaliland" else LEGACY_STATE_FORCES
            if not switch:
                continue
            named_here = [t for t in told if any(re.search(rf"\b{w}", t) for w in spec["words"])]
            by_name = bool(named_here) and (not spec["until_named"] or day <= spec["until_named"])
            until = (spec.get("admin1_until") or {}).get(admin1) or spec["until"]
            others = [w for r, o in _regional_forces().items() if r != region for w in o["words"]]
            by_place = admin1 in spec["admin1"] and (not until or day <= until) and \
                not any(_FEDERAL_WORDS.search(t) or any(re.search(rf"\b{w}", t) for w in others) for t in told)
            if by_name or by_place:
                setattr(ev, "actor" + slot, spec[kind])
                setattr(ev, "inter" + slot, spec["inter"])
                break


# switch (session 44, actors9): an armed clash or a change of territory read with one side only takes as its
# second side the first other armed actor (inter 1-3, 8) the event's sentences or those after them name
# ("SNA forces vacated their base in X. Al Shabaab fighters moved into the village"); ACLED's tune rows give an
# armed clash an actor2 always, a change of territory in 4 of 5 (a non-violent transfer: 125 of 169)
SECOND_SIDE_TOLD = True
_SECOND_SIDE_SUBS = ("Armed clash", "Non-violent transfer of territory", "Government regains territory",
                     "Non-state actor overtakes territory")
_SIDE_INTERS = (1, 2, 3, 8)


def _second_side(ev: Event, d: Draft, actors: ActorDictionary, around: str) -> None:
    if ev.actor2 or not ev.actor1 or ev.sub_event_type not in _SECOND_SIDE_SUBS:
        return
    iso = ev.iso
    told = list(d.actors)
    if around:
        told += actors.find(around, {iso} if iso else None)
    first = _PERIOD_TAIL.sub("", ev.actor1)
    state = ev.inter1 in (1, 8)
    for m in told:
        if m.inter not in _SIDE_INTERS:
            continue
        entry = actors.entry(m.key)
        if entry is None:
            name, inter = m.name, m.inter
        else:
            entry = actors.on_date(entry, ev.event_date)
            entry = actors.in_country(entry, iso, m.text)
            if AU_CONTINGENT:
                entry = _au_contingent(actors, entry, iso, ev.event_date)
            name, inter = entry.display(ev.country, iso), entry.inter_for(iso)
        if name.startswith("Unidentified") and _NAMED_IN_BRACKET and _named_in_bracket(m.text, d, around):
            continue  # "gunmen (probably X Gang members)": the named group itself, no other side
        if inter not in _SIDE_INTERS or _PERIOD_TAIL.sub("", name) == first or name.startswith("Unidentified") and \
                ev.actor1.startswith("Unidentified") or state and inter in (1, 8) and not _two_states(ev.actor1, name):
            # (a state's or a mission's forces take a group as the other side, not an ally: "AMISOM and SNA
            # forces pushed Al Shabaab out of the town", "troops withdrew to reinforce other bases")
            continue
        ev.actor2, ev.inter2 = name, inter
        return


# (session 44, lead, at the merge) an unidentified group whose bracket names who they likely were is
# that group, not a second side of the event (SECOND_SIDE_TOLD)
_NAMED_IN_BRACKET = True
_LIKELY_BRACKET = r"\s*\((?:likely|allegedly|suspected|believed|presumably|probably|reportedly|possibly|assumed)\b"


def _named_in_bracket(mention: str, d: Draft, around: str) -> bool:
    text = " ".join(x.text for x in d.sentences or [d.sentence]) + " " + (around or "")
    return bool(re.search(re.escape(mention) + _LIKELY_BRACKET, text, re.IGNORECASE))


_PERIOD_TAIL = re.compile(r"\s*\(\d{4}-\d{0,4}\).*$")
_NATIONAL = re.compile(r"^(?:Military|Police) Forces of (?:the )?(.+?)(?:\s*\(\d{4}-\d{0,4}\).*)?$")


def _two_states(a: str, b: str) -> bool:
    """Two countries' own forces ("Military Forces of Russia", "... of Ukraine"): enemies at war may be; a
    mission's troops and the host's army, or the army and the police of one country, are allies."""
    ma, mb = _NATIONAL.match(a), _NATIONAL.match(b)
    return bool(ma and mb and ma.group(1) != mb.group(1))


# switch (session 44, actors9): in a country of data/actors/regional_forces_session44.yml's gang_word_countries
# (Haiti), an unidentified armed group acting where the event's text tells of gangs ("gangs set fire to
# houses", "amid gang violence") is the unidentified gang; where the gang was read as the target of an
# unidentified group's looting or attack ("armed gang members looted the bank"), the gang acted on civilians
GANG_WORD_COUNTRIES = True
_GANG_WORD = re.compile(r"(?<!anti-)(?<!anti )\bgang(?:s|sters?|\b)(?![- ]related)", re.IGNORECASE)
# "unidentified individuals kidnapped ... most abductions are gang-related": ACLED keeps the unidentified group
_UNKNOWN_DOERS = re.compile(r"\b(?:(?:unidentified|unknown)\s+(?:number\s+of\s+)?(?:[\w-]+\s+){0,2}?(?:individuals|men|gunmen|"
                            r"people|persons|assailants|attackers|perpetrators|armed|kidnappers|bandits|criminals)\b|"
                            r"no information on the (?:[a-z]+ or )?perpetrators)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _gang_word_countries() -> frozenset[str]:
    return frozenset(_regional_file().get("gang_word_countries") or [])


def _gang_word(ev: Event, d: Draft, around: str) -> None:
    if ev.iso not in _gang_word_countries() or ev.actor1 != _in_country("Unidentified Armed Group", ev.country):
        return
    gang = _in_country("Unidentified Gang", ev.country)
    if ev.actor2 == gang and ev.event_type in ("Violence against civilians", "Strategic developments"):
        ev.actor1, ev.inter1 = gang, 3
        ev.actor2, ev.inter2 = _in_country("Civilians", ev.country), 7
        return
    if ev.actor2 == gang:
        return  # a fight of an unknown group with a gang
    text = around or " ".join(x.text for x in d.sentences or [d.sentence])
    if _GANG_WORD.search(text) and not _UNKNOWN_DOERS.search(text):
        ev.actor1, ev.inter1 = gang, 3


def assign_actors(ev: Event, d: Draft, actors: ActorDictionary, around: str = "") -> None:
    _assign_actors(ev, d, actors, around)
    if GANG_WORD_COUNTRIES:
        _gang_word(ev, d, around)
    if SECOND_SIDE_TOLD:
        _second_side(ev, d, actors, around)
    if SOMALILAND_FORCES or LEGACY_STATE_FORCES:
        _regional_state(ev, d, actors)
    if RIVAL_SAME_SIDE:
        _rival_same_side(ev, d)
    if STATE_KILLS_GANG_MEMBER:
        _state_kills_gang_member(ev, d, actors, around)
    if VAC_SECOND_CIVILIANS:
        _vac_second_civilians(ev, d)
    if GANG_SECOND_SIDE:
        _gang_second_side(ev, d)
    if MOB_CLASH_SIDES:
        _mob_clash_sides(ev, d)
    if HARM_TOLD_CIVILIANS:
        _harm_told_civilians(ev, d)
    if FORCES_HURT_SECOND:
        _forces_hurt_second(ev, d, actors)
    if DEMONSTRATION_NO_CIVILIANS and ev.sub_event_type == "Violent demonstration" and ev.inter2 == 7 and \
            (ev.actor2 or "").startswith("Civilians"):
        ev.actor2, ev.inter2 = "", None


# switch (session 45, actors10): "rival gang members clashed", "fighting between rival clan militias": an
# unnamed kind of armed group read once is both sides of the fight (ACLED: "Unidentified Gang (Haiti)" against
# "Unidentified Gang (Haiti)", an armed clash), not the attacker of civilians (data/actors/roles_session45.yml
# rival_groups and rival_fight, both in the event's own sentences)
RIVAL_SAME_SIDE = True
# switch (session 45, actors10): the state's forces who killed or shot people told as members or leaders of a
# gang ("police shot dead a gang leader"; "the two men killed were described as suspected gang members") fought
# the gang (ACLED: an armed clash with the named gang, else the unidentified gang), in the countries of the
# "Unidentified Gang ({country})" entry (roles_session45.yml gang_victim)
STATE_KILLS_GANG_MEMBER = True
# switch (session 45, actors10): the sub-event types whose target is always civilians (ACLED's tune rows: every
# sexual violence and abduction has inter2 7 where the column is filled): an armed actor read second there (the
# police of a clash told beside it, a gang the victims were caught between) gives way to the civilians, where
# the text tells a sexual act (rape, sexual, molest); abduction left out (a kidnapped police officer: ACLED's
# clash with the police)
VAC_SECOND_CIVILIANS = ("Sexual violence",)


# switch (session 45, actors10): in a country of gang_word_countries (Haiti), an armed clash of the state's forces
# read with no second side, whose sentences tell of gangs ("police and members of a local gang fought, the
# police") was fought with the unidentified gang; told before the forces, the gang is actor1 (ACLED's Haitian
# tune rows of clashes of the police with a gang: the gang first in 100 of 109 where the note names the gang first)
GANG_SECOND_SIDE = True


def _gang_second_side(ev: Event, d: Draft) -> None:
    if ev.sub_event_type != "Armed clash" or ev.actor2 or ev.inter1 not in (1, 8) or \
            ev.iso not in _gang_word_countries():
        return
    text = d.sentence.text
    gang = _GANG_WORD.search(text)
    if gang is None:
        return
    name = _in_country("Unidentified Gang", ev.country)
    state = next((m for m in d.actors if m.inter in (1, 8)), None)
    if state is not None and d.sentence.text[state.start:state.end] == state.text and gang.start() < state.start:
        ev.actor1, ev.inter1, ev.actor2, ev.inter2 = name, 3, ev.actor1, ev.inter1
    else:
        ev.actor2, ev.inter2 = name, 3


# switch (session 47, actors12): a mob violence told as a fight ("villagers clashed with herders over a field",
# "a brawl between supporters of two parties") has rioters on both sides (ACLED: "Rioters (country)" as actor1
# and actor2), not rioters against civilians; in the countries of mob_one_side_countries (Bangladesh) ACLED
# leaves actor2 empty (data/actors/roles_session47.yml, with ACLED's tune figures)
MOB_CLASH_SIDES = True
# switch (session 47, actors12): an explosion or a shelling read with no second side whose text tells people hurt
# without a number ("she was injured in the legs", "a farmer was badly wounded") targeted civilians
# (roles_session47.yml harm_told)
HARM_TOLD_CIVILIANS = True
# switch (session 47, actors12): an explosion or a shelling read against civilians or no one, whose text tells
# soldiers or police hurt ("an army vehicle hit a mine; five soldiers were wounded") and no civilian, hit the
# state's forces it names (roles_session47.yml forces_hurt, civilian_words)
FORCES_HURT_SECOND = True
# switch (session 47, actors12): a violent demonstration has no civilians as its second side (ACLED's tune rows of
# violent demonstrations: actor2 empty in 1,783 of 3,351, the state's forces in 1,158, civilians in 167; where the
# note tells people beaten or hurt: empty 465, civilians 61): the rioters' damage or blows leave actor2 empty
DEMONSTRATION_NO_CIVILIANS = True


@lru_cache(maxsize=1)
def _session47_file() -> dict:
    path = resources.files("sitrep") / "data" / "actors" / "roles_session47.yml"
    return yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def _session47_words() -> dict[str, re.Pattern[str]]:
    return {k: re.compile(v, re.IGNORECASE) for k, v in _session47_file().items() if isinstance(v, str)}


def _session47_list(key: str) -> frozenset[str]:
    return frozenset(str(x).upper() for x in _session47_file().get(key) or [])


def _mob_clash_sides(ev: Event, d: Draft) -> None:
    if ev.sub_event_type != "Mob violence" or ev.inter1 != 5 or not ev.country:
        return
    one_side = (ev.iso or "").upper() in _session47_list("mob_one_side_countries")
    crowd = (7, 5) if one_side else (7,)  # there, rioters read as the second side are no side either
    if ev.actor2 and not (ev.inter2 in crowd and ev.actor2.startswith(("Civilians (", "Rioters ("))):
        return
    text, w = _event_text(d), _session47_words()
    if not w["mob_fight"].search(text):
        return
    if one_side:
        ev.actor2, ev.inter2 = "", None
    else:
        ev.actor2, ev.inter2 = _in_country("Rioters", ev.country), 5


def _forces_hurt_second(ev: Event, d: Draft, actors: ActorDictionary) -> None:
    if ev.event_type != "Explosions/Remote violence" or not ev.country or (ev.actor2 and ev.inter2 != 7):
        return
    text, w = _event_text(d), _session47_words()
    if not w["forces_hurt"].search(text) or w["civilian_words"].search(text):
        return
    if ev.inter1 == 1 and ev.sub_event_type in ("Remote explosive/landmine/IED", "Grenade"):
        # "an army patrol struck a landmine; two soldiers died": the force read as the one acting was hit (ACLED's
        # tune rows of such blasts that tell forces hurt: the state first in 19 of 396), by the armed group told
        # or an unidentified one
        ev.actor2, ev.inter2 = ev.actor1, ev.inter1
        ev.actor1, ev.inter1 = _in_country("Unidentified Armed Group", ev.country), 3
        for m in d.actors:
            entry = actors.entry(m.key)
            if entry is not None and m.inter in (2, 3, 4):
                entry = actors.in_country(actors.on_date(entry, ev.event_date), ev.iso, m.text)
                ev.actor1, ev.inter1 = entry.display(ev.country, ev.iso), entry.inter_for(ev.iso)
                break
        return
    for m in list(d.patients) + list(d.actors):
        entry = actors.entry(m.key)
        if m.inter != 1 or entry is None:
            continue
        entry = actors.in_country(actors.on_date(entry, ev.event_date), ev.iso, m.text)
        if AU_CONTINGENT:
            entry = _au_contingent(actors, entry, ev.iso, ev.event_date)  # Ethiopian troops in Somalia in 2016: AMISOM
        name, inter = entry.display(ev.country, ev.iso), entry.inter_for(ev.iso)
        if inter in (1, 8) and name != ev.actor1:
            ev.actor2, ev.inter2 = name, inter
            return


def _harm_told_civilians(ev: Event, d: Draft) -> None:
    if ev.event_type != "Explosions/Remote violence" or ev.actor2 or not ev.country:
        return
    if _session47_words()["harm_told"].search(_event_text(d)):
        ev.actor2, ev.inter2 = _in_country("Civilians", ev.country), 7


@lru_cache(maxsize=1)
def _session45_words() -> dict[str, re.Pattern[str]]:
    path = resources.files("sitrep") / "data" / "actors" / "roles_session45.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    return {k: re.compile(v, re.IGNORECASE) for k, v in data.items()}


def _event_text(d: Draft) -> str:
    return " ".join(x.text for x in d.sentences or [d.sentence])


def _rival_same_side(ev: Event, d: Draft) -> None:
    if ev.sub_event_type not in ("Attack", "Armed clash") or ev.inter1 not in (2, 3, 4) or \
            not (ev.actor1 or "").startswith("Unidentified") or (ev.actor2 and ev.inter2 != 7):
        return
    text, w = _event_text(d), _session45_words()
    if not (w["rival_groups"].search(text) and w["rival_fight"].search(text)):
        return
    ev.sub_event_type, ev.event_type = "Armed clash", "Battles"
    ev.actor2, ev.inter2 = ev.actor1, ev.inter1


def _state_kills_gang_member(ev: Event, d: Draft, actors: ActorDictionary, around: str) -> None:
    if ev.sub_event_type != "Attack" or ev.inter1 != 1 or ev.inter2 != 7 or not ev.country:
        return
    generic = actors.entry("generic:Unidentified Gang ({country})")
    if generic is None or (ev.iso or "").upper() not in {c.upper() for c in generic.countries}:
        return
    text = _event_text(d) + " " + (around or "")
    if not _session45_words()["gang_victim"].search(text):
        return
    gang = _in_country("Unidentified Gang", ev.country)
    for m in d.actors:
        entry = actors.entry(m.key)
        if entry is not None and m.inter == 3 and entry.display(ev.country, ev.iso).endswith(" Gang"):
            gang = entry.display(ev.country, ev.iso)
            break
    ev.sub_event_type, ev.event_type = "Armed clash", "Battles"
    ev.actor2, ev.inter2 = gang, 3


_SEXUAL_WORDS = re.compile(r"\b(?:rap(?:e|ed|es|ing|ists?)|sexual(?:ly)?|molest\w*|gang-raped)\b", re.IGNORECASE)


def _vac_second_civilians(ev: Event, d: Draft) -> None:
    # (only where the text tells the sexual act: "NPA members assaulted a police headquarters" is a fight the
    # typer misread, its police the real second side)
    if ev.sub_event_type in VAC_SECOND_CIVILIANS and ev.inter2 in ARMED and ev.country and \
            _SEXUAL_WORDS.search(_event_text(d)):
        ev.actor2, ev.inter2 = _in_country("Civilians", ev.country), 7


def _assign_actors(ev: Event, d: Draft, actors: ActorDictionary, around: str = "") -> None:
    country, iso = ev.country, ev.iso
    sub = ev.sub_event_type

    def named(m: ActorMention) -> tuple[str, int]:
        entry = actors.entry(m.key)
        if entry is None:
            return m.name, m.inter
        entry = actors.on_date(entry, ev.event_date)  # "AU troops" are AMISOM in 2016
        entry = actors.in_country(entry, iso, m.text)  # "Borana militia" in Ethiopia: the Ethiopian entry
        if AU_CONTINGENT:
            entry = _au_contingent(actors, entry, iso, ev.event_date)  # Kenyan troops in Somalia in 2016: AMISOM
        return entry.display(country, iso), entry.inter_for(iso)

    if sub == "Armed clash" and _partisan_clash(d):
        # ACLED: a battle is fought by organised armed groups; party supporters, factions or
        # villagers who clash, with no such group or state force among them, are rioters
        sub = ev.sub_event_type = "Mob violence"
        ev.event_type = "Riots"
    if IDENTITY_CLASH and sub in ("Mob violence", "Armed clash") and _identity_clash(ev, d, actors, around, named):
        return
    if RIOTERS_ATTACK and sub == "Attack" and d.agents and d.agents[0].inter == 5 and \
            not any(a.inter in ARMED for a in d.agents):
        # "members of the Bwa Kale movement killed a gang member": a crowd told as the one who struck
        # (rioters, no armed group among those acting) is mob violence (ACLED), not an attack
        sub = ev.sub_event_type = "Mob violence"
        ev.event_type = "Riots"
    party_clash = party_attack = False
    if ev.event_type in ("Battles", "Violence against civilians", "Explosions/Remote violence") and \
            _party_violence(d):
        # ACLED: a named party's (union's, student body's) supporters who clash with the police or
        # each other, beat someone or hurl crude bombs are rioters, the party their associated
        # actor; they are no armed group
        party_clash, party_attack = ev.event_type == "Battles", ev.event_type == "Violence against civilians"
        sub = ev.sub_event_type = "Mob violence"
        ev.event_type = "Riots"
    agents = [a for a in d.agents]
    patients = [p for p in d.patients]
    foreign_kinds = {named(p)[0].split(" of ")[0] for p in patients if p.inter == 1 and named(p)[1] == 8} \
        if FOREIGN_SOLDIERS_HIT else set()
    if foreign_kinds:
        # "Two US soldiers killed when their Humvee hit a bomb; a third soldier wounded": the bare
        # "soldier" hit beside a foreign state's force is one of them, not the event country's army
        bare = [a for a in agents + patients if a.key in (f"generic:{k} of {{country}}" for k in foreign_kinds)
                and named(a)[1] != 8]
        agents = [a for a in agents if a not in bare]
        patients = [p for p in patients if p not in bare]
    if ARRESTED_ASSOCIATES and sub == "Arrests":
        # "arrested 12 people suspected of supplying fuel to ISWAP fighters", "detained villagers for
        # links with the AA": the group is who the arrested were tied to, not who was arrested
        patients = [p for p in patients if not (p.inter in (2, 3, 4) and _tied_to(d, p))]
    elif ACCUSED_TIES and sub in ("Attack", "Armed clash", "Abduction/forced disappearance", "Mob violence"):
        patients = [p for p in patients if not (p.inter in (2, 3, 4) and _accused_of(d, p))]
    a1 = next((a for a in agents if a.inter != 7), None)
    if a1 is None and ev.event_type in ("Protests", "Riots"):
        a1 = next((a for a in agents if a.inter in (5, 6)), None)
    if a1 is None:
        # (not for an arrest: ACLED names the force that arrested first, the arrested second)
        a1 = next((p for p in patients if p.inter not in (7,) and sub in ACTOR_OF_ACTIVITY), None)
        if a1 is not None:
            patients = [p for p in patients if p is not a1]
    if a1 is None and CLASHED_PAIR and sub == "Armed clash" and len(patients) >= 2 and \
            _clashed_pair(d.sentence.text, patients[0], patients[1]) and not _same_actor(patients[0], patients[1], named):
        # "government troops and the SSA-N clashed": the parse took both for the ones acted upon;
        # told alike as the two sides, the first is actor1 (the state's own order rules apply below)
        a1 = patients.pop(0)
    a2 = next((p for p in patients if a1 is None or not _same_actor(p, a1, named)), None)
    if PAIR_OVER_TOLL and sub == "Armed clash" and a1 is not None and a2 is not None and a2.key.startswith("generic:") and \
            d.sentence.text[a2.start:a2.end] != a2.text:
        # (only where that word is not in the sentence of the pair: "Haitian and Kenyan police clashed with gang
        # members" has its second side told)
        # "Al Shabaab and AUSSOM troops clashed near X. Two soldiers were killed.": the side told with
        # the first as the pair that fought is the second side, not the bare word of a later toll
        pair = next((a for a in agents if a is not a1 and not a.key.startswith("generic:") and
                     not _same_actor(a, a1, named) and _subjects_pair(d.sentence.text, a1, a)), None)
        if pair is not None:
            a2 = pair
    if ARMED_SECOND_SIDE and a2 is not None:
        a2 = _armed_second_side(d, a1, a2, agents, patients, sub, named,
                                 " ".join(x.text for x in d.sentences or [d.sentence]))
    if a2 is None:
        a2 = next((a for a in agents if a1 is not None and not _same_actor(a, a1, named)), None)
        if a2 is not None and ev.event_type not in ("Battles", "Protests", "Riots"):
            # "fighters of JNIM and ISGS together executed a teacher": acting together, not fighting
            ev.assoc_actor_1 = named(a2)[0]
            a2 = None
        elif a1 is not None and a2 is not None and sub == "Armed clash" and a2.inter == 1 and a1.inter != 1 and \
                not (STATE_PAIR_ORDER and named(a1)[1] in (1, 8)) and \
                not (PAIR_AS_TOLD and iso.lower() not in words("clash_state_first") and
                     _subjects_pair(d.sentence.text, a1, a2)):
            # "the KIA and the army clashed": both sides told alike, no one the attacker; ACLED
            # then names the state's forces first
            a1, a2 = a2, a1
    elif a1 is not None and sub == "Armed clash" and a2.inter == 1 and a1.inter != 1 and \
            not (STATE_PAIR_ORDER and named(a1)[1] in (1, 8)) and iso.lower() in words("clash_state_first") and _told_as_sides(d.sentence.text, a1, a2):
        # "fighting between the rebels and the army": no one told attacking; where ACLED's
        # coders name the state's forces first in such clashes, so do we
        a1, a2 = a2, a1
    if sub == "Disrupted weapons use":
        # ACLED names the force that defused or seized the weapons first (state forces in four of
        # five of its own rows), the group whose weapons they were second
        if DWU_OWNER_SECOND and _foreign_weapons_downed(ev, d, named):
            return
        state = next((a for a in d.actors if a.inter == 1), None)
        if state is not None:
            ev.actor1, ev.inter1 = named(state)
            group = next((a for a in d.actors if a.key != state.key and (
                a.inter in (2, 3, 4, 8) or DWU_OTHER and a.inter == 1 and named(a)[1] == 8)), None)
            if group is not None:
                ev.actor2, ev.inter2 = named(group)
            elif DWU_OWNER_SECOND and named(state)[1] == 8 and country and \
                    _own_weapons_told(" ".join(x.text for x in d.sentences or [d.sentence]), iso):
                # "Russian troops downed two Ukrainian drones" in Ukraine: the drones are the event
                # country's own forces'
                ev.actor2, ev.inter2 = f"Military Forces of {'the ' if iso in COUNTRIES_WITH_THE else ''}{country}", 1
            elif DWU_OTHER:
                # whose weapons they were is not told: ACLED's actor2 is the unidentified armed
                # group (in 104 of the 119 tune rows where a state force seized, defused or
                # intercepted and no owner is named)
                ev.actor2, ev.inter2 = _in_country("Unidentified Armed Group", country), 3
            return
    # ACLED: demonstrators are "Protesters"/"Rioters (country)"; the party, union or group they
    # came from is an associated actor
    def inter_now(m: ActorMention) -> int:
        # (EVENT_INTER) the inter code for the event's day and country: the Taliban are a state's forces
        # from August 2021
        return named(m)[1] if EVENT_INTER and m.inter in (1, 2) else m.inter

    group = next((a for a in agents if inter_now(a) in (2, 3, 4, 6)), None)
    crowd = _crowd_country(agents, actors) if CROWD_ORIGIN else ""
    if ev.event_type == "Protests":
        ev.actor1, ev.inter1 = _in_country("Protesters", crowd or country), 6
        hitter = next((a for a in agents if inter_now(a) in (2, 3, 4)), None) \
            if ARMED_ON_CROWD and sub != "Peaceful protest" and any(p.inter == 6 for p in d.patients) else None
        if hitter is not None:
            # "gunmen fired on protesters": the armed group that struck the crowd is the event's
            # actor2 (ACLED codes unidentified gunmen so in excessive force), not the crowd's own
            # group nor the police who told of it
            ev.actor2, ev.inter2 = named(hitter)
            return
        if _associated(group):
            ev.assoc_actor_1 = named(group)[0]
        if COUNTER_DEMO and _told(d, around, "counter_demo"):
            # "a counter-demonstration gathered across the street": ACLED names the
            # counter-demonstrators the protest's actor2 (62 of 99 tune rows; the police 9)
            ev.actor2, ev.inter2 = _in_country("Protesters", country), 6
            return
        if sub != "Peaceful protest":
            police = next((a for a in d.actors if inter_now(a) in (1, 8) and (a.inter == 1 or EVENT_INTER and a.inter == 2)), None)
            if police:
                ev.actor2, ev.inter2 = _crowd_control(police, named, actors, country, iso)
        return
    # (not the police: in a riot they are mostly the ones who came to stop it)
    militia = next((a for a in agents if a.inter in (2, 4, 8) or (
        a.inter == 3 and (_ARMED_WORDS.search(a.text) or NAMED_MILITIA_NOT_MOB and "{country}" not in a.name))), None)
    if STATE_NOT_MOB and sub == "Mob violence" and agents and agents[0].inter == 1 and \
            not any(a.inter in (5, 6, 7) for a in agents) and not any(a.inter in (5, 6) for a in d.actors) and \
            not _CROWD_ACT.search(around or " ".join(x.text for x in d.sentences or [d.sentence])):
        # "two officers beat a detainee", "soldiers beat young men at a market":
        # no crowd acted; the state's forces who beat people attack civilians (ACLED: violence
        # against civilians, the force actor1)
        ev.sub_event_type, ev.event_type = "Attack", "Violence against civilians"
        ev.actor1, ev.inter1 = named(agents[0])
        ev.actor2, ev.inter2 = _in_country("Civilians", country), 7
        return
    if PEOPLES_CLASH and sub == "Mob violence" and militia is not None and militia.inter == 4:
        rival = next((a for a in d.agents + d.patients if a.inter == 4 and named(a)[0] != named(militia)[0]), None)
        if rival is not None:
            # "the Degodia and the Garre clashed": two peoples' (communities') militias told as
            # the sides of a fight are an armed clash between them (ACLED), not a mob's attack
            ev.sub_event_type, ev.event_type = "Armed clash", "Battles"
            ev.actor1, ev.inter1 = named(militia)
            ev.actor2, ev.inter2 = named(rival)
            return
    if sub == "Mob violence" and militia is not None:
        # ACLED: a communal or ethnic militia, gunmen or a gang who strike people commit an
        # attack, not a riot (a mob is a crowd that acts on its own)
        ev.sub_event_type, ev.event_type = "Attack", "Violence against civilians"
        ev.actor1, ev.inter1 = named(militia)
        ev.actor2, ev.inter2 = _in_country("Civilians", country), 7
        return
    if ev.event_type == "Riots":
        # mob violence too: rioters are actor1 in nineteen of twenty of ACLED's own rows
        ev.actor1, ev.inter1 = _in_country("Rioters", crowd or country), 5
        if _associated(group):
            ev.assoc_actor_1 = named(group)[0]
        # the police who came to stop it first (ACLED's actor2 of a violent demonstration in a
        # third of its rows, civilians in one of twenty); civilians only as the ones harmed, not
        # the crowd itself ("residents burnt tyres and stoned the police": the residents riot)
        other = next((a for a in d.actors if inter_now(a) in (1, 8) and (a.inter == 1 or EVENT_INTER and a.inter == 2)), None) or \
            next((p for p in d.patients if p.inter == 7), None)
        if MOB_STATE_HIT_ONLY and sub == "Mob violence" and other is not None and other.inter == 1 and \
                not _state_hit(d, around):
            # "a mob lynched a suspected thief before the police came to his rescue": the police who
            # intervened, arrested or received the victim were not the mob's target; its victims were
            other = None
        if MOB_ARMED_OVER_CIVILIANS and sub == "Mob violence" and other is not None and other.inter == 7 and \
                _armed_victim(d, named) is not None:
            # "a crowd of residents stoned a man of the X Gang to death": the residents (the crowd
            # itself, read as acted upon) are not its victims; the gang whose member it killed is
            other = None
        # (a party told acting beside the first, or a side of the clash)
        rival = next((a for a in d.agents + (d.patients if party_clash else [])
                      if _party(a) and (group is None or a.key != group.key)), None)
        if other is None and AROUND_POLICE and sub == "Violent demonstration" and around:
            # "students rioted ... the police came and fought them": the police told in a sentence that made
            # an event of its own are still the riot's other side
            other = next((a for a in actors.find(around, {iso} if iso else None) if a.inter == 1), None)
        if other:
            ev.actor2, ev.inter2 = _crowd_control(other, named, actors, country, iso)
        elif rival is not None and _associated(group) and (party_clash or sub == "Mob violence"):
            # "supporters of two parties clashed": rioters on both sides, each with its party
            ev.actor2, ev.inter2 = _in_country("Rioters", country), 5
            ev.assoc_actor_2 = named(rival)[0]
        elif party_attack:
            # "party workers beat up a shopkeeper": their target is a civilian
            ev.actor2, ev.inter2 = _in_country("Civilians", country), 7
        elif sub == "Mob violence" and pattern("rival_crowds").search(
                around or " ".join(x.text for x in d.sentences or [d.sentence])):
            # "supporters of two candidates clashed", "rival youths fought": rioters on both sides
            # (ACLED's actor2 of such mob violence in two of five rows, civilians in one of 25)
            ev.actor2, ev.inter2 = _in_country("Rioters", country), 5
        elif MOB_ARMED_VICTIM and sub == "Mob violence" and (victim := _armed_victim(d, named)) is not None:
            # "villagers beat to death a man of the X Gang", "gang members were killed by mobs": the
            # armed group whose members the crowd struck is the other side (ACLED)
            ev.actor2, ev.inter2 = victim
        elif sub == "Mob violence":
            # a crowd that beat, lynched or burnt: its targets are civilians (ACLED's actor2 in
            # three of five such rows, no one in one of four)
            ev.actor2, ev.inter2 = _in_country("Civilians", country), 7
        return
    if CIVILIAN_MOB and a1 is None and sub == "Attack" and _crowd_acting(d):
        # "villagers beat a suspected thief", "a group of residents stoned a herder": no
        # armed actor, people of the place did it; ACLED: mob violence by rioters, the victim a
        # civilian
        ev.sub_event_type, ev.event_type = "Mob violence", "Riots"
        ev.actor1, ev.inter1 = _in_country("Rioters", crowd or country), 5
        state = next((p for p in d.patients if p.inter == 1), None)
        if state is not None:
            ev.actor2, ev.inter2 = named(state)  # "residents attacked a police station"
        else:
            ev.actor2, ev.inter2 = _in_country("Civilians", country), 7
        return
    if a1 is not None:
        ev.actor1, ev.inter1 = named(a1)
    elif ev.event_type in ("Violence against civilians", "Explosions/Remote violence", "Battles") and sub != "Air/drone strike":
        ev.actor1 = _in_country("Unidentified Armed Group", country)
        ev.inter1 = 3
    elif sub == "Arrests":
        ev.actor1 = f"Police Forces of {country}" if country else "Police Forces"
        ev.inter1 = 1
    elif AIR_STRIKE_UNNAMED and sub == "Air/drone strike" and country:
        told = around or " ".join(x.text for x in d.sentences or [d.sentence])
        if _UNKNOWN_ORIGIN.search(told):
            # "a drone of unknown origin struck the gas field": someone armed, not named
            ev.actor1, ev.inter1 = _in_country("Unidentified Armed Group", country), 3
        else:
            # "a drone strike hit a market", no one named: a foreign state's forces told around it
            # ("an air strike by Russian forces ...; airstrikes also hit Malyn") struck; else the air
            # power over a country is mostly its own state's, which ACLED names when no other is told
            foreign = next((a for a in actors.find(told, {iso}) if a.inter == 1 and named(a)[1] == 8), None)
            if foreign is not None:
                ev.actor1, ev.inter1 = named(foreign)
            else:
                ev.actor1, ev.inter1 = f"Military Forces of {'the ' if iso in COUNTRIES_WITH_THE else ''}{country}", 1
    elif LOOTING_UNIDENTIFIED and sub == "Looting/property destruction" and not any(a.inter == 7 for a in agents):
        # (not where people of the place are told doing it: "students destroyed property")
        # "a shop was set on fire by unknown people", "a gang raided the governor's home": ACLED's
        # actor1 of a looting or a destruction no one is named for is the unidentified armed group
        # (its commonest actor1 of the sub-type on the tune split, 188 of 1,044 rows; empty in none)
        ev.actor1, ev.inter1 = _in_country("Unidentified Armed Group", country), 3
    if a2 is not None:
        name, inter = named(a2)
        if name != ev.actor1:
            ev.actor2, ev.inter2 = name, inter
        if PARTY_VICTIM and _party(a2) and (ev.event_type in ("Violence against civilians", "Explosions/Remote violence")
                                            or ARRESTED_PARTY_CIVILIANS and ev.sub_event_type == "Arrests"):
            # "a UNP member was attacked by unknown men", "the house of a BNP leader was bombed": the
            # party's people as the target are civilians (ACLED: "Civilians (country)", the party an
            # associated actor); a party is no armed side
            ev.actor2, ev.inter2 = _in_country("Civilians", country), 7
            ev.assoc_actor_2 = name
    if STATE_BOTH_SIDES and a1 is not None and not ev.actor2 and sub == "Armed clash" and ev.inter1 == 1 and \
            (rival := _same_force_side(d, a1, named)) is not None:
        # "Jubaland forces clashed with federal troops", "a shootout between SNA soldiers and NISA
        # agents", "Puntland and Galmudug troops clashed": two of one state's forces told as the two
        # sides of a fight; ACLED names the state's forces on both sides (a member state's or a unit's
        # name after its own), where the one actor read had left the other side empty
        ev.actor2, ev.inter2 = named(rival)
    if not ev.actor2 and _civilians_hit(ev, d):
        ev.actor2, ev.inter2 = _in_country("Civilians", country), 7
    if MILITARY_SITE_TARGET and not ev.actor2 and ev.event_type == "Explosions/Remote violence" and country and \
            ev.inter1 != 1 and _military_site(around or " ".join(x.text for x in d.sentences or [d.sentence])):
        # "Israeli warplanes struck a weapons depot near Kisweh", "a drone hit an air base": the
        # site is the event country's military's
        ev.actor2, ev.inter2 = f"Military Forces of {'the ' if iso in COUNTRIES_WITH_THE else ''}{country}", 1
    if MIGRANTS_INTERNATIONAL and ev.actor2 == _in_country("Civilians", country) and a2 is not None and \
            _MIGRANT_WORDS.search(a2.text) and not (actors.entry(a2.key) and actors.entry(a2.key).origin):
        # "39 migrants were detained off the coast": people of many or untold nationalities are
        # ACLED's "Civilians (International)"; where the text tells their country, it names them
        ev.actor2 = "Civilians (International)"
    if MIXED_NATIONALITIES and ev.inter2 == 7 and (ev.actor2 or "").startswith("Civilians (") and \
            _nationalities_told(" ".join(x.text for x in d.sentences or [d.sentence]), iso) >= 2:
        # "abducted a Dutch and a Brazilian engineer", "two Chinese and three Turkish
        # engineers were killed": victims of several nationalities are "Civilians (International)"
        ev.actor2 = "Civilians (International)"
    if a2 is not None and ev.inter2 in ARMED and _off_duty(a2, around or " ".join(x.text for x in d.sentences or [d.sentence]),
                                                         state=ev.inter2 == 1):
        # a member out of service ("an off-duty policeman"), or a former member of any armed
        # group ("a former militiaman", "an ex-rebel"), is a civilian target
        ev.actor2, ev.inter2 = _in_country("Civilians", country), 7
    if sub == "Armed clash" and ev.inter2 == 7:
        ev.sub_event_type = "Attack"
        ev.event_type = "Violence against civilians"
    if ev.inter1 == 7 and ev.event_type not in ("Protests", "Riots"):
        ev.actor1, ev.actor2 = ev.actor2, ev.actor1
        ev.inter1, ev.inter2 = ev.inter2, ev.inter1
        if not ev.actor1:
            ev.actor1 = _in_country("Unidentified Armed Group", country)
            ev.inter1 = 3
    if ev.sub_event_type == "Armed clash" and ev.inter2 not in ARMED and _one_sided(d, around or d.sentence.text):
        # ACLED: a battle has two armed sides; with no second armed party and no fighting
        # told ("two drug suspects were killed during a police raid"), the violence was
        # one-sided: an attack on civilians
        ev.sub_event_type, ev.event_type = "Attack", "Violence against civilians"
        if not ev.actor2:
            ev.actor2, ev.inter2 = _in_country("Civilians", country), 7
    if DISPLACED_CIVILIANS and ev.sub_event_type == "Other" and ev.inter1 != 7 and \
            not (ev.inter1 in ARMED and ev.inter2 in ARMED) and _DISPLACED.search(
            around or " ".join(x.text for x in d.sentences or [d.sentence])):
        # "villagers fled after army attacks on the rebels' base", "residents were displaced by the
        # fighting": ACLED codes a displacement as the civilians' own event, with no other actor, even
        # where the text names who caused it (its "Other" tune rows that tell displacement: actor1
        # civilians in 246 of 264, actor2 always empty); not where two armed sides were read (a fight
        # told with its toll of displaced, which the typer left "Other")
        ev.actor1, ev.inter1 = _in_country("Civilians", country), 7
        ev.actor2, ev.inter2 = "", None
    if not ev.actor1 and ev.inter2 == 7 and ev.sub_event_type == "Other":
        # "hundreds of families fled their villages", "residents were evacuated": with no one else
        # named, the civilians are the ones who did it (ACLED's actor1 of a displacement)
        ev.actor1, ev.inter1, ev.actor2, ev.inter2 = ev.actor2, ev.inter2, "", None
    if not ev.actor1 and ev.sub_event_type == "Other" and _GUNFIRE.search(
            around or " ".join(x.text for x in d.sentences or [d.sentence])):
        # "gunshots were heard near the market", no shooter named: someone armed fired (ACLED's
        # actor1 of such rows on the tune split: an unidentified armed group in 272 of 293)
        ev.actor1, ev.inter1 = _in_country("Unidentified Armed Group", country), 3
    if BLOCKADE_CIVILIANS and not ev.actor1 and ev.sub_event_type == "Other" and _told(d, around, "blockade_words"):
        # "barricades of burning tyres went up on the main road", no one named: ACLED codes the
        # blockade as the people's own act ("Civilians (country)", roles_words.yml blockade_words)
        ev.actor1, ev.inter1 = _in_country("Civilians", country), 7
    if SOURCE_YIELDS and BLAMED and getattr(d, "sources", False):
        # "..., police said" stood in as the actor: one the text holds responsible ("police
        # blamed IS militants") did it
        blamed = _blamed(around or " ".join(x.text for x in d.sentences or [d.sentence]), actors, iso)
        if blamed is not None and named(blamed)[0] != ev.actor2:
            ev.actor1, ev.inter1 = named(blamed)
    if ev.actor1 in ("Unidentified Armed Group", _in_country("Unidentified Armed Group", country)):
        # no one named: the text's words may still describe who did it, as the country's generic
        # actor ("a vigilante-style killing" in the Philippines: ACLED's anti-drug vigilantes)
        described = actors.described(around or " ".join(x.text for x in d.sentences or [d.sentence]), iso)
        if described is not None:
            ev.actor1, ev.inter1 = described.display(country, iso), described.inter_for(iso)
        elif IDENTITY_CLASH and ev.event_type == "Violence against civilians" and _told(d, around, "identity_violence"):
            # "raiders shot a man during ongoing ethnic clashes": the unnamed attackers of violence
            # told as between peoples are their (unidentified) militia
            ev.actor1, ev.inter1 = _in_country(_unidentified_identity(d, around, ev), country), 4
        elif BLAMED:
            # "the army said the blast was blamed on the rebels", "X claimed responsibility":
            # the one held responsible did it
            blamed = _blamed(around or " ".join(x.text for x in d.sentences or [d.sentence]), actors, iso)
            if blamed is not None:
                if named(blamed)[0] == ev.actor2:
                    # "were shot by plainclothesmen (presumed police)": the parse took the police for
                    # the target; the victims are then the civilians the attack is told against
                    ev.actor2, ev.inter2 = (_in_country("Civilians", country), 7) if \
                        _civilians_hit(ev, d) else ("", None)
                ev.actor1, ev.inter1 = named(blamed)
    if SAME_BOTH_SIDES and ev.sub_event_type == "Armed clash" and ev.actor1 and not ev.actor2 and \
            _told(d, around, "same_both_sides"):
        # "two groups of soldiers clashed", "a shootout between unknown gunmen": one actor's own
        # men fought each other; ACLED names it on both sides
        ev.actor2, ev.inter2 = ev.actor1, ev.inter1
    if CLASH_UNNAMED_BOTH and ev.sub_event_type == "Armed clash" and not ev.actor2 and \
            ev.actor1.startswith("Unidentified "):
        # "unidentified armed groups clashed", "armed clashes were reported in the district", "rival
        # gang members fought": no side is named; ACLED codes both sides as the unidentified actor
        ev.actor2, ev.inter2 = ev.actor1, ev.inter1
    if RESPONDER_JOINS and ev.sub_event_type == "Armed clash" and ev.actor1 and ev.actor2 in ("", ev.actor1) and \
            ev.inter1 not in (1, 8):
        # (not where the state's own men fought each other: "the federal troops stepped in and
        # parted the sides" of a clash between two units came between them)
        # "Bandits stormed a village. Police responded and killed three of the attackers.": the state's forces
        # told responding are the other side, not the attackers named again
        responder = next((m for m in d.actors if m.inter == 1 and named(m)[0] != ev.actor1 and
                          _responded(d, named(m)[0], named)), None)
        if responder is not None:
            ev.actor2, ev.inter2 = named(responder)
    if RESPONDER_SECOND and ev.sub_event_type == "Armed clash" and ev.actor1 and ev.actor2 and ev.actor1 != ev.actor2 and \
            _responded(d, ev.actor1, named) and not _responded(d, ev.actor2, named):
        # "gunmen stormed the camp; soldiers fought back": the side told responding did not start the
        # fight, ACLED names the one it answered first
        ev.actor1, ev.actor2 = ev.actor2, ev.actor1
        ev.inter1, ev.inter2 = ev.inter2, ev.inter1
    if (ev.sub_event_type == "Armed clash" or STATE_SECOND_MORE and ev.inter2 in (2, 3, 4) and
            ev.sub_event_type in _state_second_subs()) and ev.inter1 == 1 and ev.actor2 and ev.inter2 != 1 and \
            iso.lower() in words("clash_state_second"):
        # where ACLED's coders name the other side of a clash with the state's forces first,
        # whoever attacked ("soldiers killed a rebel in an encounter"), so do we
        ev.actor1, ev.actor2 = ev.actor2, ev.actor1
        ev.inter1, ev.inter2 = ev.inter2, ev.inter1
    if STATE_FIRST_BY_DATE and (ev.sub_event_type == "Armed clash" or STATE_FIRST_REMOTE and
                                ev.event_type == "Explosions/Remote violence" and ev.inter1 in (2, 3, 4)) and (
            ev.inter2 == 1 and ev.inter1 not in (None, 1) or
            STATE_FIRST_EXTERNAL and ev.inter2 == 8 and ev.inter1 not in (None, 1, 8)) and \
            ev.event_date is not None and (ev.event_date.year <= _state_first_until().get(iso.lower(), 0) or
                                           STATE_FIRST_SPAN and _in_state_first_span(iso, ev.event_date.year)):
        # where and while ACLED's coders named the state's forces first in every clash with them,
        # whoever is told attacking ("KIA troops ambushed an army column" in Myanmar before 2020)
        ev.actor1, ev.actor2 = ev.actor2, ev.actor1
        ev.inter1, ev.inter2 = ev.inter2, ev.inter1
    if ev.sub_event_type == "Attack" and ev.inter1 in ARMED and ev.inter2 in ARMED:
        # ACLED: violence against civilians has civilians as its target; armed, organised
        # actors on both sides (a police officer on duty shot dead, a guard killed) are a battle,
        # whether or not the target fought back
        ev.sub_event_type, ev.event_type = "Armed clash", "Battles"
    _territory_sides(ev)


# switch (session 41, actors6): two mentions of one state's forces told as the two sides of an armed
# clash ("Jubaland forces clashed with federal troops", "fighting between the army and the presidential
# guard") are that state's forces on both sides (ACLED: 60 tune rows of both files name one state's
# forces so; "Military Forces of Somalia ... Jubaland Security Force" against "Military Forces of
# Somalia"), not one side with the other left empty
STATE_BOTH_SIDES = 1


def _same_force_side(d: Draft, a1: ActorMention, named) -> ActorMention | None:
    """Another mention of a1's state force told as the other side of the fight with a1 in the
    event's sentence ("X clashed with Y", "between X and Y", "X and Y fought")."""
    text = d.sentence.text
    for m in d.actors:
        if m is a1 or m.start == a1.start or not (m.end <= a1.start or a1.end <= m.start):
            continue
        if _same_actor(m, a1, named) and _told_as_sides(text, a1, m):
            return m
    return None


# switch (session 38, types): in a fight (armed clash, attack) whose first named target is civilians, an
# armed side named besides the actor ("rebels and villagers attacked the army", "after gunmen killed a
# civilian, a police reservist who responded was shot dead") is the other side: ACLED codes the
# fight between the two armed sides, not an attack on the civilians
ARMED_SECOND_SIDE = 1


def _armed_second_side(d, a1, a2, agents, patients, sub, named, text):
    """The event's second actor: `a2`, or an armed one on the other side where `a2` is civilians.
    Not one told as whose members the victims were ("a leader of the peasants' alliance"), nor one
    told acting with the first ("the army and the militia killed villagers"), nor a second state
    force among the actors."""
    if a1 is None or a2.inter != 7 or sub not in ("Armed clash", "Attack") or a1.inter not in ARMED:
        return a2
    low = text.lower()
    for m in patients + [a for a in agents if a is not a1]:
        if m.inter not in ARMED or _same_actor(m, a1, named) or _tied_to(d, m):
            continue  # ("killed six civilians, accusing them of supporting the rebels")
        at = low.find(m.text.lower())
        if at >= 0 and (_MEMBERS_OF.search(low[max(0, at - 30):at]) or regex("group_as_context").search(low[max(0, at - 60):at])):
            continue
        if m in agents and ((m.inter in (1, 8)) and (a1.inter in (1, 8)) or _acting_with(low, a1, m)):
            continue
        return m
    return a2


_MEMBERS_OF = re.compile(r"\b(?:of|from)\s+(?:the\s+|a\s+|an\s+)?$")
_WITH = re.compile(r"[\s,]*(?:and|together with|along with|as well as|with|alongside|backed by|supported by)\s+"
                   r"(?:the\s+|its\s+|their\s+|some\s+)?(?:[\w'-]+\s+){0,3}")


def _acting_with(low: str, a1, m) -> bool:
    """'the Myanmar military and Pyu Saw Htee members killed': the two named together as the ones acting."""
    i = low.find(a1.text.lower())
    j = low.find(m.text.lower(), i + len(a1.text)) if i >= 0 else -1
    if j < 0:
        return False
    return bool(_WITH.fullmatch(low[i + len(a1.text):j]))


# switch: mob violence told between two identity militias (inter 4: "the Ajuran and the Garre
# clashed") is an armed clash between them
PEOPLES_CLASH = 1
# switch: violence told as between peoples, communities or clans (roles_words.yml identity_violence)
# is an armed clash between their militias (`_identity_clash`); an attack with no one named in it is
# their unidentified militia's
IDENTITY_CLASH = 1


# switch: in the countries where ACLED names kin militias by tribe (role_cues.yml tribal_countries:
# Iraq, Yemen, Syria, Libya, ...), an unnamed one is the "Unidentified Tribal Militia", whatever
# word the text uses (clan, tribe, community), and a named tribe's is "<Name> Tribal Militia"
TRIBAL_COUNTRIES = 1


def _unidentified_identity(d: Draft, around: str, ev: Event) -> str:
    """ACLED's name of an unnamed identity militia, which changed over its coding years: "Unidentified
    Ethnic Militia" until 2015, then "Unidentified Communal Militia", or "Unidentified Clan Militia"
    for clans, "... Ethnic Militia" where the text says ethnic or tribal (tune split: 196 of 230
    unnamed identity militias before 2016 are Ethnic; from 2016, 32 of 39 with "clan" Clan, 14 of 16
    with "ethnic" Ethnic, 204 of 223 others Communal)."""
    text = (around or " ".join(x.text for x in d.sentences or [d.sentence])).lower()
    if TRIBAL_COUNTRIES and (ev.iso or "").lower() in _role_cues()["tribal_countries"]:
        return "Unidentified Tribal Militia"
    if ev.event_date is not None and ev.event_date.year < 2016:
        return "Unidentified Ethnic Militia"
    if re.search(r"\bclans?\b|\bsub-?clans?\b", text):
        return "Unidentified Clan Militia"
    if re.search(r"\b(?:ethnic|tribal|tribes?)\b", text):
        return "Unidentified Ethnic Militia"
    return "Unidentified Communal Militia"


# switch: the state's forces told only as the source of a clash between peoples ("clashes between
# two clans killed four, a police source said") are not its other side (`_identity_clash`)
IDENTITY_SOURCE_NOT_PARTY = 1


def _only_spoke(d: Draft, a: ActorMention) -> bool:
    """Is every mention of this actor's words in the draft's sentences told as a source ("police
    said", "according to the army")?"""
    seen = False
    for s in d.sentences or [d.sentence]:
        low = s.text.lower()
        for m in re.finditer(re.escape(a.text.lower()), low):
            seen = True
            if not (_SPEECH_AFTER.match(low[m.end():m.end() + 40]) or
                    _SPEECH_BEFORE.search(low[max(0, m.start() - 25):m.start()])):
                return False
    return seen


def _identity_clash(ev: Event, d: Draft, actors: ActorDictionary, around: str, named) -> bool:
    """"Ethnic clashes between the Pokomo and the Wardei", "intercommunal violence left two dead":
    with no armed group (inter 2, 3, 8) among the parties and the words of violence between peoples,
    an armed clash between the peoples' militias (inter 4), the unidentified one for a side not named;
    the state's forces who came to stop it are the other side. Sets the event; False when it does
    not apply."""
    if not _told(d, around, "identity_violence"):
        return False
    parties = d.agents + d.patients
    if any(a.inter in (2, 3, 8) for a in parties) or any(
            a.inter == 1 and not (IDENTITY_SOURCE_NOT_PARTY and _only_spoke(d, a)) for a in d.agents[:1]):
        return False  # an armed group's violence, or the state's own act
    sides: list[tuple[str, int]] = []
    for a in parties:
        if a.inter == 4 and named(a)[0] not in [n for n, _ in sides]:
            sides.append(named(a))
    state = next((a for a in d.actors if a.inter == 1 and not (IDENTITY_SOURCE_NOT_PARTY and _only_spoke(d, a))),
                 None)
    if len(sides) < 2 and state is None and any(p.inter == 7 for p in d.patients):
        return False  # "two clan elders slain by ethnic militants": an attack on civilians (below)
    unnamed = (_in_country(_unidentified_identity(d, around, ev), ev.country), 4)
    first = sides[0] if sides else unnamed
    second = named(state) if state is not None else sides[1] if len(sides) > 1 else unnamed
    ev.sub_event_type, ev.event_type = "Armed clash", "Battles"
    (ev.actor1, ev.inter1), (ev.actor2, ev.inter2) = first, second
    return True


# switch: the actor2 of an event is the first other party that names another actor than actor1, by
# its ACLED name, not its dictionary entry ("troops of the Army's 5th Infantry Battalion": one
# actor under a generic and a country's entry)
A2_BY_NAME = 1
# switch: counter-demonstrators are a protest's actor2 (data/actors/roles_words.yml counter_demo)
COUNTER_DEMO = 1
# switch: a clash told among one actor's own men has it on both sides (roles_words.yml same_both_sides)
SAME_BOTH_SIDES = 1


def _same_actor(m: ActorMention, other: ActorMention, named) -> bool:
    """Do these two mentions name one actor: one entry, or (`A2_BY_NAME`) one ACLED name?"""
    return m.key == other.key or bool(A2_BY_NAME) and named(m)[0] == named(other)[0]


@lru_cache(maxsize=1)
def _role_patterns() -> dict[str, re.Pattern[str]]:
    """The word patterns of data/actors/roles_words.yml, one compiled pattern per list."""
    path = resources.files("sitrep") / "data" / "actors" / "roles_words.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    return {name: re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in pats) + ")", re.IGNORECASE)
            for name, pats in data.items() if name not in ("military_targets", "state_second_subs")}


# switch: a violent demonstration with no other side among its parties has the state's forces told
# in the sentences around it (the police who intervened, told as an event of their own)
AROUND_POLICE = 1
# switch: "mob violence" whose first party told acting is the state's forces, with no crowd among
# the parties, is their attack on civilians
STATE_NOT_MOB = 1
# words of a crowd's violence ("a riot broke out", "was lynched", "clashed"): then a mob did act
_CROWD_ACT = re.compile(r"\b(?:riot|lynch|mob|clash|demonstrat|protest|brawl|scuffle)", re.IGNORECASE)
# switch: an attack told done by a crowd of civilians (villagers, residents), with no armed actor
# named, is mob violence by rioters
CIVILIAN_MOB = 1
_CROWD_WORD = re.compile(r"(?:s|people|youth|mob|crowd)$", re.IGNORECASE)


def _crowd_acting(d: Draft) -> bool:
    """Is the first party told acting a crowd of civilians ("villagers", "residents"; not one
    person, not a source who only spoke), with no armed actor told acting?"""
    if any(a.inter != 7 for a in d.agents):
        return False
    first = next((a for a in d.agents), None)
    if first is None or not _CROWD_WORD.search(first.text):
        return False
    for s in d.sentences or [d.sentence]:
        if s.text[first.start:first.end] == first.text:
            after = s.text[first.end:first.end + 40].lower()
            before = s.text[max(0, first.start - 25):first.start].lower()
            return not (_SPEECH_AFTER.match(after) or _SPEECH_BEFORE.search(before) or _WITNESS_AFTER.match(after))
    return False


# a crowd that only saw, heard, found or fled ("residents of the town saw the convoy hit"): witnesses
_WITNESS_AFTER = re.compile(r"^(?:\s+[\w'-]+){0,3}?\s+(?:saw|see|seen|witnessed|watched|heard|noticed|found|discovered|"
                            r"fled|recovered|reported|described|recalled|woke)\b", re.IGNORECASE)


# switch: an act told with no perpetrator has the actor the text holds responsible
# (roles_words.yml blamed_after, blamed_before) as actor1
BLAMED = 1


def _blamed(text: str, actors: ActorDictionary, iso: str) -> ActorMention | None:
    """The armed actor `text` holds responsible: named right after "blamed ... on", "attributed
    to", or right before "claimed responsibility", "is believed to be behind"; not a civilian,
    not the unidentified group, not one that "no group" names."""
    pats = _role_patterns()
    countries = {iso} if iso else None

    def armed(found: list[ActorMention]) -> list[ActorMention]:
        return [a for a in found if a.inter in ARMED and not a.name.startswith("Unidentified Armed Group")]

    for m in pats["blamed_after"].finditer(text):
        found = armed(actors.find(text[m.end():m.end() + 80], countries))
        if found and found[0].start <= 12:  # right after the words ("on the NPA")
            return found[0]
    for m in pats["blamed_before"].finditer(text):
        window = text[max(0, m.start() - 80):m.start()]
        found = armed(actors.find(window, countries))
        if found and len(window) - found[-1].end <= 2 and not re.search(r"\bno\s+\w*\s*$", window[:found[-1].start]):
            return found[-1]  # "The CGF claimed responsibility" (not "no armed group claimed")
    return None


# switch: where ACLED names the other side of a clash with the state first (`clash_state_second`),
# it does so in arrests, agreements and regained territory too (roles_words.yml state_second_subs)
STATE_SECOND_MORE = 1


@lru_cache(maxsize=1)
def _state_second_subs() -> frozenset[str]:
    path = resources.files("sitrep") / "data" / "actors" / "roles_words.yml"
    return frozenset((yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}).get("state_second_subs") or [])


def _told(d: Draft, around: str, name: str) -> bool:
    """Do the words of what tells the event match the roles_words.yml list `name`?"""
    return bool(_role_patterns()[name].search(around or " ".join(x.text for x in d.sentences or [d.sentence])))


# switch (session 40, actors5): an armed clash whose only side read is an unidentified actor
# ("unidentified armed groups clashed", "armed clashes were registered", "rival gang members engaged in
# clashes") has that actor on both sides (ACLED). Tune rows where sitrep read an armed clash with an
# unidentified actor1 and no actor2 (seeds 31, 23, 7 and Haiti): gold actor2 the same actor in 11 of 23,
# empty in none
CLASH_UNNAMED_BOTH = 1

# switch (session 40, actors5): the one side of a clash that the text calls back with a definite noun
# ("police intervened and clashed with the criminals", "troops engaged the attackers") is the one named
# non-state armed group the article told before (roles_words.yml told_back)
TOLD_BACK_GROUP = 1

# switch (session 40, actors5): an unidentified armed side that the event's words tie to one named
# non-state armed group ("gunmen, said to be allied with the X Gang", "armed men arriving to
# reinforce the ranks of X", "likely X members") is that group (roles_words.yml affiliated_before)
AFFILIATED_GROUP = 1
# switch (session 41, actors6): AFFILIATED_GROUP looks for named groups in the event's words only when
# those words hold one of roles_words.yml affiliated_before anywhere (the same patterns, not anchored):
# no match can be found otherwise, so the figures stay the same and most events skip the dictionary's find
AFFILIATED_PRECHECK = 1


@lru_cache(maxsize=1)
def _affiliated_anywhere() -> re.Pattern[str]:
    """roles_words.yml affiliated_before without its end anchors: a match of a pattern in any window
    of the text is a match of this one in the whole text."""
    path = resources.files("sitrep") / "data" / "actors" / "roles_words.yml"
    pats = (yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}).get("affiliated_before") or []
    return re.compile("|".join(f"(?:{p[:-1] if p.endswith('$') else p})" for p in pats), re.IGNORECASE)


def _named_groups_in(text: str, actors: ActorDictionary, iso: str, ev: Event) -> list[tuple[ActorMention, str, int]]:
    """Named (not generic, not unidentified) non-state armed groups in `text`: (mention, name, inter)."""
    out = []
    for m in actors.find(text, {iso} if iso else None):
        entry = actors.entry(m.key)
        if entry is None or m.inter not in (2, 3) or "{country}" in entry.name:
            continue
        entry = actors.in_country(actors.on_date(entry, ev.event_date), iso, m.text)
        name = entry.display(ev.country, iso)
        if name.startswith("Unidentified"):
            continue
        out.append((m, name, entry.inter_for(iso)))
    return out


def told_back(ev: Event, d: Draft, actors: ActorDictionary, before: str, around: str = "") -> None:
    """The unnamed side of an event that the text ties to one named armed group (TOLD_BACK_GROUP,
    AFFILIATED_GROUP); `before` is the article's text before the event's first sentence."""
    iso = ev.iso or ""
    told = around or " ".join(x.text for x in d.sentences or [d.sentence])
    if AFFILIATED_GROUP:
        slots = [k for k in (1, 2) if (getattr(ev, f"actor{k}") or "").startswith(("Unidentified Armed Group",
                                                                                    "Unidentified Gang"))]
        if slots and AFFILIATED_PRECHECK and not _affiliated_anywhere().search(told):
            slots = []
        if slots:
            after = _role_patterns()["affiliated_before"]
            tied = {name: inter for m, name, inter in _named_groups_in(told, actors, iso, ev)
                    if after.search(told[max(0, m.start - 80):m.start])}
            others = {getattr(ev, f"actor{k}") for k in (1, 2)}
            if len(tied) == 1 and not others & set(tied):
                name, inter = next(iter(tied.items()))
                setattr(ev, f"actor{slots[0]}", name)
                setattr(ev, f"inter{slots[0]}", inter)
                return
    if TOLD_BACK_GROUP and ev.sub_event_type == "Armed clash" and ev.actor1 and not ev.actor2 and before and \
            _told(d, told, "told_back"):
        groups = {name: inter for _, name, inter in _named_groups_in(before, actors, iso, ev) if name != ev.actor1}
        if len(groups) == 1:
            ev.actor2, ev.inter2 = next(iter(groups.items()))


# switch (session 40, actors5): the victims of a mob who are members of a named armed group or of an
# unidentified gang ("a mob lynched a member of the X Gang") are that group, not civilians (ACLED). Tune
# notes of mob violence telling "lynched/killed/beat ... member(s) of <Name>": the group actor2 in 8 of
# 18, civilians in 3, empty in 5
MOB_ARMED_VICTIM = 1
# switch (session 44, actors9): ... and wins over civilians found as the mob's other side (the crowd's own
# "residents" the parse left acted upon: "a crowd of residents ... killed a man of the X Gang")
MOB_ARMED_OVER_CIVILIANS = True


def _victim_of(d: Draft, m: ActorMention) -> bool:
    """Is the group named as the one whose violence someone suffered ("a victim of the X Gang's violence")?"""
    for s in d.sentences or [d.sentence]:
        if s.text[m.start:m.end] == m.text:
            return bool(re.search(r"\bvictims? of (?:the )?$", s.text[max(0, m.start - 20):m.start], re.IGNORECASE))
    return False


def _armed_victim(d: Draft, named) -> tuple[str, int] | None:
    for p in d.patients:
        if p.inter not in (2, 3) or _tied_to(d, p) or _victim_of(d, p):
            # (not "a herder the crowd accused of aiding the rebels", "a victim of the X Gang's violence")
            continue
        name, inter = named(p)
        if inter in (2, 3) and (not name.startswith("Unidentified") or name.startswith("Unidentified Gang")):
            return name, inter
    return None


# switch: in a country and years where ACLED names the state's forces first in every clash with
# them (data/actors/clash_order.yml), so do we, whoever attacked
STATE_FIRST_BY_DATE = 1


# switch (session 41, actors6): ... and so do we with a foreign or international force fighting there
# (an AU mission's troops against Al Shabaab: ACLED's Somali rows of 2015-16 name the mission first in
# nearly every clash with it, as the country's own army)
STATE_FIRST_EXTERNAL = 1


@lru_cache(maxsize=1)
def _state_first_until() -> dict[str, int]:
    """Country (ISO2, lower case) -> the last year its clashes with the state name the state first
    (data/actors/clash_order.yml)."""
    path = resources.files("sitrep") / "data" / "actors" / "clash_order.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(iso).lower(): int(year) for iso, year in (data.get("state_first_until") or {}).items()}


# switch (session 43, actors8): where and while ACLED's coders named the state first in every clash
# (STATE_FIRST_BY_DATE), they did so in remote violence too: an IED or grenade of a group (rebels,
# unidentified attackers) against the state's forces names the forces first (Somalia's rows of 2016: 100 of
# 102; Kenya's of 2013-2016: 27 of 28; Myanmar's to 2019: 391 of 453, the army's own shelling among them)
STATE_FIRST_REMOTE = 1
# switch (session 43, actors8): STATE_FIRST_BY_DATE also for spans of years that do not start with a
# country's first rows (data/actors/clash_order_session43.yml: Kenya 2013-2016, where ACLED's coders
# named the police or army first in 135 of 145 clashes)
STATE_FIRST_SPAN = 1


@lru_cache(maxsize=1)
def _state_first_spans() -> dict[str, tuple[int, int]]:
    """Country (ISO2, lower case) -> (first, last) year of its state-first clashes
    (data/actors/clash_order_session43.yml)."""
    path = resources.files("sitrep") / "data" / "actors" / "clash_order_session43.yml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(iso).lower(): (int(span[0]), int(span[1])) for iso, span in (data.get("state_first_spans") or {}).items()}


def _in_state_first_span(iso: str, year: int) -> bool:
    first, last = _state_first_spans().get((iso or "").lower(), (0, -1))
    return first <= year <= last


# shooting told with no shooter: "gunshots were heard", "sounds of gunfire", "shots were fired"
_GUNFIRE = re.compile(r"\b(?:gunshots?|gunfire|gun ?fire|shots (?:were|was|had been) (?:heard|fired)|"
                      r"sounds? of (?:shooting|shots|firing))\b", re.IGNORECASE)
_ARMED_WORDS = re.compile(r"\b(?:gun|armed|gang|militant|bandit|jihad|terror|insurgent|rebel|fighter)", re.IGNORECASE)
ARMED = {1, 2, 3, 4, 8}  # ACLED's inter codes of armed, organised actors


_BETWEEN = re.compile(r"\b(?:between|among|amongst)\s", re.IGNORECASE)
# a verb of fighting told of both sides alike, right before the second side: "X fought (against) Y",
# "X clashed with Y", "X exchanged fire with Y" (not "X attacked Y": that names the attacker)
_FOUGHT_BEFORE = re.compile(r"\b(?:fought|battled|clashed|exchanged (?:gun)?fire|engaged in (?:a )?(?:gunfight|firefight|"
                            r"clash|clashes|fighting))(?:\s+(?:against|with))?\s+(?:the\s+|a\s+)?$", re.IGNORECASE)
_ATTACKED = re.compile(r"\b(?:attack|ambush|raid|assault|shell|bomb|fired on|opened fire)", re.IGNORECASE)


def _told_as_sides(text: str, m1: ActorMention, m2: ActorMention) -> bool:
    """Are these two actors told as the two sides of one fight, "between X and Y"?"""
    first, second = sorted((m1, m2), key=lambda m: m.start)
    if not (0 <= first.end <= second.start <= len(text)) or text[first.start:first.end] != first.text or \
            text[second.start:second.end] != second.text:
        return False
    gap = text[first.end:second.start]
    if len(gap) <= 60 and _FOUGHT_BEFORE.search(gap) and not _ATTACKED.search(gap):
        return True  # "the KIA fought against the army", "the TNLA clashed with government troops"
    if len(gap) > 40 or not re.search(r"\band\b|&|,", gap):
        return False
    # "between X and Y", or "X and Y fought"
    return any(b.end() <= first.start for b in _BETWEEN.finditer(text)) or \
        bool(pattern("battle_words").search(text[second.end:second.end + 40]))


def _one_sided(d: Draft, told: str) -> bool:
    """Does this clash lack a second armed side (no second armed actor, no common noun of an
    armed party such as "the rebels") and any word of fighting in what tells it?"""
    armed = {a.key for a in d.actors if a.inter in ARMED}
    spans = [(a.start, a.end) for a in d.actors]
    unnamed = any(not any(s <= m.start() < e for s, e in spans)
                  for m in pattern("armed_party_words").finditer(d.sentence.text))
    return len(armed) + unnamed < 2 and not pattern("battle_words").search(told)


def _party(m: ActorMention) -> bool:
    """A named party, union or student body, whose people demonstrate (inter 6, not the generic
    "Protesters")."""
    return m.inter == 6 and "{country}" not in m.name


def _party_violence(d: Draft) -> bool:
    """Is this violence done by a named party's people, with no armed group, militia or state
    force told acting ("TMC activists hurled bombs", "BSP and SP supporters clashed", "VHP activists
    and the police clashed")?"""
    first = next((a for a in d.agents if a.inter != 7), None)
    if first is None or not _party(first):
        return False
    return not any(a.inter in (2, 3, 4, 8) or (a.inter == 1 and a.start < first.start) for a in d.agents)


def _partisan_clash(d: Draft) -> bool:
    """Is this clash one among people who are no organised armed group (party supporters,
    factions, villagers), with no armed group or state force named?"""
    text = d.sentence.text
    if pattern("armed_party_words").search(text):
        return False
    for a in d.actors:
        if a.inter in (1, 2, 4, 8) or (a.inter == 3 and (_ARMED_WORDS.search(a.text) or a.key.startswith("generic:"))):
            return False
    return bool(pattern("partisan_words").search(text)) or \
        bool(FAITH_CLASH_MOB and pattern("faith_community_words").search(text))


# switch (session 38, types): a clash among the faithful of religions ("Christians and Muslims clashed"),
# no armed group or state force named, is mob violence as a clash among villagers or supporters is
# (lexicons.yaml faith_community_words)
FAITH_CLASH_MOB = 1


def _off_duty(m: ActorMention, text: str, state: bool = True) -> bool:
    """Is this member of the state forces out of service: retired, off duty, on leave, on the
    way to work (ACLED codes such a target as a civilian)? Of an armed group (`state` False),
    only a former member ("a former militia member", "an ex-rebel") is. `text`: what tells the event."""
    at = text.find(m.text)
    # (with the mention's first letter: "ex-" ends at a word's start)
    if at >= 0 and pattern("off_duty_before").search(text[max(0, at - 30):at + 1]):
        return True
    return state and bool(pattern("off_duty").search(text))


# switch (session 39, actors4): in a disrupted weapons use, a foreign state's force told only as the one
# whose weapons were downed or seized ("Ukrainian air defence shot down three Russian drones") is the
# other side; the event country's own force, told or not, is the one that downed them (ACLED's tune
# interceptions: the state first and a foreign force second in 68 of 109; the foreign force first only
# where it is told doing the downing, "Russian troops downed the Ukrainian drones")
DWU_OWNER_SECOND = 1


def _foreign_weapons_downed(ev: Event, d: Draft, named) -> bool:
    """Set the actors of a disrupted weapons use whose only foreign state force is the one acted upon
    (the weapons' owner): the event country's own force first, that foreign force second. False (and
    nothing set) where a foreign force acts or none is told acted upon."""
    foreign = [a for a in d.actors if a.inter == 1 and named(a)[1] == 8]
    owner = next((p for p in d.patients if p in foreign), None)
    if owner is None or any(a in foreign for a in d.agents) or not ev.country:
        return False
    own = next((a for a in d.actors if a.inter == 1 and named(a)[1] != 8), None)
    if own is not None:
        ev.actor1, ev.inter1 = named(own)
    else:
        ev.actor1, ev.inter1 = f"Military Forces of {'the ' if ev.iso in COUNTRIES_WITH_THE else ''}{ev.country}", 1
    ev.actor2, ev.inter2 = named(owner)
    return True


# switch (session 39, actors4): ACLED names the state's forces first where the government regains
# territory and the non-state side first where it overtakes territory, whoever the sentence tells first
# ("three rebel positions fell to government troops"): on the tune split the state is actor1 of 97 of
# the 111 regains with two sides told (the 14 others Myanmar's, 2011-2017) and actor2 of 55 of 62
# overtakings (the 7 others Myanmar's and one Kenyan)
TERRITORY_SIDES = 1


def _territory_sides(ev: Event) -> None:
    """Put the state's side first in a regain and second in an overtaking of territory."""
    if not TERRITORY_SIDES or not ev.actor1 or not ev.actor2 or (ev.inter1 == 1) == (ev.inter2 == 1):
        return
    state_first = ev.sub_event_type == "Government regains territory"
    if ev.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory") and \
            (ev.inter1 == 1) != state_first:
        ev.actor1, ev.actor2 = ev.actor2, ev.actor1
        ev.inter1, ev.inter2 = ev.inter2, ev.inter1


_WEAPON_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:drones?|uavs?|missiles?|rockets?|aircraft|planes?|jets?|"
                           r"helicopters?|warplanes?|fighter jets?|ships?|boats?|vessels?|warships?|tanks?)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _country_forms() -> dict[str, tuple[str, ...]]:
    """data/countries.yaml: ISO2 -> the country's name and its people's words, lower case."""
    path = resources.files("sitrep") / "data" / "countries.yaml"
    data = yaml_data.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(iso).upper(): tuple(str(f).lower() for f in forms) for iso, forms in data.items()}


def _own_weapons_told(text: str, iso: str) -> bool:
    """Does the text tell weapons of the event country's own ("two Ukrainian drones", "a Syrian jet")?"""
    forms = _country_forms().get((iso or "").upper(), ())
    return any(m.group(0)[0].isupper() and _WEAPON_AFTER.match(text, m.end())
               for f in forms for m in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text, re.IGNORECASE))


# switch (session 39, actors4): a named armed group written right before a noun of attack, not after
# "on" or "against" ("in IS attack on army post", "in an ADF raid"), started that attack, where the
# parse of a headline's clipped grammar gave it no role or made it the target (the parse's own compound
# reading, `operation_nouns`, already makes it the agent in a well-formed sentence)
NAMED_BEFORE_ATTACK = 1
_AGAINST_BEFORE = re.compile(r"\b(?:on|against|at|targeting|upon)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)


def _named_before_attack(text: str, a: ActorMention) -> bool:
    if a.inter not in (2, 3, 4) or "{country}" in a.name or text[a.start:a.end] != a.text:
        return False
    m = re.match(r"\s+([a-z]+)\b", text[a.end:a.end + 20])
    return bool(m) and m.group(1) in words("attack_nouns") and not _AGAINST_BEFORE.search(text[max(0, a.start - 20):a.start])
