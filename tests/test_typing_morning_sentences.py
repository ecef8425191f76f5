"""Typing after the training sentences of the 2026-12-06 morning session
(typing_morning_clash_mob.jsonl, typing_morning_protest_followups.jsonl): a protest whose
participants are detained, turned back or kept out after it is a protest with intervention; a
crowd that ransacks, loots or burns an office or a house with no demonstration told is mob
violence. The sentences are the team's own, with invented places, and none is a training
sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.events import extract
from sitrep.model import Article
from training_files import TRAINING, check_new_files
from training_files import records as _recs

MORNING = [TRAINING / "typing_morning_clash_mob.jsonl", TRAINING / "typing_morning_protest_followups.jsonl"]


def _subs(text: str) -> list[str]:
    [events] = extract([Article(id="t", title="", text=text, published=dt.date(2023, 4, 10))])
    return [e.sub_event_type for e in events]


CASES = [
    # held before and after the morning sentences
    ("On 8 April 2023, retired railway workers marched to the pensions office in Talvero to demand "
     "their arrears. Police detained 12 of the marchers after the march.", "Protest with intervention"),
    # typed looting/property destruction before the morning sentences
    ("On 8 April 2023, supporters of a local chief looted and burned the house of his rival in Talvero.",
     "Mob violence"),
]


@pytest.mark.parametrize("text,sub", CASES)
def test_morning_boundaries(text, sub):
    assert _subs(text) == [sub]


def test_the_morning_training_files_are_valid():
    check_new_files(MORNING, [text for text, _ in CASES])


def test_the_dawn_mob_file_does_not_teach_police_fire_on_a_mob():
    # three dawn lines typed "police fired on a mob ..." as mob violence; dropped 2026-12-06 (morning):
    # without them the Times of India tune split's state-force killings gained precision (docs/model.md)
    for r in _recs(TRAINING / "typing_dawn_mobs.jsonl"):
        t = r["text"].lower()
        if r["sub_event_type"] == "Mob violence":
            assert not ("police fired" in t or "police firing" in t), t
