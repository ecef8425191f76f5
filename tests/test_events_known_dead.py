"""A sentence whose only cue words name dead already told of ("the bodies", "one of the dead")
makes no event of its own (events.KNOWN_DEAD). Sentences written for these tests."""

import datetime as dt

from event_reading import events_of

PUB = dt.date(2021, 4, 9)  # a Friday

REPORT = (
    "Four herders from Qalat Sur were killed on Wednesday when a roadside bomb hit their tractor on a "
    "track west of Rutba in Anbar province, police said.\n\n"
    "A fifth man was wounded.\n\n"
    "The herders were brothers and cousins who had set out before dawn on Tuesday to move their flock "
    "to spring grazing, a neighbour of one of the dead said.\n\n"
    "Villagers said grazing land in the area has been dangerous since the war.\n\n"
    "The bodies were carried back to Qalat Sur on Thursday and buried in the village cemetery."
)

FOUND = "Police found the bodies of two shopkeepers dumped beside a canal in Basra on Monday."


def _events(text, monkeypatch=None, **switches):
    return events_of(text, PUB, monkeypatch, **switches)


def test_the_dead_named_again_make_no_new_event(monkeypatch):
    evs = _events(REPORT)
    assert len(evs) == 1
    assert evs[0].event_date == dt.date(2021, 4, 7) and evs[0].fatalities == 4
    off = _events(REPORT, monkeypatch, KNOWN_DEAD=0)
    assert len(off) > 1  # the burial day or the herders' trip stood as events of their own


def test_bodies_with_a_number_are_still_a_report():
    evs = _events(FOUND)
    assert len(evs) == 1 and evs[0].fatalities == 2
