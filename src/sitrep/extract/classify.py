"""Sentence-level event typing: cues, their syntactic weight, and ACLED's priority order.

Input: one sentence, its cues, its spaCy Doc (or None) and the actors found in it.
Output: an ACLED sub-event type with a score, or None when the sentence reports no event
(negated, hypothetical, planned, background history, generic analysis).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract.cues import Cue
from sitrep.extract.lexicons import pattern, regex, words
from sitrep.model import SUB_EVENT_PRIORITY, SUB_EVENT_TYPES, ActorMention

ERV_SUBS = {"Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED", "Grenade", "Chemical weapon"}
MODALS = {"will", "would", "could", "may", "might", "shall", "should", "'ll", "must", "can"}
_DEMOTE_PHRASES = re.compile(
    r"\b(?:suspect(?:s|ed)? (?:in|of|over)|in connection with|responsible for|involved in|"
    r"accused of|charged with|in retaliation for|retaliation for|blamed for|claimed responsibility for|"
    r"behind the|linked to|after|following|since|before|amid|in response to|in revenge for|"
    r"claim(?:ed|s|ing)?|no group|no one|nobody|"
    r"investigat\w+|condemn\w*|mourn\w*|funeral|anniversary of|trial|sentenced|convicted)\b"
)
_DISRUPT_BEFORE = re.compile(
    r"(?:defus|dismantl|seiz|found|find|discover|uncover|confiscat|recover|neutrali|disarm|"
    r"destroy|remov|clear|intercept|shot down|downed|foil|thwart|detect|cache|depot|stockpile|"
    r"plant|manufactur|making|made|smuggl|possess)\w*\b[^.;]{0,45}$"
)
_NEG_BEFORE = re.compile(r"\b(?:no|not|never|without|denied|deny|denies|rejected|refuted|dismissed|false)\b[^.;,]{0,30}$")
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|in case|whether|in the event)\b")
_HISTORY_YEAR = re.compile(r"\b(?:in|since|during|by|from|of|until) (?:early |late |mid-?)?(19\d\d|20\d\d)\b|\b(19\d\d|20\d\d)\b")


@dataclass
class Typing:
    sub_event_type: str
    score: float
    cue: Cue | None


def cue_token(doc, cue: Cue):
    """The spaCy token at a cue's start (doc covers the sentence alone)."""
    if doc is None:
        return None
    span = doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


# switch: "vehicles were used to block the road", "tyres were burned to close the street": a means
# told in the passive with what it did is the act done, not a purpose (session 39, lead)
PASSIVE_MEANS_REALIS = 1


def _passive_means(head) -> bool:
    """Is `head` a passive verb of means ("were used", "was employed") whose to-clause tells what
    the means did?"""
    return head.lower_ in words("passive_means") and any(c.dep_ == "auxpass" for c in head.children)


# switch: the verbs after which a to-clause still tells a real act ("began to shell", "managed to
# seize") are matched by their form too: the shipped parser has no lemmatiser, so the lemma alone
# never matched and every such act was read as a purpose (session 39, lead)
REALIS_FORMS = 1


def _realis_head(head) -> bool:
    realis = words("realis_before_to")
    return head.lemma_.lower() in realis or bool(REALIS_FORMS) and head.lower_ in realis


