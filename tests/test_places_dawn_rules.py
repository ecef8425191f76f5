"""Place rules of the 2026-12-06 dawn session (geo/locate.py, data/place_words.yaml): a unit word
lifts the parser's block on a name, a chain of units after a town says where the town is, a town
the text names over a bare country, and ACLED's precision of a township by its wording and date.

The sentences are invented; the place names are facts."""

import datetime as dt

import pytest

from place_reading import chosen
from sitrep.geo import locate
from sitrep.geo.locate import (
    find_mentions,
    precision_for,
)


def _chosen(text, gaz, when=None, verb=None):
    """The event's place as extraction reads it, the event's word at `verb` (its first occurrence)."""
    mm = chosen(text, gaz, verb=verb)
    assert mm is not None and mm.place is not None, text
    return mm, precision_for(mm.place, mm.role, when)


# -- a unit word after a name the parser calls a person ----------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Troops searched every house of Man Loi, Tangyan township, Shan State, on Sunday.", "Tangyan"),
    ("Soldiers burned a granary in Wan Hsai village (Ywangan township, Shan State) last week.", "Ywangan"),
])
def test_a_name_before_a_unit_word_is_a_place_whatever_the_parser_says(gazetteer, parse, monkeypatch, text, name):
    doc = parse(text)
    assert any(e.text == name and e.label_ in locate.NOT_PLACE_LABELS for e in doc.ents)
    assert name in [m.text for m in find_mentions(text, gazetteer, doc=doc)]
    monkeypatch.setattr(locate, "NAMED_BY_UNIT_WORD", False)
    assert name not in [m.text for m in find_mentions(text, gazetteer, doc=doc)]


# -- a chain of units after a town -----------------------------------------------------------------

@pytest.mark.parametrize("text, name, verb", [
    ("Late on Tuesday, outside Kamaing town, Hpakant township, in Kachin state, a roadside bomb hit an "
     "army truck.", "Kamaing", "bomb"),
    ("In Kepanjen district, in Malang regency, East Java, hundreds of farmers marched against a land deal.",
     "Kepanjen", "marched"),
    ("At Aung Zeya village, Ponnagyun Township (Sittwe District, Rakhine State), soldiers shot a fisherman.",
     "Ponnagyun", "shot"),
])
def test_units_set_after_a_town_say_where_it_is(gazetteer, monkeypatch, text, name, verb):
    mm, _ = _chosen(text, gazetteer, verb=verb)
    assert mm.place.name == name
    monkeypatch.setattr(locate, "UNIT_CHAIN_LOCATES", False)
    assert _chosen(text, gazetteer, verb=verb)[0].place.name != name  # the unit nearer the event's word won


def test_a_province_after_a_district_of_says_where_the_district_is(gazetteer, monkeypatch):
    text = "At Nam Hpat, Bhamo district of Kachin, rebels ambushed an army convoy on Sunday."
    assert _chosen(text, gazetteer, verb="ambushed")[0].place.name == "Bhamo"
    monkeypatch.setattr(locate, "UNIT_CHAIN_LOCATES", False)
    assert _chosen(text, gazetteer, verb="ambushed")[0].place.feature == "admin1"  # Kachin, after "of"


def test_a_small_namesake_far_from_the_unit_after_it_gives_way(gazetteer, monkeypatch):
    # the gazetteer's Rejoso lies some 80 km from Nganjuk: another Rejoso
    text = "A dam project drew an angry crowd of farmers to Ngrombo subdistrict, Rejoso district, Nganjuk regency, on Monday."
    assert _chosen(text, gazetteer, verb="crowd")[0].place.name == "Nganjuk"
    monkeypatch.setattr(locate, "UNIT_CHAIN_NAMESAKE_POP", 0)
    assert _chosen(text, gazetteer, verb="crowd")[0].place.name == "Rejoso"


# -- a town over a bare country ------------------------------------------------------------------

