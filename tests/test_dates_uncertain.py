"""Dates of 2026-12-05, night session (issue 11 part 4): uncertain days, a weekday dated in
brackets, and a range in brackets that is no dateline. Sentences written for these tests."""

import datetime as dt

import pytest

from sitrep.extract import dates as dates_mod
from sitrep.extract.dates import find_dates


@pytest.mark.parametrize("text,published,expected", [
    # of two possible days, the later (ACLED's coding)
    ("A trader was shot dead in the market on either March 3 or 4, 2017.", dt.date(2017, 3, 12), ["2017-03-04"]),
    ("Two porters were killed by police on May 8 or 9.", dt.date(2018, 5, 16), ["2018-05-09"]),
    ("A guard was killed between the night of April 30 and the morning of May 1.", dt.date(2018, 5, 8), ["2018-05-01"]),
    ("The village was raided either June 2 or June 3.", dt.date(2018, 6, 9), ["2018-06-03"]),
    # a weekday whose date follows in brackets is that date
    ("Farmers marched in the capital on Friday (Oct 6) against the new tax.", dt.date(2017, 10, 13), ["2017-10-06"]),
    # two days of two acts stay two
    ("Gunmen attacked the post on May 2 and again on May 5.", dt.date(2018, 5, 17), ["2018-05-02", "2018-05-05"]),
    ("Talks were held on June 2 and June 3.", dt.date(2018, 6, 9), ["2018-06-02", "2018-06-03"]),
])
def test_uncertain_days_take_the_later(text, published, expected):
    assert [str(d.date) for d in find_dates(text, published)] == expected


def test_without_the_switch_the_first_day_is_read(monkeypatch):
    monkeypatch.setattr(dates_mod, "UNCERTAIN_DAYS", 0)
    assert str(find_dates("Two porters were killed on May 8 or 9.", dt.date(2018, 5, 16))[0].date) == "2018-05-08"


def test_a_range_in_brackets_is_no_dateline():
    from sitrep.extract.events import extract
    from sitrep.model import Article

    text = ("Around 14 June 2023 (between 12 - 16 June), in Jeremie, Grande-Anse, members of a gang "
            "killed two fishermen at the harbour.")
    events = extract([Article(id="t", text=text, published=dt.date(2023, 6, 21))])[0]
    assert events and str(events[0].event_date) == "2023-06-14"
