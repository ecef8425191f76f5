"""Typing on ACLED's conventions after the training sentences of 2026-12-05 (issue 9): small-arms
fire at positions and an exchange of fire are armed clashes, a surrender is an agreement, stones
thrown by villagers with no demonstration told are mob violence, a one-line protest note is an
event. The sentences are the team's own, with invented places."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import sitrep.extract.classify as classify
from sitrep.extract.cues import get_lexicon
from sitrep.extract.events import extract
from sitrep.model import SUB_EVENT_TYPES, ActorMention, Article

TRAINING = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "training"


def _subs(text: str) -> list[str]:
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2023, 5, 10))])
    return [e.sub_event_type for e in events]


@pytest.mark.parametrize("text,sub", [
    ("On 3 May 2023, the rebels fired small arms at army positions near Lodra.", "Armed clash"),
    ("On 3 May 2023, separatists shelled army positions near Lodra and the troops fired back with rifles.",
     "Armed clash"),
    ("On 3 May 2023, 40 fighters of the rebel front surrendered with their rifles to the army in Lodra.",
     "Agreement"),
    ("On 3 May 2023, villagers hurled stones at soldiers who had come to search houses in Lodra.", "Mob violence"),
    ("Lodra: students march against exam fees.", "Peaceful protest"),
    ("On 2 June 2023, government troops took back Pelyk after the rebels had pulled out; there was no fighting.",
     "Non-violent transfer of territory"),
])
def test_acled_conventions(text, sub):
    assert _subs(text) == [sub]


def test_weapon_words_in_a_name_are_no_event():
    assert _subs("The Grenade Launcher Gallery reopened in the old fort on Monday.") == []


def _rule(text: str, actors: list[ActorMention]) -> set[str]:
    return set(classify.rule_scores(get_lexicon().find(text), actors, False, None))


def test_rioters_with_no_demonstration_are_mob_violence(monkeypatch):
    text = "Villagers hurled stones at the soldiers."
    villagers = [ActorMention(name="Rioters", inter=5, start=0, end=9, text="Villagers")]
    assert "Mob violence" in _rule(text, villagers)
    assert "Violent demonstration" not in _rule(text, villagers)
    monkeypatch.setattr(classify, "RIOT_WITHOUT_PROTEST_IS_MOB", False)
    assert "Violent demonstration" in _rule(text, villagers)


def test_demonstrators_violence_stays_a_violent_demonstration():
    assert "Violent demonstration" in _rule("Protesters hurled stones at the police during the march.", [])


def test_the_fresh_training_file_is_valid():
    path = TRAINING / "typing_fresh_boundaries.jsonl"
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(recs) >= 200
    assert all(r["sub_event_type"] is None or r["sub_event_type"] in SUB_EVENT_TYPES for r in recs)
    assert len({r["text"] for r in recs}) == len(recs)
