"""The outlet's country weighs in the article's countries (extract/events.py OUTLET_PRIOR): a local
outlet's report of a place with namesakes abroad is of its own country's, on invented reports."""

import datetime as dt

from sitrep.extract import events as events_module
from sitrep.extract.events import extract
from sitrep.model import Article

TEXT = "Angry residents of Mikindani lynched a suspected thief on Sunday."


def _top(source):
    evs = extract([Article(id="t", text=TEXT, published=dt.date(2019, 5, 8), source=source)])[0]
    assert evs
    return evs[0]


def test_a_local_outlets_country_settles_a_place_with_namesakes_abroad():
    ev = _top("Capital FM")
    assert ev.iso == "KE"
    assert ev.actor1 == "Rioters (Kenya)"


def test_without_the_switch_the_namesake_abroad_wins(monkeypatch):
    monkeypatch.setattr(events_module, "OUTLET_PRIOR", 0)
    assert _top("Capital FM").iso != "KE"
