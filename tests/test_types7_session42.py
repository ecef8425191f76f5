"""Session 42 (types7): which event leads a short report, and fights between clans, herders or
communities read as battles. Sentences written for these tests, about invented incidents."""

import datetime as dt

from event_reading import events_of
from event_reading import top_event as _top

PUB = dt.date(2024, 9, 20)


def test_the_event_told_first_leads_a_short_report(monkeypatch):
    text = ("On 18 September 2024, in the Bon Repos quarter of Croix-des-Bouquets, Ouest, the Chen Mechan gang "
            "attacked residents overnight. Police units intervened and clashed with the gunmen. No toll was "
            "given.")
    from sitrep.extract import roles
    monkeypatch.setattr(roles, "RESPONDER_SECOND", False)  # (session 46) the gunmen first: equal confidences
    on = events_of(text, PUB, monkeypatch, LEDE_EVENT_FIRST=1)
    off = events_of(text, PUB, monkeypatch, LEDE_EVENT_FIRST=0)
    assert {e.sub_event_type for e in on} == {e.sub_event_type for e in off} == {"Attack", "Armed clash"}
    assert _top(on).sub_event_type == "Attack"
    assert _top(off).sub_event_type == "Armed clash"
