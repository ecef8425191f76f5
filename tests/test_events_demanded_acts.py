"""An act asked for ("demanded the arrest of", "called for the release of") is no event
(classify.DEMANDED, lexicons.yaml demanded_acts). Sentences written for these tests."""

import datetime as dt

from sitrep.extract import classify
from sitrep.extract.events import extract
from sitrep.model import Article


def _events(text):
    return extract([Article(id="a", text=text, published=dt.date(2003, 6, 2), title="")])[0]


def test_a_demanded_arrest_is_no_arrest(monkeypatch):
    text = "The councillors demanded the immediate arrest of the officers, residents said."
    assert not any(e.sub_event_type == "Arrests" for e in _events(text))
    monkeypatch.setattr(classify, "DEMANDED", 0)
    assert any(e.sub_event_type == "Arrests" for e in _events(text))


def test_an_arrest_made_is_still_one():
    evs = _events("Police arrested nine men in Vadnagar on Sunday after the clashes, officials said.")
    assert any(e.sub_event_type == "Arrests" for e in evs)


def test_a_protest_demanding_arrests_stays_a_protest():
    evs = _events("Hundreds of traders marched through Palanpur on Sunday demanding the arrest of the attackers.")
    assert evs and all(e.event_type == "Protests" for e in evs)
