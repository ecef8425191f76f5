"""Places told as where people came from, the second of two included, and the town of the hospital
the wounded were taken to are not where the act happened (geo.locate.ORIGIN_CONJUNCTS).
Sentences written for these tests."""

import datetime as dt

from sitrep.extract.events import extract
from sitrep.geo import locate
from sitrep.model import Article


def _role(text, word):
    return locate.mention_role(text, text.index(word))


def test_conjoined_origins_and_hospital_towns_are_from(monkeypatch):
    assert _role("porters from Erbil and Mosul were seized on the road", "Mosul") == "from"
    assert _role("traders from Hilla, Kut and Najaf were seized", "Najaf") == "from"
    assert _role("Three wounded were rushed to the general hospital in Ramadi.", "Ramadi") == "from"
    assert _role("clashes broke out in Erbil and Mosul", "Mosul") == "in"
    monkeypatch.setattr(locate, "ORIGIN_CONJUNCTS", 0)
    assert _role("porters from Erbil and Mosul were seized on the road", "Mosul") != "from"


def test_the_kidnapping_is_placed_where_it_happened():
    text = ("The men, porters from Erbil and Mosul, were seized on Monday when gunmen stopped their lorry "
            "on the road near Makhmur, police said.")
    evs = extract([Article(id="a", text=text, published=dt.date(2020, 3, 5), title="")])[0]
    assert len(evs) == 1 and evs[0].location == "Makhmour"
