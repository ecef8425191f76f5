"""The Kenya and Indonesia supplements (data/places/kenya.yaml, indonesia.yaml): quarters of
Nairobi and Mombasa, Jakarta's administrative cities, towns GeoNames' populated places lack.
Invented sentences; the names are facts."""

import pytest

from place_reading import chosen as _chosen
from sitrep.geo.gazetteer import load_supplement
from sitrep.geo.resolve import distance_km


@pytest.mark.parametrize("file,iso,box", [
    ("kenya.yaml", "KE", (-4.8, 5.1, 33.9, 42.0)), ("indonesia.yaml", "ID", (-11.0, 6.0, 95.0, 141.1)),
])
def test_the_entries_lie_in_their_country(file, iso, box):
    rows = [r for r in load_supplement() if r["_file"] == file]
    assert rows and all(r["country"] == iso for r in rows)
    assert all(box[0] <= float(r["lat"]) <= box[1] and box[2] <= float(r["lon"]) <= box[3] for r in rows)


@pytest.mark.parametrize("text,name,city", [
    ("Police fired tear gas at traders in Kibera on Tuesday.", "Kibera", "Nairobi"),
    ("Youths blocked the ferry road in Likoni after a shooting.", "Likoni", "Mombasa"),
    ("Hundreds of nurses rallied in Central Jakarta on Monday over unpaid wages.", "Central Jakarta", "Jakarta"),
])
def test_a_quarter_of_a_city_is_a_town_level_place_in_it(gazetteer, text, name, city):
    chosen = _chosen(text, gazetteer)
    assert chosen is not None and chosen.place.name == name and chosen.place.feature == "neighbourhood"
    town = max((p for p in gazetteer.lookup(city) if p.feature == "town"), key=lambda p: p.population or 0)
    assert distance_km((chosen.place.latitude, chosen.place.longitude), (town.latitude, town.longitude)) < 25
