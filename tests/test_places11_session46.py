"""Session 46 (helper places11): the town a text names as a town before the unit of its name, a
town followed by its province that the parser calls a person, "around" before a date. Sentences
written fresh by the helper; no real row is quoted.

- locate.TOWN_WORD_OVER_ITS_UNIT: "in [X] town of [X] township ([X] district, [a region])" is the
  town at its point (1), not the township's seat standing for the township (2);
- locate.COMMA_PROVINCE_NO_PERSON: "Drones struck Chasiv Yar, Donetsk": the parser's PERSON before ",
  [a province]" is read as a place inside that province (the event had fallen to the oblast, 3);
- locate.AROUND_A_TIME_NOT_NEAR: "Around 12 March 2018, at [a village]": "around" qualifies the
  date, and the village is where the event was (1), not near it (2).
"""
import datetime as dt

import sitrep.geo.locate as L
from event_reading import events_of, top_event
from place_reading import chosen

DAY = dt.date(2021, 11, 3)
TOWN_TEXT = ("In Yesagyo town of Yesagyo township, Magway region, two gunmen on a motorbike "
             "shot a ward official late on 2 November 2021.")


def _town_reading(gazetteer):
    best = chosen(TOWN_TEXT, gazetteer, verb="shot")
    return best.place.name, L.precision_for(best.place, best.role, DAY)


def test_a_town_named_as_a_town_is_at_its_point(gazetteer, monkeypatch):
    assert _town_reading(gazetteer) == ("Yesagyo", 1)
    monkeypatch.setattr(L, "TOWN_WORD_OVER_ITS_UNIT", False)
    assert _town_reading(gazetteer) == ("Yesagyo", 2)


def test_a_township_alone_stays_part_of_a_region(gazetteer):
    text = ("Gunmen on a motorbike shot a ward official in Yesagyo township (Pakokku district, Magway "
            "region) late on 2 November 2021.")
    best = chosen(text, gazetteer, verb="shot")
    assert best.place.name == "Yesagyo" and L.precision_for(best.place, best.role, DAY) == 2


SHELL_TEXT = "Drones struck Chasiv Yar, Donetsk, overnight and damaged a school."


def test_a_town_before_its_province_is_no_person(monkeypatch):
    ev = top_event(events_of(SHELL_TEXT, dt.date(2023, 12, 5)))
    assert (ev.location, ev.admin1, ev.geo_precision) == ("Chasiv Yar", "Donetsk", 1)
    monkeypatch.setattr(L, "COMMA_PROVINCE_NO_PERSON", False)
    ev = top_event(events_of(SHELL_TEXT, dt.date(2023, 12, 5)))
    assert ev.location != "Chasiv Yar" and ev.geo_precision == 3


def test_a_persons_name_before_a_province_finds_no_place_elsewhere(gazetteer, parse):
    # a name the parser calls a person, followed by a province where no place has that name
    text = "The governor met Maria Lopez, Kharkiv, on Monday to discuss the shelling."
    found = [m.text for m in L.find_mentions(text, gazetteer, doc=parse(text), countries={"UA"})]
    assert not any("Lopez" in t or "Maria" in t for t in found)


AROUND_TEXT = "Around 12 March 2018, at Wet Kyein village in Maungdaw township, a landmine wounded two farmers."


def test_around_a_date_is_no_nearness(monkeypatch):
    start = AROUND_TEXT.index("Wet Kyein")
    assert L.mention_role(AROUND_TEXT, start) == "in"
    monkeypatch.setattr(L, "AROUND_A_TIME_NOT_NEAR", False)
    assert L.mention_role(AROUND_TEXT, start) == "near"


def test_around_a_place_stays_near():
    for text, name in [("Fighting went on around Marawi City for a week.", "Marawi"),
                       ("Police fired tear gas around midnight near Kisumu town.", "Kisumu"),
                       ("Around 2 April, Mongton Township, Shan State, the army moved troops.", "Mongton")]:
        assert L.mention_role(text, text.index(name)) == "near", text
    text = "Troops dug in around 5 km west of Kismayo."  # a distance, no time: not "in"
    assert L.mention_role(text, text.index("Kismayo")) != "in"
