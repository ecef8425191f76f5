"""events.RECENT_TOLLS: a toll of the last few days told with its period and its act is an
event of those days (the decider learned tallies as no event); a war's running total is not.
Sentences written by the team."""
import datetime as dt

import pytest

import sitrep.extract.events as E
from sitrep.extract.counts import extract_counts
from sitrep.model import Article
from sitrep.pipeline import process

PUBLISHED = dt.date(2021, 3, 10)


def _events(text: str):
    return process([Article(id="rt", url="", title="", text=text, published=PUBLISHED)])[0]


@pytest.fixture
def switch(monkeypatch):
    def set_to(on: int):
        monkeypatch.setattr(E, "RECENT_TOLLS", on)
    return set_to


WEEK_TOLL = ("The siege has lasted five years. Eighty people have died in recent months, but shelling "
             "this week has killed at least 45, medics said.")


def test_a_toll_of_this_week_is_an_event_with_its_own_clause_dead(switch):
    switch(1)
    evs = _events(WEEK_TOLL)
    assert [(e.sub_event_type, e.fatalities, e.time_precision) for e in evs] == [
        ("Shelling/artillery/missile attack", 45, 2)]
    switch(0)
    assert _events(WEEK_TOLL) == []  # taken for a running total ("in recent months")


def test_a_wars_running_total_stays_no_event(switch):
    switch(1)
    assert _events("More than 500,000 people have been killed since the war began in 2011.") == []
    assert _events("Some 3,000 people have died in the fighting in recent months, aid groups said.") == []


def test_the_period_must_be_recent_and_an_act_named():
    rx = E._RECENT_TOLL
    assert rx.search("37 people have been killed in air raids over the past three days")
    assert rx.search("attacks this week have killed more than 250")
    assert rx.search("have died in the past 36 hours")
    assert not rx.search("have died in recent months")
    assert not rx.search("were killed over the past three years")
    # the period of another clause does not make the first clause recent
    m = rx.search("Eighty have died in recent months, but nobody this week")
    assert m is None


def test_the_dead_of_the_recent_clause_only():
    text = "Eighty people have died in recent months, but shelling this week has killed at least 45."
    m = E._RECENT_TOLL.search(text)
    own = E._recent_clause_counts(text, m, extract_counts(text))
    assert own.killed == 45
    kind, a, b = own.spans[0]
    assert text[a:b].strip().startswith("45")