def test_a_town_the_text_names_outranks_a_country_named_as_a_topic(gazetteer, monkeypatch):
    text = ("Hundreds marched through Mombasa against two Somali clerics accused of luring young men to "
            "fight in Somalia.")
    mm, _ = _chosen(text, gazetteer)
    assert mm.place.name == "Mombasa" and mm.place.iso == "KE"
    monkeypatch.setattr(locate, "TOWN_OVER_COUNTRY", False)
    assert _chosen(text, gazetteer)[0].place.feature == "country"


# -- ACLED's precision of a township ---------------------------------------------------------------

def test_a_township_in_a_chain_of_ins_is_its_town_until_2020(gazetteer, monkeypatch):
    text = "Copper miners blocked a road in Wetlet Township, in Sagaing Region, over unpaid wages."
    assert _chosen(text, gazetteer, dt.date(2013, 6, 4))[1] == 1
    assert _chosen(text, gazetteer, dt.date(2022, 6, 4))[1] == 2
    assert _chosen(text, gazetteer)[1] == 2  # undated: today's convention
    monkeypatch.setattr(locate, "TOWNSHIP_CHAIN_POINT", False)
    assert _chosen(text, gazetteer, dt.date(2013, 6, 4))[1] == 2


def test_a_township_named_otherwise_stays_part_of_a_region(gazetteer):
    text = "Copper miners blocked a road in Wetlet Township, Sagaing Region, over unpaid wages."
    assert _chosen(text, gazetteer, dt.date(2013, 6, 4))[1] == 2


def test_a_city_township_named_as_a_township_is_part_of_a_region(gazetteer, monkeypatch):
    text = "A parcel bomb damaged a ward office in Thaketa township, Yangon, on 5 October 2021."
    mm, precision = _chosen(text, gazetteer, dt.date(2021, 10, 5))
    assert mm.place.name == "Thaketa" and mm.place.feature == "neighbourhood" and precision == 2
    monkeypatch.setattr(locate, "CITY_TOWNSHIP_AREA", False)
    assert _chosen(text, gazetteer, dt.date(2021, 10, 5))[1] == 1
    # a quarter of a city named by a district word keeps its point ("Hodan District", Mogadishu)
    mm, precision = _chosen("Gunmen shot a trader in Hodan district of Mogadishu on Monday.", gazetteer)
    assert mm.place.feature == "neighbourhood" and precision == 1


# -- a later item of a bracket after a name is no person ---------------------------------------------

def test_a_unit_in_the_bracket_after_a_name_is_no_persons_name(gazetteer, parse, monkeypatch):
    text = "A motorcyclist was beaten at a roadblock in Oyugis (Kasipul, Homa Bay) late on Friday."
    doc = parse(text)
    assert any(e.text == "Homa Bay" and e.label_ == "PERSON" for e in doc.ents)
    assert "Homa Bay" in [m.text for m in find_mentions(text, gazetteer, doc=doc)]
    monkeypatch.setattr(locate, "CHAIN_NAME_NO_PERSON", False)
    assert "Homa Bay" not in [m.text for m in find_mentions(text, gazetteer, doc=doc)]


# -- a word written twice ------------------------------------------------------------------------------

def test_a_word_written_twice_is_no_place(gazetteer, monkeypatch):
    text = "Angry Boda Boda riders burned tyres in Kapsabet after a colleague was killed."
    mm, _ = _chosen(text, gazetteer)
    assert mm.place.name == "Kapsabet" and mm.place.iso == "KE"
    found = [m.text for m in find_mentions(text, gazetteer)]
    assert "Boda" not in found
    monkeypatch.setattr(locate, "DOUBLED_WORD_NO_PLACE", False)
    assert "Boda" in [m.text for m in find_mentions(text, gazetteer)]  # Norway's Bodø, by its key
    # a doubled name that is itself a place stays one; the word alone too ("Boda upazila")
    found = [m.text for m in find_mentions("Farmers rallied in Walla Walla and in Boda upazila town.", gazetteer)]
    assert "Walla Walla" in found and "Boda" in found

