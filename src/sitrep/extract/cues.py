"""Event cues: which words in a sentence signal which ACLED sub-event type (data/event_cues.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitrep import yaml_data
from sitrep.model import SUB_EVENT_TYPES

CUE_CLASSES = {"violence", "casualty", "protest", "intervention", "lethal_force", "riot_act",
               "armed_target", "civilian_target", "bombing", "crowd_damage"}
# Classes that only qualify another cue; they never make a sentence an event candidate.
# crowd_damage (session 43, types8): harm a crowd did that is a riot's only where a demonstration is
# told ("the marchers smashed a glass door and wrecked the canteen"): a modifier of a protest, as riot_act is
# for it, never an event alone (property smashed by others is looting or an attack)
MODIFIERS = {"intervention", "lethal_force", "armed_target", "civilian_target", "crowd_damage"}
# switch (session 38, types): heavy weapons and grenade launchers fired are a shelling's cue words
# (event_cues.yaml, the entry with `switch: HEAVY_WEAPONS_SHELLING`); an entry may name a switch of
# this module that turns it off
HEAVY_WEAPONS_SHELLING = 1
# switch (session 39, types4): "two battles occurred between", "a bomb going off" (event_cues.yaml entries
# with `switch: TOLD_OCCURRING`)
TOLD_OCCURRING = 1
# switch (session 41, types6): "running battles", "violently protested", "violent unrest" are a crowd's
# violence (event_cues.yaml, the entry with `switch: RIOT_WORDS`)
RIOT_WORDS = 1
# switch (session 43, types8): the crowd_damage entry of event_cues.yaml (`switch: CROWD_DAMAGE`)
CROWD_DAMAGE = 1
# switch (session 45, types10): the second crowd_damage entry (`switch: CROWD_BURNED`): huts, stalls or
# homes burned, things set ablaze, a gate or a fence wrecked by a demonstration's crowd
CROWD_BURNED = 1  # switch (session 45, types10)
# switch (session 45, types10): "demonstrate over", "demonstrate in <place> against" (the present tense of
# headline-like notes; event_cues.yaml entry with `switch: DEMONSTRATE_WORDS`)
DEMONSTRATE_WORDS = 1  # switch (session 45, types10)
# switch (session 46, types11): the present tense of headline-like notes' killings: "Police gun down two
# suspects", "Gunmen shoot dead a trader", "Bandits kill three herders" (event_cues.yaml entry with
# `switch: PRESENT_KILL`); only "kills" was a cue word
PRESENT_KILL = 1  # switch (session 46, types11)


@dataclass
class Cue:
    cls: str
    weight: float
    start: int
    end: int
    text: str
    factor: float = 1.0

    @property
    def score(self) -> float:
        return self.weight * self.factor


class CueLexicon:
    def __init__(self, entries: list[dict]):
        self.rules: list[tuple[str, float, re.Pattern[str]]] = []
        for entry in entries:
            if entry.get("switch") and not globals().get(entry["switch"], 0):
                continue  # an entry behind a switch of this module, switched off
            sub = entry["sub"]
            if sub not in SUB_EVENT_TYPES and sub not in CUE_CLASSES:
                raise ValueError(f"event_cues.yaml: unknown sub-event type or cue class {sub!r}")
            pattern = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in entry["patterns"]) + r")\b")
            self.rules.append((sub, float(entry.get("weight", 1)), pattern))
        trigger = [r.pattern for sub, _, r in self.rules if sub not in MODIFIERS]
        self.any_trigger = re.compile("|".join(trigger))

    def is_candidate(self, sentence: str) -> bool:
        """The cheap filter: does the sentence contain any event cue at all?"""
        return self.any_trigger.search(sentence.lower()) is not None

    def find(self, sentence: str) -> list[Cue]:
        low = sentence.lower()
        cues = []
        for sub, weight, pattern in self.rules:
            for m in pattern.finditer(low):
                if HEAVY_WEAPONS_SHELLING and sub == "Grenade" and low.startswith(" launcher", m.end()):
                    continue  # a grenade launcher fires from afar: the shelling entry's word
                cues.append(Cue(sub, weight, m.start(), m.end(), sentence[m.start():m.end()]))
        return cues


@lru_cache(maxsize=1)
def get_lexicon() -> CueLexicon:
    path = resources.files("sitrep") / "data" / "event_cues.yaml"
    return CueLexicon(yaml_data.safe_load(path.read_text(encoding="utf-8")))
