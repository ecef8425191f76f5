"""Session 44 (helper places9): measured villages, a town's outskirts, far fuzzy spellings.
Sentences written fresh by the helper; no real row is quoted.

- locate.MEASURED_AGREES_ROUGHLY: "X Village (70km SW of [a town])": the gazetteer's X, about that
  far in about that direction, is kept (the words' point had replaced it), and its precision is 1;
- locate.OUTSKIRTS_AT_POINT: "in the outskirts of [a town]" is the town at precision 1; "in the
  vicinity of [a town]" too before 2018 (2 after, as "near");
- locate.FUZZY_FAR_FROM_TEXT: a spelling read only fuzzily, far from the towns the text read
  exactly before it, is no place of the event.
"""
import datetime as dt

import sitrep.geo.locate as L
from place_reading import chosen
from place_reading import given_countries_mentions as _mentions

MEASURED_TEXT = "Herders fought over a well by Saaxo Village (68 km south-west of Galkacyo) on Tuesday, leaving two dead."


def test_measured_village_kept_where_the_gazetteer_has_it(gazetteer, monkeypatch):
    best = chosen(MEASURED_TEXT, gazetteer)
    assert best is not None and best.place.name == "Saaxo" and getattr(best.place, "source", "") != "measured"
    assert abs(best.place.longitude - 46.797) < 0.01  # the gazetteer's point, not one made up
    assert L.precision_for(best.place, best.role, dt.date(2016, 3, 1)) == 1
    monkeypatch.setattr(L, "MEASURED_AGREES_ROUGHLY", False)
    best = chosen(MEASURED_TEXT, gazetteer)
    assert best is not None and getattr(best.place, "source", "") == "measured"


def test_measured_village_far_from_the_words_is_still_made_up(gazetteer):
    # the gazetteer's Saaxo is about 70 km west of the town, not east: the words' point is taken
    best = chosen("Herders fought over a well by Saaxo Village (68 km east of Galkacyo) on Tuesday.", gazetteer)
    assert best is not None and getattr(best.place, "source", "") == "measured"


def _precision(text, gazetteer, when):
    best = chosen(text, gazetteer)
    assert best is not None and best.place.name == "Beledweyne"
    return L.precision_for(best.place, best.role, when)


def test_outskirts_of_a_town_is_its_point(gazetteer, monkeypatch):
    text = "Gunmen shot a shopkeeper dead in the outskirts of Beledweyne town on Monday."
    assert _precision(text, gazetteer, dt.date(2021, 5, 3)) == 1
    monkeypatch.setattr(L, "OUTSKIRTS_AT_POINT", False)
    assert _precision(text, gazetteer, dt.date(2021, 5, 3)) == 2


def test_vicinity_of_a_town_by_date(gazetteer, monkeypatch):
    text = "Gunmen shot a shopkeeper dead in the vicinity of Beledweyne on Monday."
    assert _precision(text, gazetteer, dt.date(2016, 5, 3)) == 1
    assert _precision(text, gazetteer, dt.date(2022, 5, 3)) == 2
    assert _precision("Gunmen shot a shopkeeper dead near Beledweyne on Monday.", gazetteer, dt.date(2016, 5, 3)) == 2
    monkeypatch.setattr(L, "OUTSKIRTS_AT_POINT", False)
    assert _precision(text, gazetteer, dt.date(2016, 5, 3)) == 2


# (session 44, at the merge: gazfacts9 added the real Bali Cad, so the spelling read fuzzily is made up)
FUZZY_TEXT = "Elders in Buuhoodle said that fighting broke out in Balcaadi Village on Monday."


def _fuzzy_far(gazetteer):
    ms = _mentions(FUZZY_TEXT, gazetteer, {"SO"})
    far = next(m for m in ms if m.text.startswith("Balcaadi"))
    assert far.place is not None and far.place.name == "Balcad"  # read fuzzily, 650 km south
    best = L.choose_event_place([m for m in ms if m.place is not None], FUZZY_TEXT,
                                anchor=FUZZY_TEXT.index("fighting"), focus={"SO"})
    return far, best


def test_fuzzy_spelling_far_from_the_towns_read(gazetteer, monkeypatch):
    far, best = _fuzzy_far(gazetteer)
    assert getattr(far.place, "not_event_place", False)
    assert best is not None and best.place.name == "Buuhoodle"
    monkeypatch.setattr(L, "FUZZY_FAR_FROM_TEXT", False)
    far, _ = _fuzzy_far(gazetteer)
    assert not getattr(far.place, "not_event_place", False)


BRACKET_TEXT = "Gunmen shot a guard dead near Bakhaarka Sheekh Cumar (Hodan District) late on Sunday."


def test_bracket_unit_over_a_word_inside_a_name(gazetteer, monkeypatch):
    best = chosen(BRACKET_TEXT, gazetteer)
    assert best is not None and best.place.name == "Hodan" and best.place.admin1 == "Banadir"
    monkeypatch.setattr(L, "BRACKET_UNIT_OVER_NAME_WORD", False)
    best = chosen(BRACKET_TEXT, gazetteer)
    assert best is not None and best.place.name == "Sheekh"  # a town of Togdheer, 800 km north


def test_bracket_of_the_same_province_keeps_the_town(gazetteer):
    best = chosen("Troops clashed with fighters in Marka Town (Lower Shabelle) at dawn.", gazetteer)
    assert best is not None and best.place.name == "Marka"
