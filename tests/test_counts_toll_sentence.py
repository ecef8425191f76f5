"""A short report's sentence that only tells the dead joins the act told before it, also where
its cue words tell the dead and its subject is the victim ("One woman died."): issue 11,
events.TOLL_CASUALTY. Texts written for this test."""

import datetime as dt

from sitrep.extract import events as E
from sitrep.model import Article

TEXT = "On 3 April 2022, Russian forces shelled Kreminna, Luhansk. One woman died."


def _events():
    return E.extract([Article(id="t", text=TEXT, published=dt.date(2022, 4, 4))])[0]


def test_the_victims_sentence_gives_its_dead_to_the_shelling():
    [ev] = _events()
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert ev.fatalities == 1


def test_without_the_rule_the_victims_sentence_stands_apart(monkeypatch):
    monkeypatch.setattr(E, "TOLL_CASUALTY", 0)
    monkeypatch.setattr(E, "TOLL_PASSIVE", 0)  # (session 36: the passive toll joins too)
    evs = _events()
    assert len(evs) == 2 or evs[0].fatalities == 0
