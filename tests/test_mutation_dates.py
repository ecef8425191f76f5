"""Dates pinned to exact days and precisions, across months and years (benchmarks/mutation.py:
tests that fail when the date rules change). The phrases are the team's own."""

import datetime as dt

import pytest

from sitrep.extract.dates import find_dates

MON = dt.date(2019, 7, 8)  # a Monday
TUE = dt.date(2019, 7, 9)
JAN = dt.date(2020, 1, 10)  # a Friday early in a year


def _all(text, published):
    return [(d.text, d.date, d.precision, d.explicit_year) for d in find_dates(text, published)]


@pytest.mark.parametrize("text,published,date,precision", [
    # months read in January belong to the year before, the current month to this year
    ("in December", JAN, dt.date(2019, 12, 15), 3),
    ("last December", JAN, dt.date(2019, 12, 15), 3),
    ("in January", JAN, dt.date(2020, 1, 10), 3),  # not after publication
    ("in January", dt.date(2020, 1, 20), dt.date(2020, 1, 15), 3),
    ("last January", JAN, dt.date(2019, 1, 15), 3),
    ("this January", JAN, dt.date(2020, 1, 10), 3),
    ("since May", TUE, dt.date(2019, 5, 15), 3),
    ("during May", TUE, dt.date(2019, 5, 15), 3),
    ("throughout June", TUE, dt.date(2019, 6, 15), 3),
    ("in August", TUE, dt.date(2018, 8, 15), 3),
    ("last July", TUE, dt.date(2018, 7, 15), 3),
    ("last month", JAN, dt.date(2019, 12, 15), 3),
    ("the previous month", TUE, dt.date(2019, 6, 15), 3),
    ("this month", TUE, dt.date(2019, 7, 1), 3),
    ("in recent weeks", TUE, dt.date(2019, 6, 25), 3),
    ("earlier this year", dt.date(2020, 2, 20), dt.date(2020, 1, 1), 3),
    ("earlier this year", dt.date(2020, 1, 20), dt.date(2020, 1, 1), 3),
    # weekdays: "on Monday" said on a Monday is that day, "last Monday" the week before
    ("last Monday", MON, dt.date(2019, 7, 1), 1),
    ("on Monday", MON, dt.date(2019, 7, 8), 1),
    ("last Tuesday", MON, dt.date(2019, 7, 2), 1),
    ("on the night of Monday", MON, dt.date(2019, 7, 8), 1),
    ("on Wednesday", TUE, dt.date(2019, 7, 3), 1),
    ("on Tuesday", TUE, dt.date(2019, 7, 9), 1),
    ("last weekend", MON, dt.date(2019, 7, 6), 2),
    ("over the weekend", TUE, dt.date(2019, 7, 6), 2),
    ("this week", TUE, dt.date(2019, 7, 8), 2),
    ("previous week", TUE, dt.date(2019, 7, 3), 2),
    ("in recent days", TUE, dt.date(2019, 7, 6), 2),
    ("two days ago", TUE, dt.date(2019, 7, 7), 1),
    ("3 days ago", TUE, dt.date(2019, 7, 6), 1),
    ("six days ago", TUE, dt.date(2019, 7, 3), 1),
    ("today", TUE, TUE, 1),
    ("yesterday", JAN, dt.date(2020, 1, 9), 1),
    # parts of a month
    ("early January", JAN, dt.date(2020, 1, 5), 2),
    ("late December", JAN, dt.date(2019, 12, 25), 2),
    ("the end of June", TUE, dt.date(2019, 6, 28), 2),
    ("end of June", TUE, dt.date(2019, 6, 28), 2),
    ("the beginning of June", TUE, dt.date(2019, 6, 3), 2),
    ("beginning of June", TUE, dt.date(2019, 6, 3), 2),
    ("mid-June", TUE, dt.date(2019, 6, 15), 2),
    ("the middle of June", TUE, dt.date(2019, 6, 15), 2),
    ("late June", TUE, dt.date(2019, 6, 25), 2),
    ("early June", TUE, dt.date(2019, 6, 5), 2),
    ("early May", TUE, dt.date(2019, 5, 5), 2),
    # days and months without a year
    ("Dec 3", JAN, dt.date(2019, 12, 3), 1),
    ("on 3 Dec", JAN, dt.date(2019, 12, 3), 1),
    ("the 3rd of December", JAN, dt.date(2019, 12, 3), 1),
    ("on July 10", TUE, dt.date(2019, 7, 10), 1),  # the day after publication (time zones)
    ("on 29 February", dt.date(2020, 3, 1), dt.date(2020, 2, 29), 1),
    ("on 10/07", TUE, dt.date(2019, 7, 10), 1),
    # explicit years
    ("March 5, 2024", TUE, dt.date(2024, 3, 5), 1),
    ("on 5 March 2024", TUE, dt.date(2024, 3, 5), 1),
    ("Sept. 9, 2018", TUE, dt.date(2018, 9, 9), 1),
    ("in May 2024", TUE, dt.date(2024, 5, 15), 3),
    ("June 2024", TUE, dt.date(2024, 6, 15), 3),
    ("in June, 2024", TUE, dt.date(2024, 6, 15), 3),
    ("2019-07-04", TUE, dt.date(2019, 7, 4), 1),
    ("2019/07/04", TUE, dt.date(2019, 7, 4), 1),
    ("on 7/4/2019", TUE, dt.date(2019, 7, 4), 1),
    ("On 02/03/2021", None, dt.date(2021, 2, 3), 1),  # month first without a publication date
    ("in June 2019", None, dt.date(2019, 6, 15), 3),
])
def test_exact_dates(text, published, date, precision):
    [(_, got, prec, _)] = _all(text, published)
    assert (got, prec) == (date, precision)


@pytest.mark.parametrize("text,published", [
    ("May 2024 brought little rain", TUE),  # "May" alone is too often the verb
    ("This may cause delays on the road to Djibo.", TUE),
    ("Gunmen may strike again, the mayor said.", TUE),
    ("throughout May", TUE),
    ("on July 11", TUE),  # two days after publication: not an event date
    ("on 29 February", dt.date(2021, 3, 1)),  # no such day that year
    ("on 31 June", TUE),
    ("on 13/14/2019", TUE),
    ("on 5 June", None),  # a relative date needs the publication date
    ("yesterday", None),
])
def test_no_date(text, published):
    assert find_dates(text, published) == []


def test_may_the_verb_beside_a_month():
    assert _all("The rebels may attack in June.", TUE) == [("in June", dt.date(2019, 6, 15), 3, False)]


def test_an_impossible_day_with_a_year_falls_back_to_the_month():
    assert _all("on 31 June 2019", TUE) == [("June 2019", dt.date(2019, 6, 15), 3, True)]


def test_overlapping_patterns_give_one_mention_and_separate_ones_each():
    assert _all("On 5 June 2018, gunmen", TUE) == [("5 June 2018", dt.date(2018, 6, 5), 1, True)]
    assert _all("on Monday and on 3 July", TUE) == [("on Monday", dt.date(2019, 7, 8), 1, False),
                                                   ("3 July", dt.date(2019, 7, 3), 1, False)]


def test_mentions_keep_their_offsets_and_original_case():
    text = "Gunmen struck Kelbo on Sunday and again on 2 July."
    found = find_dates(text, TUE)
    assert [(d.start, d.end, d.text) for d in found] == [(20, 29, "on Sunday"), (43, 49, "2 July")]
    assert [d.spoken for d in found] == [False, False]
