"""A count over a period in the present perfect ("have shot dead dozens this year") is a tally, not
an event (lexicons.yaml tally_phrases); fliers dropped from the air are no strike
(dropped_not_munitions, event_cues.yaml). Sentences written for these tests."""

import datetime as dt

from sitrep.extract import lexicons
from sitrep.extract.events import extract
from sitrep.model import Article

PUB = dt.date(2019, 5, 20)


def _events(text):
    return extract([Article(id="a", text=text, published=PUB, title="")])[0]


def test_a_period_tally_is_no_event():
    text = ("The smugglers charge $1,500 to cross a stretch of the frontier where guards have shot dead "
            "dozens of migrants this year alone.")
    assert lexicons.pattern("tally_phrases").search(text)
    assert _events(text) == []


def test_a_killing_of_the_day_is_still_an_event():
    text = "Border guards shot dead two migrants near Ghazir on Saturday, a rights group said."
    assert not lexicons.pattern("tally_phrases").search(text)
    assert len(_events(text)) == 1


def test_fliers_dropped_by_jets_are_no_strike():
    text = ("Military jets dropped fliers over the town of Tal Kayf on Friday urging the fighters to "
            "surrender.")
    assert all(e.sub_event_type != "Air/drone strike" for e in _events(text))
