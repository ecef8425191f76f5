"""Session 35 (detect): a tally of the state's forces' killings folded with the day events it totals
(events.TALLY_FOLD). Sentences written for these tests, about invented incidents."""

import datetime as dt

from event_reading import events_of

PUB = dt.date(2021, 6, 14)

DAY_THEN_TALLY = (
    "Kalyanpur: Police opened fire on a mob of rioters in Kalyanpur on Saturday, killing four men. "
    "Curfew remained in force in the old town on Sunday. The home minister said that {n} people had "
    "died in police firing in the district since the riots began.")


def test_a_tally_keeps_only_the_dead_not_told_day_by_day(monkeypatch):
    evs = events_of(DAY_THEN_TALLY.format(n=17), PUB, monkeypatch)
    assert sum(e.fatalities for e in evs) == 17, [(e.sub_event_type, e.fatalities) for e in evs]
    assert any(e.fatalities == 4 for e in evs)  # the day event keeps its own dead
    off = events_of(DAY_THEN_TALLY.format(n=17), PUB, monkeypatch, TALLY_FOLD=0)
    assert sum(e.fatalities for e in off) == 21  # counted twice


def test_a_tally_told_in_full_by_the_day_events_lends_them_its_sentence(monkeypatch):
    text = DAY_THEN_TALLY.format(n="four")
    evs = events_of(text, PUB, monkeypatch)
    assert [e.fatalities for e in evs if e.fatalities] == [4], [(e.sub_event_type, e.fatalities) for e in evs]
    told = {x.text for x in evs[0].evidence if x.field == "fatalities"} if len(evs) == 1 else \
        {x.text for e in evs if e.fatalities for x in e.evidence if x.field == "fatalities"}
    assert any("home minister" in t for t in told)  # the tally's sentence tells the same dead
    assert any("opened fire" in t for t in told)  # and the day event keeps its own
    off = events_of(text, PUB, monkeypatch, TALLY_FOLD=0)
    assert sum(e.fatalities for e in off) == 8


def test_a_tally_beside_killings_by_others_stays_whole(monkeypatch):
    text = ("Gunmen killed two traders in Ramgarh bazaar on Sunday, police said. Separately, the minister "
            "said 30 people had died in police firing across the state so far.")
    evs = events_of(text, PUB, monkeypatch)
    assert any(e.fatalities == 30 for e in evs)
