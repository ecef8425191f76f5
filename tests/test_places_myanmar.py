"""The Myanmar supplement (data/places/myanmar.yaml): township seats GeoNames' populated
places lack, and the townships of Yangon and Mandalay city. Invented sentences; the names
are facts."""

import pytest

from place_reading import chosen as _chosen
from sitrep.geo.gazetteer import load_supplement
from sitrep.geo.locate import (
    precision_for,
)
from sitrep.geo.resolve import distance_km


def test_the_myanmar_entries_are_in_myanmar_and_unique():
    rows = [r for r in load_supplement() if r["_file"] == "myanmar.yaml"]
    assert len(rows) >= 60 and all(r["country"] == "MM" for r in rows)
    assert all(9.5 <= float(r["lat"]) <= 28.6 and 92.1 <= float(r["lon"]) <= 101.2 for r in rows)
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names))
    assert all(r["feature"] in ("town", "neighbourhood") for r in rows)


@pytest.mark.parametrize("text,name,admin1", [
    ("Soldiers shelled two villages in Mansi township, Kachin State, on Monday.", "Mansi", "Kachin"),
    ("Fighting broke out near a village of Namtu township in northern Shan State.", "Namtu", "Shan-North"),
    ("Troops torched houses in Maungdaw township, Rakhine State.", "Maungdaw", "Rakhine"),
])
def test_a_township_seat_is_the_place_of_its_township(gazetteer, text, name, admin1):
    chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.place.name == name and chosen.place.iso == "MM"
    assert chosen.place.admin1 == admin1
    assert precision_for(chosen.place, chosen.role) == 2  # ACLED: the township, "part of a region"


def test_a_township_of_yangon_is_a_town_level_place(gazetteer):
    chosen = _chosen("Students marched in Kamayut township, Yangon, on Friday.", gazetteer)
    assert chosen is not None and chosen.place.name == "Kamayut" and chosen.place.feature == "neighbourhood"
    yangon = max(gazetteer.lookup("Yangon", "MM"), key=lambda p: p.population or 0)
    assert distance_km((chosen.place.latitude, chosen.place.longitude), (yangon.latitude, yangon.longitude)) < 25


@pytest.mark.parametrize("town,admin1", [
    ("Taungoo", "Bago-East"), ("Kunhing", "Shan-South"), ("Yamethin", "Mandalay"), ("Pyinmana", "Nay Pyi Taw"),
    ("Hsipaw", "Shan-North"), ("Kengtung", "Shan-East"), ("Pyay", "Bago-West"),
])
def test_a_district_seat_keeps_its_divided_units_name(gazetteer, town, admin1):
    """acled_admin1.yaml `seats`: a town of a unit ACLED divides takes the part whose capital or
    district seat is nearest (Taungoo is nearer Pyay than Bago)."""
    places = [p for p in gazetteer.lookup(town, "MM") if p.feature == "town"]
    assert places and max(places, key=lambda p: p.population or 0).admin1 == admin1
