"""locate.PROVINCE_ANY_ENTRY_EXACT: "in Baghdad" is the city at precision 1 even where the name
resolved first to a province entry named otherwise ("Baghdad governorate"), as "in Kirkuk" is.
Sentences written by the team."""
import datetime as dt

import sitrep.geo.locate as L
from sitrep.model import Article
from sitrep.pipeline import process

TEXT = "On 4 January 2024, a bomb exploded at a bus station in Baghdad, killing two."


def _place(text: str):
    ev = process([Article(id="cp", url="", title="", text=text, published=dt.date(2024, 1, 5))])[0][0]
    return ev.location, ev.geo_precision


def test_the_city_of_its_province_at_precision_one(monkeypatch):
    assert _place(TEXT) == ("Baghdad", 1)
    monkeypatch.setattr(L, "PROVINCE_ANY_ENTRY_EXACT", False)
    assert _place(TEXT)[1] == 3


def test_the_province_named_as_such_stays_a_province():
    assert _place("On 4 January 2024, two tribes clashed in Baghdad province, killing two.")[1] == 3
