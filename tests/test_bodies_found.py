"""events.BODIES_FOUND_ATTACK: bodies that came to light are an attack on civilians by an
unidentified armed group (ACLED), not "Other"; a mass grave stays "Other". Sentences written by
the team."""
import datetime as dt

import sitrep.extract.events as E
from sitrep.model import Article
from sitrep.pipeline import process

FINDS = [
    "Police found the bodies of three young men, hands tied and shot in the head, on a farm road near Tikrit on 8 May 2024.",
    "The bodies of nine traders bearing signs of torture were discovered dumped beside the highway outside Gao on 8 May 2024.",
]


def _events(text: str):
    return process([Article(id="bf", url="", title="", text=text, published=dt.date(2024, 5, 9))])[0]


def test_bodies_found_are_an_attack_with_their_dead():
    for text in FINDS:
        evs = _events(text)
        assert [e.sub_event_type for e in evs] == ["Attack"], text
        assert evs[0].fatalities in (3, 9) and evs[0].actor1.startswith("Unidentified Armed Group")


def test_without_the_switch_a_find_is_other(monkeypatch):
    monkeypatch.setattr(E, "BODIES_FOUND_ATTACK", 0)
    assert [e.sub_event_type for t in FINDS for e in _events(t)] != ["Attack", "Attack"]


def test_a_mass_grave_is_no_attack():
    evs = _events("A mass grave holding the remains of 40 people was uncovered near Sinjar on 8 May 2024.")
    assert all(e.sub_event_type != "Attack" for e in evs)
