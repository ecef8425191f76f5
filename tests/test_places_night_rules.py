"""Place rules of the 2026-12-05 night session (geo/locate.py, geo/resolve.py, data/place_words.yaml,
data/places/{sri_lanka,burkina_faso,haiti}.yaml): ACLED's precision for a place an act was aimed
at and for Indonesia's districts, a council's name that ends like a town's, a name the gazetteer
lacks set before a province that shares its city's name, "near [a building] in [a town]", a
province called by its own name, and towns GeoNames' populated places lack.

The sentences are invented; the place names are facts."""

import datetime as dt

import pytest
import yaml

from place_reading import reading
from sitrep.geo import locate, resolve
from sitrep.geo.locate import precision_for

WHEN = dt.date(2022, 5, 3)


def _chosen(text, gaz):
    _, _, mm = reading(text, gaz)
    assert mm is not None and mm.place is not None, text
    return mm, precision_for(mm.place, mm.role, WHEN)


# -- "in the direction of" -----------------------------------------------------------------

def test_a_place_fire_was_aimed_in_the_direction_of_is_near(gazetteer, monkeypatch):
    text = "Soldiers shelled rebel positions in the direction of Kreminna, Luhansk, on Tuesday."
    mm, precision = _chosen(text, gazetteer)
    assert mm.place.name == "Kreminna" and mm.role == "near" and precision == 2
    monkeypatch.setattr(locate, "DIRECTION_IS_NEAR", False)
    assert _chosen(text, gazetteer)[1] == 1  # "of" alone reads as "in"


# -- ACLED's point units ------------------------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("On 4 March 2019, some 200 farmers rallied in Ambarawa district, Semarang regency, Central Java "
     "province, over water rights.", "Ambarawa"),
    ("Residents blocked a road in Kepanjen sub-district, Malang regency, East Java, over a land dispute.",
     "Kepanjen"),
])
def test_an_indonesian_district_is_coded_at_its_own_point(gazetteer, monkeypatch, text, name):
    mm, precision = _chosen(text, gazetteer)
    assert mm.place.name == name and mm.place.iso == "ID" and precision == 1
    monkeypatch.setattr(locate, "ACLED_POINT_UNITS", False)
    assert _chosen(text, gazetteer)[1] == 2  # a unit below the province elsewhere: "part of a region"


def test_a_unit_below_the_province_elsewhere_stays_part_of_a_region(gazetteer):
    mm, precision = _chosen("Villagers protested a land grab in Maungdaw Township, Rakhine State.", gazetteer)
    assert mm.place.iso == "MM" and precision == 2


def test_the_point_unit_table_names_countries_and_unit_words():
    from importlib import resources

    from sitrep.geo.names import FEATURE_WORDS

    data = yaml.safe_load((resources.files("sitrep") / "data" / "place_words.yaml").read_text(encoding="utf-8"))
    units = data["acled_point_units"]
    assert units and all(len(iso) == 2 and iso.isupper() for iso in units)
    assert all(w.replace("-", "") in FEATURE_WORDS for words in units.values() for w in words)
    for key in ("organisation_tails", "street_words"):
        words = data[key]
        assert words and len(words) == len(set(words)) and all(w == w.lower() and w.isalpha() for w in words)
    assert locate.acled_point_unit("ID", "sub-district") and not locate.acled_point_unit("BD", "district")


# -- a council's name ---------------------------------------------------------------------------

def test_a_councils_name_ending_like_a_town_is_no_town(gazetteer, monkeypatch):
    text = "A councillor of the Matale Pradeshiya Sabha was beaten by a group of men."
    _, mentions, chosen = reading(text, gazetteer)
    assert chosen.place.iso == "LK" and not [m for m in mentions if m.text == "Sabha"]
    monkeypatch.setattr(locate, "ORGANISATION_TAILS", False)
    _, mentions, _ = reading(text, gazetteer)
    assert [m.place.iso for m in mentions if m.text == "Sabha"] == ["LY"]  # Libya's Sabha


def test_the_town_of_that_name_alone_is_still_a_town(gazetteer):
    mm, _ = _chosen("Gunmen attacked a market in Sabha, southern Libya.", gazetteer)
    assert mm.place.iso == "LY" and mm.place.name == "Sabha"


