"""ACLED's geo-precision by kind of place and date (geo/locate.py `precision_for`): until 2019
ACLED coded a Philippine municipality named alone as an area (2), a city or a barangay as a
town-level place (1); from 2020 on a municipality too is coded 1.

The sentences are invented; the place names are facts of the PSGC."""

import datetime as dt

import pytest

from place_reading import reading
from sitrep.geo import locate, psgc_supplement
from sitrep.geo.locate import precision_for

BEFORE = dt.date(2017, 5, 2)  # ACLED's convention of 2016-19
NOW = dt.date(2026, 3, 1)


def _precision(text, gaz, when=BEFORE):
    _, _, mm = reading(text, gaz)
    assert mm is not None and mm.place is not None
    return mm.place, precision_for(mm.place, mm.role, when)


@pytest.mark.parametrize("text, name", [
    ("Police shot dead a robbery suspect in Nasugbu, Batangas on Monday.", "Nasugbu"),
    ("Rebels burned two trucks at a quarry in Monkayo, Davao de Oro, the army said.", "Monkayo"),
    ("A village councillor was killed by two men on a motorcycle in Shariff Aguak, Maguindanao.", "Shariff Aguak"),
])
def test_a_philippine_municipality_named_alone_was_part_of_a_region_until_2019(gazetteer, text, name):
    place, precision = _precision(text, gazetteer)
    assert place.name == name and precision == 2
    assert _precision(text, gazetteer, NOW)[1] == 1  # today's convention: the town
    assert _precision(text, gazetteer, None)[1] == 1  # no date: today's


@pytest.mark.parametrize("text, name", [
    ("Police shot dead a robbery suspect in Marikina City, Metro Manila on Monday.", "Marikina"),
    ("Two men were killed in a shooting in Malolos, Bulacan on Monday.", "Malolos"),
    ("Transport workers marched in Cebu City on Monday against higher fuel prices.", "Cebu"),
])
def test_a_philippine_city_named_alone_is_the_town_itself(gazetteer, text, name):
    place, precision = _precision(text, gazetteer)
    assert name in place.name and precision == 1


def test_a_barangay_set_in_its_municipality_keeps_precision_one(gazetteer):
    place, precision = _precision(
        "Two farmers were shot dead in Brgy. Dicalongan, Ampatuan, Maguindanao on Tuesday.", gazetteer)
    assert place.name == "Dicalongan" and precision == 1


@pytest.mark.parametrize("text", [
    "Police arrested a rebel leader at his hideout in Barangay Tulaytubig, Nasugbu town, Batangas on Monday.",
    "Gunmen shot a farmer in Sitio Bagong Kalumpit, Brgy. Tulaytubig, Nasugbu, Batangas on Monday.",
    "Soldiers clashed with rebels in Tulaytubig village, Nasugbu, Batangas on Monday.",
])
def test_a_municipality_standing_for_a_barangay_it_lacks_keeps_precision_one(gazetteer, text):
    # "Tulaytubig" is no barangay of the gazetteer: the municipality stands for it, and
    # ACLED placed such a barangay at its own point
    place, precision = _precision(text, gazetteer)
    assert place.name == "Nasugbu" and precision == 1


def test_the_municipality_rule_can_be_switched_off(gazetteer, monkeypatch):
    monkeypatch.setattr(locate, "ACLED_MUNICIPALITY_AREA", False)
    place, precision = _precision("Police shot dead a robbery suspect in Nasugbu, Batangas on Monday.", gazetteer)
    assert place.name == "Nasugbu" and precision == 1


def test_a_municipality_is_told_from_a_city_and_a_namesake_far_away():
    # Nasugbu's poblacion; a point 100 km away is no seat of it; Antipolo is a city
    assert psgc_supplement.is_municipality({"Nasugbu"}, 14.067, 120.632)
    assert not psgc_supplement.is_municipality({"Nasugbu"}, 15.0, 121.5)
    assert not psgc_supplement.is_municipality({"Antipolo"}, 14.626, 121.176)
    assert not psgc_supplement.is_municipality({"Nasugbu"}, None, None)


@pytest.mark.parametrize("text, town", [
    # the gazetteer's Minuyan is a barangay of another region; San Jose del Monte's is numbered
    ("Two men were killed during a police raid in Barangay Minuyan, San Jose del Monte, Bulacan on Monday.",
     "San Jose del Monte"),
    ("A drug suspect was shot dead in Barangay Poblacion within Plaridel town on Monday.", "Plaridel"),
])
def test_a_village_set_in_its_town_is_no_namesake_far_from_it(gazetteer, text, town):
    place, precision = _precision(text, gazetteer)
    assert place.name == town and place.admin1 == "Central Luzon" and precision == 1


def test_a_village_far_from_its_town_is_kept_when_the_rule_is_off(gazetteer, monkeypatch):
    monkeypatch.setattr(locate, "VILLAGE_NEAR_ITS_TOWN", False)
    place, _ = _precision("Two men were killed during a police raid in Barangay Minuyan, San Jose del Monte, "
                          "Bulacan on Monday.", gazetteer)
    assert place.admin1 != "Central Luzon"


@pytest.mark.parametrize("text, village", [
    ("Soldiers raided a camp in Dicalongan village in Ampatuan, Maguindanao del Sur, the army said.", "Dicalongan"),
    # "Burgos" alone is first read as the Spanish city; Isabela's Burgos lies beside Raniag
    ("Policemen shot a drug suspect in Barangay Raniag, Burgos town in Isabela on Monday.", "Raniag"),
])
def test_a_village_near_its_town_or_a_namesake_of_its_town_stays(gazetteer, text, village):
    place, _ = _precision(text, gazetteer)
    assert place.name == village
