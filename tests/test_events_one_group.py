"""Unnamed gunmen of an article whose other violent events name one armed group are that group
(events.ONE_GROUP). Sentences written for these tests."""

import datetime as dt

from event_reading import events_of

PUB = dt.date(2020, 10, 16)

STORY = (
    "The bodies of six farmers who were kidnapped by Islamic State militants were found on Thursday "
    "near Tarmiyah, police said.\n\n"
    "The farmers were seized last Friday when gunmen stopped their pick-up trucks at a false "
    "checkpoint on a road outside Samarra, relatives said."
)

TWO_GROUPS = (
    "Islamic State militants killed three shepherds near Tarmiyah on Thursday, police said.\n\n"
    "Separately, Asaib Ahl al-Haq fighters clashed with the army in Samarra on Wednesday.\n\n"
    "In a separate incident in Baiji on Tuesday, gunmen shot dead two traders in the market."
)


def _events(text, monkeypatch=None, **switches):
    return events_of(text, PUB, monkeypatch, **switches)


def test_the_gunmen_are_the_group_the_article_names(monkeypatch):
    evs = _events(STORY)
    assert len(evs) == 2 and all(e.actor1 == "Islamic State (Iraq)" for e in evs), [(e.sub_event_type, e.actor1) for e in evs]
    off = _events(STORY, monkeypatch, ONE_GROUP=0)
    assert any(e.actor1.startswith("Unidentified Armed Group") for e in off)


def test_not_where_the_article_names_several_groups():
    evs = _events(TWO_GROUPS)
    kidnap = [e for e in evs if e.location == "Bayji" or "Baiji" in e.location]
    assert kidnap and all(e.actor1.startswith("Unidentified Armed Group") for e in kidnap), [(e.location, e.actor1) for e in evs]
