"""An event first placed at a range, a desert or a road takes the town or district its report also
names (events.AREA_YIELDS). Sentences written for these tests; places are real Iraqi places."""

import datetime as dt

from event_reading import events_of

PUB = dt.date(2019, 8, 14)

RANGE = (
    "Gunmen killed two farmers in a raid on a hamlet in the Hamrin mountains of Diyala province on Monday night, "
    "officials said.\n\n"
    "The attackers came on motorcycles to the hamlet near Qara Tapa and opened fire on the men as they watered "
    "their sheep, the head of the sub-district said."
)

ROAD = ("The bodies of five drivers who were abducted by Islamic State militants on the Kirkuk-Baghdad highway "
        "were found on Wednesday morning near Tuz Khurmatu, hours after a three-day deadline set by their "
        "kidnappers had expired, security officials and relatives said.")


def _events(text, monkeypatch=None, **switches):
    return events_of(text, PUB, monkeypatch, **switches)


def test_the_district_named_later_is_finer_than_the_range(monkeypatch):
    evs = _events(RANGE)
    assert len(evs) == 1 and evs[0].location == "Qara Tapa" and evs[0].admin1 == "Diyala"
    off = _events(RANGE, monkeypatch, AREA_YIELDS=0)
    assert off[0].location != "Qara Tapa"


def test_the_town_beside_the_highway_is_the_place(monkeypatch):
    evs = _events(ROAD)
    assert len(evs) == 1 and evs[0].location == "Tuz Khurmatu" and evs[0].admin1 == "Salah al-Din"
    off = _events(ROAD, monkeypatch, AREA_YIELDS=0)
    assert off[0].location != "Tuz Khurmatu"