def is_irrealis(tok, purpose_counts: bool = True) -> bool:
    """Negated, modal or planned: 'will attack', 'plans to attack', 'did not attack'."""
    if tok is None:
        return False
    verb = tok
    hops = 0
    while not verb.tag_.startswith(("VB", "MD")) and verb.head is not verb and hops < 3:
        if verb.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            verb = verb.head
            break
        if any(c.dep_ == "det" and c.lower_ == "no" for c in verb.children):
            return True
        verb = verb.head
        hops += 1
    for t in (verb, tok):
        for c in t.children:
            if c.dep_ == "neg":
                return True
            if purpose_counts and c.dep_ == "aux" and c.tag_ == "TO" and not _realis_head(t.head) \
                    and not (PASSIVE_MEANS_REALIS and _passive_means(t.head)):
                return True  # purpose or intention: "used the area to stage attacks"
            if c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS:
                return True
    if any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return True
    # "denied that its forces had shelled the village"
    node = tok
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        if node.lower_ in words("deny_words"):
            return True
    # "plans to attack", "threatened to kill", "is expected to launch"
    node = verb
    for _ in range(3):
        if node.dep_ in ("xcomp", "ccomp", "advcl", "acl", "pcomp") and node.head is not node:
            head = node.head
            if head.lower_ in words("plan_words") or head.lemma_.lower() in words("plan_words"):
                if node.dep_ != "ccomp" or head.lower_ in ("warned", "threatened", "expected", "expects", "expect"):
                    return True
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children) and node.dep_ == "xcomp":
                return True
            node = head
        else:
            break
    return False


# the kinds of entity whose name a cue word may sit in without telling an act
NAME_LABELS = frozenset({"ORG", "LAW", "WORK_OF_ART", "PRODUCT"})
RIOT_WITHOUT_PROTEST_IS_MOB = True  # a switch for measuring the rule off (docs/model.md)
NAMED_CUES = True  # a switch for measuring the rule off (docs/extraction.md)


def names_only(doc, tok, cue: Cue) -> bool:
    """A cue word that is part of a name or names a body: "the Organisation for the Prohibition
    of Chemical Weapons", "the Chemical Weapons Convention", "a chemical weapons watchdog"."""
    if not NAMED_CUES or doc is None or tok is None:
        return False
    for ent in doc.ents:
        if ent.label_ in NAME_LABELS and ent.start_char <= cue.start and cue.end <= ent.end_char \
                and not (ent.start_char == cue.start and ent.end_char == cue.end):
            return True
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.tag_.startswith("NN") and \
        tok.head.lower_ in words("name_heads")


def syntactic_factor(tok, sentence: str, cue: Cue) -> float:
    """1.0 for a cue in the main clause, less inside a relative clause or a 'suspected in' phrase."""
    factor = 1.0
    before = sentence[:cue.start].lower()
    m = None
    for m in _DEMOTE_PHRASES.finditer(before):
        pass
    if m is not None and cue.start - m.end() < 60 and not re.search(r"[;]", before[m.end():]):
        # "after the deadline expired, the men were killed": the cue is in the main clause
        subordinate = m.group(0) in ("after", "following", "since", "before", "amid")
        if not (subordinate and "," in before[m.end():]):
            factor = 0.45
    if tok is not None:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if tok.tag_ in ("VBN", "JJ", "VBD") and (tok.dep_ == "amod" or (
                nxt is not None and nxt.tag_.startswith("NN") and tok.head == nxt)):
            factor = min(factor, 0.4)  # "the eight kidnapped men were killed"
        t = tok
        for _ in range(8):
            if t.dep_ in ("relcl", "acl") and t.tag_ not in ("VBG",):
                factor = min(factor, 0.5)
            if t.dep_ == "ROOT" or t.head is t:
                break
            t = t.head
    return factor


def is_background(sentence: str, published_year: int | None, date_days_before: int | None,
                  own_day: bool = False, asides: list[tuple[int, int]] | None = None) -> bool:
    """History, not news: an old date, 'in 2014', 'years ago'.

    own_day: the date is the day of the sentence's own action (not the day a source spoke) and
    is precise to the day; a recent one makes the sentence news whatever past it also recalls
    ("on 8 May, troops retook the village previously held by the group")."""
    if date_days_before is not None and date_days_before > 75:
        return True
    recent = date_days_before is not None and -2 <= date_days_before <= 75
    if recent and own_day:
        return False
    low = sentence.lower()
    # asides: relative clauses ("a mob killed a man who had previously robbed them") recall a
    # past that does not make the sentence's own act history
    if any(not any(a <= m.start() and m.end() <= b for a, b in asides or [])
           for m in pattern("history_phrases").finditer(low)):
        return True
    # a sentence dated to a recent day tells news, whatever year it names ("on 30 December
    # 2019", read in January 2020; "in honour of the victims of 2019")
    if published_year and not recent:
        for m in _HISTORY_YEAR.finditer(low):
            if YEAR_OR_COUNT and m.group(2) and _counts_things(low, m.end()):
                continue  # "fired 2000 rounds": a figure, not a year
            year = int(m.group(1) or m.group(2))
            if year < published_year and not re.search(r"\b(?:january|february|jan|feb)\b", low):
                return True
    return False


