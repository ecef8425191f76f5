"""Typing on ACLED's conventions after the training sentences of the 2026-12-05 night session
(typing_night_boundaries.jsonl): people held at a border or on their way to a gathering,
in a combing operation or after a shutdown are arrests (not a protest, a change to the group
or "Other"); gunmen killing a police officer fight a battle; a mob hurting a constable is mob
violence. The sentences are the team's own, with invented places, and none is a training
sentence. The typer trains a little differently across machines, so each behaviour here is
held by several training sentences."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from sitrep.extract.events import extract
from sitrep.model import SUB_EVENT_TYPES, Article

TRAINING = Path(__file__).resolve().parent.parent / "src" / "sitrep" / "data" / "training"
NIGHT = TRAINING / "typing_night_boundaries.jsonl"


def _subs(text: str) -> list[str]:
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2023, 4, 10))])
    return [e.sub_event_type for e in events]


def _night() -> list[dict]:
    return [json.loads(line) for line in NIGHT.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_held_at_the_boundary_and_sent_back_is_an_arrest():
    # typed a peaceful protest before the night's sentences
    assert _subs("around 60 devotees were apprehended at the district boundary near varlen on saturday "
                 "and sent back home.") == ["Arrests"]


@pytest.mark.parametrize("text,sub", [
    ("the police on saturday rounded up 70 members of the youth wing on their way to the governor's house.",
     "Arrests"),
    ("over 80 members of the sect heading for the fair were taken into custody at varlen on saturday.", "Arrests"),
    ("police in dunmore on saturday picked up 45 men in a combing operation in the riot-hit lanes.", "Arrests"),
    ("On 8 April 2023, police arrested 25 people in Varlen in connection with the burning of a lorry during "
     "the previous day's shutdown.", "Arrests"),
    ("Gunmen shot dead a police sergeant at a roadblock outside Varlen on Saturday.", "Armed clash"),
    ("a head constable was seriously injured on saturday when a mob attacked him with knives in the market "
     "of varlen.", "Mob violence"),
    ("On 8 April 2023, gunmen shot dead a shopkeeper in his shop in Varlen.", "Attack"),
])
def test_boundaries_the_india_arrest_figures_rely_on(text, sub):
    assert _subs(text) == [sub]


def test_the_night_training_file_is_valid():
    recs = _night()
    assert len(recs) >= 100
    assert all(r["sub_event_type"] is None or r["sub_event_type"] in SUB_EVENT_TYPES for r in recs)
    assert len({r["text"] for r in recs}) == len(recs)
    others = set()
    for path in TRAINING.glob("*.jsonl"):
        if path != NIGHT:
            others |= {json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
                       if line.strip()}
    assert not others & {r["text"] for r in recs}


def test_each_boundary_is_held_by_several_sentences():
    counts = Counter(r["sub_event_type"] for r in _night())
    for sub in ("Arrests", "Armed clash", "Mob violence", "Violent demonstration", "Protest with intervention",
                "Attack"):
        assert counts[sub] >= 5, sub
    texts = [r["text"].lower() for r in _night() if r["sub_event_type"] == "Arrests"]
    assert sum("combing" in t or "search operation" in t for t in texts) >= 5
    assert sum("border" in t or "check post" in t for t in texts) >= 3
