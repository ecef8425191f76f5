"""Typing on ACLED's conventions after the training sentences of the 2026-12-06 dawn session
(typing_dawn_mobs.jsonl, typing_dawn_postures.jsonl): a mob, rioters or a crowd that attacks,
shoots or lynches a police officer or an official commits mob violence (not an attack on
civilians, not excessive force against protesters); police firing on a peaceful gathering is
excessive force; demonstrators who kill an officer riot (a violent demonstration); and a force
being raised, deployed or patrolling with no violence is no event. The sentences are the team's
own, with invented places, and none is a training sentence. The typer trains a little
differently across machines, so each behaviour here is held by several training sentences."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from sitrep.extract.events import extract
from sitrep.model import Article
from training_files import TRAINING, check_new_files
from training_files import records as _recs

DAWN = [TRAINING / "typing_dawn_mobs.jsonl", TRAINING / "typing_dawn_postures.jsonl"]
FRESH = TRAINING / "typing_fresh_boundaries.jsonl"


def _subs(text: str) -> list[str]:
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2023, 4, 10))])
    return [e.sub_event_type for e in events]


MOBS_ON_POLICE = [
    # typed a violent demonstration and an attack on civilians before the dawn sentences
    "rioters shot dead a constable and torched the police outpost in the old town of varlen on saturday.",
    "the mob opened fire on the police at varlen on saturday, killing an assistant sub-inspector.",
    # held before and after
    "a head constable was beaten to death by a mob at varlen on saturday after he tried to stop a brawl, police said.",
    "Angry villagers lynched a police officer in Varlen on Saturday, accusing him of shooting a boy.",
    "On 8 April 2023, a crowd killed a gendarme in the market of Varlen after he arrested a trader. 1 fatality.",
]


@pytest.mark.parametrize("text", MOBS_ON_POLICE)
def test_a_mob_killing_a_police_officer_is_mob_violence(text):
    assert _subs(text) == ["Mob violence"]


@pytest.mark.parametrize("text,sub", [
    ("police opened fire on farmers holding a peaceful sit-in outside the collectorate at varlen on saturday, "
     "killing two.", "Excessive force against protesters"),
    ("On 8 April 2023, gunmen of an armed group ambushed a police patrol near Varlen, killing two officers.",
     "Armed clash"),
])
def test_the_contrasts(text, sub):
    assert _subs(text) == [sub]


@pytest.mark.parametrize("text", [
    "On Saturday, the alliance said it was working with its local partners in Varlen province to set up the new "
    "frontier force.",
    "A new provincial guard of 3,000 men was formally set up in Varlen on Saturday to secure the border districts.",
    "Soldiers patrolled the streets of Varlen on Saturday and reinforcements arrived from the capital; the town "
    "stayed calm.",
])
def test_a_force_set_up_or_patrolling_is_no_event(text):
    assert _subs(text) == []


def test_the_dawn_training_files_are_valid():
    check_new_files(DAWN, MOBS_ON_POLICE)


def test_each_boundary_is_held_by_several_sentences():
    mobs = _recs(DAWN[0])
    counts = Counter(r["sub_event_type"] for r in mobs)
    assert counts["Mob violence"] >= 60
    for sub in ("Excessive force against protesters", "Violent demonstration", "Armed clash", "Attack"):
        assert counts[sub] >= 4, sub
    police = [r["text"].lower() for r in mobs if r["sub_event_type"] == "Mob violence"]
    assert sum(any(w in t for w in ("constable", "police", "policeman", "gendarme", "officer")) for t in police) >= 50
    assert sum(any(w in t for w in ("killed", "lynched", "to death", "shot dead", "died", "succumbed"))
               for t in police) >= 40


def test_the_fresh_file_names_no_real_front_line_village():
    # the Ukraine-style lines were rewritten with invented places (and dates moved)
    text = FRESH.read_text(encoding="utf-8")
    for name in ("Orlivka", "Sosnivka", "Kamianka", "Lypove", "Verkhnie", "Stepove", "Troitske", "Zaitseve",
                 "Pisky", "Lozove", "Hlyboke", "Novyi Svit", "Krasnyi Yar", "Dovzhyk"):
        assert name not in text, name
    assert Counter(r["sub_event_type"] for r in _recs(FRESH))["Armed clash"] >= 28