# switch: a bare four-digit number followed by a noun of what figures count ("2000 rounds", "1998
# people") is a count, not a year (lexicons.yaml figure_nouns)
YEAR_OR_COUNT = 1


def _counts_things(low: str, end: int) -> bool:
    nxt = re.match(r"\s+([a-z]+)", low[end:])
    return bool(nxt) and nxt.group(1) in words("figure_nouns")


def is_generic(sentence: str, has_count: bool, has_day: bool) -> bool:
    return bool(pattern("generic_activity").search(sentence.lower())) and not has_count and not has_day


_UNREAL_BEFORE = re.compile(
    r"\b(?:talk|prospects?|possibility|plans?|calls?|demands?|threats?|risk|fears?|hopes?|"
    r"proposals?|openness|chances?|likelihood|warnings?) (?:of|for|to) (?:an? |the |new |further )?$")


DEMANDED = 1  # switch: "demanded the arrest of": an act asked for is no event (lexicons.yaml demanded_acts)
WARRANTS = 1  # switch: "an arrest warrant was issued": the arrest word names a paper (lexicons.yaml warrant_words)


# switch: an act named last in a list of demands ("demanded a ban on the group and arrest of their
# chiefs", "called for compensation and the punishment of the guilty") is asked for, not done
DEMANDED_LIST = 1
_DEMAND_HEAD = re.compile(
    r"\b(?:demand(?:s|ed|ing)?|call(?:s|ed|ing)? for|urg(?:es|ed|ing)|sought|seek(?:s|ing)?|press(?:es|ed|ing)? for|"
    r"asked for|pleaded for|appealed for|petitioned for)\s[^.;:!?\"]{1,100}?\s(?:and|as well as)\s+"
    r"(?:the\s+|an?\s+)?(?:immediate\s+|swift\s+|speedy\s+|prompt\s+|urgent\s+)?$")


# switch: an act that arrangements, orders or instructions are made for ("arrangements for detaining
# pilgrims will be made", "orders to arrest") is prepared, not done (lexicons.yaml prepared_acts)
PREPARED_ACTS = 1


def _demanded_in_list(low: str, cue: Cue) -> bool:
    if not re.match(r"\s+(?:of|against)\b", low[cue.end:cue.end + 9]):
        return False  # the noun of an act asked for: "arrest of their chiefs"
    return bool(_DEMAND_HEAD.search(low[max(0, cue.start - 140):cue.start]))


def demote_unreal(cues: list[Cue], sentence: str) -> None:
    """'talk of a ceasefire', 'the threat of attacks', 'plans for a joint force', 'demanded the
    arrest of': not events."""
    low = sentence.lower()
    demanded = regex("demanded_acts") if DEMANDED else None
    for cue in cues:
        before = low[max(0, cue.start - 40):cue.start]
        if _UNREAL_BEFORE.search(before) or (demanded is not None and demanded.search(before)):
            cue.factor = 0.0
        elif DEMANDED_LIST and demanded is not None and _demanded_in_list(low, cue):
            cue.factor = 0.0
        elif PREPARED_ACTS and regex("prepared_acts").search(before):
            cue.factor = 0.0
        elif WARRANTS and cue.cls == "Arrests" and regex("warrant_words").search(low[cue.end:cue.end + 20]):
            cue.factor = 0.0


