"""A weekday "of last week" is that day in the week before publication, told to the day."""

import datetime as dt

from sitrep.extract.dates import find_dates

PUBLISHED = dt.date(2023, 5, 11)  # a Thursday


def _one(text):
    found = find_dates(text, PUBLISHED)
    assert len(found) == 1, found
    return found[0].date, found[0].precision


def test_weekday_last_week_is_the_previous_weeks_day():
    assert _one("The drivers were taken on Thursday last week at a false checkpoint.") == (dt.date(2023, 5, 4), 1)
    assert _one("Gunmen burned the market late on Monday of last week.") == (dt.date(2023, 5, 1), 1)
    assert _one("The convoy was hit a week ago on Sunday, officials said.") == (dt.date(2023, 5, 7), 1)
    assert _one("Two soldiers died on Friday evening of last week.") == (dt.date(2023, 5, 5), 1)


def test_plain_weekday_and_last_week_keep_their_readings():
    found = find_dates("On Thursday the town was calm; last week it was shelled.", PUBLISHED)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2023, 5, 11), 1), (dt.date(2023, 5, 3), 2)]
