"""Which day a sentence of an article tells: dates that belong to something other than the act."""

import datetime as dt

from sitrep.extract import events
from sitrep.extract.events import extract
from sitrep.model import Article

PUB = dt.date(2019, 3, 20)


def _events(text, published=PUB):
    return extract([Article(id="t", text=text, published=published)])[0]


def test_a_date_in_the_possessive_of_a_non_event_noun_is_not_the_act_s_day():
    # "this year's elections" dates the elections: read as the act's day (1 January, months
    # before the article) it made the march history
    text = ("Thousands of teachers marched through the centre of Velmora ahead of this year's elections, "
            "demanding higher pay.")
    [ev] = _events(text)
    assert ev.sub_event_type == "Peaceful protest"
    old = events.OWNED_DATES
    events.OWNED_DATES = False
    try:
        assert _events(text) == []
    finally:
        events.OWNED_DATES = old


def test_a_date_in_the_possessive_of_an_act_is_still_the_act_s_day():
    [ev] = _events("Police arrested four men in Velmora after Saturday's bombing of the bus depot.")
    assert ev.event_date == dt.date(2019, 3, 16)


def test_a_recent_period_is_the_time_of_the_news_not_history():
    from sitrep.extract.dates import find_dates

    text = "Gunmen killed 14 farmers in the villages around Velmora in the past two days, residents said."
    [d] = find_dates(text, PUB)
    assert d.text == "in the past two days" and d.precision == 2 and d.date == dt.date(2019, 3, 17)
    [ev] = _events(text)
    assert ev.fatalities == 14
    old = events.RECENT_PERIODS
    events.RECENT_PERIODS = False
    try:
        assert _events(text) == []  # "in the past" read as history
    finally:
        events.RECENT_PERIODS = old
    # the past itself is still history
    assert _events("In the past, gunmen killed farmers in the villages around Velmora.") == []
