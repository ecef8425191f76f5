"""The Sri Lanka supplement (data/places/sri_lanka.yaml): towns GeoNames' populated places lack
and quarters of Colombo. Invented sentences; the names are facts."""

import pytest

from place_reading import chosen as _chosen
from sitrep.geo.gazetteer import load_supplement


def test_the_sri_lanka_entries_are_on_the_island():
    rows = [r for r in load_supplement() if r["_file"] == "sri_lanka.yaml"]
    assert len(rows) >= 25 and all(r["country"] == "LK" for r in rows)
    assert all(5.9 <= float(r["lat"]) <= 9.9 and 79.6 <= float(r["lon"]) <= 81.9 for r in rows)
    assert len({r["name"] for r in rows}) == len(rows)


@pytest.mark.parametrize("text,name,province", [
    ("Tea workers blocked the main road in Maskeliya on Tuesday demanding higher wages.", "Maskeliya", "Central"),
    ("Fishermen protested in Kalpitiya against the new harbour fees.", "Kalpitiya", "North Western"),
    ("Two groups clashed in Kattankudy after a council meeting, police said.", "Kattankudy", "Eastern"),
])
def test_a_town_geonames_lacks_is_placed_in_its_province(gazetteer, text, name, province):
    chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.place.name == name and chosen.place.iso == "LK"
    assert chosen.place.admin1 == province


def test_a_quarter_of_colombo_is_a_town_level_place_in_colombo(gazetteer):
    chosen = _chosen("Students staged a sit-in at Borella junction on Monday.", gazetteer)
    assert chosen is not None and chosen.place.name == "Borella" and chosen.place.feature == "neighbourhood"
    assert chosen.place.admin1 == "Western"