_OTHER_RIOT_BEFORE = re.compile(
    r"\b(?:during|after|following|over|since|before|of|in|from)\s+(?:the\s+|a\s+|an\s+|last\s+\w+['’]s\s+|"
    r"[\w/'’-]+\s+){0,3}$")
_PEACEFUL = re.compile(r"\bpeaceful(?:ly)?\b|\bwithout (?:any )?incidents?\b|\bno (?:violence|incidents?) (?:was|were) reported\b")


def demote_other_riot(cues: list[Cue], sentence: str) -> None:
    """'held a peaceful protest demanding the release of students arrested during a riot a day
    earlier': where the sentence calls its protest peaceful, a riot named in a phrase of time or
    cause ("during the riots", "the trial of the riot") is another event, not this one's violence."""
    low = sentence.lower()
    if not _PEACEFUL.search(low):
        return
    for cue in cues:
        if cue.cls == "riot_act" and cue.text.lower().startswith("riot") and \
                not cue.text.lower().startswith(("rioted", "rioting")) and \
                _OTHER_RIOT_BEFORE.search(low[max(0, cue.start - 50):cue.start]):
            cue.factor = 0.0


def demote_disrupted(cues: list[Cue], sentence: str) -> None:
    """'defused an IED', 'seized rockets': the weapon word is the object, not an explosion."""
    low = sentence.lower()
    for cue in cues:
        if cue.cls in ERV_SUBS and _DISRUPT_BEFORE.search(low[max(0, cue.start - 60):cue.start]):
            if EXPLOSION_VERB_SURVIVES and (_EXPLOSION_VERB.match(low, cue.start) or EXPLOSION_IN_CUE and
                                            _EXPLOSION_VERB.search(low, cue.start, cue.end)) and \
                    not _NOT_YET.search(low[max(0, cue.start - 60):cue.start]):
                continue  # "a bomb planted under his car exploded": it went off all the same
            cue.factor = 0.0


# switch: a verb of explosion ("exploded", "went off") after a word of planting, finding or
# seizing ("a bomb planted under the car exploded", "a shell found in a field blew up") tells the
# blast itself, unless the blast was forestalled ("defused before it exploded") (session 38, lead)
EXPLOSION_VERB_SURVIVES = 1
# switch (session 39, types4): ... also where the verb ends the cue ("a home-built bomb exploded": the
# cue is "bomb exploded", and "made" in the word before read as a word of making)
EXPLOSION_IN_CUE = 1
_EXPLOSION_VERB = re.compile(r"(?:explod|detonat|went off|blew up|go(?:es)? off)")
_NOT_YET = re.compile(r"\b(?:before|prevent\w*|could|would|might|can|set to|due to|about to|intended|meant|timed)\b")


