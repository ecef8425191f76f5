"""A day word that is part of a name tells no day (dates.NAMES_NOT_DAYS): an outlet's "Tihama
Today", a place named after its market day ("the Monday Market")."""

import datetime as dt

from sitrep.extract import dates
from sitrep.extract.dates import find_dates

PUB = dt.date(2024, 10, 17)  # a Thursday


def _days(text):
    return [d.date for d in find_dates(text, PUB)]


def test_an_outlets_name_is_no_today(monkeypatch):
    text = "Coast Weekly Today reported that gunmen killed two fishermen on Monday."
    assert _days(text) == [dt.date(2024, 10, 14)]
    monkeypatch.setattr(dates, "NAMES_NOT_DAYS", 0)
    assert PUB in _days(text)


def test_a_market_named_after_its_day_is_no_day(monkeypatch):
    text = "A bomb went off at the Tuesday Market of the old town on Wednesday."
    assert _days(text) == [dt.date(2024, 10, 16)]
    monkeypatch.setattr(dates, "NAMES_NOT_DAYS", 0)
    assert dt.date(2024, 10, 15) in _days(text)


def test_a_plain_today_and_weekday_still_count():
    assert _days("Today, gunmen killed two men.") == [PUB]
    assert _days("Gunmen attacked the village on Monday night.") == [dt.date(2024, 10, 14)]