# -- a name the gazetteer lacks, set before a province ------------------------------------------

@pytest.mark.parametrize("text", [
    "Artillery hit Zorianka, Kharkiv, on Friday.",
    "On 2 June 2022, troops exchanged fire near Shakhta Nomer 9/11, Donetsk.",
])
def test_an_unknown_name_before_a_province_makes_it_the_province(gazetteer, monkeypatch, text):
    mm, _ = _chosen(text, gazetteer)
    assert mm.place.feature == "admin1"  # the province (events take its capital at precision 3)
    monkeypatch.setattr(locate, "UNKNOWN_NAME_SETS_PROVINCE", False)
    mm, _ = _chosen(text, gazetteer)
    assert mm.place.feature == "town"  # the city that shares the province's name, at 1


@pytest.mark.parametrize("text, name", [
    ("Russian forces shelled Kupyansk, Kharkiv, on Friday.", "Kupyansk"),
    ("On 2 June, Kharkiv was shelled again.", "Kharkiv"),
    ("Drivers protested outside a ministry on Ngong Way, Nairobi.", "Nairobi"),
    ("Gunmen ambushed a bus headed to Wajir (Wajir East, Wajir) on Monday.", "Wajir"),
])
def test_a_known_town_a_date_a_street_or_a_bracket_chain_keeps_the_city(gazetteer, text, name):
    mm, _ = _chosen(text, gazetteer)
    assert mm.place.name == name and mm.place.feature == "town"


# -- "near [a building] in [a town]" -------------------------------------------------------------

def test_near_a_building_in_a_town_is_in_the_town(gazetteer, monkeypatch):
    text = "Protesters rallied near the central mosque in Kilinochchi town (Kilinochchi, Northern) on Monday."
    mm, precision = _chosen(text, gazetteer)
    assert mm.place.name == "Kilinochchi" and mm.role == "in" and precision == 1
    monkeypatch.setattr(locate, "NEAR_THING_IN_TOWN", False)
    assert _chosen(text, gazetteer)[0].role == "near"


# -- a province called by its own name ----------------------------------------------------------

def test_a_province_called_by_its_own_name_wins_a_tie(gazetteer, monkeypatch):
    text = "On 3 May 2024, in Carrefour-Feuilles, Ouest, armed men kidnapped a driver."
    mm, _ = _chosen(text, gazetteer)
    assert mm.place.iso == "HT"
    _, mentions, _ = reading("On 3 May 2024, unknown men set up roadblocks across Ouest.", gazetteer)
    ouest = [m for m in mentions if m.text == "Ouest"]
    assert ouest and ouest[0].place.iso == "HT"  # Haiti's "Ouest" over Cameroon's "West" (also "Ouest")
    monkeypatch.setattr(resolve, "PROVINCE_OWN_NAME", False)
    _, mentions, _ = reading("On 3 May 2024, unknown men set up roadblocks across Ouest.", gazetteer)
    assert [m for m in mentions if m.text == "Ouest"][0].place.iso == "CM"


# -- towns GeoNames' populated places lack -------------------------------------------------------

@pytest.mark.parametrize("text, name, iso, admin1", [
    ("On 5 May 2018, a crowd attacked a bus depot in Nittambuwa, Gampaha district.", "Nittambuwa", "LK", "Western"),
    ("Fishermen blocked the harbour road in Valaichchenai on Tuesday.", "Valaichchenai", "LK", "Eastern"),
    ("On 5 May 2021, gunmen attacked a police post in Kantchari, Tapoa province.", "Kantchari", "BF", "Est"),
    ("Militants burned the school in Tongomayel on Sunday.", "Tongomayel", "BF", "Sahel"),
    ("On 3 May 2024, in Tabarre, Ouest, armed men kidnapped a driver.", "Tabarre", "HT", "Ouest"),
])
def test_towns_of_the_supplement(gazetteer, text, name, iso, admin1):
    mm, precision = _chosen(text, gazetteer)
    assert (mm.place.name, mm.place.iso, mm.place.admin1, precision) == (name, iso, admin1, 1)