def rule_scores(cues: list[Cue], actors: list[ActorMention], has_killed: bool,
                actor1_inter: int | None) -> dict[str, tuple[float, Cue]]:
    """Each fitting sub-event type with its cue score (0..~4.5) and the cue behind it."""
    live = [c for c in cues if c.factor > 0]
    by: dict[str, Cue] = {}
    for c in live:
        if c.cls not in by or c.score > by[c.cls].score:
            by[c.cls] = c
    scores: dict[str, tuple[float, Cue]] = {}

    def put(sub: str, score: float, cue: Cue) -> None:
        if sub not in scores or score > scores[sub][0]:
            scores[sub] = (score, cue)

    for cls, cue in by.items():
        if cls in ("violence", "casualty", "armed_target", "civilian_target", "intervention",
                   "lethal_force", "protest", "riot_act", "crowd_damage"):
            continue
        if cls in ("Government regains territory", "Non-state actor overtakes territory"):
            state = actor1_inter in (1, 8) if actor1_inter else cls == "Government regains territory"
            cls = "Government regains territory" if state else "Non-state actor overtakes territory"
        put(cls, cue.score, cue)
    protest = by.get("protest")
    riot = by.get("riot_act")
    if protest and riot is None:
        riot = by.get("crowd_damage")  # cues.CROWD_DAMAGE: the harm a demonstration's crowd did
    if protest:
        if "lethal_force" in by or (has_killed and "violence" in by):
            put("Excessive force against protesters", protest.score, protest)
        elif riot:
            put("Violent demonstration", max(protest.score, riot.score), riot)
        elif "intervention" in by:
            put("Protest with intervention", protest.score, protest)
        else:
            put("Peaceful protest", protest.score, protest)
    elif riot and ("riot" in riot.text.lower() or any(a.inter in (5, 6) for a in actors)):
        # "stormed the police station" alone is an attack; it is a riot when rioters do it.
        # ACLED's codebook: a violent demonstration is demonstrators' violence; rioters' violence
        # with no demonstration told (no protest cue, no protesters among the actors) is mob violence
        mob = RIOT_WITHOUT_PROTEST_IS_MOB and not any(a.inter == 6 for a in actors)
        put("Mob violence" if mob else "Violent demonstration", riot.score, riot)
    clash = scores.get("Armed clash")
    if clash and any(c.cls == "riot_act" and c.start < clash[1].end and clash[1].start < c.end for c in live):
        # "villagers clashed with police": the clash is the rioters' (a riot cue tells it), not a battle
        del scores["Armed clash"]
    violence = by.get("violence") or (by.get("casualty") if has_killed else None)
    specific = any(score >= 1.2 and (sub in ERV_SUBS or SUB_EVENT_TYPES[sub] in ("Battles", "Protests", "Riots"))
                   for sub, (score, _) in scores.items())
    if violence is not None and not specific:
        civ_actor = any(a.inter == 7 for a in actors)
        armed_actor = [a for a in actors if a.inter in (1, 2, 3, 4, 8)]
        armed_target = by.get("armed_target")
        civ_target = by.get("civilian_target")
        if civ_actor and len(armed_actor) <= 1 or (civ_target and not armed_target and len(armed_actor) <= 1):
            sub = "Attack"
        elif armed_target or len(armed_actor) >= 2:
            sub = "Armed clash"
        else:
            sub = "Attack"
        if protest and sub == "Attack":
            sub = "Excessive force against protesters" if has_killed else "Protest with intervention"
        weight = 1.0 if by.get("violence") else 0.6
        if has_killed and by.get("violence"):
            weight = 1.5  # killing is the act that defines the event
        put(sub, violence.score * weight, violence)
    return scores


# the protest sub-types from the mildest: a cue for a stronger one overrides a milder guess
PROTEST_SEVERITY = ("Peaceful protest", "Protest with intervention", "Violent demonstration",
                    "Excessive force against protesters")


def protest_by_cues(sub: str, shown: set[str]) -> str:
    """ACLED defines the protest sub-types by what happened: demonstrators' violence makes a
    violent demonstration, the authorities' intervention a protest with intervention, lethal
    force excessive force. Where the cue words show the stronger one, a milder reading yields."""
    if sub not in PROTEST_SEVERITY:
        return sub
    worst = max((x for x in shown if x in PROTEST_SEVERITY), key=PROTEST_SEVERITY.index, default=sub)
    out = worst if PROTEST_SEVERITY.index(worst) > PROTEST_SEVERITY.index(sub) else sub
    if VIOLENT_CROWD_NOT_EXCESSIVE and out == "Excessive force against protesters" and "Violent demonstration" in shown:
        # ACLED: excessive force is lethal force on a peaceful crowd; a crowd that threw stones or
        # burned vehicles is a violent demonstration, whoever fired on it
        return "Violent demonstration"
    return out


# switch: a protest whose report tells the crowd's own violence is no excessive force (session 37, lead)
VIOLENT_CROWD_NOT_EXCESSIVE = 1


RULE_SCALE = 3.0  # a strong cue in a main clause
ALPHA = 0.3  # the cue rules' least weight against the typer (benchmarks/tune_typing.py)
VETO = 0.6  # the decider's "none" probability above which a sentence is no event
VETO_CUE = 0.75  # the same where a cue word survived the grammar checks


def cue_reading(scores: dict[str, tuple[float, Cue]], probs: dict[str, float],
                alpha: float = ALPHA) -> dict[str, float]:
    """The decider's probabilities with the cue rules mixed in as `choose_type` mixes them, in
    the decider's own shape (the sub-types sum to 1 - none): what the retyping steps read for a
    sentence, so that a sub-type the cue words name ("exchanged fire with", "hurled stones")
    is not undone by the decider alone reading the event's sentences again."""
    if not scores:
        return probs
    none = probs.get("none", 0.0)
    top = max((p for k, p in probs.items() if k != "none"), default=0.0)
    a = max(alpha, 1.0 - top)
    mixed = {k: (1 - a) * p for k, p in probs.items() if k != "none"}
    for sub, (score, _) in scores.items():
        mixed[sub] = mixed.get(sub, 0.0) + a * min(score / RULE_SCALE, 1.0)
    total = sum(mixed.values()) or 1.0
    out = {k: v / total * (1.0 - none) for k, v in mixed.items()}
    out["none"] = none
    return out


def choose_type(scores: dict[str, tuple[float, Cue]], probs: dict[str, float] | None = None,
                alpha: float = ALPHA, veto: float = VETO) -> Typing | None:
    """Combine cue scores with the learned typer's probabilities into one sub-event type.

    Each type gets a * (cue score / RULE_SCALE, at most 1) + (1 - a) * probability, where
    a = max(alpha, 1 - the typer's top probability): an unsure typer defers to the cues.
    Without any cue the probability alone counts. The learned "none" vetoes when above `veto`.
    Types within 0.05 of the best are ordered by ACLED's priority ("Other" yields to any).
    The returned score is on the cue scale, so one threshold serves both.
    """
    combined: dict[str, float] = {}
    if probs is None:
        combined = {sub: min(s / RULE_SCALE, 1.5) for sub, (s, _) in scores.items()}
    else:
        if probs.get("none", 0.0) > veto:
            return None
        any_rule = bool(scores)
        # the less sure the typer is, the more the cue rules count
        top = max((p for k, p in probs.items() if k != "none"), default=0.0)
        a = max(alpha, 1.0 - top)
        for sub in set(scores) | {k for k, p in probs.items() if k != "none" and p > 0.05}:
            r = min(scores[sub][0] / RULE_SCALE, 1.0) if sub in scores else 0.0
            p = probs.get(sub, 0.0)
            combined[sub] = a * r + (1 - a) * p if any_rule else p
    if not combined:
        return None
    top = max(combined.values())
    close = [sub for sub, v in combined.items() if v >= top - 0.05]
    close.sort(key=lambda sub: (sub == "Other", SUB_EVENT_PRIORITY.index(sub)))
    best = close[0]
    cue = scores[best][1] if best in scores else None
    return Typing(best, combined[best] * RULE_SCALE, cue)


# switch (session 39, types4): a cue word right after "no", "without" or "whether" ("No fighting was
# reported.", "took the post without fighting", "no word on whether any fighting happened")
# tells no act; the parse hangs "no" on the noun while the cue's root is the verb after it
NEGATED_CUE = 0  # measured, left off: seed 11 -1 row, seeds 23 and 7 unchanged (docs/extraction.md)
_NEG_JUST_BEFORE = re.compile(r"(?:^|[^\w'])(?:no|without|whether)\s+(?:[\w-]+\s+)?$")


def negated_cue(cue: Cue, sentence: str) -> bool:
    return bool(NEGATED_CUE) and bool(_NEG_JUST_BEFORE.search(sentence[max(0, cue.start - 30):cue.start].lower()))
